using System.Runtime.InteropServices;

namespace Parallax.Stories.Streaming;

/// <summary>Where a document went: the story it joined or started, and stories merged into that story because of it.
/// <see cref="Family"/> groups related stories (the same topic, different events: two trials of one man); it is the
/// story id of the family's first story.</summary>
/// <see cref="FamiliesJoined"/> lists families that became part of <see cref="Family"/> through a merge.
public readonly record struct Assignment(long Story, long Family, bool Started, IReadOnlyList<long> Merged, IReadOnlyList<long> FamiliesJoined);

/// <summary>
/// Online story clustering. Each document joins the most similar live story (cosine of idf-weighted terms against the
/// story's centroid, within a time window) or starts a new one; when it links two stories whose centroids have
/// become alike, they merge. Candidates come from an inverted index over terms, reading only the most recent stories of
/// each posting list, so the cost per document is bounded whatever the number of stories. Deterministic for an input
/// order: no hashing-order dependence, ties broken by story id. Not thread-safe: one writer feeds it.
/// </summary>
public sealed class StreamingClusterer(StreamingOptions? options = null)
{
    private readonly StreamingOptions opt = options ?? new StreamingOptions();
    private readonly Dictionary<string, int> df = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> postings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, StoryState> stories = [];
    private readonly Dictionary<long, long> familyParent = [];
    private long documents;
    private long nextStory = 1;

    public int LiveStories => stories.Count;
    public long Documents => documents;

    private sealed class StoryState(long id)
    {
        public readonly long Id = id;
        public readonly Dictionary<string, float> Sum = new(StringComparer.Ordinal);
        public readonly HashSet<string> Indexed = new(StringComparer.Ordinal);
        public int Size;
        public DateOnly? First, Last;
        public double Norm;
        public long LastSeen;
        public long Family = id;
        /// <summary>The latest members' terms (at most <see cref="StreamingOptions.MemberMemory"/>), for the
        /// nearest-member part of the score.</summary>
        public readonly Queue<IReadOnlyDictionary<string, float>> Members = new();
    }

    /// <summary>Decides the story of one new document and updates the state.</summary>
    public Assignment Add(StoryFeatures f)
    {
        documents++;
        foreach (var t in f.Terms.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        var doc = Weigh(f.Terms);

        var scored = new List<(StoryState Story, double Score)>();
        var related = new List<StoryState>();
        foreach (var s in Candidates(f, doc))
        {
            double cosine = Score(doc, s);
            // The family ignores the window and years: a later event of the same kind is related news.
            if (cosine >= opt.FamilyThreshold) related.Add(s);
            if (!InWindow(s, f.Day)) continue;
            double score = cosine * YearFactor(f, s);
            if (score >= opt.JoinThreshold) scored.Add((s, score));
        }
        scored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Story.Id.CompareTo(b.Story.Id));

        var families = new List<long>();
        if (scored.Count == 0)
        {
            var fresh = new StoryState(nextStory++);
            stories[fresh.Id] = fresh;
            Join(fresh, f);
            foreach (var r in related) JoinFamilies(fresh, r, families);
            return new Assignment(fresh.Id, FamilyRoot(fresh.Family), true, [], families);
        }
        var target = scored[0].Story;
        Join(target, f);
        foreach (var r in related) JoinFamilies(target, r, families);
        var merged = new List<long>();
        // Other stories this document also links to merge into the target when their centroids now agree.
        for (int i = 1; i < scored.Count; i++)
        {
            var other = scored[i].Story;
            if (!InWindow(target, other.First) || !InWindow(target, other.Last)) continue;
            if (CentroidCosine(target, other) < opt.MergeThreshold) continue;
            var (keep, drop) = target.Id < other.Id ? (target, other) : (other, target);
            JoinFamilies(keep, drop, families);
            MergeInto(keep, drop);
            merged.Add(drop.Id);
            target = keep;
        }
        return new Assignment(target.Id, FamilyRoot(target.Family), false, merged, families);
    }

