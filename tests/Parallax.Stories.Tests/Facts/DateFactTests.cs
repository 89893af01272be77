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
}
