using Parallax.Model;
using static Parallax.Analysis.Tests.Support.Docs;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>Wrong names seen in the seeds' and samples' reports (issue 17, recog6), each on invented text.</summary>
public sealed class ReportNameTests
{
    private static string[] Typed(Document d, string name) =>
        d.Entities.Where(m => d.Slice(m.Span) == name).Select(m => m.Type.ToString()).ToArray();

    [Fact]
    public void Codes_joined_by_a_slash_open_one_organisation_name()
    {
        var d = Analyse("Members of the KS/MO Dreamers Alliance spoke at the rally on Sunday.");
        Assert.Equal(["Org"], Typed(d, "KS/MO Dreamers Alliance"));
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) == "KS");
    }

    [Fact]
    public void A_slash_between_two_places_does_not_join_them()
    {
        var d = Analyse("Traffic on the Kansas/Missouri border was heavy on Sunday.");
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span).Contains('/'));
    }

    [Fact]
    public void Words_of_a_title_case_sentence_are_no_names_for_their_capitals()
    {
        var d = Analyse("Council Votes To Raise Parking Fees Downtown.\nThe fees rise in May, officials said.");
        Assert.DoesNotContain(d.Entities, m => m.End <= d.Text.IndexOf('\n') && (m.Type != EntityType.Other || d.Slice(m.Span).Contains(' ')));
    }

    [Fact]
    public void Major_places_in_a_title_case_sentence_stay_places()
    {
        var d = Analyse("Japan Beats China After Extra Time In Tense Final.\nThe match drew a large crowd.");
        Assert.Equal(["Japan", "China"], Mentions(d, EntityType.Place));
    }

    [Fact]
    public void A_repeated_lone_name_with_no_person_evidence_is_no_person()
    {
        var d = Analyse("The corpus was written for Parallax. The team will run Parallax on the reports and check what it finds.");
        Assert.DoesNotContain(d.Entities, m => m.Type == EntityType.Person);
    }

    [Theory]
    [InlineData("The crowd cheered for Tolliver. Later Tolliver said he would run again.")]
    [InlineData("The crowd cheered for Tolliver, 54, a retired teacher. The crowd cheered for Tolliver again.")]
    public void A_repeated_lone_name_with_person_evidence_stays_a_person(string text)
    {
        var d = Analyse(text);
        Assert.Contains(d.Entities, m => d.Slice(m.Span) == "Tolliver" && m.Type == EntityType.Person);
    }

    [Fact]
    public void An_affiliation_before_a_title_ends_on_its_organisation_head()
    {
        var d = Analyse("\u201CWe locked the gate,\u201D Port Alden Police Public Information Specialist Carla Wendt said in a statement.");
        Assert.Equal(["Port Alden Police"], Mentions(d, EntityType.Org));
        Assert.Equal(["Carla Wendt"], Mentions(d, EntityType.Person));
    }

    [Fact]
    public void A_list_item_label_is_no_name()
    {
        var d = Analyse("Planted findings:\n- Acronym: \"Harbor Transit Authority (HTA)\" then \"HTA\" in all four.\n- Dates: the crash was on Monday.");
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) is "Acronym" or "Dates");
        Assert.Contains(d.Entities, m => d.Slice(m.Span) == "Harbor Transit Authority" && m.Type == EntityType.Org);
    }

    [Fact]
    public void A_name_left_untyped_once_takes_the_type_its_document_gives_it()
    {
        var d = Analyse("The Waterfront Line car had already started across. She rides the Waterfront Line most mornings, and buses replace Waterfront Line service.");
        var types = d.Entities.Where(m => d.Slice(m.Span) == "Waterfront Line").Select(m => m.Type).Distinct().ToList();
        Assert.Single(types);
    }
}
