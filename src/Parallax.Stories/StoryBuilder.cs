using System.Collections.Immutable;
using Parallax.Model;
using Parallax.Stories.Entities;
using Parallax.Stories.Facts;
using Parallax.Stories.Quotes;
using Parallax.Stories.Streaming;
using Parallax.Stories.Timeline;

namespace Parallax.Stories;

/// <summary>
/// Turns analysed documents into stories: clusters documents by event, then, per story, merges entities, groups quotes,
/// aligns facts and accounts, and collects citations and the timeline. Ids are readable and report-wide (s1, e7, q3,
/// f12, a2), and an entity keeps its id in every story of the report. Pure: no I/O.
/// </summary>
public sealed class StoryBuilder
{
    private readonly EntityMerger merger = new();
    private readonly FactAligner aligner = new();

    /// <summary>Groups the documents with the streaming clusterer (publication order, as ingest places them) and builds
    /// each story.</summary>
    public CorpusAnalysis Build(IReadOnlyList<Document> docs, IReadOnlyList<Rejection> skipped, CancellationToken ct = default) =>
        Build(docs, StreamingGroups.Of(docs), skipped, ct);

    /// <summary>Builds the stories of clusters decided elsewhere (a store's streaming clusterer keeps them).</summary>
    public CorpusAnalysis Build(IReadOnlyList<Document> docs, IEnumerable<IReadOnlyList<Document>> clusters, IReadOnlyList<Rejection> skipped, CancellationToken ct = default)
    {
        var entityIds = new Dictionary<string, string>(StringComparer.Ordinal);
        int story = 0, quote = 0, fact = 0, account = 0;
        string EntityId(string key) => entityIds.TryGetValue(key, out var id) ? id : entityIds[key] = $"e{entityIds.Count + 1}";

        var stories = new List<Story>();
        foreach (var cluster in clusters)
        {
            ct.ThrowIfCancellationRequested();
            var members = cluster.OrderBy(d => d.PublishedDate ?? DateOnly.MaxValue).ThenBy(d => IdNumber(d.Id)).ToList();
            var entities = merger.Merge(members, EntityId);

            var occurrences = new List<QuoteGrouper.Occurrence>();
            foreach (var doc in members)
                foreach (var q in doc.Quotes)
                {
                    string? speakerId = q.Speaker is { } s && entities.EntityOf.TryGetValue((doc.Id, s.Start), out var id) ? id : null;
                    string? label = q.SpeakerLabel ?? (q.Speaker is { } sp && speakerId is null ? doc.Slice(sp) : null);
                    // "the father says": a description the merger linked to the person the text gives that role
                    // credits that person, not the label "a father".
                    if (q.Speaker is null && q.Source is { } src && entities.EntityOf.TryGetValue((doc.Id, src.Start), out var described))
                        (speakerId, label) = (described, null);
                    occurrences.Add(new QuoteGrouper.Occurrence(doc, q, speakerId, label));
                }
            var quotes = QuoteGrouper.Group(occurrences, () => $"q{++quote}");

            var names = entities.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
            var alignment = aligner.Align(members, (doc, q) => Attribute(doc, q, entities.EntityOf), () => $"f{++fact}", () => $"a{++account}",
                (doc, sentence) => EntitiesIn(doc, sentence, entities.EntityOf, names));

            var citations = members.SelectMany(d => d.Citations.Select(c =>
                new StoryCitation(new DocSpan(d.Id, c.Start, c.End), c.Cites, c.Kind))).ToImmutableArray();

            stories.Add(new Story(
                $"s{++story}",
                Title(members),
                [.. members.Select(d => d.Id)],
                entities.Entities,
                quotes,
                alignment.Facts,
                alignment.Accounts,
                citations,
                TimelineBuilder.Build(members)));
        }
        return new CorpusAnalysis([.. docs], [.. stories], [.. skipped]);
    }

    private static int IdNumber(string id) => id.Length > 1 && int.TryParse(id.AsSpan(1), out var n) ? n : int.MaxValue;

    /// <summary>The earliest report's title, else the first sentence of the earliest report (members in story order).</summary>
    public static string Title(IReadOnlyList<Document> members)
    {
        foreach (var d in members)
            if (d.Metadata.Title?.Value is { Length: > 0 } t) return t;
        var first = members[0];
        var s = first.Sentences.Length > 0 ? first.Slice(first.Sentences[0].Span) : first.Text;
        return s.Length > 120 ? s[..117] + "…" : s;
    }

    /// <summary>The story entities mentioned in a sentence (mentions are sorted by start, so a binary search finds the first).</summary>
    private static List<EntityRef> EntitiesIn(Document doc, TextSpan sentence,
        IReadOnlyDictionary<(string, int), string> entityOf, Dictionary<string, string> names)
    {
        var result = new List<EntityRef>();
        var mentions = doc.Entities;
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Start < sentence.Start) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < mentions.Length && mentions[i].Start < sentence.End; i++)
            if (entityOf.TryGetValue((doc.Id, mentions[i].Start), out var id) && names.TryGetValue(id, out var name))
                result.Add(new EntityRef(id, name, mentions[i].Start, mentions[i].End));
        return result;
    }

    /// <summary>Who a number is credited to: the speaker of the quote that holds it, else the source of an
    /// "according to" / "told" citation in the same sentence.</summary>
    private static (string? EntityId, string? Label) Attribute(Document doc, Quantity q, IReadOnlyDictionary<(string, int), string> entityOf)
    {
        foreach (var quote in doc.Quotes)
        {
            if (!quote.Content.Contains(q.Span)) continue;
            if (quote.Speaker is { } s)
                return entityOf.TryGetValue((doc.Id, s.Start), out var id) ? (id, doc.Slice(s)) : (null, doc.Slice(s));
            return (null, quote.SpeakerLabel);
        }
        int sentence = doc.SentenceAt(q.Start);
        if (sentence < 0) return (null, null);
        var span = doc.Sentences[sentence].Span;
        foreach (var c in doc.Citations)
        {
            if (!span.Contains(c.Span)) continue;
            foreach (var m in doc.Entities)
                if (m.Start >= c.Start && m.End <= c.End && entityOf.TryGetValue((doc.Id, m.Start), out var id))
                    return (id, c.Cites);
            return (null, c.Cites);
        }
        return (null, null);
    }
}
