using System.Runtime.InteropServices;
using Parallax.Analysis.Pipeline;
using Parallax.Model;

namespace Parallax.Analysis.Facts;

/// <summary>
/// Adds the quantity layer: every count, duration, age, amount of money, percentage, ordinal and length, with its
/// value in canonical units (seconds, years, currency units, metres), the bounds its wording allows (see
/// <see cref="QuantityBounds"/>) and the thing it measures (<see cref="Quantity.About"/>). Street numbers, phone numbers,
/// ZIP codes, years, dates, clock times and legal section numbers are not quantities and are skipped.
/// </summary>
public sealed class QuantityStage : IDocumentStage
{
    public string Name => "quantities";
    public Layers Needs => Layers.Tokens | Layers.Sentences;
    public Layers Produces => Layers.Quantities;

    public Document Run(Document doc, CancellationToken ct)
    {
        var found = new List<Quantity>();
        new QuantityExtractor(doc.Text).Extract(doc, found, ct);
        return doc with
        {
            Quantities = ImmutableCollectionsMarshal.AsImmutableArray(found.ToArray()),
            Layers = doc.Layers | Layers.Quantities,
        };
    }
}
