using Parallax.Model;
using Parallax.Stories.Tests.Support;

namespace Parallax.Stories.Tests.Entities;

// Issue 17, item 5, through the whole pipeline (analysis, then the story's entity merger) on invented text:
// one name has one entity and one type in a story, and short forms of places and organisations join their full names.
public sealed partial class EntityMergerTests
{
    [Fact]
    public void Country_abbreviations_found_by_analysis_join_the_full_country_names()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "Trade between the United States and the United Kingdom grew last year."),
            StoryDocs.Doc("d2", "Exports from the US rose, the U.S. economy grew and the UK economy shrank."));
        var us = Named(e, "United States");
        Assert.Contains("US", us.Aliases.Append(us.Name));
        Assert.Contains("U.S.", us.Aliases.Append(us.Name));
        Assert.Equal(Named(e, "UK").Id, Named(e, "United Kingdom").Id);
        Assert.Equal(EntityType.Place, us.Type);
    }

    [Fact]
    public void A_name_has_one_entity_and_one_type_across_the_story()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "Dr Sanjay Gupta spoke to reporters on Monday. Gupta said the clinic would stay open."),
            StoryDocs.Doc("d2", "Gupta told the board that the clinic needed money. Officials thanked Sanjay Gupta."));
        var gupta = Named(e, "Sanjay Gupta");
        Assert.Equal(EntityType.Person, gupta.Type);
        Assert.Contains("Gupta", gupta.Aliases.Append(gupta.Name));
        Assert.Single(e, x => x.Name.Contains("Gupta") || x.Aliases.Any(a => a.Contains("Gupta")));
    }

    [Fact]
    public void A_vessel_is_one_thing_in_the_story_not_a_person()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "The tug Marguerite K pushed the barge into the pier on Sunday."),
            StoryDocs.Doc("d2", "Marguerite K was towed away later, the harbour master said."));
        Assert.Equal(EntityType.Other, Named(e, "Marguerite K").Type);
    }

    [Fact]
    public void A_company_name_opening_with_a_title_word_is_one_organisation()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "Investors bought General Motors shares on Monday."),
            StoryDocs.Doc("d2", "A General Motors spokesman said demand was strong."));
        Assert.Equal(EntityType.Org, Named(e, "General Motors").Type);
        Assert.DoesNotContain(e, x => x.Name == "Motors" || x.Aliases.Contains("Motors"));
    }
    [Fact]
    public void A_body_called_by_its_bare_head_is_not_a_second_entity_beside_the_named_one()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "Leaders criticised the Kansas City Police Department and the Department of Homeland Security on Monday. "
                + "They said the Department's first priority should be violent crime, and the Department has not answered."));
        Assert.DoesNotContain(e, x => x.Name == "Department");
        Assert.Contains(e, x => x.Name.Contains("Police Department"));
    }

    [Fact]
    public void A_bare_head_stays_when_the_document_names_no_body_with_it()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "The bill passed the House on Tuesday after a long debate. The House will vote again in May."));
        Assert.Contains(e, x => x.Name == "House" && x.Type == EntityType.Org);
    }
}
