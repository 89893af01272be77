using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>Where the tagger decides mentions the rules typed on weak evidence, and where it does not (issue 17, item 1).
/// Invented text.</summary>
public sealed class TaggerDecidesTests
{
    [Fact]
    public void A_lone_head_word_is_no_name_whatever_the_tagger_says()
    {
        // The tagger took "City" for an organisation here (seeds); the rules' lone-head test stands: at most an untyped
        // word the story stage links to a name or drops.
        var d = Docs.Analyse("As crime is a constant challenge for the entire City, we find it difficult to believe the plan.");
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) == "City" && m.Type != EntityType.Other);
    }

    [Fact]
    public void An_acronym_is_never_made_a_person()
    {
        var d = Docs.Analyse("Both KCPD officers and the ICE agent attempted to talk the male into leaving the car. KCPD disregarded his request.");
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) is "KCPD" or "ICE" && m.Type == EntityType.Person);
    }

    [Fact]
    public void Countries_stay_places_where_the_tagger_tags_nothing()
    {
        var d = Docs.Analyse("Trade between the United States and the United Kingdom grew last year.");
        Assert.Equal(["United States", "United Kingdom"], Docs.Mentions(d, EntityType.Place));
    }
}
