using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>A story that runs for weeks (eval/polnear-disputes-audit.tsv, train: a delegate tally two weeks on, days in
/// two states, a race described weeks apart): numbers that differ only between reports more than a week apart (by their
/// stated publication dates) are not disputed; a difference within a week, or with an undated report or a date read
/// from a dateline, still is.</summary>
public sealed class WeeksApartRulesTests
{
    private static Fact[] Disputed(FactAlignment r) => [.. r.Facts.Where(f => f.Status == FactStatus.Disputed)];

    private static Document Dated(string id, string text, int month, int day, MetadataSource source = MetadataSource.Input)
    {
        var d = FactAlignerTests.Doc(id, text);
        return d with { Metadata = d.Metadata with { Published = new Sourced<DateOnly>(new DateOnly(2016, month, day), source) } };
    }

    private const string Early = "The bombing in the crowded market killed 12 people, officials said.",
        Late = "The bombing in the crowded market killed 15 people, police said.",
        Later = "Police said 15 people were killed by the bombing in the crowded market.";

    [Fact]
    public void Numbers_differing_only_between_reports_weeks_apart_are_not_disputed()
    {
        var r = FactAlignerTests.Align([Dated("d1", Early, 3, 1), Dated("d2", Late, 3, 15), Dated("d3", Later, 3, 16)]);
        Assert.Empty(Disputed(r));
        Assert.Contains(r.Facts, f => f.Evidence.Any(e => e.StartsWith("not compared: the numbers differ only between reports more than a week apart", StringComparison.Ordinal)));
    }

    [Fact]
    public void Numbers_differing_within_a_week_still_dispute()
    {
        // The same pair a week apart at most, and a weeks-later report agreeing with the last one.
        var r = FactAlignerTests.Align([Dated("d1", Early, 3, 1), Dated("d2", Late, 3, 8), Dated("d3", Later, 3, 30)]);
        Assert.Single(Disputed(r));
    }

    [Fact]
    public void An_undated_report_keeps_the_dispute()
    {
        var r = FactAlignerTests.Align([Dated("d1", Early, 3, 1), FactAlignerTests.Doc("d2", Late), Dated("d3", Later, 3, 30)]);
        Assert.Single(Disputed(r));
    }

    [Fact]
    public void A_provisional_toll_revised_weeks_later_is_still_an_update()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "The bombing in the crowded market killed 12 people, officials said.", 3, 1),
            Dated("d2", "The death toll rose: the bombing in the crowded market killed 15 people, police said.", 3, 15),
        ]);
        Assert.Single(r.Facts, f => f.Status == FactStatus.Updated);
    }

    [Fact]
    public void A_date_read_from_a_dateline_keeps_the_dispute()
    {
        // A dateline can name another event's day: only stated publication dates set reports apart.
        var r = FactAlignerTests.Align([Dated("d1", Early, 3, 1, MetadataSource.Dateline), Dated("d2", Late, 3, 15), Dated("d3", Later, 3, 16)]);
        Assert.Single(Disputed(r));
    }
}
