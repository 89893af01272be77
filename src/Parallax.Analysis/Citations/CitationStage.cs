using System.Runtime.InteropServices;
using Parallax.Analysis.Pipeline;
using Parallax.Model;

namespace Parallax.Analysis.Citations;

/// <summary>Adds the credits a document gives to outlets, agencies and people.</summary>
public sealed class CitationStage : IDocumentStage
{
    public string Name => "citations";
    public Layers Needs => Layers.Tokens | Layers.Entities;
    public Layers Produces => Layers.Citations;

    public Document Run(Document doc, CancellationToken ct) =>
        doc with
        {
            Citations = ImmutableCollectionsMarshal.AsImmutableArray(CitationFinder.Find(doc).ToArray()),
            Layers = doc.Layers | Layers.Citations,
        };
}
