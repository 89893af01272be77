using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>Wire text written in capitals (headlines, datelines): the names in it are found, shouted common words are not
/// made names. Invented text in the wire's style.</summary>
public sealed class ShoutedLineTests
{
    [Fact]
    public void A_shouted_headline_keeps_its_major_places()
    {
        var d = Docs.Analyse("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nThe two sides met in the group stage on Friday.");
        var places = Docs.Mentions(d, EntityType.Place);
        Assert.Contains("JAPAN", places);
        Assert.Contains("CHINA", places);
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) is "SOCCER" or "LUCKY" or "SURPRISE DEFEAT" or "WIN");
    }

    [Theory]
    [InlineData("BOEING SAYS 737 DELIVERIES WILL SLOW\nShares fell in early trading on Tuesday.", "BOEING")]
    [InlineData("TOYOTA SAID TO RECALL CARS\nDealers were told on Monday.", "TOYOTA")]
    public void A_lone_shouted_name_by_a_speech_verb_is_no_person(string text, string name)
    {
        var d = Docs.Analyse(text);
        Assert.DoesNotContain(d.Entities, m => m.Type == EntityType.Person && d.Slice(m.Span) == name);
    }

    [Fact]
    public void A_two_word_major_place_in_capitals_is_one_place()
    {
        var d = Docs.Analyse("CRICKET - NEW ZEALAND BEAT HOSTS BY FOUR WICKETS .\nThe visitors won with an over to spare.");
        Assert.Contains("NEW ZEALAND", Docs.Mentions(d, EntityType.Place));
    }

    [Fact]
    public void A_dateline_names_its_city()
    {
        var d = Docs.Analyse("LONDON 1996-08-30\nShares closed higher on Friday as traders returned from the holiday.");
        Assert.Contains("LONDON", Docs.Mentions(d, EntityType.Place));
    }

    [Theory]
    [InlineData("WOW ! The service was quick and the staff were kind.")]
    [InlineData("FREE SHIPPING ON EVERY ORDER THIS WEEK\nPrices include tax.")]
    [InlineData("WOW , FREE !\nThe staff were kind.")]
    [InlineData("NICE !\nWe will come back next summer.")]
    [InlineData("NICE WORK , EVERYONE .\nThe team finished the job early.")]
    public void Shouted_common_words_are_no_names(string text)
    {
        var d = Docs.Analyse(text);
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) is "WOW" or "FREE" or "NICE" or "NICE WORK" or "EVERYONE");
    }

    [Theory]
    [InlineData("TEHRAN ( AFP ) - The talks will resume next week, officials said.", "TEHRAN", "AFP")]
    [InlineData("NAIROBI (Reuters) - The talks will resume next week, officials said.", "NAIROBI", "Reuters")]
    [InlineData("KANSAS CITY, Mo. (AP) -- The talks will resume next week, officials said.", "KANSAS CITY", "AP")]
    [InlineData("Nairobi, May 4 (Reuters) - The talks will resume next week, officials said.", "Nairobi", "Reuters")]
    public void A_dateline_opening_a_story_names_a_place_and_an_agency(string text, string city, string agency)
    {
        var d = Docs.Analyse(text);
        Assert.Contains(city, Docs.Mentions(d, EntityType.Place));
        Assert.Contains(agency, Docs.Mentions(d, EntityType.Org));
    }

    [Fact]
    public void A_shouted_word_takes_the_type_the_document_gives_its_mixed_case_form()
    {
        var d = Docs.Analyse("RUSSIA SAYS TALKS WITH CHECHENS WILL GO ON .\nMOSCOW 1996-08-30\nRussia said on Friday that talks would go on.");
        Assert.Contains("RUSSIA", Docs.Mentions(d, EntityType.Place));
        Assert.Contains("MOSCOW", Docs.Mentions(d, EntityType.Place));
    }
}
