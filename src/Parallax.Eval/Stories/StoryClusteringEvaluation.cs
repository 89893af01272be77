using Parallax.Analysis.Pipeline;
using Parallax.Eval.Coreference;
using Parallax.Model;
using Parallax.Stories.Streaming;

namespace Parallax.Eval.Stories;

/// <summary>Clustering scores at one level (sub-topic or topic): B-cubed over documents and the adjusted Rand index.</summary>
public sealed record ClusteringScore(Prf BCubed, double AdjustedRand, int GoldClusters, int PredictedClusters);

/// <summary>Pairs of documents and how many of them ended in one story: <see cref="FollowUps"/> are two reports of one
/// event whose texts are about different days (a later report: the arrest, the funeral, the verdict), <see cref="SameDay"/>
/// the other pairs of one event, <see cref="LookAlikes"/> reports of the two look-alike events of one topic.</summary>
public sealed record PairFigures((int Pairs, int Together) FollowUps, (int Pairs, int Together) SameDay, (int Pairs, int Together) LookAlikes)
{
    public static double Rate((int Pairs, int Together) x) => x.Pairs == 0 ? 0 : x.Together / (double)x.Pairs;
}

/// <summary>One ECB+ document ready to stream: its gold topic and sub-topic, and its clustering features.</summary>
public sealed record StreamedDocument(string Name, int Topic, string SubTopic, StoryFeatures Features);

/// <summary>
/// Story clustering on ECB+: every document of the chosen topics, analysed by the standard pipeline, is streamed in
/// one deterministic interleaved order through <see cref="StreamingClusterer"/>; the stories are scored against the
/// gold sub-topics (each topic's "ecb" and "ecbplus" halves are two look-alike events) and against the topics.
/// </summary>
public static class StoryClusteringEvaluation
{
    /// <summary>Reads and analyses the documents of the topics, in stream order.</summary>
    public static IReadOnlyList<StreamedDocument> Prepare(EcbPlusCorpus corpus, IEnumerable<int> topics, int threads = 1)
    {
        var ecb = topics.SelectMany(corpus.ReadTopic).ToList();
        var docs = ecb.Select(d => new Document { Id = d.Name, Origin = $"ECB+/{d.Topic}/{d.Name}.xml", Text = d.Text }).ToList();
        var analysed = StandardPipeline.Create().RunAll(docs, threads);
        return ecb.Select((d, i) => new StreamedDocument(d.Name, int.Parse(d.Topic, System.Globalization.CultureInfo.InvariantCulture),
                $"{d.Topic}/{(d.Name.EndsWith("ecbplus", StringComparison.Ordinal) ? "ecbplus" : "ecb")}", StoryFeatures.Of(analysed[i])))
            // Interleaved, not topic by topic: a stable hash of the name gives one fixed pseudo-random order.
            .OrderBy(d => Fnv(d.Name)).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Streams the documents and scores the stories at sub-topic and topic level.</summary>
    public static (ClusteringScore SubTopic, ClusteringScore Topic, long[] Stories) Score(IReadOnlyList<StreamedDocument> docs, StreamingOptions options,
        IReadOnlyList<StreamedDocument>? background = null)
    {
        var clusterer = new StreamingClusterer(options);
        foreach (var b in background ?? []) clusterer.Prime(b.Features);
        var story = new long[docs.Count];
        // Merges relabel earlier documents: a union-find over story ids follows them.
        var parent = new Dictionary<long, long>();
        long Find(long x) { while (parent.TryGetValue(x, out var p) && p != x) x = p; return x; }
        for (int i = 0; i < docs.Count; i++)
        {
            var a = clusterer.Add(docs[i].Features);
            story[i] = a.Story;
            foreach (var m in a.Merged) parent[m] = a.Story;
        }
        for (int i = 0; i < story.Length; i++) story[i] = Find(story[i]);
        // Topic level scores story families (related events), the level above stories.
        var family = story.Select(clusterer.FamilyOf).ToArray();
        return (Level(docs.Select(d => d.SubTopic).ToList(), story), Level(docs.Select(d => d.Topic).ToList(), family), story);
    }

    /// <summary>The follow-up development figure: ECB+ documents carry no publication date, so a document's day is the
    /// one its text is about (<see cref="StoryFeatures.Day"/>: the latest full date it states). Two reports of one
    /// sub-topic dated on different days are a follow-up pair (the later one reports what came after); two reports of
    /// one topic's two sub-topics are a look-alike pair (the same kind of event, other people, place or date). Recall
    /// of follow-up pairs should rise while look-alike pairs stay apart.</summary>
    public static PairFigures Pairs(IReadOnlyList<StreamedDocument> docs, IReadOnlyList<long> stories)
    {
        int fp = 0, ft = 0, sp = 0, st = 0, lp = 0, lt = 0;
        for (int i = 0; i < docs.Count; i++)
            for (int j = i + 1; j < docs.Count; j++)
            {
                if (docs[i].Topic != docs[j].Topic) continue;
                int together = stories[i] == stories[j] ? 1 : 0;
                if (docs[i].SubTopic != docs[j].SubTopic) { lp++; lt += together; }
                else if (docs[i].Features.Day is { } a && docs[j].Features.Day is { } b && a != b) { fp++; ft += together; }
                else { sp++; st += together; }
            }
        return new PairFigures((fp, ft), (sp, st), (lp, lt));
    }

    private static ClusteringScore Level<T>(IReadOnlyList<T> gold, long[] predicted) where T : notnull =>
        new(BCubed.Score(gold, predicted), AdjustedRand(gold, predicted), gold.Distinct().Count(), predicted.Distinct().Count());

    /// <summary>Adjusted Rand index (Hubert and Arabie 1985) from the contingency table of the two labelings.</summary>
    public static double AdjustedRand<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var both = new Dictionary<(TA, TB), long>();
        var ca = new Dictionary<TA, long>();
        var cb = new Dictionary<TB, long>();
        for (int i = 0; i < a.Count; i++)
        {
            both[(a[i], b[i])] = both.GetValueOrDefault((a[i], b[i])) + 1;
            ca[a[i]] = ca.GetValueOrDefault(a[i]) + 1;
            cb[b[i]] = cb.GetValueOrDefault(b[i]) + 1;
        }
        double index = both.Values.Sum(Pairs), sa = ca.Values.Sum(Pairs), sb = cb.Values.Sum(Pairs), total = Pairs(a.Count);
        double expected = total == 0 ? 0 : sa * sb / total, max = (sa + sb) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static uint Fnv(string s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return h;
    }
}
