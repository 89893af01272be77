using System.Collections.Immutable;
using System.Diagnostics;
using Parallax.Model;
using Parallax.Stories.Entities;

namespace Parallax.Eval.Coreference;

/// <summary>One gold named mention of a topic, with the gold cluster it belongs to.</summary>
public sealed record GoldMention(string Doc, int Start, int End, EntityType Type, string Text, string Cluster);

/// <summary>Scores of one topic: B-cubed of the merger and of the exact-string baseline.</summary>
public sealed record TopicScore(int Topic, int Documents, int GoldClusters, Prf Merger, Prf Baseline);

/// <summary>A gold cluster the merger split, or a merged entity that mixes gold clusters: what tuning looks at.</summary>
public sealed record CoreferenceError(int Topic, string Kind, IReadOnlyList<string> Groups);

/// <summary>
/// Cross-document named-entity coreference on ECB+: every document of a topic becomes a Parallax <see cref="Document"/>
/// whose entity mentions are the gold named mentions (<see cref="NamedMentions"/>); <see cref="EntityMerger"/> links them
/// across the topic and B-cubed compares its entities with the gold clusters. The baseline links mentions whose text is
/// identical.
/// </summary>
public sealed class EntityCoreferenceEvaluation(EcbPlusCorpus corpus, bool validatedSentencesOnly = true)
{
    /// <summary>The Parallax documents and gold mentions of one topic.</summary>
    public (IReadOnlyList<Document> Documents, IReadOnlyList<GoldMention> Mentions) Build(int topic)
    {
        var ecb = corpus.ReadTopic(topic);
        var lower = NamedMentions.LowerCaseWords(ecb);
        var docs = new List<Document>();
        var gold = new List<GoldMention>();
        foreach (var d in ecb)
        {
            var seen = new HashSet<(int, int)>();
            var entities = new List<EntityMention>();
            foreach (var m in d.Mentions)
            {
                if (NamedMentions.TypeOf(m.Tag) is not { } type) continue;
                if (validatedSentencesOnly && !corpus.IsSelected(d.Name, d.Tokens[NamedMentions.Head(d, m)].Sentence)) continue;
                if (!NamedMentions.HasProperHead(d, m, lower)) continue;
                int start = d.StartOf(m), end = d.EndOf(m);
                if (!seen.Add((start, end))) continue; // two markables on one span are one mention to the merger
                entities.Add(new EntityMention(start, end, type));
                gold.Add(new GoldMention(d.Name, start, end, type, d.Text[start..end], m.Cluster ?? $"{d.Name}#m{m.Id}"));
            }
            entities.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
            docs.Add(new Document
            {
                Id = d.Name,
                Origin = $"ECB+/{d.Topic}/{d.Name}.xml",
                Text = d.Text,
                Layers = Layers.Entities,
                Entities = [.. entities],
            });
        }
        return (docs, gold);
    }

    /// <summary>Runs the merger on one topic and scores it; <paramref name="errors"/> receives its mistakes when given.</summary>
    public TopicScore Score(int topic, List<CoreferenceError>? errors = null)
    {
        var (docs, gold) = Build(topic);
        int next = 0; // a fresh id per entity: two entities the merger kept apart must not share an id here
        var result = new EntityMerger().Merge(docs, _ => $"e{next++}");

        var entityOf = new Dictionary<(string, int, int), string>();
        foreach (var e in result.Entities)
            foreach (var s in e.Mentions) entityOf.TryAdd((s.Doc, s.Start, s.End), e.Id);
        var predicted = gold.Select((g, i) => entityOf.GetValueOrDefault((g.Doc, g.Start, g.End)) ?? $"unlinked{i}").ToList();
        var baseline = gold.Select(g => g.Text).ToList();
        var labels = gold.Select(g => g.Cluster).ToList();
        if (errors is not null) CollectErrors(topic, gold, predicted, errors);
        return new TopicScore(topic, docs.Count, labels.Distinct().Count(), BCubed.Score(labels, predicted), BCubed.Score(labels, baseline));
    }

    /// <summary>Merging throughput in mentions per second on one core: every topic's documents (built once, not timed)
    /// merged <paramref name="rounds"/> times, after one untimed round.</summary>
    public double MentionsPerSecond(IReadOnlyList<int> topics, int rounds = 20)
    {
        var built = topics.Select(Build).ToList();
        long mentions = 0;
        var sw = new Stopwatch();
        for (int r = 0; r <= rounds; r++)
        {
            if (r == 1) sw.Start();
            foreach (var (docs, _) in built)
            {
                int next = 0;
                new EntityMerger().Merge(docs, _ => $"e{next++}");
                if (r > 0) mentions += docs.Sum(d => d.Entities.Length);
            }
        }
        sw.Stop();
        return sw.Elapsed.TotalSeconds > 0 ? mentions / sw.Elapsed.TotalSeconds : 0;
    }

    /// <summary>Pools topic scores into the split's figure: B-cubed averaged over all mentions of the split.</summary>
    public static (Prf Merger, Prf Baseline) Pool(IReadOnlyList<TopicScore> topics)
    {
        int n = topics.Sum(t => t.Merger.Mentions);
        if (n == 0) return (new Prf(0, 0, 0), new Prf(0, 0, 0));
        Prf Weighted(Func<TopicScore, Prf> f) => new(
            topics.Sum(t => f(t).Precision * f(t).Mentions) / n, topics.Sum(t => f(t).Recall * f(t).Mentions) / n, n);
        return (Weighted(t => t.Merger), Weighted(t => t.Baseline));
    }

    private static void CollectErrors(int topic, IReadOnlyList<GoldMention> gold, IReadOnlyList<string> predicted, List<CoreferenceError> errors)
    {
        static string Describe(IEnumerable<GoldMention> ms) =>
            string.Join(" | ", ms.GroupBy(m => m.Text).Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key));
        var byGold = gold.Select((g, i) => (g, p: predicted[i])).GroupBy(x => x.g.Cluster);
        foreach (var g in byGold)
        {
            var parts = g.GroupBy(x => x.p).ToList();
            if (parts.Count > 1) errors.Add(new CoreferenceError(topic, "split", parts.Select(p => Describe(p.Select(x => x.g))).ToList()));
        }
        var byPred = gold.Select((g, i) => (g, p: predicted[i])).GroupBy(x => x.p);
        foreach (var p in byPred)
        {
            var parts = p.GroupBy(x => x.g.Cluster).ToList();
            if (parts.Count > 1) errors.Add(new CoreferenceError(topic, "mixed", parts.Select(c => Describe(c.Select(x => x.g))).ToList()));
        }
    }
}
