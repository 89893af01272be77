using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Weekday and partial dates, and dates tied to a verb a few words away, as date claims: they agree when their
/// days can be the same and never make a dispute.</summary>
public sealed class DateReadingTests
{
    private static Document Dated(string id, string text, DateOnly published) => FactAlignmentRulesTests.Dated(id, text, published);

    private static Claim[] DateClaims(FactAlignment r) => [.. r.Facts.SelectMany(f => f.Claims).Where(c => c.Unit == "date")];

    private static DateOnly Day(double dayNumber) => DateOnly.FromDayNumber((int)dayNumber);

    private static Claim One(FactAlignment r, string measure) => Assert.Single(DateClaims(r), c => c.Measure == measure);

    [Fact]
    public void A_weekday_after_its_verb_or_after_on_is_a_day_in_the_report_week()
    {
        // Published Saturday 2005-06-25: "Friday" is the 24th.
        var r = FactAlignerTests.Align([
            Dated("d1", "A deputy was fatally shot Friday outside an apartment.", new DateOnly(2005, 6, 25)),
            Dated("d2", "The suspect was arrested on Friday near the scene.", new DateOnly(2005, 6, 25)),
        ]);
        Assert.Equal(new DateOnly(2005, 6, 24), Day(One(r, "shot:date").Value));
        Assert.Equal(new DateOnly(2005, 6, 24), Day(One(r, "arrested:date").Value));
    }

