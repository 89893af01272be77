using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Analysis.Pipeline;

/// <summary>
/// A frozen, ordered list of stages. The order is checked once when it is built, so running it never has to:
/// a stage whose needs no earlier stage produces is a programmer error and throws here.
/// </summary>
public sealed class DocumentPipeline
{
    public ImmutableArray<IDocumentStage> Stages { get; }

    private DocumentPipeline(ImmutableArray<IDocumentStage> stages) => Stages = stages;

    public static DocumentPipeline Build(params IEnumerable<IDocumentStage> stages)
    {
        var list = stages.ToImmutableArray();
        var have = Layers.None;
        foreach (var stage in list)
        {
            var missing = stage.Needs & ~have;
            if (missing != Layers.None)
                throw new InvalidOperationException($"Stage '{stage.Name}' needs {missing}, which no earlier stage produces.");
            have |= stage.Produces;
        }
        return new DocumentPipeline(list);
    }

    public Layers Produces => Stages.Aggregate(Layers.None, (acc, s) => acc | s.Produces);

    public Document Run(Document doc, CancellationToken ct = default)
    {
        foreach (var stage in Stages)
        {
            ct.ThrowIfCancellationRequested();
            doc = stage.Run(doc, ct);
        }
        return doc;
    }
}
