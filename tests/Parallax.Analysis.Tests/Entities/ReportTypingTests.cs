using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>Where the report lost what the tagger alone had right on GUM and UNER EWT dev (`eval ner --report-errors`),
/// each on invented text (issue 17).</summary>
public sealed class ReportTypingTests
{
    [Theory]
    [InlineData("In Fallujah, hundreds of people marched on Friday.", "Fallujah")]
    [InlineData("Tasmania was left out of the survey this year.", "Tasmania")]
    [InlineData("The company is taking deliveries in the U.S this month.", "U.S")]
    public void A_place_the_tagger_names_is_no_organisation_or_untyped_word(string text, string place)
    {
        var d = Docs.Analyse(text);
        Assert.Contains(place, Docs.Mentions(d, EntityType.Place));
    }

    [Theory]
    [InlineData("WOW !", "WOW")]
    [InlineData("WONDERFUL service and a kind owner.", "WONDERFUL")]
    public void A_shouted_word_standing_alone_is_no_organisation(string text, string word) =>
        Assert.DoesNotContain(word, Docs.Mentions(Docs.Analyse(text), EntityType.Org));

    [Fact]
    public void An_acronym_opening_a_sentence_still_acts_as_an_organisation()
    {
        var d = Docs.Analyse("KCPD closed the road after the crash.");
        Assert.Contains("KCPD", Docs.Mentions(d, EntityType.Org));
        d = Docs.Analyse("ICE, the spokesperson said, is not responsible for the delay.");
        Assert.Contains("ICE", Docs.Mentions(d, EntityType.Org));
    }

    [Fact]
    public void Names_listed_on_a_line_of_their_own_are_people()
    {
        var d = Docs.Analyse("The teams were named on Monday.\nCoach: Karen Miller\nDavid Brown, Sarah Wilson, Michael Green, Laura Adams\n");
        Assert.Contains("Sarah Wilson", Docs.Mentions(d, EntityType.Person));
        Assert.Contains("Karen Miller", Docs.Mentions(d, EntityType.Person));
    }

    [Fact]
    public void A_headline_still_names_nothing_inside_its_words()
    {
        var d = Docs.Analyse("Karen Miller Takes Over Harbor Police Department In Shakeup\nThe chief was named on Monday.");
        Assert.DoesNotContain(d.Entities, m => m.Start < d.Text.IndexOf('\n'));
    }

    [Theory]
    [InlineData("We hope to start more clinics in Dutch universities next year.", "Dutch")]
    [InlineData("He lost his savings investing in Peruvian rice.", "Peruvian")]
    [InlineData("Please read the changes in Section 7 before signing.", "Section")]
    public void A_people_or_a_numbered_part_after_in_is_no_place(string text, string word) =>
        Assert.DoesNotContain(word, Docs.Mentions(Docs.Analyse(text), EntityType.Place));

    [Theory]
    [InlineData("She was reading The Wealth of Nations on the train.", "The Wealth")]
    public void A_work_titled_the_x_of_y_is_no_organisation(string text, string part)
    {
        var d = Docs.Analyse(text);
        Assert.DoesNotContain(d.Entities, m => m.Type != EntityType.Other && d.Slice(m.Span).StartsWith(part, StringComparison.Ordinal));
    }
}