    [Fact]
    public void A_weekday_without_a_verb_is_no_claim()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Deputies searched for the gunman late Friday in the city.", new DateOnly(2005, 6, 25)),
            Dated("d2", "Police said on Friday that the road would stay shut.", new DateOnly(2005, 6, 25)),
        ]);
        Assert.Empty(DateClaims(r));
    }

    [Fact]
    public void A_month_or_year_is_a_range_of_days_and_agrees_with_a_day_inside_it()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Smith was arrested in April 2008 after a long inquiry.", new DateOnly(2009, 1, 5)),
            Dated("d2", "Smith was arrested on April 12, 2008 at his home.", new DateOnly(2009, 1, 6)),
            Dated("d3", "Jones was convicted in 2011 of fraud.", new DateOnly(2012, 1, 6)),
        ]);
        var month = DateClaims(r).Single(c => c.Measure == "arrested:date" && c.Lower != c.Upper);
        Assert.Equal(new DateOnly(2008, 4, 1), Day(month.Lower));
        Assert.Equal(new DateOnly(2008, 4, 30), Day(month.Upper));
        var year = One(r, "convicted:date");
        Assert.Equal((new DateOnly(2011, 1, 1), new DateOnly(2011, 12, 31)), (Day(year.Lower), Day(year.Upper)));
        var arrested = Assert.Single(r.Facts, f => f.Claims.Any(c => c.Measure == "arrested:date"));
        Assert.Equal(2, arrested.Claims.Count());
        Assert.Equal(FactStatus.Agreed, arrested.Status);
    }

    [Fact]
    public void Two_different_months_for_one_verb_are_never_a_dispute_and_an_inferred_month_is_no_claim()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Smith was arrested in April 2008 after a long inquiry.", new DateOnly(2009, 1, 5)),
            Dated("d2", "Smith was arrested in May 2008 after a long inquiry.", new DateOnly(2009, 1, 6)),
            Dated("d3", "Smith was arrested in June after a long inquiry.", new DateOnly(2009, 1, 7)),
            Dated("d4", "He was named 2008's sexiest man and hosted 2009 awards.", new DateOnly(2009, 1, 7)),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
        Assert.Equal(2, DateClaims(r).Length);
        Assert.DoesNotContain(r.Facts, f => f.Claims.Count(c => c.Unit == "date") > 1);
    }

    [Fact]
    public void A_year_meets_only_dates_of_its_own_verb()
    {
        // Three events of one year: a year is no evidence that they are one, so each stays its own fact.
        var r = FactAlignerTests.Align([
            Dated("d1", "The break-in occurred in 1972 at the Watergate complex.", new DateOnly(2008, 12, 19)),
            Dated("d2", "Reporters covered the 1972 shooting of the governor at the Watergate complex.", new DateOnly(2008, 12, 19)),
            Dated("d3", "The director was hired in 1972 after the break-in at the Watergate complex.", new DateOnly(2008, 12, 19)),
            Dated("d4", "The director was hired in March 1972 at the Watergate complex.", new DateOnly(2008, 12, 19)),
        ]);
        Assert.Equal(4, DateClaims(r).Length);
        var hired = Assert.Single(r.Facts, f => f.Claims.Any(c => c.Measure == "hired:date"));
        Assert.Equal(["hired:date", "hired:date"], hired.Claims.Select(c => c.Measure));
        Assert.DoesNotContain(r.Facts, f => f.Claims.Select(c => c.Measure).Distinct().Count() > 1);
    }

    [Fact]
    public void A_verb_a_few_words_before_a_date_with_on_dates_it()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Orozco was charged with murdering the 35 - year - old deputy on June 24 outside an apartment.", new DateOnly(2005, 7, 26)),
            Dated("d2", "The gang member shot Ortiz outside a Hawaiian Gardens building in 2005.", new DateOnly(2007, 4, 4)),
        ]);
        Assert.Equal(new DateOnly(2005, 6, 24), Day(One(r, "killed:date").Value));
        Assert.Equal(2005, Day(One(r, "shot:date").Lower).Year);
    }

    [Fact]
    public void An_event_noun_a_few_words_back_dates_the_day_only_as_its_own_phrase()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Prosecutors described the murder of Ortiz on June 24 in detail.", new DateOnly(2007, 3, 21)),
            Dated("d2", "Her publicist confirmed her death to the AP on Thursday in a statement.", new DateOnly(2013, 6, 7)),
        ]);
        Assert.Equal(new DateOnly(2007, 6, 24).Month, Day(One(r, "killed:date").Value).Month);
        Assert.Equal("d1", One(r, "killed:date").Span.Doc);
        Assert.Equal("d2", One(r, "confirmed:date").Span.Doc);
    }

    [Fact]
    public void A_far_word_is_no_verb_across_a_clause_after_an_article_or_without_on()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Police questioned the armed man at the station on June 24 in the city.", new DateOnly(2005, 7, 26)),
            Dated("d2", "He was killed in a crash, and his brother spoke at a vigil on June 24 in the city.", new DateOnly(2005, 7, 26)),
            Dated("d3", "He was arrested two streets away June 24 in the city.", new DateOnly(2005, 7, 26)),
            Dated("d4", "A tug was pushing a barge of dredged sediment through the channel on June 24 in the city.", new DateOnly(2005, 7, 26)),
        ]);
        // "questioned" dates its own day ("the armed" is skipped); "killed" is across "and"; no "on" before the day in d3;
        // "of dredged sediment" is no verb (and "pushing" none of a date's).
        var claim = Assert.Single(DateClaims(r));
        Assert.Equal("questioned:date", claim.Measure);
    }

    [Fact]
    public void A_when_clause_an_attempt_a_label_and_a_dateline_tie_a_day()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "The complaint alleged a count for the killing and on June 20 , when a man was shot and wounded in the city .", new DateOnly(2005, 7, 26)),
            Dated("d2", "Orozco was also convicted of the June 20 , 2005 attempted murder of a man.", new DateOnly(2007, 3, 21)),
            Dated("d3", "Los Angeles County Sheriff's Department End of Watch : Friday , June 24 , 2005 Deputy Ortiz died.", new DateOnly(2005, 6, 30)),
            Dated("d4", "DA Will Seek Death Penalty ( March 20 , 2007 ) - - A Superior Court jury in Norwalk today convicted a gang member of murder.", new DateOnly(2007, 3, 21)),
        ]);
        Assert.Equal(new DateOnly(2005, 6, 20), Day(One(r, "shot:date").Value));
        Assert.Equal(new DateOnly(2005, 6, 20), Day(One(r, "attempted:date").Value));
        Assert.Equal(new DateOnly(2005, 6, 24), Day(One(r, "killed:date").Value));
        Assert.Equal(new DateOnly(2007, 3, 20), Day(One(r, "convicted:date").Value));
    }

    [Fact]
    public void A_dateline_without_today_or_a_label_without_an_event_is_no_claim()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "DA Will Seek Death Penalty ( March 20 , 2007 ) - - A Superior Court jury in Norwalk convicted a gang member.", new DateOnly(2007, 3, 21)),
            Dated("d2", "Posted : Friday , June 24 , 2005 Deputy Ortiz died in the city.", new DateOnly(2005, 6, 30)),
            Dated("d3", "On June 20 , when the weather was fine , crowds gathered.", new DateOnly(2005, 6, 30)),
        ]);
        Assert.Empty(DateClaims(r));
    }

    [Theory]
    [InlineData("Smith was arrested in 2009 after the raid.", "Smith was arrested in 2012 after the raid.")]
    [InlineData("Jones was elected in 2008 to the board.", "Jones was elected in 2012 to the board.")]
    [InlineData("The plant was opened in April 2008 by the firm.", "The plant was opened in June 2008 by the firm.")]
    public void Different_years_or_months_of_one_verb_never_dispute(string first, string second)
    {
        // Two arrests, two elections: a month or a year names no single event, so two of them are two facts at most.
        var r = FactAlignerTests.Align([
            Dated("d1", first, new DateOnly(2013, 1, 10)),
            Dated("d2", second, new DateOnly(2013, 1, 10)),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Status is FactStatus.Disputed or FactStatus.Updated);
    }
}
