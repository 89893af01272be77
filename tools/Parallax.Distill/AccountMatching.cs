using Parallax.Analysis.Vectors;
using Parallax.Eval;
using Parallax.Eval.Coreference;

namespace Parallax.Distill;

/// <summary>
/// The accounts command: would word vectors help match sentences of different reports that tell the same moment?
/// A proxy of the fact aligner's account linking, measured on ECB+ (not its code): candidate pairs are validated
/// sentences of different documents in one topic (both look-alike events); a pair is gold when the two sentences
/// mention one cross-document event (ACTION) cluster. The rule the aligner uses today links a pair that shares at least
/// two rare words (held by at most 6% of the topic's sentences); the vector rules add the phrase-vector cosine. Every
/// threshold is chosen on train topics (best recall at a precision floor) and scored on dev topics.
/// </summary>
internal static class AccountMatching
{
    private sealed record Candidate(int Topic, bool Gold, int SharedRare, float Cosine);

    public static int Run(Options o)
    {
        var model = WordVectors.Default;
        var ecb = EcbPlusCorpus.Open(SharedData.Folder(o.Shared, "events", "ecbplus"));
        var train = Step.Time("train pairs", () => Candidates(ecb, "train", model));
        var dev = Step.Time("dev pairs", () => Candidates(ecb, "dev", model));
        Console.WriteLine($"account matching proxy on ECB+ (train {train.Count:N0} pairs, {train.Count(c => c.Gold):N0} gold; dev {dev.Count:N0} pairs, {dev.Count(c => c.Gold):N0} gold)");
        Console.WriteLine($"same-account AUC on dev: shared rare words {VectorEvaluation.Auc(dev.Select(c => (double)c.SharedRare).ToArray(), dev.Select(c => c.Gold).ToArray()):F3}, " +
                          $"phrase-vector cosine {VectorEvaluation.Auc(dev.Select(c => (double)c.Cosine).ToArray(), dev.Select(c => c.Gold).ToArray()):F3}");
        Console.WriteLine($"| rule (thresholds: best train recall at train precision ≥ {MinPrecision}) | dev P | dev R | dev F1 |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("≥ 2 shared rare words (today)", dev, c => c.SharedRare >= 2);
        var tau = Best(train, t => c => c.Cosine >= t);
        Row($"cosine ≥ {tau:F2}", dev, c => c.Cosine >= tau);
        var tauOr = Best(train, t => c => c.SharedRare >= 2 || c.Cosine >= t);
        Row($"≥ 2 rare words, or cosine ≥ {tauOr:F2}", dev, c => c.SharedRare >= 2 || c.Cosine >= tauOr);
        var tauOne = Best(train, t => c => c.SharedRare >= 2 || (c.SharedRare >= 1 && c.Cosine >= t));
        Row($"≥ 2 rare words, or 1 and cosine ≥ {tauOne:F2}", dev, c => c.SharedRare >= 2 || (c.SharedRare >= 1 && c.Cosine >= tauOne));
        var tauAnd = Best(train, t => c => c.SharedRare >= 2 && c.Cosine >= t);
        Row($"≥ 2 rare words and cosine ≥ {tauAnd:F2}", dev, c => c.SharedRare >= 2 && c.Cosine >= tauAnd);
        return 0;
    }

    /// <summary>The threshold with the best train recall at a train precision of at least <see cref="MinPrecision"/>
    /// (precision first: a wrong account misleads), or the highest tried when none reaches it.</summary>
    private static float Best(List<Candidate> train, Func<float, Func<Candidate, bool>> rule)
    {
        float best = 0.98f;
        double bestR = -1;
        for (float t = 0.30f; t <= 0.98f; t += 0.01f)
        {
            var (p, r, _) = Score(train, rule(t));
            if (p >= MinPrecision && r > bestR) { bestR = r; best = t; }
        }
        return best;
    }

    private const double MinPrecision = 0.85;

    private static void Row(string name, List<Candidate> dev, Func<Candidate, bool> rule)
    {
        var (p, r, f) = Score(dev, rule);
        Console.WriteLine($"| {name} | {p:F3} | {r:F3} | {f:F3} |");
    }

    private static (double P, double R, double F) Score(List<Candidate> pairs, Func<Candidate, bool> rule)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var c in pairs)
        {
            bool linked = rule(c);
            if (linked && c.Gold) tp++;
            else if (linked) fp++;
            else if (c.Gold) fn++;
        }
        double p = tp + fp == 0 ? 0 : tp / (double)(tp + fp), r = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static List<Candidate> Candidates(EcbPlusCorpus ecb, string split, WordVectors model)
    {
        var result = new List<Candidate>();
        foreach (var topic in ecb.Topics(split))
        {
            var sentences = new List<(string Doc, HashSet<string> Words, HashSet<string> Events, float[] Vector)>();
            foreach (var doc in ecb.ReadTopic(topic))
            {
                var events = doc.Mentions.Where(m => m.Tag.StartsWith("ACTION", StringComparison.Ordinal) && m.Cluster is { } c && !c.Contains('#'))
                    .GroupBy(m => doc.Tokens[m.Tokens[0]].Sentence).ToDictionary(g => g.Key, g => g.Select(m => m.Cluster!).ToHashSet(StringComparer.Ordinal));
                foreach (var group in doc.Tokens.GroupBy(t => t.Sentence))
                {
                    if (!ecb.IsSelected(doc.Name, group.Key)) continue;
                    var text = doc.Text[group.First().Start..group.Last().End];
                    var words = new HashSet<string>(StringComparer.Ordinal);
                    int pos = 0;
                    while (WordVectors.NextWord(text, ref pos, out var start, out var length))
                        if (length >= 3) words.Add(text.Substring(start, length).ToLowerInvariant());
                    var vector = new float[model.Dimensions];
                    model.PhraseVector(text, vector);
                    sentences.Add((doc.Name, words, events.GetValueOrDefault(group.Key) ?? [], vector));
                }
            }
            var df = sentences.SelectMany(s => s.Words).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            int rareLimit = Math.Max(2, (int)(sentences.Count * 0.06));
            for (int i = 0; i < sentences.Count; i++)
                for (int j = i + 1; j < sentences.Count; j++)
                {
                    var (a, b) = (sentences[i], sentences[j]);
                    if (a.Doc == b.Doc) continue;
                    int rare = a.Words.Count(w => df[w] <= rareLimit && b.Words.Contains(w));
                    result.Add(new Candidate(topic, a.Events.Overlaps(b.Events), rare, Pca.Dot(a.Vector, b.Vector)));
                }
        }
        return result;
    }
}
