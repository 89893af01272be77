using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Agreements with weak evidence of one quantity (eval/polnear-disputes-audit.tsv train, ECB+ odd topics): a
/// lower bound touching the other report's figure only at its edge, and low ranks of different nouns, are not shown as
/// agreed (nor disputed); a figure that clears the bound, two bounds, and a shared ranked noun still agree.</summary>
public sealed class WeakAgreementRulesTests
{
    private static Fact[] Agreed(FactAlignment r) => [.. r.Facts.Where(f => f.Status == FactStatus.Agreed)];

    private static string Show(FactAlignment r) =>
        string.Join("; ", r.Facts.Select(f => $"{f.Status} {string.Join(",", f.Claims.Select(c => c.Value))} {f.Evidence.LastOrDefault()}"));

    private static FactAlignment Align(string a, string b) =>
        FactAlignerTests.Align([FactAlignerTests.Doc("d1", a), FactAlignerTests.Doc("d2", b)]);

    [Fact]
    public void A_lower_bound_met_only_at_its_edge_is_not_agreed()
    {
        var r = Align("After the vigil, more than 20 blocks were marched by the protesters toward the precinct.",
            "The protesters marched some 20 blocks toward the precinct after the vigil.");
        Assert.Empty(Agreed(r));
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
        Assert.Contains(r.Facts, f => f.Evidence.Any(e => e.StartsWith("not compared: the reports meet only where a lower bound", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_figure_that_clears_the_bound_still_agrees()
    {
        // As the founding case's "more than 30 minutes" and "a 32-minute video".
        var r = Align("Police said more than 30 people were arrested at the protest outside the courthouse.",
            "Police said 32 people were arrested at the protest outside the courthouse.");
        Assert.True(Agreed(r).Length == 1, Show(r));
    }

    [Fact]
    public void A_range_written_with_both_ends_is_a_figure_not_a_lower_bound()
    {
        // "between 10 and 100" is closed; only a vague plural ("thousands of") counts as open upwards.
        var r = Align("Officials said between 10 and 100 people were evacuated from the flooded riverside district.",
            "Officials said 50 people were evacuated from the flooded riverside district.");
        Assert.True(Agreed(r).Length == 1, Show(r));
    }

    [Fact]
    public void Two_bounds_from_two_reports_still_agree()
    {
        var r = Align("An officer struck the window more than 10 times before it broke.",
            "The officer struck the window at least 21 times before it broke.");
        Assert.True(Agreed(r).Length == 1, Show(r));
    }

    [Fact]
    public void Low_ranks_of_different_nouns_are_not_agreed()
    {
        var r = Align("Iowa gave the senator his first victory of the campaign, aides said.",
            "Aides said Iowa was the senator's first step of the campaign.");
        Assert.Empty(Agreed(r));
        Assert.Contains(r.Facts, f => f.Evidence.Any(e => e.StartsWith("not compared: ranks of different things", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_ranked_noun_two_reports_share_still_agrees()
    {
        // The noun may sit past an adjective: "first presidential debate" and "first debate".
        var r = Align("Clinton prepared for the first presidential debate at Hofstra on Monday.",
            "At Hofstra on Monday, Clinton faces Trump in the first debate.");
        Assert.True(Agreed(r).Length == 1, Show(r));
    }

    [Fact]
    public void A_shared_high_rank_still_agrees()
    {
        var r = Align("The drive was Luck's seventh comeback win of the season for the Colts.",
            "Luck led the Colts to his seventh comeback of the season.");
        Assert.True(Agreed(r).Length == 1, Show(r));
    }

    [Fact]
    public void Fractions_of_voters_with_no_question_are_not_agreed()
    {
        var r = Align("Exit polls in Virginia found that three-quarters of Democratic primary voters said Clinton is honest.",
            "In Missouri, exit polls found about three-quarters of Republican primary voters support a ban on Muslims entering.");
        Assert.Empty(Agreed(r));
        Assert.Contains(r.Facts, f => f.Evidence.Any(e => e.StartsWith("not compared: fractions of people", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_fraction_of_a_thing_still_agrees()
    {
        var r = Align("Internet Explorer is used on nearly three-quarters of the world's computers, industry figures show.",
            "Internet Explorer, the most widely used browser, has nearly three quarters of the market.");
        Assert.True(Agreed(r).Length == 1, Show(r));
    }

    [Fact]
    public void A_vague_plural_meeting_a_figure_is_not_agreed()
    {
        var r = Align("Officials said thousands of people attended the rally in the park on Saturday.",
            "Officials said 2,267 people attended the rally in the park on Saturday.");
        Assert.Empty(Agreed(r));
    }

    [Fact]
    public void A_vague_plural_in_two_reports_still_agrees()
    {
        var r = Align("Officials said thousands of people attended the rally in the park on Saturday.",
            "Thousands of people attended the rally in the park on Saturday, officials said.");
        Assert.True(Agreed(r).Length == 1, Show(r));
    }
}
