using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Percentages in election news (eval/polnear-disputes-audit.tsv, train): shares of different things under
/// different words are not compared; one share under the same word still disputes.</summary>
public sealed class PollShareRulesTests
{
    private static Fact[] Disputed(FactAlignment r) => [.. r.Facts.Where(f => f.Status == FactStatus.Disputed)];

    [Fact]
    public void Shares_of_different_things_under_related_words_are_not_compared()
    {
        // A state's racial make-up vs a group's backing for a candidate: both "percent", nothing else in common.
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Sanders, who represents a state that is 95 percent white, is laboring to win black voters in the primary."),
            FactAlignerTests.Doc("d2", "Her lead in the primary was largely because of backing from 74 percent of black voters in the state."),
        ]);
        Assert.Empty(Disputed(r));
        Assert.Contains(r.Facts, f => f.Evidence.Any(e => e.StartsWith("not compared: percentages under different words", StringComparison.Ordinal)));
    }

    [Fact]
    public void Shares_answering_different_questions_are_not_compared()
    {
        // Two polls' answers: would not vote at all vs would vote for someone else.
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "In a Trump-Clinton matchup, 21 percent said they would not vote at all."),
            FactAlignerTests.Doc("d2", "Just over a quarter, 26 percent, say they will vote for someone else."),
        ]);
        Assert.Empty(Disputed(r));
    }

    [Fact]
    public void One_share_under_the_same_word_still_disputes()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Turnout in the Missouri primary on Tuesday was 39 percent, officials said."),
            FactAlignerTests.Doc("d2", "Turnout in the Missouri primary on Tuesday was 35 percent, officials said."),
        ]);
        var fact = Assert.Single(Disputed(r));
        Assert.Equal(2, fact.Claims.Length);
    }
}
