using Parallax.Analysis.Facts;
using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Partitive parts, ages read at the report's time, verb-tied measures and detached currency signs.</summary>
public sealed class ClaimScopeRulesTests
{
    private static ClaimMeaning Read(string text, string span) => ClaimMeaningTests.Read(text, span);

    [Theory]
    [InlineData("Eight of the jurors were black.", "Eight of the jurors")]
    [InlineData("Police said 17 of the hijacked ships were still held.", "17 of the hijacked ships")]
    public void A_part_picked_out_of_a_group_is_partitive(string text, string span)
    {
        var m = Read(text, span);
        Assert.Equal(ClaimScope.Part, m.Scope);
        Assert.True(m.Partitive);
    }

    [Fact]
    public void An_added_part_is_a_part_but_not_partitive()
    {
        var m = Read("Police seized seven rifles and three other rifles on the boat.", "three other rifles");
        Assert.Equal(ClaimScope.Part, m.Scope);
        Assert.False(m.Partitive);
    }

    [Fact]
    public void An_age_is_read_at_the_reports_time_even_beside_an_earlier_date()
    {
        Assert.Equal(ClaimScope.Whole, Read("Nichols, 37, was found guilty last month of murder.", "37").Scope);
        Assert.Equal(ClaimScope.Whole, Read("Catherine Gomes, 61, had lived in the house since last year.", "61").Scope);
    }

    [Theory]
    [InlineData("The defender said then- 15-year-old Timmons was at the scene.", "15-year-old")]
    [InlineData("The defender said then - 15-year-old Timmons was at the scene.", "15-year-old")]
    public void An_age_marked_then_is_read_at_an_earlier_time(string text, string span)
    {
        Assert.Equal(ClaimScope.Background, Read(text, span).Scope);
        Assert.Equal(ClaimScope.Whole, Read(text.Replace("then - ", "").Replace("then- ", ""), span).Scope);
    }

    [Fact]
    public void A_past_tense_verb_before_for_ties_the_measure_but_a_noun_or_an_opening_for_does_not()
    {
        Assert.True(Read("Police locked down the street for almost three hours on Friday.", "almost three hours").TiedHead);
        Assert.False(Read("Ortega talked to officers for about 20 minutes outside the bank.", "about 20 minutes").TiedHead);
        Assert.False(Read("For about 40 minutes, the operator kept passengers aboard.", "about 40 minutes").TiedHead);
    }

    [Theory]
    [InlineData("Robbers made off with $ 108 million in jewels.", "108 million", 108e6)]
    [InlineData("A reward of $ 35,000 was offered.", "35,000", 35000)]
    public void A_currency_sign_standing_one_space_before_the_number_makes_money(string text, string span, double value)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal("USD", q.Unit);
        Assert.Equal(value, q.Value);
    }

    [Fact]
    public void A_sign_glued_to_a_word_is_not_detached_currency()
    {
        var q = Quantities("The code was A$ 12 in the list.");
        Assert.DoesNotContain(q, x => x.Kind == QuantityKind.Money && x.Unit == "USD");
    }

    [Theory]
    [InlineData("No-one was injured in the fire, police said.", "No-one")]
    [InlineData("No one is believed to be injured at this time.", "No one")]
    [InlineData("At this stage, nobody is thought to have been injured.", "nobody")]
    public void Nobody_hurt_is_a_count_of_none(string text, string span)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(0, q.Value);
        Assert.Equal(0, q.Upper);
    }

    [Theory]
    [InlineData("No one knows why the store was closed.")]
    [InlineData("There was no one at home on Friday.")]
    public void Nobody_without_a_casualty_word_is_no_claim(string text) =>
        Assert.DoesNotContain(Quantities(text), q => q.Value == 0);

    [Theory]
    [InlineData("Gomes served 9 months of a 2-1/2 year sentence.", "2-1/2 year", 2.5)]
    [InlineData("He was sentenced to 2 1/2 years in that case.", "2 1/2 years", 2.5)]
    public void Mixed_fractions_are_read(string text, string span, double years)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Duration, q.Kind);
        Assert.Equal(years, q.Value / (365.2425 * 86400), 3);
    }

    [Fact]
    public void Coordinated_counts_share_their_noun_and_count_the_people_named()
    {
        var q = Single("Commandos seized 12 Somali and 11 Yemeni pirates on Saturday.", "12 Somali");
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(12, q.Value);
        Assert.Equal("somali", q.Unit);
        Assert.Equal("somali", Single("The apprehended included 12 Somalis and three boats.", "12 Somalis").Unit);
    }

    [Fact]
    public void A_capitalised_word_and_a_number_without_a_shared_noun_are_no_coordinated_count() =>
        Assert.DoesNotContain(Quantities("He scored 12 Sunday and 11 Monday in the final."), q => q.Kind == QuantityKind.Count && q.Value == 12);

    [Theory]
    [InlineData("A 12-year-old girl was hurt in the crash.", "12-year-old", "girl")]
    [InlineData("A 66-year-old Burnsville woman was struck on Friday.", "66-year-old", null)]
    [InlineData("A 66-year-old woman outside the hotel was struck on Friday.", "66-year-old", null)]
    public void An_ages_holder_is_the_noun_right_after_it(string text, string span, string? holder) =>
        Assert.Equal(holder, Read(text, span).HolderNoun);
}
