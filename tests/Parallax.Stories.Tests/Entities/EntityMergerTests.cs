using Parallax.Model;
using Parallax.Stories.Entities;
using Parallax.Stories.Tests.Support;

namespace Parallax.Stories.Tests.Entities;

public sealed class EntityMergerTests
{
    private static StoryEntity[] Merge(params Document[] docs) => [.. new EntityMerger().Merge(docs, StoryDocs.Ids()).Entities];

    private static StoryEntity Named(StoryEntity[] entities, string alias) =>
        Assert.Single(entities, e => e.Name == alias || e.Aliases.Contains(alias));

    [Fact]
    public void Spelling_variants_across_documents_are_one_person()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "Police arrested Maria Delgado-Ruiz, 46, on Monday. Delgado-Ruiz was released later."),
            StoryDocs.Doc("d2", "Officers detained Maria Delgado-Ruis, 46, near the pier. Delgado-Ruis declined to comment."));
        var maria = Named(e, "Maria Delgado-Ruiz");
        Assert.Contains("Maria Delgado-Ruis", maria.Aliases.Append(maria.Name));
        Assert.Equal(4, maria.Mentions.Length);
        Assert.Equal(EntityType.Person, maria.Type);
    }

    [Fact]
    public void People_who_share_a_surname_stay_apart_and_a_bare_surname_with_two_candidates_is_not_forced()
    {
        var e = Merge(StoryDocs.Doc("d1", "Fire Chief Tom Becker closed the road. Councilwoman Anna Becker asked why. Becker said the road would reopen."));
        Assert.NotEqual(Named(e, "Tom Becker").Id, Named(e, "Anna Becker").Id);
    }

    [Fact]
    public void A_surname_refers_back_to_the_full_name_in_its_document()
    {
        var e = Merge(StoryDocs.Doc("d1", "Transit spokesman Curtis Alvord spoke first. Alvord said crews were on site."));
        var curtis = Named(e, "Curtis Alvord");
        Assert.Equal(2, curtis.Mentions.Length);
        Assert.Contains("Alvord", curtis.Aliases);
    }

    [Fact]
    public void A_nickname_prefix_joins_the_only_person_it_fits()
    {
        var e = Merge(StoryDocs.Doc("d1", "Agents stopped Florencio Lopata-Reyes, 32, at home.\n\n\"They wanted Flo,\" his partner said. \"Flo did nothing,\" she added."));
        Assert.Contains("Flo", Named(e, "Florencio Lopata-Reyes").Aliases);
    }

    [Fact]
    public void An_acronym_joins_its_expansion_within_and_across_documents()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "The Harbor Transit Authority (HTA) halted service. HTA crews inspected the line."),
            StoryDocs.Doc("d2", "HTA said service would resume Tuesday."));
        var hta = Named(e, "Harbor Transit Authority");
        Assert.Equal(EntityType.Org, hta.Type);
        Assert.Contains("HTA", hta.Aliases);
        Assert.Equal(4, hta.Mentions.Length); // "Harbor Transit Authority" and three "HTA"
    }

    [Fact]
    public void An_acronym_matches_an_expansion_by_initials_across_documents()
    {
        var e = Merge(
            StoryDocs.Doc("d1", "Officers with the Port Alden Police Department responded."),
            StoryDocs.Doc("d2", "PAPD declined to comment on Tuesday."));
        Assert.Contains("PAPD", Named(e, "Port Alden Police Department").Aliases);
    }

    [Fact]
    public void An_entity_keeps_its_id_across_stories_of_one_report()
    {
        var ids = StoryDocs.Ids();
        var a = new EntityMerger().Merge([StoryDocs.Doc("d1", "The Coast Guard searched the channel.")], ids).Entities;
        var b = new EntityMerger().Merge([StoryDocs.Doc("d2", "Later, the Coast Guard closed the bay.")], ids).Entities;
        Assert.Equal(Named([.. a], "Coast Guard").Id, Named([.. b], "Coast Guard").Id);
    }

    [Fact]
    public void Unlinked_single_unknown_words_are_not_reported()
    {
        var e = Merge(StoryDocs.Doc("d1", "Crews from Zarnow arrived while Mayor Elena Ortiz watched."));
        Assert.DoesNotContain(e, x => x.Name == "Zarnow");
        Assert.Contains(e, x => x.Name == "Elena Ortiz");
    }
}
