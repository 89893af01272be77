using Parallax.Eval.Quotes;
using Parallax.Model;

namespace Parallax.Eval.Tests.Quotes;

public sealed class BratAttributionsTests
{
    // "“We will win,” Smith said. “Nobody doubts it.”" with one content in two fragments around the cue.
    private const string Text = "\u201CWe will win,\u201D Smith said. \u201CNobody doubts it.\u201D Polls say she leads.";

    private const string Ann =
        "T1\tContent 0 14;27 46\t“We will win,” “Nobody doubts it.”\n" +
        "T2\tSource 15 20\tSmith\n" +
        "T3\tCue 21 25\tsaid\n" +
        "T4\tAttribution 21 25\tsaid\n" +
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
        "#1\tAnnotatorNotes T1\ta note the reader must skip\n" +
        "T5\tCue 53 56\tsay\n" +
        "T6\tContent 57 67\tshe leads\n" +
        "T7\tAttribution-no-source 53 56\tsay\n" +
        "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n" +
        "T8\tContent 10 9999\tout of the text\n" +
        "garbage line\n";

    [Fact]
    public void Reads_discontinuous_content_and_ties_roles_by_event()
    {
        var gold = BratAttributions.Read(Ann, Text.Length);
        Assert.Equal(2, gold.Count);
        var first = gold[0];
        Assert.Equal([new TextSpan(0, 14), new TextSpan(27, 46)], first.Content!.Fragments);
        Assert.Equal(new TextSpan(0, 46), first.Content.Extent);
        Assert.Equal("Smith", Text[first.Source!.Extent.Start..first.Source.Extent.End]);
        Assert.Equal("said", Text[first.Cue!.Extent.Start..first.Cue.Extent.End]);
    }

    [Fact]
    public void Attribution_without_source_keeps_content_and_cue()
    {
        var second = BratAttributions.Read(Ann, Text.Length)[1];
        Assert.Null(second.Source);
        Assert.Equal("say", Text[second.Cue!.Extent.Start..second.Cue.Extent.End]);
    }

    [Theory]
    [InlineData("Content 5 3")]
    [InlineData("Content 1 2;x 4")]
    [InlineData("Content")]
    [InlineData("Content 1 200")]
    public void Malformed_or_outside_spans_are_dropped(string field) =>
        Assert.Null(BratAttributions.ParseSpan(field, 100));

    [Fact]
    public void Windows_line_ends_are_accepted()
    {
        var gold = BratAttributions.Read(Ann.Replace("\n", "\r\n"), Text.Length);
        Assert.Equal(2, gold.Count);
    }
}