    /// <summary>Counts a background document in the term statistics only (no story): word rarity learned from an
    /// earlier corpus, so the first documents of a new stream are weighed as well as later ones.</summary>
    public void Prime(StoryFeatures f)
    {
        documents++;
        foreach (var t in f.Terms.Keys) df[t] = df.GetValueOrDefault(t) + 1;
    }

    /// <summary>Rebuilds state from a stored assignment (no decision is made): how a store resumes a corpus.</summary>
    public void Restore(StoryFeatures f, long story, long family)
    {
        documents++;
        foreach (var t in f.Terms.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        if (!stories.TryGetValue(story, out var s)) stories[story] = s = new StoryState(story) { Family = family };
        nextStory = Math.Max(nextStory, story + 1);
        Join(s, f);
    }

    /// <summary>The family a story belongs to now (families only ever join).</summary>
    public long FamilyOf(long story) => stories.TryGetValue(story, out var s) ? FamilyRoot(s.Family) : story;

    /// <summary>Joins the families of two stories; the smaller id stays the family's id.</summary>
    private void JoinFamilies(StoryState a, StoryState b, List<long> joined)
    {
        long fa = FamilyRoot(a.Family), fb = FamilyRoot(b.Family);
        if (fa == fb) return;
        familyParent[Math.Max(fa, fb)] = Math.Min(fa, fb);
        joined.Add(Math.Max(fa, fb));
    }

    private long FamilyRoot(long f)
    {
        while (familyParent.TryGetValue(f, out var p)) f = p;
        return f;
    }

    private List<StoryState> Candidates(StoryFeatures f, Dictionary<string, double> doc)
    {
        var hits = new Dictionary<long, int>();
        foreach (var term in doc.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(opt.ProbeTerms).Select(kv => kv.Key))
        {
            if (!postings.TryGetValue(term, out var list)) continue;
            for (int i = list.Count - 1, seen = 0; i >= 0 && seen < opt.PostingScan; i--, seen++)
                CollectionsMarshal.GetValueRefOrAddDefault(hits, list[i], out _)++;
        }
        return hits.Where(h => stories.ContainsKey(h.Key))
            .OrderByDescending(h => h.Value).ThenBy(h => h.Key).Take(opt.Candidates)
            .Select(h => stories[h.Key]).ToList();
    }

    private void Join(StoryState s, StoryFeatures f)
    {
        s.Size++;
        s.LastSeen = documents;
        s.Members.Enqueue(f.Terms);
        if (s.Members.Count > opt.MemberMemory) s.Members.Dequeue();
        foreach (var (t, w) in f.Terms) s.Sum[t] = s.Sum.GetValueOrDefault(t) + w;
        if (f.Day is { } d)
        {
            if (s.First is null || d < s.First) s.First = d;
            if (s.Last is null || d > s.Last) s.Last = d;
        }
        Trim(s);
        Reindex(s);
    }

    private void MergeInto(StoryState keep, StoryState drop)
    {
        foreach (var (t, w) in drop.Sum) keep.Sum[t] = keep.Sum.GetValueOrDefault(t) + w;
        foreach (var m in drop.Members) keep.Members.Enqueue(m);
        while (keep.Members.Count > opt.MemberMemory) keep.Members.Dequeue();
        keep.Size += drop.Size;
        if (drop.First is { } a && (keep.First is null || a < keep.First)) keep.First = a;
        if (drop.Last is { } b && (keep.Last is null || b > keep.Last)) keep.Last = b;
        keep.LastSeen = Math.Max(keep.LastSeen, drop.LastSeen);
        stories.Remove(drop.Id);
        Trim(keep);
        Reindex(keep);
    }

    /// <summary>Moves a story to the end of the posting lists of its strongest terms (most recent first when read).</summary>
    private void Reindex(StoryState s)
    {
        foreach (var (t, _) in s.Sum)
        {
            if (!s.Indexed.Add(t)) continue;
            if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
            list.Add(s.Id);
            // Lists only grow; dead and stale entries are dropped when a list doubles past the scan window.
            if (list.Count > 4 * opt.PostingScan) Compact(list);
        }
        s.Norm = Norm(s.Sum);
    }

    private void Compact(List<long> list)
    {
        var keep = list.Skip(list.Count - opt.PostingScan).Where(stories.ContainsKey).ToList();
        list.Clear();
        list.AddRange(keep);
    }

    private void Trim(StoryState s)
    {
        if (s.Sum.Count <= opt.CentroidTerms) return;
        foreach (var t in s.Sum.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(s.Sum.Count - opt.CentroidTerms).Select(kv => kv.Key).ToList())
            s.Sum.Remove(t);
    }

    private double Idf(string term) => Math.Log(1.0 + documents / (double)Math.Max(1, df.GetValueOrDefault(term)));

    private Dictionary<string, double> Weigh(IReadOnlyDictionary<string, float> terms)
    {
        var v = new Dictionary<string, double>(terms.Count, StringComparer.Ordinal);
        double norm = 0;
        foreach (var (t, w) in terms) { double x = w * Idf(t); v[t] = x; norm += x * x; }
        norm = Math.Sqrt(norm);
        if (norm > 0) foreach (var t in terms.Keys) v[t] /= norm;
        return v;
    }

    private double Norm(Dictionary<string, float> sum)
    {
        double n = 0;
        foreach (var (t, w) in sum) { double x = w * Idf(t); n += x * x; }
        return Math.Sqrt(n);
    }

    /// <summary>A blend of the cosine with the story's centroid (what the story is about overall) and with its nearest
    /// recent member (a new report often follows one earlier report closely).</summary>
    private double Score(Dictionary<string, double> doc, StoryState s)
    {
        double centroid = Cosine(doc, s);
        if (opt.NearestMemberWeight <= 0) return centroid;
        double best = 0;
        foreach (var m in s.Members)
        {
            double dot = 0, norm = 0;
            foreach (var (t, w) in m)
            {
                double x = w * Idf(t);
                norm += x * x;
                if (doc.TryGetValue(t, out var y)) dot += x * y;
            }
            if (norm > 0) best = Math.Max(best, dot / Math.Sqrt(norm));
        }
        return (1 - opt.NearestMemberWeight) * centroid + opt.NearestMemberWeight * best;
    }

    private double Cosine(Dictionary<string, double> doc, StoryState s)
    {
        if (s.Norm == 0) return 0;
        double dot = 0;
        foreach (var (t, w) in doc) if (s.Sum.TryGetValue(t, out var c)) dot += w * c * Idf(t);
        return dot / s.Norm;
    }

    private double CentroidCosine(StoryState a, StoryState b)
    {
        if (a.Norm == 0 || b.Norm == 0) return 0;
        if (a.Sum.Count > b.Sum.Count) (a, b) = (b, a);
        double dot = 0;
        foreach (var (t, w) in a.Sum) if (b.Sum.TryGetValue(t, out var c)) { double idf = Idf(t); dot += w * c * idf * idf; }
        return dot / (a.Norm * b.Norm);
    }

    private bool InWindow(StoryState s, DateOnly? day) =>
        day is not { } d || s.First is not { } first || s.Last is not { } last
        || (d.DayNumber >= first.DayNumber - opt.WindowDays && d.DayNumber <= last.DayNumber + opt.WindowDays);

    /// <summary>Scales the score down when the document names years, or places, that the story never names while the
    /// story names others: look-alike events differ first in when and where.</summary>
    private double YearFactor(StoryFeatures f, StoryState s) =>
        Mismatch(f, s, '#', opt.YearMismatchFactor) * Mismatch(f, s, '^', opt.PlaceMismatchFactor);

    private static double Mismatch(StoryFeatures f, StoryState s, char kind, double factor)
    {
        if (factor >= 1) return 1;
        bool docHas = false;
        foreach (var t in f.Terms.Keys)
        {
            if (t[0] != kind) continue;
            docHas = true;
            if (s.Sum.ContainsKey(t)) return 1;
        }
        if (!docHas) return 1;
        foreach (var t in s.Sum.Keys) if (t[0] == kind) return factor;
        return 1;
    }
}
