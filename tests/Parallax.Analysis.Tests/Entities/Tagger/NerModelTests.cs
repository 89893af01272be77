using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities.Tagger;

public sealed class NerModelTests
{
    private const int S = NerLabels.Stride;
    private static readonly byte BPer = NerLabels.Begin(EntityType.Person), IPer = NerLabels.Inside(EntityType.Person);

    /// <summary>A model whose every feature row carries the same weights, so each token's emission is 41 × row.</summary>
    private static NerModel Uniform(float[] row, float[] transitions)
    {
        const int bits = 8;
        var weights = new float[(1 << bits) * S];
        for (int r = 0; r < 1 << bits; r++) row.CopyTo(weights, r * S);
        return new NerModel(bits, weights, transitions);
    }

    private static byte[] Decode(NerModel model, string text)
    {
        var (t, tokens) = TaggerFixtures.Tokens(text);
        var labels = new byte[tokens.Length];
        new NerTagger(model, EntityLexicon.Default).Tag(t, tokens, labels);
        return labels;
    }

    [Fact]
    public void Transitions_carry_a_name_on_after_its_first_word()
    {
        var row = new float[S];
        row[BPer] = 1f / NerFeatures.PerToken; // emission B-PER = 1 everywhere, all else 0
        var transitions = new float[S * S];
        transitions[BPer * S + IPer] = 2;
        transitions[IPer * S + IPer] = 2;
        Assert.Equal([BPer, IPer, IPer, IPer], Decode(Uniform(row, transitions), "a b c d"));
    }

    [Fact]
    public void An_inside_label_never_opens_a_sentence_or_follows_another_type()
    {
        var row = new float[S];
        row[IPer] = 5f / NerFeatures.PerToken; // I-PER is the best label everywhere but cannot start
        var labels = Decode(Uniform(row, new float[S * S]), "a b c");
        Assert.Equal([BPer, IPer, IPer], labels);
        for (int i = 0; i < labels.Length; i++)
            Assert.True(NerLabels.CanFollow(i == 0 ? NerLabels.O : labels[i - 1], labels[i]));
    }

    [Fact]
    public void Viterbi_prefers_the_best_whole_path_over_the_best_first_step()
    {
        // Token 0 slightly prefers O, but B-PER there unlocks a large I-PER bonus at token 1: a greedy tagger says O O.
        var scores = new float[2 * S];
        scores[NerLabels.O] = 1; scores[BPer] = 0.9f;
        scores[S + IPer] = 3;
        var labels = new byte[2];
        NerModel.Viterbi(scores, 2, new float[S * S], labels);
        Assert.Equal([BPer, IPer], labels);
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_decisions()
    {
        var model = NerTrainer.Train(TaggerFixtures.TinyCorpus(), EntityLexicon.Default, new NerTrainingOptions { Epochs = 5, HashBits = 12 }, ct: TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();
        model.Save(stream, prune: 0);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);
        foreach (var ex in TaggerFixtures.TinyCorpus())
            Assert.Equal(Decode(model, ex.Text), Decode(loaded, ex.Text));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream("not a model at all"u8.ToArray())));
    }

    [Fact]
    public void Spans_read_bio_and_open_a_span_at_an_orphan_inside_label()
    {
        byte o = NerLabels.O, bOrg = NerLabels.Begin(EntityType.Org), iPlace = NerLabels.Inside(EntityType.Place);
        var spans = NerLabels.Spans([BPer, IPer, o, bOrg, BPer, iPlace, iPlace]);
        Assert.Equal([(0, 2, EntityType.Person), (3, 4, EntityType.Org), (4, 5, EntityType.Person), (5, 7, EntityType.Place)], spans);
    }
}
