using Parallax.Analysis.Facts;
using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>"a couple of hours" is two or three hours; "X and Y, both 51," is an age.</summary>
public sealed class LooseNumberTests
{
    [Fact]
    public void A_couple_of_a_unit_is_two_or_three_of_it()
    {
        var q = Single("He hunkered down inside the office for a couple of hours with the door shut .", "a couple of hours");
        Assert.Equal(QuantityKind.Duration, q.Kind);
        Assert.Equal(Qualifier.Range, q.Qualifier);
        Assert.Equal(2 * 3600, q.Lower);
        Assert.Equal(3 * 3600, q.Upper);
    }

    [Theory]
    [InlineData("The tool can be used on Windows XP, Vista, 7, 8 and 8.1 .")]
    [InlineData("The tool can be used on Windows XP , Vista , 7 , 8 , and 8.1 .")]
    public void A_number_in_a_list_after_a_name_is_no_age(string text) =>
        Assert.DoesNotContain(Analyse(text).Quantities, q => q.Kind == QuantityKind.Age);

    [Fact]
    public void A_name_then_an_age_then_more_words_is_still_an_age() =>
        Assert.Equal(QuantityKind.Age, Single("Gray's sister, Mahnefah Gray, 19, told reporters about it .", "19").Kind);

    [Fact]
    public void A_couple_of_people_is_no_count() =>
        Assert.Empty(Quantities("A couple of people saw the car drive away ."));

    [Fact]
    public void Both_and_a_number_after_two_names_is_their_age()
    {
        var q = Single("Police Capt. Tom Tennant and Senior Trooper William Hakim , both 51 , died at the scene .", "both 51");
        Assert.Equal(QuantityKind.Age, q.Kind);
        Assert.Equal(51, q.Value);
    }

    [Fact]
    public void Both_without_names_before_it_is_no_age() =>
        Assert.DoesNotContain(Quantities("The two teams scored , and both 51 points came late ."), q => q.Kind == QuantityKind.Age);
}

/// <summary>A duration counted back ("41 years ago") is how long ago; its own "ago" does not make it background.</summary>
public sealed class OwnAgoScopeTests
{
    private static ClaimMeaning Read(string text, string span) => ClaimMeaningTests.Read(text, span);

    [Fact]
    public void A_duration_counted_back_is_not_background_by_its_own_ago() =>
        Assert.Equal(ClaimScope.Whole, Read("A woman charged with killing two women in an ice cream shop 41 years ago was released.", "41 years").Scope);

    [Fact]
    public void A_count_beside_years_ago_stays_background() =>
        Assert.Equal(ClaimScope.Background, Read("The same gang killed three people four years ago in the city.", "three people").Scope);

    [Fact]
    public void Another_cue_beside_a_duration_counted_back_still_counts() =>
        Assert.Equal(ClaimScope.Background, Read("In the previous case, the trial ended 12 weeks ago after a short hearing.", "12 weeks").Scope);
}

/// <summary>A possessive apostrophe a tokeniser spaced off ("Mendes ' 12-year-old") does not make a name code.</summary>
public sealed class SpacedPossessiveTests
{
    [Fact]
    public void A_number_after_a_spaced_possessive_is_read() =>
        Assert.Equal(QuantityKind.Age, Single("Ms. Mendes ' 12-year-old daughter was also in that dwelling at the time .", "12-year-old").Kind);

    [Fact]
    public void A_name_code_without_an_apostrophe_stays_a_name() =>
        Assert.Empty(Quantities("The ship called on Channel 16 for help ."));
}
