using Parallax.Eval.Coreference;
using Parallax.Eval.Stories;
using Parallax.Stories.Streaming;

namespace Parallax.Eval.Tests.Stories;

public sealed class StoryClusteringEvaluationTests
{
    [Fact]
    public void Adjusted_rand_is_one_for_identical_clusterings_whatever_the_labels()
    {
        Assert.Equal(1.0, StoryClusteringEvaluation.AdjustedRand(["a", "a", "b", "b", "c"], [7, 7, 3, 3, 9]), 9);
    }

    [Fact]
    public void Adjusted_rand_matches_a_worked_example()
    {
        // Contingency [[2,1],[0,3]]: index 1+3 = 4, rows 3+3 = 6, columns 1+6 = 7, pairs 15 → (4 - 2.8) / (6.5 - 2.8).
        var ari = StoryClusteringEvaluation.AdjustedRand(["x", "x", "x", "y", "y", "y"], [1, 1, 2, 2, 2, 2]);
        Assert.Equal((4 - 6 * 7 / 15.0) / (6.5 - 6 * 7 / 15.0), ari, 9);
    }

    /// <summary>Pinned floors on the dev topics (tuning used train and dev; the test topics are reported by
    /// `parallax eval stories`). Lowering a floor is an explicit act.</summary>
    [Fact]
    public void Dev_topics_stay_above_their_floors()
    {
        var corpus = EcbPlusCorpus.Open(RepositoryPaths.RequireShared("data/events/ecbplus"));
        var background = StoryClusteringEvaluation.Prepare(corpus, corpus.Topics("train"), Environment.ProcessorCount);
        var docs = StoryClusteringEvaluation.Prepare(corpus, corpus.Topics("dev"), Environment.ProcessorCount);
        var (sub, topic, _) = StoryClusteringEvaluation.Score(docs, new StreamingOptions(), background);
        Assert.True(sub.BCubed.F1 >= 0.93, $"sub-topic B-cubed F1 {sub.BCubed.F1:0.000} < 0.93");
        Assert.True(topic.BCubed.F1 >= 0.90, $"topic B-cubed F1 {topic.BCubed.F1:0.000} < 0.90");
        // Same order, same stories.
        Assert.Equal(StoryClusteringEvaluation.Score(docs, new StreamingOptions(), background).Stories,
            StoryClusteringEvaluation.Score(docs, new StreamingOptions(), background).Stories);
    }
}
