using Parallax.Model;

namespace Parallax.Stories.Clustering;

/// <summary>
/// Groups documents about the same event: cosine similarity of tf-idf vectors over content words and entity names,
/// linked when at least <see cref="LinkThreshold"/>, never across more than <see cref="WindowDays"/> days of publication.
/// Candidate pairs come from an inverted index over each document's strongest terms, so cost follows shared vocabulary,
/// not documents squared. A simple first version: issue 7 makes it streaming and separates look-alike events.
/// </summary>
public static class StoryClusterer
{
    /// <summary>Calibrated on the founding case and the samples (reports of one event score 0.25–0.6 with each other;
    /// unrelated news below 0.1).</summary>
    public const double LinkThreshold = 0.18;
    public const int WindowDays = 14;
    private const int TermsPerDocument = 40;

    public static List<List<Document>> Cluster(IReadOnlyList<Document> docs)
    {
        int n = docs.Count;
        var vectors = docs.Select(Terms).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in vectors) foreach (var t in v.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        var weighted = vectors.Select(v => Weigh(v, df, n)).ToList();

        var parent = Enumerable.Range(0, n).ToArray();
        int Root(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
            foreach (var term in weighted[i].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(TermsPerDocument).Select(kv => kv.Key))
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add(i);
            }
        var compared = new HashSet<(int, int)>();
        foreach (var list in postings.Values)
        {
            if (list.Count > 500) continue; // a term in that many documents does not tell events apart
            for (int a = 0; a < list.Count; a++)
                for (int b = a + 1; b < list.Count; b++)
                {
                    int i = list[a], j = list[b];
                    if (!compared.Add((i, j)) || Root(i) == Root(j)) continue;
                    if (!WithinWindow(docs[i], docs[j])) continue;
                    if (Cosine(weighted[i], weighted[j]) >= LinkThreshold) parent[Root(j)] = Root(i);
                }
        }
        return Enumerable.Range(0, n).GroupBy(Root).OrderBy(g => g.Min()).Select(g => g.Select(i => docs[i]).ToList()).ToList();
    }

    private static bool WithinWindow(Document a, Document b) =>
        a.PublishedDate is not { } da || b.PublishedDate is not { } db || Math.Abs(da.DayNumber - db.DayNumber) <= WindowDays;

    /// <summary>Term counts: lower-cased content words (four letters or more, not stop words) and entity names, which
    /// count double because they carry most of what tells one event from another.</summary>
    private static Dictionary<string, double> Terms(Document doc)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[32];
        foreach (var t in doc.Tokens)
        {
            if (t.Kind != TokenKind.Word || t.Length < 4 || t.Length > 32) continue;
            var w = doc.Text.AsSpan(t.Start, t.Length);
            int len = w.ToLowerInvariant(buffer);
            var lower = buffer[..len];
            if (StopWords.Contains(lower)) continue;
            lookup[lower] = lookup.TryGetValue(lower, out var c) ? c + 1 : 1;
        }
        foreach (var m in doc.Entities)
        {
            var key = "@" + doc.Slice(m.Span).ToLowerInvariant();
            counts[key] = counts.GetValueOrDefault(key) + 2;
        }
        return counts;
    }

    private static Dictionary<string, double> Weigh(Dictionary<string, double> counts, Dictionary<string, int> df, int n)
    {
        var v = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        double norm = 0;
        foreach (var (term, count) in counts)
        {
            double w = (1 + Math.Log(count)) * Math.Log(1 + (double)n / df[term]);
            v[term] = w;
            norm += w * w;
        }
        norm = Math.Sqrt(norm);
        if (norm > 0) foreach (var key in v.Keys.ToList()) v[key] /= norm;
        return v;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double dot = 0;
        foreach (var (term, w) in a) if (b.TryGetValue(term, out var x)) dot += w * x;
        return dot;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "have", "were", "they", "their", "there", "been", "said", "says", "would", "could",
        "should", "about", "after", "before", "when", "what", "which", "while", "into", "than", "then", "them", "also",
        "will", "just", "more", "some", "other", "over", "only", "very", "your", "yours", "because", "where", "does",
        "being", "those", "these", "such", "like", "many", "much", "most", "here", "told", "according", "time", "year",
        "years", "news", "week", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }.GetAlternateLookup<ReadOnlySpan<char>>();
}
