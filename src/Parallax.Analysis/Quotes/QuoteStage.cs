using System.Runtime.InteropServices;
using Parallax.Analysis.Pipeline;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

/// <summary>Adds attributed statements: direct, block and indirect quotes with cue and speaker.</summary>
public sealed class QuoteStage : IDocumentStage
{
    private readonly QuoteExtractor extractor = new();

    public string Name => "quotes";
    public Layers Needs => Layers.Tokens | Layers.Sentences | Layers.Entities;
    public Layers Produces => Layers.Quotes;

    public Document Run(Document doc, CancellationToken ct) =>
        doc with
        {
            Quotes = ImmutableCollectionsMarshal.AsImmutableArray(extractor.ExtractWithSources(doc)),
            Layers = doc.Layers | Layers.Quotes,
        };
}
