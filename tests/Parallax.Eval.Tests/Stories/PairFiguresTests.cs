using Parallax.Eval.Stories;
using Parallax.Stories.Streaming;

namespace Parallax.Eval.Tests.Stories;

public sealed class PairFiguresTests
{
    private static StreamedDocument D(string name, string sub, DateOnly? day) =>
        new(name, 1, "1/" + sub, new StoryFeatures(new Dictionary<string, float>(), day));

    [Fact]
    public void Pairs_of_one_sub_topic_on_different_days_are_follow_ups_and_the_other_sub_topic_look_alikes()
    {
        var d1 = new DateOnly(2025, 6, 14);
        var docs = new[]
        {
            D("a", "ecb", d1), D("b", "ecb", d1), D("c", "ecb", d1.AddDays(20)), D("u", "ecb", null), D("x", "ecbplus", d1),
            new StreamedDocument("other topic", 2, "2/ecb", new StoryFeatures(new Dictionary<string, float>(), d1)),
        };
        // a, b, c, x in story 1 (x wrongly), u alone, the other topic's document in story 1 too (not a pair: other topic).
        var f = StoryClusteringEvaluation.Pairs(docs, [1, 1, 1, 2, 1, 1]);
        Assert.Equal((2, 2), f.FollowUps);     // a–c, b–c
        Assert.Equal((4, 1), f.SameDay);       // a–b together; a–u, b–u, c–u apart
        Assert.Equal((4, 3), f.LookAlikes);    // x with a, b, c together; with u apart
        Assert.Equal(0.75, PairFigures.Rate(f.LookAlikes));
    }
}
