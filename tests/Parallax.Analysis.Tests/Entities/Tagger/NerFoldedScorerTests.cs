using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities.Tagger;

/// <summary>
/// The folded tagging path (per-word rows in a per-thread cache) must give exactly the scores of the 56-feature path,
/// whatever the cache holds: repeats, words that share a cache slot within one sentence, long tokens that bypass it,
/// place bigrams and sentence edges.
/// </summary>
public sealed class NerFoldedScorerTests
{
    private const int S = NerLabels.Stride;

    private static NerModel Loaded()
    {
        // A small trained model saved and loaded, so it scores through int16 rows like the shipped one.
        var trained = NerTrainer.Train(TaggerFixtures.TinyCorpus(), EntityLexicon.Default, new NerTrainingOptions { Epochs = 3, HashBits = 12 },
            ct: TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();
        trained.Save(stream, prune: 0);
        stream.Position = 0;
        return NerModel.Load(stream);
    }

    private static void AssertSameScores(NerModel model, NerFoldedScorer folded, string text)
    {
        var (t, tokens) = TaggerFixtures.Tokens(text);
        int n = tokens.Length;
        var features = new int[n * NerFeatures.PerToken];
        NerFeatures.Extract(t, tokens, EntityLexicon.Default, model.Codes, model.HashBits, features);
        var expected = new float[n * S];
        model.Score(features, n, expected);
        var sums = new int[n * S];
        folded.Score(t, tokens, sums);
        for (int k = 0; k < n * S; k++)
            Assert.True(expected[k] == sums[k] * model.Scale, $"token {k / S} label {k % S}: {expected[k]} vs {sums[k] * model.Scale} in \"{text[..Math.Min(60, text.Length)]}\"");
    }

    [Fact]
    public void Folded_scores_equal_the_feature_path_bit_for_bit()
    {
        var model = Loaded();
        Assert.NotNull(model.Quantised);
        var folded = new NerFoldedScorer(model.Quantised!, model.HashBits, model.Codes, EntityLexicon.Default);
        string[] texts =
        [
            "Maria Delgado visited Port Alden on Monday .",
            "Officers from New York and Kansas City arrived , officers said .",
            "Officers from New York and Kansas City arrived , officers said .", // all hits now
            "U.S. officials said the Coast Guard , the Coast Guard said , was safe .",
            "Pneumonoultramicroscopicsilicovolcanoconiosis and Supercalifragilisticexpialidocious ' words .",
            "a",
            "Dr. Smith",
        ];
        foreach (var text in texts) AssertSameScores(model, folded, text);
        // A thousand distinct words in one sentence: many share a cache slot, and a later word must not overwrite the
        // slot of an earlier one that the same sentence still reads.
        var words = Enumerable.Range(0, NerTagger.MaxPiece).Select(i => (i % 3 == 0 ? "Word" : "word") + i.ToString("x"));
        AssertSameScores(model, folded, string.Join(' ', words));
        AssertSameScores(model, folded, string.Join(' ', words.Reverse()));
    }

    [Fact]
    public void The_shipped_model_scores_the_same_through_both_paths()
    {
        var model = NerTagger.Default?.Model;
        Assert.SkipWhen(model?.Quantised is null, "no embedded NER model");
        var folded = new NerFoldedScorer(model!.Quantised!, model.HashBits, model.Codes, EntityLexicon.Default);
        AssertSameScores(model, folded, "Shares of Boeing fell after Northrop Grumman said on Tuesday that Mac OS X sales in New York rose .");
        AssertSameScores(model, folded, "\"We 're done,\" said Ray Tolliver, 36, of Kansas City, Mo., adding that GM's Chevrolet unit was fine.");
    }

    /// <summary>The scalar Viterbi the vector one replaced: first best previous label on ties.</summary>
    private static void ScalarViterbi(float[] scores, int n, float[] transitions, byte[] labels)
    {
        const int L = NerLabels.Count;
        var back = new byte[n * S];
        var prev = new float[S];
        var cur = new float[S];
        for (int l = 0; l < L; l++)
            prev[l] = NerLabels.CanFollow(NerLabels.O, (byte)l) ? scores[l] + transitions[NerModel.Start * S + l] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            for (int l = 0; l < L; l++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < L; p++)
                {
                    if (!NerLabels.CanFollow((byte)p, (byte)l)) continue;
                    float v = prev[p] + transitions[p * S + l];
                    if (v > best) { best = v; arg = p; }
                }
                cur[l] = best + scores[i * S + l];
                back[i * S + l] = (byte)arg;
            }
            cur.CopyTo(prev, 0);
        }
        int last = 0;
        for (int l = 1; l < L; l++) if (prev[l] > prev[last]) last = l;
        for (int i = n - 1; i >= 0; i--)
        {
            labels[i] = (byte)last;
            if (i > 0) last = back[i * S + last];
        }
    }

    [Fact]
    public void Vector_viterbi_matches_the_scalar_one_including_ties()
    {
        var random = new Random(5);
        for (int round = 0; round < 300; round++)
        {
            int n = 1 + random.Next(30);
            // Small integers make ties common, which is where the argmax order shows.
            var scores = Enumerable.Range(0, n * S).Select(_ => (float)random.Next(-2, 3)).ToArray();
            var transitions = Enumerable.Range(0, S * S).Select(_ => (float)random.Next(-2, 3)).ToArray();
            var expected = new byte[n];
            var actual = new byte[n];
            ScalarViterbi(scores, n, transitions, expected);
            NerModel.Viterbi(scores, n, transitions, actual);
            Assert.Equal(expected, actual);
        }
    }
}
