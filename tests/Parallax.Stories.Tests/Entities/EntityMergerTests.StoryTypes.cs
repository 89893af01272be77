using Parallax.Model;
using Parallax.Stories.Entities;

namespace Parallax.Stories.Tests.Entities;

/// <summary>One name, one type across a story, and states written short or in full, with the mentions' types given
/// by the test (not by the tagger) so the merger's rules are what is checked.</summary>
public sealed partial class EntityMergerTests
{
    /// <summary>A document whose named mentions are the given surfaces, found in order, with the given types.</summary>
    private static Document Tagged(string id, string text, params (string Surface, EntityType Type)[] names)
    {
        var mentions = new List<EntityMention>();
        int from = 0;
        foreach (var (surface, type) in names)
        {
            int start = text.IndexOf(surface, from, StringComparison.Ordinal);
            Assert.True(start >= 0, surface);
            mentions.Add(new EntityMention(start, start + surface.Length, type));
            from = start + surface.Length;
        }
        return new Document { Id = id, Origin = id + ".txt", Text = text, Entities = [.. mentions] };
    }

    private static StoryEntity[] All(StoryEntity[] entities, string name) =>
        [.. entities.Where(e => e.Name == name || e.Aliases.Contains(name))];

    [Fact]
    public void An_untyped_multi_word_name_takes_the_one_type_the_story_gives_it()
    {
        var e = Merge(
            Tagged("d1", "Riders of the Waterfront Line waited. The Waterfront Line is closed.",
                ("Waterfront Line", EntityType.Place), ("Waterfront Line", EntityType.Place)),
            Tagged("d2", "A car of the Waterfront Line was on the bridge.", ("Waterfront Line", EntityType.Other)));
        var line = Assert.Single(All(e, "Waterfront Line"));
        Assert.Equal(EntityType.Place, line.Type);
        Assert.Equal(3, line.Mentions.Length);
        Assert.Contains(line.Mentions, m => m.Doc == "d2");
    }

    [Fact]
    public void A_name_the_story_types_two_ways_leaves_the_untyped_one_apart()
    {
        var e = Merge(
            Tagged("d1", "Riders of the Harbor Loop waited.", ("Harbor Loop", EntityType.Place)),
            Tagged("d2", "The Harbor Loop said fares would rise.", ("Harbor Loop", EntityType.Org)),
            Tagged("d3", "A car of the Harbor Loop stopped.", ("Harbor Loop", EntityType.Other)));
        var untyped = Assert.Single(All(e, "Harbor Loop"), x => x.Mentions.Any(m => m.Doc == "d3"));
        Assert.Equal(EntityType.Other, untyped.Type);
        Assert.Single(untyped.Mentions);
    }

    [Fact]
    public void An_untyped_name_the_story_gives_a_person_still_links_as_a_person()
    {
        var e = Merge(
            Tagged("d1", "Mayor Dana Whitlock spoke.", ("Dana Whitlock", EntityType.Person)),
            Tagged("d2", "Dana Whitlock did not reply.", ("Dana Whitlock", EntityType.Other)));
        var dana = Assert.Single(All(e, "Dana Whitlock"));
        Assert.Equal(EntityType.Person, dana.Type);
        Assert.Equal(2, dana.Mentions.Length);
    }

    [Fact]
    public void Washington_joins_the_state_abbreviations_when_the_story_never_shows_the_capital()
    {
        var e = Merge(
            Tagged("d1", "PORT ALDEN, Wash. — A barge struck a bridge in this small Washington port city.",
                ("Wash.", EntityType.Place), ("Washington", EntityType.Place)),
            Tagged("d2", "PORT ALDEN, WA — The bridge stays closed.", ("WA", EntityType.Place)));
        var state = Assert.Single(All(e, "Washington"));
        Assert.Equal(state.Id, Assert.Single(All(e, "Wash.")).Id);
        Assert.Equal(state.Id, Assert.Single(All(e, "WA")).Id);
        Assert.Equal(3, state.Mentions.Length);
    }

    [Theory]
    [InlineData("Lawmakers in Washington, D.C. were told.")]
    [InlineData("Lawmakers in the District of Columbia were told.")]
    [InlineData("The White House was told.")]
    [InlineData("Officials in DC were told.")]
    [InlineData("WASHINGTON (AP) — The Pentagon was told.")]
    [InlineData("WASHINGTON — Lawmakers were told.")]
    [InlineData("Congress was told.")]
    public void Washington_stays_apart_from_the_state_when_the_story_shows_the_capital(string capital)
    {
        var e = Merge(
            Tagged("d1", "PORT ALDEN, Wash. — A barge struck a bridge. Washington sent investigators.",
                ("Wash.", EntityType.Place), ("Washington", EntityType.Place)),
            Tagged("d2", capital));
        Assert.NotEqual(Assert.Single(All(e, "Washington")).Id, Assert.Single(All(e, "Wash.")).Id);
    }

    [Theory]
    [InlineData("The DCFS report came out.", false)]
    [InlineData("Back in DC, lawmakers met.", true)]
    [InlineData("ADC", false)]
    public void The_capital_is_signed_by_DC_as_a_word_only(string text, bool signed) =>
        Assert.Equal(signed, RegionNames.SignsTheCapital(text));
}
