using Parallax.Model;

namespace Parallax.Ingest.Copies;

/// <summary>What <see cref="CopyDetector.Find"/> decided: the documents to analyse (near-copies marked with
/// <see cref="Document.CopyOf"/>) and the exact duplicates left out, each as a rejection naming its original.</summary>
public sealed record CopyResult(IReadOnlyList<Document> Documents, IReadOnlyList<Rejection> Duplicates);

/// <summary>
/// Finds copies among documents: exact duplicates (the same cleaned text, white space aside) are collapsed into the
/// earliest; syndicated or lightly edited copies (a wire story with another headline, a trimmed or extended version)
/// are found with MinHash over word 5-gram shingles and banded locality-sensitive hashing, verified on the shingle
/// sets, and marked as copies of the earliest document of their group (publication date, then reading order).
/// Memory is a fixed-size signature per document plus the shingle sets of the documents being verified.
/// </summary>
public sealed class CopyDetector
{
    /// <summary>Word n-grams: 5 words rarely repeat by chance in news prose but survive light edits around them.</summary>
    private const int ShingleWords = 5;

    /// <summary>64 hashes in 16 bands of 4: a pair at Jaccard 0.5 becomes a candidate with probability 0.64, at 0.7
    /// with 0.98, so verification (below) rather than banding decides.</summary>
    private const int Hashes = 64;
    private const int Rows = 4;

    /// <summary>Jaccard similarity of shingle sets at which two texts are the same story lightly edited; measured on
    /// invented variants: a changed headline and a few words in 20 sentences stays above 0.75, two reports of one event
    /// by different outlets stay below 0.2.</summary>
    public double MinJaccard { get; init; } = 0.6;

    /// <summary>Share of the shorter text's shingles found in the longer at which the shorter is a trimmed copy.</summary>
    public double MinContainment { get; init; } = 0.9;

    /// <summary>Texts with fewer shingles than this are too short to call copies (a two-line brief).</summary>
    public int MinShingles { get; init; } = 30;

    public static CopyDetector Default { get; } = new();

    public CopyResult Find(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // Earliest first: dated documents by date, undated after them, reading order breaking ties.
        var order = Enumerable.Range(0, documents.Count)
            .OrderBy(i => documents[i].Metadata.Published?.Value ?? DateOnly.MaxValue).ThenBy(i => i).ToList();

        var rank = new int[documents.Count];
        for (int r = 0; r < order.Count; r++) rank[order[r]] = r;

        var exactOriginal = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicateOf = new Dictionary<int, int>();
        foreach (var i in order)
        {
            var key = Normalise(documents[i].Text);
            if (exactOriginal.TryGetValue(key, out var first)) duplicateOf[i] = first;
            else exactOriginal[key] = i;
        }

        var shingles = new Dictionary<int, HashSet<ulong>>();
        var buckets = new Dictionary<(int Band, ulong Hash), List<int>>();
        var copyOf = new Dictionary<int, CopyRelation>();
        foreach (var i in order)
        {
            if (duplicateOf.ContainsKey(i)) continue;
            var set = Shingles(documents[i].Text);
            if (set.Count < MinShingles) continue;
            shingles[i] = set;
            var signature = MinHash(set);
            var candidates = new SortedSet<int>(Comparer<int>.Create((a, b) => rank[a].CompareTo(rank[b])));
            for (int band = 0; band < Hashes / Rows; band++)
            {
                var key = (band, BandHash(signature, band));
                if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
                foreach (var j in list) candidates.Add(j);
                list.Add(i);
            }
            // The earliest similar document that is itself an original: copies point at the source, not at each other.
            foreach (var j in candidates)
            {
                if (copyOf.ContainsKey(j)) continue;
                var (jaccard, containment) = Similarity(set, shingles[j]);
                if (jaccard >= MinJaccard || containment >= MinContainment)
                {
                    copyOf[i] = new CopyRelation(documents[j].Id, jaccard);
                    break;
                }
            }
        }

        var kept = new List<Document>(documents.Count);
        var duplicates = new List<Rejection>();
        for (int i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            if (duplicateOf.TryGetValue(i, out var original))
                duplicates.Add(new Rejection(d.Origin, $"exact duplicate of {documents[original].Id} ({documents[original].Origin})"));
            else kept.Add(copyOf.TryGetValue(i, out var rel) ? d with { CopyOf = rel } : d);
        }
        return new CopyResult(kept, duplicates);
    }

    private static (double Jaccard, double Containment) Similarity(HashSet<ulong> a, HashSet<ulong> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        int common = small.Count(large.Contains);
        return ((double)common / (a.Count + b.Count - common), (double)common / small.Count);
    }

    /// <summary>Lower-cased words joined by single spaces: the text as far as copying is concerned.</summary>
    private static string Normalise(string text) => string.Join(' ', Words(text));

    private static List<string> Words(string text) => TextWords.Lower(text);

    private static HashSet<ulong> Shingles(string text)
    {
        var words = Words(text);
        var set = new HashSet<ulong>();
        for (int i = 0; i + ShingleWords <= words.Count; i++)
        {
            // FNV-1a over the shingle's words, with a separator so "ab c" and "a bc" differ.
            ulong h = 14695981039346656037UL;
            for (int w = i; w < i + ShingleWords; w++)
            {
                foreach (char c in words[w]) h = (h ^ c) * 1099511628211UL;
                h = (h ^ ' ') * 1099511628211UL;
            }
            set.Add(h);
        }
        return set;
    }

    /// <summary>The minimum, over the set, of each of <see cref="Hashes"/> hash functions (the shingle hash remixed with
    /// a per-function odd multiplier and seed, which is enough to decorrelate them for MinHash).</summary>
    private static ulong[] MinHash(HashSet<ulong> set)
    {
        var sig = new ulong[Hashes];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var h in set)
            for (int k = 0; k < Hashes; k++)
            {
                ulong x = (h ^ Seeds[k]) * 0x9E3779B97F4A7C15UL;
                x ^= x >> 29;
                if (x < sig[k]) sig[k] = x;
            }
        return sig;
    }

    private static readonly ulong[] Seeds = Enumerable.Range(1, Hashes).Select(k => (ulong)k * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL).ToArray();

    private static ulong BandHash(ulong[] sig, int band)
    {
        ulong h = 1469598103934665603UL;
        for (int r = 0; r < Rows; r++) h = (h ^ sig[band * Rows + r]) * 1099511628211UL;
        return h;
    }
}
