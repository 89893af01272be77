using Parallax.Eval.Coreference;

namespace Parallax.Eval.Tests.Coreference;

public sealed class BCubedTests
{
    /// <summary>Bagga and Baldwin (1998): gold {1–5}, {6,7}, {8–12}; the response merges the last two chains.
    /// Precision = (5·1 + 2·2/7 + 5·5/7) / 12 = 16/21, recall = 1.</summary>
    [Fact]
    public void Textbook_example_merging_two_chains()
    {
        string[] gold = ["A", "A", "A", "A", "A", "B", "B", "C", "C", "C", "C", "C"];
        string[] response = ["x", "x", "x", "x", "x", "y", "y", "y", "y", "y", "y", "y"];
        var s = BCubed.Score(gold, response);
        Assert.Equal(16.0 / 21, s.Precision, 9);
        Assert.Equal(1.0, s.Recall, 9);
        Assert.Equal(2 * (16.0 / 21) / (16.0 / 21 + 1), s.F1, 9);
    }

    [Fact]
    public void Perfect_clustering_scores_one_and_all_singletons_lose_recall_only()
    {
        string[] gold = ["a", "a", "b", "c", "c", "c"];
        var perfect = BCubed.Score(gold, ["1", "1", "2", "3", "3", "3"]);
        Assert.Equal((1.0, 1.0), (perfect.Precision, perfect.Recall));

        var singletons = BCubed.Score(gold, ["1", "2", "3", "4", "5", "6"]);
        Assert.Equal(1.0, singletons.Precision, 9);
        Assert.Equal((1.0 / 2 * 2 + 1 + 1.0 / 3 * 3) / 6, singletons.Recall, 9); // (½+½+1+⅓+⅓+⅓)/6 = ½
    }

    [Fact]
    public void One_big_cluster_loses_precision_only()
    {
        string[] gold = ["a", "a", "b", "b"];
        var s = BCubed.Score(gold, ["z", "z", "z", "z"]);
        Assert.Equal(0.5, s.Precision, 9);
        Assert.Equal(1.0, s.Recall, 9);
    }

    [Fact]
    public void Labels_are_compared_by_partition_not_by_name()
    {
        var s = BCubed.Score(["a", "b"], ["b", "a"]);
        Assert.Equal(1.0, s.F1, 9);
    }

    [Fact]
    public void Pooling_topics_averages_over_mentions()
    {
        var big = new TopicScore(1, 1, 1, new Prf(1.0, 1.0, 30), new Prf(1, 1, 30));
        var small = new TopicScore(2, 1, 1, new Prf(0.0, 0.5, 10), new Prf(1, 1, 10));
        var (merger, _) = EntityCoreferenceEvaluation.Pool([big, small]);
        Assert.Equal(0.75, merger.Precision, 9);
        Assert.Equal(0.875, merger.Recall, 9);
        Assert.Equal(40, merger.Mentions);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected() =>
        Assert.Throws<ArgumentException>(() => BCubed.Score(["a"], ["a", "b"]));
}
