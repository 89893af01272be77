using System.Runtime.InteropServices;
using Parallax.Analysis.Pipeline;
using Parallax.Model;

namespace Parallax.Analysis.Time;

/// <summary>
/// Adds the time layer: dates and times ("July 22, 2019", "March 2017", "in 2011", "10 a.m. on Monday") normalised
/// to ISO 8601 as precisely as the text allows, and relative ones ("Monday", "yesterday", "last year", "three days
/// ago") resolved against the document's publication date. A weekday in news written in the past tense is the most
/// recent such day on or before publication ("next Monday" and sentences with "will" look forward). Without a
/// publication date a relative expression keeps <see cref="TimeExpression.Iso"/> null and is marked relative;
/// "five days later" never resolves, because it is relative to another event, not to publication.
/// </summary>
public sealed class TimeStage : IDocumentStage
{
    public string Name => "times";
    public Layers Needs => Layers.Tokens | Layers.Sentences;
    public Layers Produces => Layers.Times;

    public Document Run(Document doc, CancellationToken ct)
    {
        var found = new List<TimeExpression>();
        new TimeExtractor(doc.Text, doc.PublishedDate).Extract(doc, found, ct);
        return doc with
        {
            Times = ImmutableCollectionsMarshal.AsImmutableArray(found.ToArray()),
            Layers = doc.Layers | Layers.Times,
        };
    }
}
