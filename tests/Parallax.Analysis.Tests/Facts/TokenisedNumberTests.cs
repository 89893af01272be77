using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Numbers as tokenised text prints them: "38 - year - old", "15 - year veteran", "20 , 000".</summary>
public sealed class TokenisedNumberTests
{
    [Theory]
    [InlineData("The suspect , 38 - year - old Anthony LaCalamita , was arrested .", "38 - year - old", QuantityKind.Age, 38)]
    [InlineData("He was a 15 - year veteran of the department .", "15 - year", QuantityKind.Duration, 15 * 365.2425 * 86400)]
    [InlineData("Jurors sat through the three - week trial .", "three - week", QuantityKind.Duration, 21 * 86400)]
    public void A_compound_split_by_spaces_reads_like_the_hyphenated_one(string text, string span, QuantityKind kind, double value)
    {
        var q = Single(text, span);
        Assert.Equal(kind, q.Kind);
        Assert.Equal(value, q.Value, 0);
    }

    [Fact]
    public void A_dash_between_clauses_is_no_compound() =>
        Assert.DoesNotContain(Quantities("Police found 3 - the rest had fled ."), q => q.Kind != QuantityKind.Count && q.Value == 3);

    [Theory]
    [InlineData("Police put the march at roughly 30 , 000 people .", "roughly 30 , 000 people", 30_000)]
    [InlineData("The fund holds 1 , 200 , 000 dollars .", "1 , 200 , 000 dollars", 1_200_000)]
    public void Thousands_groups_split_by_spaces_are_one_number(string text, string span, double value) =>
        Assert.Equal(value, Single(text, span).Value);

    [Fact]
    public void A_height_before_a_weight_is_not_a_thousands_group() =>
        Assert.InRange(Single("Orozco is 5 - foot - 8 , 135 pounds , with tattoos .", "135 pounds").Value, 61.0, 61.5);   // kg

    [Fact]
    public void A_number_with_a_duration_after_a_name_is_no_name_code() =>
        Assert.Equal(QuantityKind.Duration, Single("She returned to her home town with John 12 weeks ago .", "12 weeks").Kind);

    [Fact]
    public void A_date_before_a_count_is_not_a_thousands_group()
    {
        var qs = Quantities("On May 3 , 100 people marched .");
        Assert.DoesNotContain(qs, q => q.Value == 3100);
        Assert.Contains(qs, q => q.Value == 100 && q.Kind == QuantityKind.Count);
    }
}

/// <summary>Amounts before a scale word: three significant figures were counted, not rounded.</summary>
public sealed class ScaledAmountTests
{
    [Fact]
    public void Three_significant_figures_before_million_are_exact()
    {
        var q = Single("The gems were worth $102 million, police said.", "$102 million");
        Assert.Equal((102e6, 102e6), (q.Lower, q.Upper));
    }

    [Theory]
    [InlineData("The fund lent $1.2 million to the city.", "$1.2 million")]
    [InlineData("Greece gets 110 billion euros in loans.", "110 billion euros")]
    public void A_round_amount_before_a_scale_word_keeps_its_tolerance(string text, string span)
    {
        var q = Single(text, span);
        Assert.True(q.Lower < q.Value && q.Upper > q.Value);
    }
}
