using Parallax.Analysis.Facts;
using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Numbers written in ways besides "25 minutes": units and currencies written onto the digits, a lost currency
/// sign, spaced decimals and compounds, speeds, areas, counts after coordinated peoples or a spaced compound noun, and
/// the must-not cases beside each (a question mark, a dash between phrases, a rule's threshold).</summary>
public sealed class WrittenNumberTests
{
    private static Quantity[] Of(string text, QuantityKind kind) => Analyse(text).Quantities.Where(q => q.Kind == kind).ToArray();

    [Fact]
    public void A_unit_written_onto_the_digits_is_read()
    {
        var q = Single("Police chased him for 48km , through a construction zone .", "48km");
        Assert.Equal(QuantityKind.Length, q.Kind);
        Assert.Equal(48_000, q.Value);
    }

    [Theory]
    [InlineData("They drove at speeds up to 193km / h before he stopped .", "up to 193km / h", 119.92)]
    [InlineData("They drove at 193 km / h before he stopped .", "193 km / h", 119.92)]
    [InlineData("The car was going 120 miles per hour on the highway .", "120 miles per hour", 120)]
    public void A_length_per_hour_is_a_speed_in_mph_not_a_distance(string text, string span, double mph)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Other, q.Kind);
        Assert.Equal("mph", q.Unit);
        Assert.Equal(mph, q.Value, 2);
    }

    [Fact]
    public void A_single_letter_after_digits_is_no_unit() =>
        Assert.DoesNotContain(Analyse("The shop is 5m from the road .").Quantities, q => q.Kind == QuantityKind.Length);

    [Fact]
    public void Euro_written_onto_the_digits_is_euros()
    {
        var q = Single("Greece gets a euro110 billion loan package .", "euro110 billion");
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal("EUR", q.Unit);
        Assert.Equal(110e9, q.Value);
    }

    [Theory]
    [InlineData("They agreed an ? 110 billion debt bailout from the EU .", "110 billion", 110e9)]
    [InlineData("They agreed to slash spending in return for ? 110bn in loans .", "110bn", 110e9)]
    [InlineData("Berlin decided to lend ? 22 . 4bn to Greece .", "22 . 4bn", 22.4e9)]
    [InlineData("Berlin decided to lend ? 22 . 4 billion to Greece .", "22 . 4 billion", 22.4e9)]
    [InlineData("They agreed a ? 110 - billion bailout .", "110 - billion", 110e9)]
    [InlineData("They agreed a \uFFFD\uFFFD\uFFFD\uFFFD110 billion bailout .", "\uFFFD\uFFFD\uFFFD\uFFFD110 billion", 110e9)]
    public void A_lost_currency_sign_before_a_scale_is_money_of_unknown_currency(string text, string span, double value)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal("XXX", q.Unit);
        Assert.Equal(value, q.Value, 0);
    }

    [Fact]
    public void A_question_mark_before_a_count_is_no_currency()
    {
        var q = Single("Who paid ? 110 people came to the meeting .", "110 people");
        Assert.Equal(QuantityKind.Count, q.Kind);
    }

    [Fact]
    public void Digits_around_a_spaced_period_without_money_or_scale_are_not_a_decimal() =>
        Assert.DoesNotContain(Analyse("The team scored 22 . 4 players were hurt .").Quantities, q => q.Value == 22.4);

    [Fact]
    public void A_spaced_scale_after_a_dollar_amount_scales_it() =>
        Assert.Equal(143e9, Single("He paid $ 143 - billion for it .", "143 - billion").Value);

    [Theory]
    [InlineData("The 170,000-square-foot building houses offices .", "170,000-square-foot", 15_793.5)]
    [InlineData("The 15 , 800 - square - metre building houses offices .", "15 , 800 - square - metre", 15_800)]
    [InlineData("They bought 2,000 square feet of land .", "2,000 square feet", 185.8)]
    public void A_square_unit_is_an_area_in_square_metres(string text, string span, double squareMetres)
    {
        var q = Single(text, span);
        Assert.Equal("m2", q.Unit);
        Assert.Equal(squareMetres, q.Value, 1);
    }

    [Fact]
    public void A_length_long_compound_measures_the_noun_after_it()
    {
        var q = Single("The pirates clambered onto the 10-metre-long dhow .", "10-metre-long");
        Assert.Equal(QuantityKind.Length, q.Kind);
        Assert.Equal("dhow", q.About);
    }

    [Fact]
    public void A_percent_sign_spaced_off_is_a_percent() =>
        Assert.Equal(QuantityKind.Percent, Single("He had a blood alcohol level of 0.41 % .", "0.41 %").Kind);

    [Theory]
    [InlineData("The election can only be declared valid with a turnout more than 50 percent of eligible voters .")]
    [InlineData("The measure needs at least 60 percent of the vote to pass .")]
    public void A_bound_a_rule_sets_is_no_percent_claim(string text) => Assert.Empty(Of(text, QuantityKind.Percent));

    [Fact]
    public void A_measured_open_bound_is_still_a_percent() =>
        Assert.Single(Of("Turnout was more than 50 percent of eligible voters .", QuantityKind.Percent));

    [Theory]
    [InlineData("The navy captured 23 Somali and Yemeni pirates who attacked a ship .", "23 Somali and Yemeni pirates", "pirate")]
    [InlineData("The navy arrested 23 heavily armed Somalian and Yemeni pirates .", "23 heavily armed Somalian and Yemeni pirates", "pirate")]
    [InlineData("The navy nabbed 23 Somali and Yemeni sea brigands .", "23 Somali and Yemeni sea brigands", "brigand")]
    public void A_count_reads_past_coordinated_peoples_to_its_noun(string text, string span, string unit)
    {
        var q = Single(text, span);
        Assert.Equal(23, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void A_count_stops_at_a_preposition_before_coordinated_names() =>
        Assert.Empty(Of("The navy sent 23 to Somali and Yemeni ports .", QuantityKind.Count));

    [Fact]
    public void A_bracketed_breakdown_counts_each_people_under_the_counts_noun()
    {
        var counts = Of("The arrest of the 23 pirates ( 12 Somali and 11 Yemeni ) is the largest .", QuantityKind.Count);
        Assert.Equal(3, counts.Length);
        Assert.Equal(("somali", "pirate", 12.0), (counts[1].Unit, counts[1].About, counts[1].Value));
        Assert.Equal(("yemeni", "pirate", 11.0), (counts[2].Unit, counts[2].About, counts[2].Value));
    }

    [Fact]
    public void A_bracketed_name_after_no_count_is_no_breakdown() =>
        Assert.Empty(Of("The group ( 12 Somali ) left the port .", QuantityKind.Count));

    [Fact]
    public void A_compound_noun_spaced_at_its_hyphen_is_counted() =>
        Assert.Equal("co-worker", Single("The man accused of shooting his three former co - workers is 38 .", "three former co - workers").Unit);

    [Fact]
    public void A_dash_between_phrases_joins_no_compound() =>
        Assert.Equal("man", Single("Police arrested five young men - sons of local farmers .", "five young men").Unit);

    [Fact]
    public void An_age_in_apposition_may_be_followed_by_and_from()
    {
        var q = Single("John Jenkin , 23 and from Cumbria , has been charged with murder .", "23");
        Assert.Equal(QuantityKind.Age, q.Kind);
    }

    [Fact]
    public void A_list_after_a_name_is_still_no_age() =>
        Assert.Empty(Of("It runs on Windows XP , 7 and 8 .", QuantityKind.Age));

    [Fact]
    public void One_person_after_shot_to_death_is_one_victim() =>
        Assert.Equal(1, Single("A Michigan man shot to death one person and injured two others .", "one person").Value);

    [Fact]
    public void A_number_before_die_is_a_count_of_people() =>
        Assert.Equal("person", Single("Three die in bank during Greek riots", "Three").Unit);

    [Fact]
    public void An_adverb_splitting_an_infinitive_is_not_the_verb_a_sum_is_read_under() =>
        Assert.Equal("pay", Single("They urged him to quickly pay 22 billion euros .", "22 billion euros").About);

    [Fact]
    public void A_share_of_a_larger_sum_is_a_part() =>
        Assert.Equal(ClaimScope.Part,
            ClaimMeaningTests.Read("Merkel urged parliament to pass the country's share of the bailout , 22 billion euros .", "22 billion euros").Scope);

    [Fact]
    public void Was_of_is_no_as_of() =>
        Assert.Equal(ClaimScope.Whole,
            ClaimMeaningTests.Read("The damage was of a kind never seen , with 40 homes destroyed .", "40 homes").Scope);

    [Fact]
    public void A_figure_as_of_a_time_is_a_running_total() =>
        Assert.Equal(ClaimScope.Roundup,
            ClaimMeaningTests.Read("Some 88.41 percent of voters cast their ballots as of 4:00 p.m. local time .", "Some 88.41 percent").Scope);

    [Theory]
    [InlineData("Fans gathered for Euro2016 in Paris .")]
    [InlineData("The \uFFFD24 hours\uFFFD show starts today .")]
    [InlineData("He paid \uFFFD20 for it .")]
    public void A_glued_lost_sign_or_a_euro_year_is_no_money(string text) =>
        Assert.DoesNotContain(Analyse(text).Quantities, q => q.Kind == QuantityKind.Money);

    [Fact]
    public void A_lost_quote_before_a_duration_leaves_the_duration() =>
        Assert.Contains(Analyse("The \uFFFD24 hours\uFFFD show starts today .").Quantities, q => q.Kind == QuantityKind.Duration && q.Value == 24 * 3600);

    [Fact]
    public void A_bare_glued_euro_amount_is_still_euros() =>
        Assert.Equal("EUR", Single("A pensioner who gets euro345 a month spoke .", "euro345").Unit);

    [Theory]
    [InlineData("The state agreed to supply arms worth $5 million to the rebels .", "supply")]
    [InlineData("They voted to apply 22 billion euros to the debt .", "apply")]
    public void A_verb_ending_in_ly_is_no_split_infinitive_adverb(string text, string verb) =>
        Assert.StartsWith(verb, Analyse(text).Quantities.Single(q => q.Kind == QuantityKind.Money).About);

    [Fact]
    public void Really_splitting_an_infinitive_is_the_adverb_not_a_re_verb() =>
        // "re" + "ally" is no verb: the infinitive's verb is the word after "really".
        Assert.StartsWith("cut", Analyse("The board agreed to really cut $5 million from the budget .").Quantities.Single(q => q.Kind == QuantityKind.Money).About);

    [Fact]
    public void As_of_in_another_clause_is_no_running_total() =>
        Assert.Equal(ClaimScope.Whole,
            ClaimMeaningTests.Read("The firm , which as of 2015 employed 300 people , said 12 workers were hurt in the blast .", "12 workers").Scope);

    [Fact]
    public void A_fronted_as_of_dates_the_clause_after_it() =>
        Assert.Equal(ClaimScope.Roundup,
            ClaimMeaningTests.Read("As of 4 p.m. , 300 people had voted .", "300 people").Scope);

    [Fact]
    public void Only_as_a_plain_word_sets_no_threshold() =>
        Assert.Single(Of("Clinton , the only candidate with more than 50 percent support in Ohio , spoke .", QuantityKind.Percent));

    [Theory]
    [InlineData("Officers found a 9mm pistol in the car .")]
    [InlineData("Officers found a 9 mm handgun in the car .")]
    [InlineData("Officers found a 9-millimeter pistol in the car .")]
    public void A_calibre_before_a_weapon_is_no_distance(string text) =>
        Assert.Empty(Of(text, QuantityKind.Length));

    [Fact]
    public void A_glued_millimetre_length_is_still_a_distance() =>
        Assert.Equal(QuantityKind.Length, Single("The rain fell 40mm in one hour .", "40mm").Kind);

    [Fact]
    public void A_share_of_after_a_longer_word_is_still_found() =>
        Assert.Equal(ClaimScope.Part,
            ClaimMeaningTests.Read("He sold a timeshare of it and its share of it , 22 billion euros , is due .", "22 billion euros").Scope);

    [Theory]
    [InlineData("A second bombing in the market killed 14 people .")]
    [InlineData("He was elected for a second time in 2012 .")]
    public void A_second_before_a_noun_is_the_ordinal_not_one_second(string text) =>
        Assert.Empty(Of(text, QuantityKind.Duration));

    [Theory]
    [InlineData("The lights went out for a second , then came back .")]
    [InlineData("A second later the door opened .")]
    public void A_second_at_a_break_or_before_later_is_one_second(string text) =>
        Assert.Single(Of(text, QuantityKind.Duration));
}
