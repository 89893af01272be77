using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;

namespace Parallax.Analysis.Tests.Entities.Tagger;

public sealed class NerTrainerTests
{
    private static byte[] Train(int seed, int runs = 1)
    {
        var model = NerTrainer.Train(TaggerFixtures.TinyCorpus(), EntityLexicon.Default,
            new NerTrainingOptions { Epochs = 6, Seed = seed, HashBits = 14, Runs = runs }, ct: TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();
        model.Save(stream, prune: 0.01f);
        return stream.ToArray();
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_bytes()
    {
        Assert.Equal(Train(3), Train(3));
    }

    [Fact]
    public void Averaged_runs_are_reproducible_and_differ_from_one_run()
    {
        Assert.Equal(Train(3, runs: 2), Train(3, runs: 2));
        Assert.NotEqual(Train(3), Train(3, runs: 2));
    }

    [Fact]
    public void Training_fits_its_own_sentences()
    {
        var corpus = TaggerFixtures.TinyCorpus();
        var tagger = new NerTagger(NerTrainer.Train(corpus, EntityLexicon.Default, new NerTrainingOptions { Epochs = 10, HashBits = 14 }, ct: TestContext.Current.CancellationToken), EntityLexicon.Default);
        foreach (var ex in corpus)
        {
            var labels = new byte[ex.Tokens.Length];
            tagger.Tag(ex.Text, ex.Tokens, labels);
            Assert.Equal(ex.Labels, labels);
        }
    }
}
