using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>Typing errors readers saw in published reports (issue 17), each on invented text.</summary>
public sealed class EntityTypingTests
{
    private static EntityType? TypeOf(Document d, string name) =>
        d.Entities.Where(m => d.Slice(m.Span) == name).Select(m => (EntityType?)m.Type).FirstOrDefault();

    [Fact]
    public void A_company_that_speaks_is_not_a_person()
    {
        var d = Analyse("Apple said on Tuesday that prices would rise.");
        Assert.NotEqual(EntityType.Person, TypeOf(d, "Apple"));
    }

    [Fact]
    public void A_company_that_speaks_of_its_plants_is_an_organisation()
    {
        var d = Analyse("Sales slowed in the spring. Boeing said its factories would keep running.");
        Assert.Equal(EntityType.Org, TypeOf(d, "Boeing"));
    }

    [Fact]
    public void The_longer_form_of_a_company_types_its_short_form()
    {
        var d = Analyse("Ford Motor Co. reported results on Friday. Ford said sales rose by a tenth.");
        Assert.Equal([EntityType.Org, EntityType.Org], d.Entities.Where(m => d.Slice(m.Span).StartsWith("Ford")).Select(m => m.Type));
    }

    [Fact]
    public void A_title_word_opening_a_company_name_stays_in_it()
    {
        var d = Analyse("Investors bought General Motors shares, and a General Motors spokesman said demand was strong.");
        Assert.Equal(["General Motors", "General Motors"], Docs.Mentions(d, EntityType.Org));
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) == "Motors");
    }

    [Fact]
    public void Country_abbreviations_are_places()
    {
        var d = Analyse("Exports to the US fell while the U.S. economy grew and the UK economy shrank.");
        Assert.Equal(["US", "U.S.", "UK"], Docs.Mentions(d, EntityType.Place));
    }

    [Fact]
    public void A_town_after_a_locative_is_a_place_even_before_a_speech_verb()
    {
        var d = Analyse("Officials in Bognor Regis said the pier would stay shut.");
        Assert.Equal(EntityType.Place, TypeOf(d, "Bognor Regis"));
    }

    [Fact]
    public void A_party_and_a_role_are_not_a_person()
    {
        var d = Analyse("A Tory MP said the vote would be close.");
        Assert.DoesNotContain(d.Entities, m => m.Type == EntityType.Person);
    }

    [Fact]
    public void A_vessel_is_a_thing_in_every_mention_of_its_document()
    {
        var d = Analyse("The tug Marguerite K pushed the barge into the pier. Marguerite K was towed away later.");
        var types = d.Entities.Where(m => d.Slice(m.Span) == "Marguerite K").Select(m => m.Type).ToList();
        Assert.Equal(2, types.Count);
        Assert.All(types, t => Assert.Equal(EntityType.Other, t));
    }

    [Theory]
    [InlineData("None of the crew was hurt in the crash.", "None")]
    [InlineData("Fire crews reached the scene within minutes.", "Fire")]
    [InlineData("Drivers said the road was icy all morning.", "Drivers")]
    [InlineData("Local officials said the road would reopen.", "Local")]
    public void A_common_word_opening_a_sentence_is_not_a_name(string text, string word) =>
        Assert.DoesNotContain(Analyse(text).Entities, m => m.Type != EntityType.Other && text.Substring(m.Start, m.End - m.Start) == word);

    [Fact]
    public void A_company_named_mid_sentence_is_an_organisation_without_a_longer_form()
    {
        // The tagger's word-cluster and vector features: "boeing" sits with "airbus" in the distilled vectors.
        var d = Analyse("Shares fell after Boeing said deliveries would slow.");
        Assert.Equal(EntityType.Org, TypeOf(d, "Boeing"));
    }

    [Fact]
    public void A_sentence_opening_name_takes_the_type_the_document_gives_it_elsewhere()
    {
        var d = Analyse("Boeing said on Tuesday that deliveries would slow. Analysts said Boeing would recover.");
        Assert.Equal([EntityType.Org, EntityType.Org], d.Entities.Where(m => d.Slice(m.Span) == "Boeing").Select(m => m.Type));
    }

    [Theory]
    [InlineData("Chrysler recalled 300,000 minivans on Monday.", "Chrysler")]
    [InlineData("Chrysler said on Monday that it would recall 300,000 minivans.", "Chrysler")]
    [InlineData("Sales at Chrysler rose in March.", "Chrysler")]
    public void A_company_is_neither_a_person_nor_a_place(string text, string name) =>
        Assert.DoesNotContain(Analyse(text).Entities, m => m.Type is EntityType.Person or EntityType.Place && text.Substring(m.Start, m.End - m.Start) == name);

    [Theory]
    [InlineData("The update ships with Mac OS X next month.", "Mac OS X")]
    [InlineData("Users of Mac OS X can download the fix.", "Mac OS X")]
    public void A_product_named_with_an_acronym_is_not_a_person(string text, string name) =>
        Assert.DoesNotContain(Analyse(text).Entities, m => m.Type == EntityType.Person && text.Substring(m.Start, m.End - m.Start) == name);

    [Theory]
    [InlineData("Northrop Grumman Corp. won the contract. Northrop Grumman said the first ships would follow.")]
    [InlineData("Northrop Grumman said its profit rose, and Northrop Grumman shares gained.")]
    public void A_company_whose_first_word_is_a_first_name_is_not_a_person_when_the_document_says_so(string text)
    {
        var d = Analyse(text);
        Assert.DoesNotContain(d.Entities, m => m.Type == EntityType.Person && d.Slice(m.Span).StartsWith("Northrop", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The sale ends on Friday and delivery is FREE for every order.", "FREE")]
    [InlineData("The temple was built around 450 BC by the rulers of the city.", "BC")]
    [InlineData("She bought the film on DVD and watched it twice.", "DVD")]
    public void Capitals_alone_do_not_make_an_organisation(string text, string word) =>
        Assert.DoesNotContain(Analyse(text).Entities, m => m.Type == EntityType.Org && text.Substring(m.Start, m.End - m.Start) == word);

    [Fact]
    public void An_acronym_the_document_defines_is_the_organisation_wherever_it_stands()
    {
        var d = Analyse("The Housing Authority of New Orleans (HANO) closed two buildings. Tenants said HANO gave them a week.");
        Assert.All(d.Entities.Where(m => d.Slice(m.Span) == "HANO"), m => Assert.Equal(EntityType.Org, m.Type));
        Assert.Equal(2, d.Entities.Count(m => d.Slice(m.Span) == "HANO"));
    }

    [Theory]
    [InlineData("The information presented on Penn State's web site comes from a variety of sources.", "Penn State")]
    [InlineData("Ohio State beat Penn State on Saturday.", "Penn State")]
    public void A_name_the_tagger_takes_for_an_organisation_is_not_a_person_for_its_first_name(string text, string name) =>
        Assert.DoesNotContain(Analyse(text).Entities, m => m.Type == EntityType.Person && text.Substring(m.Start, m.End - m.Start) == name);

    [Fact]
    public void And_between_two_organisations_the_tagger_parts_makes_two()
    {
        var d = Analyse("The project was run by the Digital Scholarship Training Programme at the British Library and Columbia University in New York.");
        Assert.Contains("Columbia University", Docs.Mentions(d, EntityType.Org));
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span).Contains(" and ", StringComparison.Ordinal));
    }

    [Fact]
    public void And_inside_one_organisation_name_stays_in_it()
    {
        var d = Analyse("A spokesman for the U.S. Department of Housing and Urban Development said the grant was approved.");
        Assert.DoesNotContain(d.Entities, m => m.Type == EntityType.Person);
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) == "Urban Development");
    }

    [Theory]
    [InlineData("The articles of impeachment were adopted by the House on a party-line vote.", "House")]
    [InlineData("The information presented on the University 's web site comes from a variety of sources.", "University")]
    public void A_body_the_tagger_names_by_its_head_word_is_an_organisation(string text, string word) =>
        Assert.Contains(word, Docs.Mentions(Analyse(text), EntityType.Org));

    private static Document Analyse(string text) => Docs.Analyse(text);
}
