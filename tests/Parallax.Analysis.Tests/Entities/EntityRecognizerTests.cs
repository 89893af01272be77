using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities;

public sealed class EntityRecognizerTests
{
    [Fact]
    public void Titles_are_split_from_the_name_and_kept_as_evidence()
    {
        var d = Docs.Analyse("The statement came from Sgt. Harold Mbeki on Friday. Later, Mayor Rosa Ilunga spoke.");
        var people = d.Entities.Where(m => m.Type == EntityType.Person).ToList();
        Assert.Equal(["Harold Mbeki", "Rosa Ilunga"], people.Select(m => d.Slice(m.Span)));
        Assert.Equal(["Sgt.", "Mayor"], people.Select(m => m.Title));
    }

    [Fact]
    public void A_lower_case_role_before_a_name_is_a_title()
    {
        var d = Docs.Analyse("Port authority spokesman Dario Feltz declined to comment.");
        var m = Assert.Single(d.Entities, e => e.Type == EntityType.Person);
        Assert.Equal("Dario Feltz", d.Slice(m.Span));
        Assert.Equal("spokesman", m.Title);
    }

    [Fact]
    public void Organisation_names_keep_their_connectors_and_acronyms_are_organisations()
    {
        var d = Docs.Analyse("Officers of the Department of Coastal Safety (DCS) arrived. DCS later issued a notice.");
        Assert.Equal(["Department of Coastal Safety", "DCS", "DCS"], Docs.Mentions(d, EntityType.Org));
    }

    [Fact]
    public void Connectors_split_runs_that_are_not_organisations()
    {
        var d = Docs.Analyse("Residents of Port Alden and Kansas City were warned.");
        Assert.Contains("Kansas City", Docs.Mentions(d, EntityType.Place));
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span).Contains(" and "));
    }

    [Fact]
    public void Gazetteer_places_and_states_are_places()
    {
        var d = Docs.Analyse("The convoy left Missouri for Mexico on Tuesday.");
        Assert.Equal(["Missouri", "Mexico"], Docs.Mentions(d, EntityType.Place));
    }

    [Theory]
    [InlineData("Crews from Port Alden arrived after the tug struck Hollis Point.", new[] { "Port Alden", "Hollis Point" })]
    [InlineData("The barge drifted into the Sorrel Channel near Fort Brannock.", new[] { "Sorrel Channel", "Fort Brannock" })]
    public void Place_prefixes_and_heads_beat_first_names(string text, string[] places) =>
        Assert.Equal(places, Docs.Mentions(Docs.Analyse(text), EntityType.Place));

    [Fact]
    public void Stacked_titles_stay_out_of_the_name()
    {
        var d = Docs.Analyse("Coast Guard Lt. Cmdr. Priya Nandakumar said the channel was closed.");
        Assert.Equal(["Priya Nandakumar"], Docs.Mentions(d, EntityType.Person));
        Assert.Equal(["Coast Guard"], Docs.Mentions(d, EntityType.Org));
        // The title keeps the words before the name (the quote stage reads roles from it).
        Assert.EndsWith("Lt. Cmdr.", Assert.Single(d.Entities, m => m.Type == EntityType.Person).Title);
    }

    [Fact]
    public void And_before_an_acronym_separates_two_organisations()
    {
        var d = Docs.Analyse("Officials asked the Coast Guard and HTA to brief the council.");
        Assert.Equal(["Coast Guard", "HTA"], Docs.Mentions(d, EntityType.Org));
    }

    [Fact]
    public void An_age_after_a_name_makes_it_a_person()
    {
        var d = Docs.Analyse("Police detained Ottavio Brannagh-Quist, 41, after the crash.");
        Assert.Equal(["Ottavio Brannagh-Quist"], Docs.Mentions(d, EntityType.Person));
    }

    [Fact]
    public void Sentence_initial_common_words_months_and_contractions_are_not_names()
    {
        var d = Docs.Analyse("Agencies met in July. I’m told agencies disagree. They're sure.");
        Assert.Empty(d.Entities);
    }

    [Fact]
    public void Headlines_in_title_case_yield_no_mentions()
    {
        var d = Docs.Analyse("Harbor Officials Say Bridge Will Stay Closed Through Friday\nThe bridge stays shut.");
        Assert.Empty(d.Entities);
    }

    [Fact]
    public void A_hyphen_split_by_a_stray_space_stays_in_one_name()
    {
        var d = Docs.Analyse("Officials named Lucia Ferro- Banes as the driver, 29, of the truck.");
        Assert.Contains(d.Entities, m => d.Slice(m.Span) == "Lucia Ferro- Banes");
    }

    [Fact]
    public void Shouted_datelines_are_places_only_when_known()
    {
        var d = Docs.Analyse("KANSAS CITY, MO (KXYZ) -- Crews worked overnight.");
        Assert.Contains("KANSAS CITY", Docs.Mentions(d, EntityType.Place));
        Assert.Contains("KXYZ", Docs.Mentions(d, EntityType.Org));
    }

    [Fact]
    public void Mentions_are_ordered_and_inside_the_text()
    {
        var d = Docs.Analyse("Chief Lena Ortmann of the Harbor Patrol met Gov. Ray Calder in Port Alden.\n\n\"Fine,\" Calder said.");
        int prev = -1;
        foreach (var m in d.Entities)
        {
            Assert.True(m.Start > prev && m.End <= d.Text.Length && m.End > m.Start);
            prev = m.Start;
        }
    }
}
