using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Report;

/// <summary>
/// Lookups shared by both writers, built once per report after checking every span. Checking first means a bad
/// analysis throws before a single byte is written, so neither writer leaves a half-written report behind.
/// </summary>
internal sealed class ReportIndex
{
    private readonly Dictionary<string, Document> _docs;
    private readonly Dictionary<string, StoryEntity> _entities;

    private ReportIndex(CorpusAnalysis analysis, Dictionary<string, Document> docs, Dictionary<string, StoryEntity> entities)
    {
        Analysis = analysis;
        _docs = docs;
        _entities = entities;
    }

    public CorpusAnalysis Analysis { get; }

    /// <summary>Validates <paramref name="analysis"/> and indexes it. Every violation is a programmer error upstream.</summary>
    /// <exception cref="ArgumentException">Unknown or duplicate document id, a default array, or a span that splits a surrogate pair.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A span outside its document's text.</exception>
    public static ReportIndex Build(CorpusAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        NotDefault(analysis.Documents, "CorpusAnalysis.Documents");
        NotDefault(analysis.Stories, "CorpusAnalysis.Stories");
        NotDefault(analysis.Skipped, "CorpusAnalysis.Skipped");

        var docs = new Dictionary<string, Document>(analysis.Documents.Length, StringComparer.Ordinal);
        foreach (var doc in analysis.Documents)
        {
            ArgumentNullException.ThrowIfNull(doc, nameof(analysis));
            if (!docs.TryAdd(doc.Id, doc))
                throw new ArgumentException($"Document id '{doc.Id}' appears twice.", nameof(analysis));
            NotDefault(doc.Removed, $"{doc.Id}.Removed");
        }

        // An entity keeps its id across the stories of a report, so the first definition serves every story.
        var entities = new Dictionary<string, StoryEntity>(StringComparer.Ordinal);
        var index = new ReportIndex(analysis, docs, entities);
        foreach (var story in analysis.Stories)
        {
            ArgumentNullException.ThrowIfNull(story, nameof(analysis));
            index.Check(story);
            foreach (var e in story.Entities) entities.TryAdd(e.Id, e);
        }
        return index;
    }

    public Document Doc(string id) =>
        _docs.TryGetValue(id, out var doc) ? doc : throw new ArgumentException($"Unknown document id '{id}'.", nameof(id));

    public bool TryDoc(string id, out Document doc) => _docs.TryGetValue(id, out doc!);

    /// <summary>The text a span covers. Safe after <see cref="Build"/>: every span was checked.</summary>
    public ReadOnlySpan<char> Slice(DocSpan span) => Doc(span.Doc).Text.AsSpan(span.Start, span.End - span.Start);

    public string SliceString(DocSpan span) => Doc(span.Doc).Text.Substring(span.Start, span.End - span.Start);

    /// <summary>An entity's display name, the id itself when the entity is unknown, or null for no entity.</summary>
    public string? EntityName(string? id) =>
        id is null ? null : _entities.TryGetValue(id, out var e) ? e.Name : id;

    private Dictionary<string, string>? _labels;

    /// <summary>What a reader recognises a source by (<see cref="SourceNames.Of(Document)"/>): the outlet, else the
    /// site, else the file name; when two documents of the report share a name, each gets its file name after it.</summary>
    public string SourceLabel(string docId)
    {
        _labels ??= BuildLabels(Analysis.Documents);
        return _labels.TryGetValue(docId, out var label) ? label : docId;
    }

    private static Dictionary<string, string> BuildLabels(IEnumerable<Document> documents)
    {
        var names = documents.Select(d => (Doc: d, Name: SourceNames.Of(d))).ToList();
        var shared = names.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
        foreach (var (doc, name) in names)
        {
            var file = SourceNames.FileLabel(doc.Origin);
            labels[doc.Id] = shared.Contains(name) && file is not null && file != name ? $"{name} · {file}" : name;
        }
        return labels;
    }

    private void Check(Story story)
    {
        var where = $"story {story.Id}";
        NotDefault(story.Documents, where + ".Documents");
        NotDefault(story.Entities, where + ".Entities");
        NotDefault(story.Quotes, where + ".Quotes");
        NotDefault(story.Facts, where + ".Facts");
        NotDefault(story.Accounts, where + ".Accounts");
        NotDefault(story.Citations, where + ".Citations");
        NotDefault(story.Timeline, where + ".Timeline");

        foreach (var id in story.Documents) Doc(id);
        foreach (var e in story.Entities)
        {
            NotDefault(e.Aliases, $"{where} entity {e.Id}.Aliases");
            NotDefault(e.Mentions, $"{where} entity {e.Id}.Mentions");
            foreach (var m in e.Mentions) CheckSpan(m, $"{where} entity {e.Id}");
        }
        foreach (var q in story.Quotes)
        {
            NotDefault(q.Occurrences, $"{where} quote {q.Id}.Occurrences");
            foreach (var o in q.Occurrences)
            {
                CheckSpan(o.Span, $"{where} quote {q.Id}");
                if (o.Cue is { } cue) CheckSpan(cue, $"{where} quote {q.Id} cue");
                if (o.Source is { } source) CheckSpan(source, $"{where} quote {q.Id} source");
            }
        }
        foreach (var f in story.Facts)
        {
            NotDefault(f.Claims, $"{where} fact {f.Id}.Claims");
            NotDefault(f.Evidence, $"{where} fact {f.Id}.Evidence");
            foreach (var c in f.Claims)
            {
                CheckSpan(c.Span, $"{where} fact {f.Id}");
                CheckSpan(c.Sentence, $"{where} fact {f.Id} sentence");
            }
        }
        foreach (var a in story.Accounts)
        {
            NotDefault(a.Sentences, $"{where} account {a.Id}.Sentences");
            NotDefault(a.Facts, $"{where} account {a.Id}.Facts");
            foreach (var s in a.Sentences) CheckSpan(s, $"{where} account {a.Id}");
            if (!a.Disputes.IsDefault)
                foreach (var word in a.Disputes.SelectMany(d => d.Words)) CheckSpan(word.Word, $"{where} account {a.Id} dispute");
        }
        foreach (var c in story.Citations) CheckSpan(c.Span, $"{where} citation");
        foreach (var t in story.Timeline)
        {
            CheckSpan(t.Span, $"{where} timeline");
            CheckSpan(t.Sentence, $"{where} timeline sentence");
        }
    }

    private void CheckSpan(DocSpan span, string where)
    {
        var text = Doc(span.Doc).Text;
        if (span.Start < 0 || span.End < span.Start || span.End > text.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(span), $"{where}: span [{span.Start},{span.End}) lies outside {span.Doc} (length {text.Length}).");
        }
        // JSON cannot carry half a surrogate pair (System.Text.Json writes U+FFFD and refuses to read a lone escape),
        // so such a span could never satisfy "text equals the substring" in report.json.
        if (SplitsPair(text, span.Start) || SplitsPair(text, span.End))
            throw new ArgumentException($"{where}: span [{span.Start},{span.End}) of {span.Doc} splits a surrogate pair.", nameof(span));
    }

    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);

    private static void NotDefault<T>(ImmutableArray<T> array, string what)
    {
        if (array.IsDefault) throw new ArgumentException($"{what} is a default ImmutableArray; use [] for none.", nameof(array));
    }
}
