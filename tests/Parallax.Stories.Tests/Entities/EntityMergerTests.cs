using Parallax.Model;
using Parallax.Stories.Entities;
using Parallax.Stories.Tests.Support;

namespace Parallax.Stories.Tests.Entities;

public sealed partial class EntityMergerTests
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
    public void A_nickname_joins_a_full_name_the_document_gave_no_person_evidence_for()
    {
        // "Florencio Lopata-Reyes" has no age, title or speech verb here, so the recogniser leaves it untyped.
        var e = Merge(StoryDocs.Doc("d1", "The video shows agents pulling Florencio Lopata-Reyes from his car.\n\n\"They wanted Flo, nobody else,\" a neighbor said."));
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

    /// <summary>Documents whose entity spans are given (as an evaluation with gold mentions does), not recognised.</summary>
    private static Document Spans(string id, string text, params (string Surface, EntityType Type)[] mentions)
    {
        var list = new List<EntityMention>();
        int from = 0;
        foreach (var (surface, type) in mentions)
        {
            int at = text.IndexOf(surface, from, StringComparison.Ordinal);
            list.Add(new EntityMention(at, at + surface.Length, type));
            from = at + surface.Length;
        }
        return new Document { Id = id, Origin = id, Text = text, Layers = Layers.Entities, Entities = [.. list] };
    }

    private static StoryEntity[] MergeSpans(params Document[] docs) => [.. new EntityMerger().Merge(docs, StoryDocs.Ids()).Entities];

    [Fact]
    public void Prepositions_descriptions_and_post_modifiers_around_a_name_do_not_split_it()
    {
        var e = MergeSpans(
            Spans("d1", "She entered the Betty Ford Center in Rancho Mirage , Calif on Monday.", ("the Betty Ford Center in Rancho Mirage , Calif", EntityType.Place)),
            Spans("d2", "A source at Betty Ford Centre said so.", ("at Betty Ford Centre", EntityType.Org)),
            Spans("d3", "Police in central Paris and IN PARIS again.", ("in central Paris", EntityType.Place), ("IN PARIS", EntityType.Place)));
        Assert.Equal(3, Named(e, "Betty Ford Center").Mentions.Length + Named(e, "Paris").Mentions.Length - 1);
        Assert.Equal(2, Named(e, "Paris").Mentions.Length);
    }

    [Fact]
    public void Short_forms_of_organisations_join_the_full_name()
    {
        var e = MergeSpans(
            Spans("d1", "The New Orleans Saints won. Microsoft Corp. said so.", ("New Orleans Saints", EntityType.Org), ("Microsoft Corp.", EntityType.Org)),
            Spans("d2", "The Saints lost. Microsoft agreed. The Academy of Motion Picture Arts and Sciences met.",
                ("The Saints", EntityType.Org), ("Microsoft", EntityType.Org), ("Academy of Motion Picture Arts and Sciences", EntityType.Org)),
            Spans("d3", "The Academy chose her.", ("Academy", EntityType.Org)));
        Assert.Equal(2, Named(e, "New Orleans Saints").Mentions.Length);
        Assert.Equal(2, Named(e, "Microsoft").Mentions.Length);
        Assert.Equal(2, Named(e, "Academy of Motion Picture Arts and Sciences").Mentions.Length);
    }

    [Fact]
    public void A_generic_head_does_not_join_every_organisation_that_ends_with_it()
    {
        var e = MergeSpans(
            Spans("d1", "Oregon State Police and Staunton Police answered.", ("Oregon State Police", EntityType.Org), ("Staunton Police", EntityType.Org)),
            Spans("d2", "Police said nothing.", ("Police", EntityType.Org)));
        Assert.NotEqual(Named(e, "Oregon State Police").Id, Named(e, "Staunton Police").Id);
        Assert.NotEqual(Named(e, "Police").Id, Named(e, "Staunton Police").Id);
    }

    [Fact]
    public void Names_of_one_country_are_one_place_but_a_city_and_its_team_stay_apart()
    {
        var e = MergeSpans(
            Spans("d1", "Troops left the United States on Monday.", ("United States", EntityType.Place)),
            Spans("d2", "The U.S. said so, and Detroit beat the Lions in Detroit.", ("U.S.", EntityType.Place), ("Detroit", EntityType.Org), ("Detroit", EntityType.Place)));
        Assert.Contains("U.S.", Named(e, "United States").Aliases);
        var detroit = e.Where(x => x.Name == "Detroit").ToList();
        Assert.Equal(2, detroit.Count);
    }

    [Fact]
    public void Titles_nicknames_and_middle_names_do_not_split_a_person()
    {
        var e = MergeSpans(
            Spans("d1", "Attorney Mark Jay Heller spoke. Vincent 'The Chin' Gigante died. Luis Gerardo ( Jerry ) Ortiz was shot.",
                ("Attorney Mark Jay Heller", EntityType.Person), ("Vincent 'The Chin' Gigante", EntityType.Person), ("Luis Gerardo ( Jerry ) Ortiz", EntityType.Person)),
            Spans("d2", "lawyer Mark Heller agreed. Vincent Gigante was 77. Jerry Ortiz was 35. Former AMA trustee Dr . Benjamin and Dr. Regina Benjamin.",
                ("lawyer Mark Heller", EntityType.Person), ("Vincent Gigante", EntityType.Person), ("Jerry Ortiz", EntityType.Person),
                ("Former AMA trustee Dr . Benjamin", EntityType.Person), ("Dr. Regina Benjamin", EntityType.Person)),
            Spans("d3", "Heller declined.", ("Heller", EntityType.Person)));
        Assert.Equal(3, Named(e, "Mark Jay Heller").Mentions.Length);
        Assert.Equal(2, Named(e, "Vincent Gigante").Mentions.Length);
        Assert.Equal(2, Named(e, "Jerry Ortiz").Mentions.Length);
        Assert.Equal(2, Named(e, "Regina Benjamin").Mentions.Length);
    }

    [Fact]
    public void A_bare_first_name_joins_the_only_person_with_it_and_stays_apart_when_two_share_it()
    {
        var one = MergeSpans(
            Spans("d1", "Kathina Thomas was hit.", ("Kathina Thomas", EntityType.Person)),
            Spans("d2", "Kathina was 10.", ("Kathina", EntityType.Person)));
        Assert.Equal(2, Named(one, "Kathina Thomas").Mentions.Length);

        var two = MergeSpans(
            Spans("d1", "Anna Becker and Anna Lopez met.", ("Anna Becker", EntityType.Person), ("Anna Lopez", EntityType.Person)),
            Spans("d2", "Anna said no.", ("Anna", EntityType.Person)));
        Assert.Single(Named(two, "Anna Becker").Mentions);
        Assert.Single(Named(two, "Anna Lopez").Mentions);
    }

    /// <summary>Merging stays close to linear: ten times the documents (each naming shared entities and a new person)
    /// costs about ten times the candidate comparisons, not the hundred times a pairwise merger would. Counts work
    /// rather than seconds, so a busy machine cannot fail it.</summary>
    [Fact]
    public void Merging_work_grows_about_linearly_with_mentions()
    {
        static Document[] Story(int n)
        {
            var random = new Random(7);
            string[] firsts = ["Maria", "John", "Anna", "David", "Laura", "Peter", "Sofia", "James"];
            var docs = new Document[n];
            for (int k = 0; k < n; k++)
            {
                var surname = char.ToUpperInvariant((char)('a' + random.Next(26))) + new string([.. Enumerable.Range(0, 7).Select(_ => (char)('a' + random.Next(26)))]);
                var person = $"{firsts[k % firsts.Length]} {surname}";
                docs[k] = Spans($"d{k}", $"{person} met Anna Becker of the Harbor Transit Authority (HTA) in Kansas City. {surname} and Becker spoke.",
                    (person, EntityType.Person), ("Anna Becker", EntityType.Person), ("Harbor Transit Authority", EntityType.Org), ("HTA", EntityType.Org),
                    ("Kansas City", EntityType.Place), (surname, EntityType.Person), ("Becker", EntityType.Person));
            }
            return docs;
        }
        var small = new EntityMerger().Merge(Story(500), StoryDocs.Ids());
        var large = new EntityMerger().Merge(Story(5000), StoryDocs.Ids());
        double ratio = (double)large.Comparisons / small.Comparisons;
        Assert.True(ratio < 15, $"10x the mentions took {ratio:0.0}x the comparisons (pairwise would be about 100x)");
        Assert.Equal(5000 + 3, large.Entities.Length);
    }

    // Abbreviations and variant names readers saw as separate entities (issue 17).

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
