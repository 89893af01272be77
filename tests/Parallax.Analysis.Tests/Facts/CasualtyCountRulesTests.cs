using Parallax.Analysis.Facts;
using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Casualty counts with no noun ("1 dead, 2 hurt", "killing one"), who is a victim and who did the harm, and
/// the whole of a partitive.</summary>
public sealed class CasualtyCountRulesTests
{
    [Theory]
    [InlineData("Michigan office shooting kills 1 , injures 2", "1", 1)]
    [InlineData("Michigan office shooting kills 1 , injures 2", "2", 2)]
    [InlineData("1 dead , 2 hurt in office shooting", "1", 1)]
    [InlineData("1 dead , 2 hurt in office shooting", "2", 2)]
    [InlineData("A man shot three people , killing one , at the firm.", "one", 1)]
    [InlineData("He shot to death one person and injured two others Monday.", "two others", 2)]
    public void A_bare_number_beside_a_casualty_word_is_a_count_of_people(string text, string span, double value)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(value, q.Value);
        Assert.Equal("person", q.Unit);
    }

    [Theory]
    [InlineData("The gunman was killing one of the guards when police came.")]
    [InlineData("He said 2 things were hurting the city.")]
    [InlineData("Hit - and - run crash leaves Queens mother of 2 dead")]
    public void A_partitive_or_a_noun_after_the_number_is_not_a_bare_casualty_count(string text) =>
        Assert.DoesNotContain(Quantities(text), q => q.Kind == QuantityKind.Count && q.Unit == "person" && q.Value is 1 or 2);

    [Theory]
    [InlineData("A man suspected of shooting three people was arrested.")]
    [InlineData("Police say a man shot to death his former girlfriend.")]
    [InlineData("A man kills his neighbour in a dispute.")]
    public void The_person_who_did_the_harm_is_no_victim_count(string text) =>
        Assert.DoesNotContain(Quantities(text), q => q.Kind == QuantityKind.Count && q.Value == 1 && q.Unit == "man");

    [Theory]
    [InlineData("A man was shot outside the bar.", "A man")]
    [InlineData("A woman killed in the crash was named.", "A woman")]
    [InlineData("The gunman killed a woman and fled.", "a woman")]
    public void The_person_who_suffered_the_harm_is_still_counted(string text, string span) =>
        Assert.Equal(1, Single(text, span).Value);

    [Theory]
    [InlineData("Local news originally reported that two of the three victims died.", "three victims")]
    [InlineData("Police said all of the five men were hurt.", "five men")]
    public void The_whole_of_a_partitive_is_partitive(string text, string span) =>
        Assert.True(ClaimMeaningTests.Read(text, span).Partitive);

    [Fact]
    public void A_count_before_of_the_without_a_number_is_not_the_whole_of_a_partitive() =>
        Assert.False(ClaimMeaningTests.Read("The owner of the three boats was charged.", "three boats").Partitive);

    [Fact]
    public void A_figure_in_early_march_is_background() =>
        Assert.Equal(ClaimScope.Background, ClaimMeaningTests.Read("In early March , a gunman wounded three people at a printing plant.", "three people").Scope);
}
