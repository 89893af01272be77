using Parallax.Analysis.Facts;
using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Measure, holder and scope reading; counts without digits; names, codes and captions that are not claims.</summary>
public sealed class ClaimMeaningTests
{
    internal static ClaimMeaning Read(string text, string span)
    {
        var q = Single(text, span);
        var doc = Analyse(text);
        var sentence = doc.Sentences[doc.SentenceAt(q.Start)];
        return ClaimMeaning.Read(text, sentence.Span, q, noHead: false);
    }

    [Theory]
    [InlineData("Police said three victims were taken away.", "three victims", "person")]
    [InlineData("Rescuers found five men in the rubble.", "five men", "person")]
    [InlineData("The tanker had 18 sailors on board.", "18 sailors", "crew")]
    [InlineData("The navy seized 12 Somali and 11 Yemeni pirates.", "11 Yemeni pirates", "yemeni pirate")]
    [InlineData("The navy seized 23 pirates on Saturday.", "23 pirates", "pirate")]
    public void Counted_nouns_are_normalised_and_subsets_keep_their_modifier(string text, string span, string noun) =>
        Assert.Equal(noun, Read(text, span).Noun);

    [Fact]
    public void People_in_general_are_a_weak_measure_but_specific_nouns_are_strong()
    {
        Assert.False(Read("Police said three people were there.", "three people").Strong);
        Assert.True(Read("The pirates came in two boats.", "two boats").Strong);
    }

    [Theory]
    [InlineData("The 11-year-old son cried in the back seat.", "11-year-old", "son")]
    [InlineData("A 12-year-old girl was hurt.", "12-year-old", "girl")]
    public void An_age_is_held_by_the_noun_it_describes(string text, string span, string holder)
    {
        var m = Read(text, span);
        Assert.Equal("age", m.Noun);
        Assert.Equal(holder, m.HolderNoun);
        Assert.True(m.Strong);
    }

    [Fact]
    public void An_age_with_no_holder_is_weak() => Assert.False(Read("He is 45 years old.", "45 years old").Strong);

    [Theory]
    [InlineData("Police found three other victims in the house.", "three other victims", ClaimScope.Part)]
    [InlineData("Officers arrested two more people on Sunday.", "two more people", ClaimScope.Part)]
    [InlineData("There have been nearly 100 attacks in Somali waters this year.", "nearly 100 attacks", ClaimScope.Roundup)]
    [InlineData("Last year, 40 people were killed in a similar quake.", "40 people", ClaimScope.Background)]
    [InlineData("Four people were killed in the blast.", "Four people", ClaimScope.Whole)]
    [InlineData("The officer struck the window more than 10 times.", "more than 10 times", ClaimScope.Whole)]
    public void Scope_is_read_from_the_words_around_the_claim(string text, string span, ClaimScope scope) =>
        Assert.Equal(scope, Read(text, span).Scope);

    [Fact]
    public void A_duration_is_tied_to_its_verb_only_through_for()
    {
        Assert.True(Read("Officers negotiated with him for about 25 minutes.", "about 25 minutes").Strong);
        Assert.False(Read("After about 20 minutes, an agent breaks the window.", "about 20 minutes").Strong);
    }

    [Theory]
    [InlineData("A man was killed in the shooting on Friday.", "A man", 1, "man")]
    [InlineData("The gunman opened fire, killing one person.", "one person", 1, "person")]
    [InlineData("One man was shot and killed.", "One man", 1, "man")]
    [InlineData("The couple were shot dead in their home.", "The couple", 2, "person")]
    [InlineData("He killed the couple before fleeing.", "the couple", 2, "person")]
    [InlineData("He pleaded not guilty to one count of kidnapping.", "one count", 1, "count")]
    public void Counts_without_a_digit_are_read(string text, string span, double value, string unit)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("A man said the store was closed.")]
    [InlineData("A couple of witnesses were killed in the crash.")]
    [InlineData("One officer said the area was calm.")]
    public void A_person_without_a_casualty_word_is_not_a_count(string text) =>
        Assert.DoesNotContain(Quantities(text), q => q.Kind == QuantityKind.Count && q.Value is 1 or 2 && q.Unit is "man" or "officer" or "person");

    [Theory]
    [InlineData("Zone 5 officers responded to the call.")]
    [InlineData("Members of MS 13 were charged.")]
    [InlineData("He was charged under Title 8 of the code.")]
    [InlineData("The crash closed Route 66 for hours.")]
    [InlineData("Image 2 of 10 shows the scene.")]
    [InlineData("The skipper radioed on Channel 16 at noon.")]
    public void Names_codes_and_captions_are_not_claims(string text) =>
        Assert.DoesNotContain(Quantities(text), q => q.Kind == QuantityKind.Count || q.Kind == QuantityKind.Other);
}
