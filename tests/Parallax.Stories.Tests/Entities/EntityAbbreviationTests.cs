using Parallax.Model;
using Parallax.Stories.Entities;
using Parallax.Stories.Tests.Support;

namespace Parallax.Stories.Tests.Entities;

/// <summary>Abbreviations and variant names that readers saw as separate entities (issue 17), on invented text.</summary>
public sealed class EntityAbbreviationTests
{
    private static StoryEntity[] Merge(params Document[] docs) => [.. new EntityMerger().Merge(docs, StoryDocs.Ids()).Entities];

    private static StoryEntity Named(StoryEntity[] entities, string alias) =>
        Assert.Single(entities, e => e.Name == alias || e.Aliases.Contains(alias));

    [Fact]
    public void Police_department_names_with_and_without_the_state_and_its_acronym_are_one()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "Officers of the Kansas City Missouri Police Department arrived at noon."),
            StoryDocs.Doc("d2", "The Kansas City Police Department said two people were hurt. KCPD closed the road."));
        var kcpd = Named(e, "Kansas City Police Department");
        Assert.Contains("Kansas City Missouri Police Department", kcpd.Aliases.Append(kcpd.Name));
        Assert.Contains("KCPD", kcpd.Aliases);
    }

    [Fact]
    public void State_codes_are_the_states()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "Police in Kansas City, MO and Overland Park, KS said traffic was heavy."),
            StoryDocs.Doc("d2", "Officials in Missouri and Kansas met on Friday."));
        Assert.Equal(Named(e, "MO").Id, Named(e, "Missouri").Id);
        Assert.Equal(Named(e, "KS").Id, Named(e, "Kansas").Id);
        Assert.Equal(EntityType.Place, Named(e, "Missouri").Type);
    }

    [Fact]
    public void A_call_sign_and_the_station_name_built_on_it_are_one()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "KCTV reported the crash first."),
            StoryDocs.Doc("d2", "KCTV5 News said the road would reopen."));
        Assert.Equal(Named(e, "KCTV").Id, Named(e, "KCTV5 News").Id);
    }

    [Fact]
    public void A_paper_named_with_the_keeps_it_and_its_bare_name_joins_it()
    {
        var e = Merge(StoryDocs.Doc("d1", "The vote was close, according to The Hill. The newspaper added that Hill reporters saw the count."),
            StoryDocs.Doc("d2", "Reporters at The Hill counted the votes."));
        var hill = Assert.Single(e, x => x.Name.Contains("Hill"));
        Assert.Equal("The Hill", hill.Name);
        Assert.Equal(EntityType.Org, hill.Type);
    }

    [Fact]
    public void Station_stems_need_a_call_sign()
    {
        Assert.Equal("KCTV", EntityMerger.StationStem("KCTV5 News"));
        Assert.Equal("WDAF", EntityMerger.StationStem("WDAF-TV"));
        Assert.Null(EntityMerger.StationStem("Kansas City"));
        Assert.Null(EntityMerger.StationStem("KCPD Chief"));
    }
}
