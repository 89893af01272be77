using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>A person's weight is read off a scale or a record: exact even when round, and measured as "weight".</summary>
public sealed class WeightRulesTests
{
    [Theory]
    [InlineData("He is 5 - feet - 8 inches tall , weighing 130 pounds , and is tattooed .", "130 pounds")]
    [InlineData("Orozco is 5 - foot - 8 , 135 pounds , with tattoos .", "135 pounds")]
    [InlineData("The man weighed 70 kilograms when he was found .", "70 kilograms")]
    public void A_persons_weight_is_exact_and_measured_as_weight(string text, string span)
    {
        var q = Single(text, span);
        Assert.Equal("weight", q.About);
        Assert.Equal(q.Value, q.Lower);
        Assert.Equal(q.Value, q.Upper);
    }

    [Theory]
    [InlineData("The plane dropped a bomb of 500 pounds on the bridge .", "500 pounds")]
    [InlineData("The ship carried 6,900 tonnes of oil .", "6,900 tonnes")]
    public void Heavier_things_keep_a_round_numbers_tolerance(string text, string span)
    {
        var q = Single(text, span);
        Assert.True(q.Lower < q.Value && q.Value < q.Upper, $"{q.Lower} < {q.Value} < {q.Upper}");
    }

    [Fact]
    public void A_hedged_weight_stays_approximate()
    {
        var q = Single("He weighed about 150 pounds .", "about 150 pounds");
        Assert.True(q.Lower < q.Value);
    }
}
