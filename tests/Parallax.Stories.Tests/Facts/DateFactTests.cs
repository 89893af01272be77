using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Calendar days tied to a verb are date claims: they agree across reports and never make a dispute.</summary>
public sealed class DateFactTests
{
    private static Document Dated(string id, string text, DateOnly published) => FactAlignmentRulesTests.Dated(id, text, published);

    private static Fact[] DateFacts(FactAlignment r) => [.. r.Facts.Where(f => f.Claims.Any(c => c.Unit == "date"))];

    [Fact]
    public void The_same_day_for_one_verb_is_one_agreed_date_fact()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Orozco was convicted March 20 of first-degree murder in the slaying.", new DateOnly(2007, 5, 2)),
            Dated("d2", "The jury reached its guilty verdict and Orozco was convicted on March 20 of murder.", new DateOnly(2007, 4, 2)),
        ]);
        var fact = Assert.Single(DateFacts(r));
        Assert.Equal(FactStatus.Agreed, fact.Status);
        Assert.Equal("date convicted", fact.About);
        Assert.All(fact.Claims, c => Assert.Equal("convicted:date", c.Measure));
    }

    [Fact]
    public void Different_days_are_never_a_dispute_and_a_date_with_no_verb_is_no_claim()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "June 24, 2005. The deputy was killed on June 24 outside an apartment.", new DateOnly(2005, 6, 25)),
            Dated("d2", "The deputy was killed on June 25 outside an apartment, officials said.", new DateOnly(2005, 6, 26)),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
        Assert.Equal(2, DateFacts(r).SelectMany(f => f.Claims).Count());
    }

    private static DateOnly DayOf(Claim c) => DateOnly.FromDayNumber((int)c.Value);

    [Fact]
    public void A_day_without_a_year_takes_the_year_the_document_gives_its_month()
    {
        // A 2007 report about a 2005 killing: "June 24" alone would resolve to the last June 24 before the report.
        var r = FactAlignerTests.Align([
            Dated("d1", "Orozco was convicted of killing Deputy Jerry Ortiz in June 2005. The deputy was killed on June 24 outside an apartment.", new DateOnly(2007, 5, 2)),
            Dated("d2", "Deputy Ortiz was killed June 24, 2005 outside an apartment in Hawaiian Gardens.", new DateOnly(2007, 3, 20)),
        ]);
        var fact = Assert.Single(DateFacts(r));
        Assert.Equal(FactStatus.Agreed, fact.Status);
        // "killing … in June 2005" is a month, June 1–30, beside the two days.
        Assert.Equal(2, fact.Claims.Count(c => c.Lower == c.Upper));
        Assert.All(fact.Claims.Where(c => c.Lower == c.Upper), c => Assert.Equal(new DateOnly(2005, 6, 24), DayOf(c)));
    }

    [Fact]
    public void A_year_in_the_same_sentence_dates_a_day_written_without_one()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "In 2005 the deputy was killed on June 24 outside an apartment.", new DateOnly(2007, 5, 2)),
        ]);
        Assert.Equal(new DateOnly(2005, 6, 24), DayOf(Assert.Single(DateFacts(r).SelectMany(f => f.Claims))));
    }

    [Fact]
    public void An_event_noun_dates_its_event_and_meets_the_verb()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "The deputy was investigating the June 20 shooting of a man in the city.", new DateOnly(2005, 7, 26)),
            Dated("d2", "A man was shot on June 20 in the city, and the deputy was investigating.", new DateOnly(2005, 6, 25)),
            Dated("d3", "It took the jury as long as the guilty verdict on March 20 did.", new DateOnly(2007, 4, 2)),
        ]);
        var shot = Assert.Single(DateFacts(r), f => f.Claims.Count() == 2);
        Assert.Equal(FactStatus.Agreed, shot.Status);
        Assert.All(shot.Claims, c => Assert.Equal("shot:date", c.Measure));
        Assert.Contains(DateFacts(r).SelectMany(f => f.Claims), c => c.Measure == "convicted:date" && DayOf(c) == new DateOnly(2007, 3, 20));
    }

    [Fact]
    public void A_day_still_to_come_is_after_the_report()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Orozco is to be formally sentenced May 3 by the judge.", new DateOnly(2007, 4, 4)),
            Dated("d2", "A trial date was set for October 28, with a duration of three days.", new DateOnly(2013, 6, 12)),
            Dated("d3", "He tried to run and was killed on June 24 outside an apartment.", new DateOnly(2005, 6, 26)),
        ]);
        var days = DateFacts(r).SelectMany(f => f.Claims).ToDictionary(c => c.Measure!, DayOf);
        Assert.Equal(new DateOnly(2007, 5, 3), days["sentenced:date"]);
        Assert.Equal(new DateOnly(2013, 10, 28), days["set:date"]);
        Assert.Equal(new DateOnly(2005, 6, 24), days["killed:date"]);
    }

    [Fact]
    public void A_weekday_keeps_the_report_week_and_different_days_of_one_event_never_dispute()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Orozco, who killed a deputy in 2005, was sentenced Tuesday to death.", new DateOnly(2007, 5, 3)),
            Dated("d2", "Police said the June 24 murder of the deputy shocked the city.", new DateOnly(2005, 6, 26)),
            Dated("d3", "The deputy was killed on June 25 outside an apartment, officials said.", new DateOnly(2005, 6, 26)),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
        var sentenced = Assert.Single(DateFacts(r).SelectMany(f => f.Claims), c => c.Measure == "sentenced:date");
        Assert.Equal(2007, DayOf(sentenced).Year);
        // The two days, and "killed a deputy in 2005" as the year's range.
        Assert.Equal(2, DateFacts(r).SelectMany(f => f.Claims).Count(c => c.Measure == "killed:date" && c.Lower == c.Upper));
    }

    [Fact]
    public void A_day_still_to_come_does_not_make_its_sentence_background()
    {
        // Resolved as last year's October 28, the trial date made "three days" an earlier event's and kept it apart.
        var r = FactAlignerTests.Align([
            Dated("d1", "The case was heard in his absence and a trial date was set for October 28, with a duration of three days.", new DateOnly(2013, 6, 12)),
        ]);
        Assert.Equal("whole", r.Facts.SelectMany(f => f.Claims).Single(c => c.Unit == "s").Scope);
    }

    [Fact]
    public void A_report_full_of_days_without_a_year_is_read_in_linear_time()
    {
        // Each "killed on June 24" looks up the years the report states; the lookup is built once per report.
        static Document Report(int n) => Dated("d1",
            "The deputy died in June 2005. " + string.Concat(Enumerable.Repeat("A man was killed on June 24 near the store. ", n)),
            new DateOnly(2007, 5, 2));
        var small = Report(300);
        var large = Report(3_000);
        var r = FactAlignerTests.Align([large]);
        Assert.All(DateFacts(r).SelectMany(f => f.Claims), c => Assert.Equal(2005, DayOf(c).Year));
        LinearTime.Assert(() => FactAlignerTests.Align([small]), () => FactAlignerTests.Align([large]));
    }
}
