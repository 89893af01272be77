using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>"bn" and "tn" glued to a number are scales even when the currency comes after ("30bn euros").</summary>
public sealed class ScaleSuffixTests
{
    [Fact]
    public void Billions_glued_to_the_number_before_a_currency_word_are_money()
    {
        var q = Single("The government wants to cut 30bn euros from its deficit .", "30bn euros");
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal(30e9, q.Value);
        Assert.Equal("EUR", q.Unit);
    }

    [Fact]
    public void Trillions_glued_to_the_number_are_a_scale_too()
    {
        var q = Single("The bank holds 2tn euros in deposits .", "2tn euros");
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal(2e12, q.Value);
    }

    [Fact]
    public void A_lone_m_without_a_currency_is_no_million() =>
        Assert.DoesNotContain(Quantities("The runner won the 5m race and 10m dash ."), q => q.Value >= 1e6);
}
