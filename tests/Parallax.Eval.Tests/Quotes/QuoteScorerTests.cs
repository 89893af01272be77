using Parallax.Eval.Quotes;
using Parallax.Model;

namespace Parallax.Eval.Tests.Quotes;

public sealed class QuoteScorerTests
{
    private const string Text = "\u201CWe will win,\u201D Smith said. \u201CNobody doubts it.\u201D Polls say she leads.";

    private static BratSpan Span(params (int Start, int End)[] fragments) =>
        new("x", fragments.Select(f => new TextSpan(f.Start, f.End)).ToList());

    private static readonly GoldAttribution Direct = new(Span((0, 14), (27, 46)), Span((21, 25)), Span((15, 20)));
    private static readonly GoldAttribution Indirect = new(Span((57, 66)), Span((53, 56)), null);

    [Fact]
    public void Exact_ignores_marks_and_edge_punctuation_and_matches_a_fragment()
    {
        // Parallax reports "We will win," without the marks; PolNeAR includes them.
        Assert.True(QuoteScorer.Exact(Text, Span((0, 14), (27, 46)), new TextSpan(1, 13)));
        Assert.True(QuoteScorer.Exact(Text, Span((0, 14), (27, 46)), new TextSpan(28, 45)));
        Assert.False(QuoteScorer.Exact(Text, Span((0, 14)), new TextSpan(1, 8)));
    }

    [Fact]
    public void Direct_means_content_bounded_by_double_marks()
    {
        Assert.True(QuoteScorer.IsDirect(Text, new TextSpan(0, 14)));
        Assert.True(QuoteScorer.IsDirect(Text, new TextSpan(1, 13)));   // marks just outside, comma inside
        Assert.False(QuoteScorer.IsDirect(Text, new TextSpan(57, 66)));
    }

    [Fact]
    public void Perfect_prediction_scores_one()
    {
        var predicted = new List<PredictedAttribution>
        {
            new(new TextSpan(1, 13), true, new TextSpan(21, 25), new TextSpan(15, 20), [new TextSpan(15, 20)]),
            new(new TextSpan(28, 45), true, new TextSpan(21, 25), new TextSpan(15, 20), [new TextSpan(15, 20)]),
            new(new TextSpan(57, 66), false, new TextSpan(53, 56), null, []),
        };
        var s = QuoteScorer.Score(Text, [Direct, Indirect], predicted);
        Assert.Equal(1.0, s.ContentExact.F1);
        Assert.Equal(1.0, s.DirectExact.F1);
        Assert.Equal(new SpanCounts(1, 2, 1, 2), s.DirectExact);
        Assert.Equal(1.0, s.Cue.F1);
        Assert.Equal(1.0, s.SourceExact.F1);
        Assert.Equal(new SpeakerCounts(1, 1), s.Speaker);
    }

    [Fact]
    public void Partial_overlap_counts_for_overlap_only_and_a_wrong_speaker_is_wrong()
    {
        var predicted = new List<PredictedAttribution>
        {
            new(new TextSpan(1, 8), true, null, new TextSpan(47, 52), [new TextSpan(47, 52)]), // "We will" credited to "Polls"
            new(new TextSpan(47, 52), false, null, null, []),                                  // invented
        };
        var s = QuoteScorer.Score(Text, [Direct, Indirect], predicted);
        Assert.Equal(new SpanCounts(2, 2, 1, 1), s.ContentOverlap);
        Assert.Equal(new SpanCounts(2, 2, 0, 0), s.ContentExact);
        Assert.Equal(0.5, s.ContentOverlap.F1, 3);
        Assert.Equal(new SpanCounts(1, 1, 1, 1), s.DirectOverlap);
        Assert.Equal(new SpanCounts(2, 0, 0, 0), s.Cue);
        Assert.Equal(0, s.Cue.F1);
        Assert.Equal(new SpeakerCounts(1, 0), s.Speaker);
    }

    [Fact]
    public void Nothing_predicted_and_nothing_gold_is_not_a_division_by_zero()
    {
        var s = QuoteScorer.Score(Text, [], []);
        Assert.Equal(1.0, s.ContentOverlap.F1);
        Assert.Equal(1.0, s.Speaker.Accuracy);
    }
}
