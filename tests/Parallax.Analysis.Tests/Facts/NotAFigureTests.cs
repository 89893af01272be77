using Parallax.Analysis.Facts;
using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Numbers that look like a second figure but are not one: a local-dollar conversion, a place on a field, an age
/// threshold; and an open bound written after its unit.</summary>
public sealed class NotAFigureTests
{
    [Theory]
    [InlineData("Damage to the church was estimated at $ US1 million ( $ 1.52 million ) , authorities said .")]
    [InlineData("The bill came to US$ 50 ( $ 65 ) .")]
    public void An_amount_in_parentheses_after_a_US_dollar_amount_is_a_local_dollar_conversion(string text) =>
        Assert.DoesNotContain(Analyse(text).Quantities, q => q.Kind == QuantityKind.Money
            && (text[q.Start..q.End].Contains("1.52") || text[q.Start..q.End].Contains("65")));

    [Fact]
    public void A_conversion_into_another_currency_is_still_a_figure() =>
        Assert.Contains(Analyse("Robbers stole diamonds valued at 85 million euros ( $ 108 million ) .").Quantities,
            q => q.Kind == QuantityKind.Money && q.Value == 108e6);

    [Fact]
    public void An_amount_in_parentheses_after_words_is_still_a_figure() =>
        Assert.Contains(Analyse("The club ( $ 5 million in debt ) was sold .").Quantities, q => q.Kind == QuantityKind.Money);

    [Theory]
    [InlineData("They handed the ball over to the Colts at the 27 - yard line .")]
    [InlineData("He was stopped at the 20 yard line .")]
    public void A_yard_line_is_a_place_not_a_distance(string text) =>
        Assert.DoesNotContain(Analyse(text).Quantities, q => q.Kind == QuantityKind.Length);

    [Fact]
    public void A_run_in_yards_is_still_a_distance() =>
        Assert.Equal(QuantityKind.Length, Single("He ran 27 yards for a touchdown .", "27 yards").Kind);

    [Fact]
    public void Or_more_after_the_unit_opens_the_bound()
    {
        var q = Single("At least nine quarterbacks threw for 300 yards or more on Sunday .", "300 yards or more");
        Assert.Equal(Qualifier.AtLeast, q.Qualifier);
        Assert.Equal(double.PositiveInfinity, q.Upper);
    }

    [Fact]
    public void A_figure_without_or_more_stays_closed() =>
        Assert.Equal(Qualifier.Exact, Single("Luck threw for 205 yards on Sunday .", "205 yards").Qualifier);

    [Fact]
    public void Under_age_40_is_a_threshold_not_an_age() =>
        Assert.DoesNotContain(Analyse("She was the first physician under age 40 to sit on the board .").Quantities, q => q.Kind == QuantityKind.Age);

    [Fact]
    public void Age_40_alone_is_still_an_age() =>
        Assert.Equal(QuantityKind.Age, Single("She became a doctor at age 40 , in 1996 .", "age 40").Kind);

    [Theory]
    [InlineData("Officials stopped the game when Hansbrough , who now has 2,302 points , made the basket .", "2,302 points")]
    [InlineData("Hansbrough has now 2,301 points as a Tar Heel .", "2,301 points")]
    public void A_tally_now_is_a_running_total_not_the_final_figure(string text, string span) =>
        Assert.Equal(ClaimScope.Roundup, ClaimMeaningTests.Read(text, span).Scope);

    [Theory]
    [InlineData("Hansbrough scored 20 points on Thursday .", "20 points")]
    [InlineData("The snow has 20 centimetres of depth .", "20 centimetres")]
    public void A_figure_without_a_running_cue_is_the_events_own(string text, string span) =>
        Assert.Equal(ClaimScope.Whole, ClaimMeaningTests.Read(text, span).Scope);
}
