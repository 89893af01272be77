using Parallax.Analysis.Vectors;
using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>One training sentence: its tokens (offsets into <see cref="Text"/>) and one gold label per token.</summary>
public sealed record NerExample(string Text, Token[] Tokens, byte[] Labels);

/// <summary>Training settings; the defaults are what the shipped model was trained with.</summary>
public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 15;
    public int Seed { get; init; } = 17;
    /// <summary>2^HashBits feature buckets. 2^18 (an 8 MB table) scored within 0.003-0.006 F1 of 2^20 on GUM and UNER EWT dev
    /// and tags faster: the table fits the cache better.</summary>
    public int HashBits { get; init; } = 18;
    /// <summary>Independent runs (seeds Seed, Seed+1, …) whose averaged weights are averaged again: one linear model,
    /// the same size, with less of the shuffle's luck in it. One run's dev F1 moved by up to 0.016 on GUM and UNER EWT
    /// from seed to seed; three runs averaged, by 0.014 and 0.003. The shipped model averages 9 (NerTraining.DefaultRuns).</summary>
    public int Runs { get; init; } = 1;
}

/// <summary>
/// Structured averaged perceptron (Collins 2002): decode each sentence with the current weights, move weights toward the
/// gold sequence where they differ, and return the average of the weights over all steps, which generalises far better
/// than the last ones. Single-threaded with a seeded shuffle, so the same examples, options and seed give the same
/// model bit for bit.
/// </summary>
public static class NerTrainer
{
    /// <summary>Trains on <paramref name="examples"/>; features read <paramref name="gazetteer"/>'s training view of each
    /// example's document (<see cref="NerGazetteer.For"/>), and the model carries the gazetteer itself.</summary>
    public static NerModel Train(IReadOnlyList<NerExample> examples, EntityLexicon lexicon, NerTrainingOptions options,
        Action<int, double>? epochDone = null, CancellationToken ct = default, NerGazetteer? gazetteer = null)
    {
        const int S = NerLabels.Stride, F = NerFeatures.PerToken;
        int rows = 1 << options.HashBits;

        // The vectors are read here only: their codes travel in the model, so tagging never loads them.
        var codes = VectorCodes.From(WordVectors.Default);
        var features = new int[examples.Count][];
        for (int e = 0; e < examples.Count; e++)
        {
            var ex = examples[e];
            features[e] = new int[ex.Tokens.Length * F];
            NerFeatures.Extract(ex.Text, ex.Tokens, lexicon, codes, options.HashBits, features[e], gazetteer: gazetteer?.For(ex.Text));
        }

        if (options.Runs < 1) throw new ArgumentOutOfRangeException(nameof(options), "Runs must be at least 1");
        var weights = new float[rows * S];
        var transitions = new float[S * S];
        for (int run = 0; run < options.Runs; run++)
        {
            var (w, t) = Run(examples, features, options, options.Seed + run, epochDone, ct);
            for (int i = 0; i < w.Length; i++) weights[i] += w[i] / options.Runs;
            for (int i = 0; i < t.Length; i++) transitions[i] += t[i] / options.Runs;
        }
        return new NerModel(options.HashBits, weights, transitions, codes, gazetteer?.WithoutViews());
    }

    /// <summary>One averaged-perceptron run with shuffle seed <paramref name="seed"/>: its averaged weights and transitions.</summary>
    private static (float[] Weights, float[] Transitions) Run(IReadOnlyList<NerExample> examples, int[][] features, NerTrainingOptions options,
        int seed, Action<int, double>? epochDone, CancellationToken ct)
    {
        const int S = NerLabels.Stride, F = NerFeatures.PerToken;
        int rows = 1 << options.HashBits;
        var weights = new float[rows * S];
        var transitions = new float[S * S];
        // Averaging by the "w − u/c" identity: u accumulates c·Δ for every update made at step c.
        var wSum = new double[rows * S];
        var tSum = new double[S * S];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var model = new NerModel(options.HashBits, weights, transitions);
        int maxLen = examples.Count == 0 ? 0 : examples.Max(x => x.Tokens.Length);
        var predicted = new byte[maxLen];
        var scores = new float[maxLen * S];
        long c = 1;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            random.Shuffle(order);
            int wrong = 0, total = 0;
            foreach (var e in order)
            {
                var gold = examples[e].Labels;
                int n = gold.Length;
                if (n == 0) continue;
                var f = features[e];
                model.Score(f, n, scores);
                NerModel.Viterbi(scores, n, transitions, predicted);
                total += n;
                for (int i = 0; i < n; i++)
                {
                    int g = gold[i], p = predicted[i];
                    int gPrev = i == 0 ? NerModel.Start : gold[i - 1], pPrev = i == 0 ? NerModel.Start : predicted[i - 1];
                    if (g != p)
                    {
                        wrong++;
                        for (int k = 0; k < F; k++)
                        {
                            int row = f[i * F + k] * S;
                            weights[row + g] += 1; wSum[row + g] += c;
                            weights[row + p] -= 1; wSum[row + p] -= c;
                        }
                    }
                    if (g != p || gPrev != pPrev)
                    {
                        transitions[gPrev * S + g] += 1; tSum[gPrev * S + g] += c;
                        transitions[pPrev * S + p] -= 1; tSum[pPrev * S + p] -= c;
                    }
                }
                c++;
            }
            epochDone?.Invoke(epoch, total == 0 ? 0 : 1.0 - (double)wrong / total);
        }

        var averaged = new float[weights.Length];
        for (int i = 0; i < weights.Length; i++) averaged[i] = (float)(weights[i] - wSum[i] / c);
        var averagedTransitions = new float[transitions.Length];
        for (int i = 0; i < transitions.Length; i++) averagedTransitions[i] = (float)(transitions[i] - tSum[i] / c);
        return (averaged, averagedTransitions);
    }
}
