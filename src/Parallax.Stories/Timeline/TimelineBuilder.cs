using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Stories.Timeline;

/// <summary>Dated moments of a story in order, each tied to the sentence that dates it. Dates the text could not resolve
/// are left out; the same date stated by the same sentence text in several documents is kept once per document.</summary>
public static class TimelineBuilder
{
    public static ImmutableArray<TimelineEntry> Build(IReadOnlyList<Document> docs)
    {
        var entries = new List<TimelineEntry>();
        foreach (var doc in docs)
            foreach (var t in doc.Times)
            {
                if (t.Iso is null) continue;
                int s = doc.SentenceAt(t.Start);
                var sentence = s >= 0 ? doc.Sentences[s].Span : t.Span;
                entries.Add(new TimelineEntry(t.Iso, t.Precision, new DocSpan(doc.Id, t.Start, t.End), new DocSpan(doc.Id, sentence.Start, sentence.End)));
            }
        return [.. entries
            .OrderBy(e => e.Date, StringComparer.Ordinal)
            .ThenBy(e => e.Span.Doc, StringComparer.Ordinal)
            .ThenBy(e => e.Span.Start)
            .DistinctBy(e => (e.Date, e.Sentence))];
    }
}
