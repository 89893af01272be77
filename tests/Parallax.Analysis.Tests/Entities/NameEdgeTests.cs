using Parallax.Model;
using static Parallax.Analysis.Tests.Support.Docs;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>Names the recog6 rules lost (review9): an affiliation whose head has an "of" complement, a sentence of
/// names joined by a short verb, and names heading bullet items. Invented text.</summary>
public sealed class NameEdgeTests
{
    [Fact]
    public void An_affiliation_with_a_complement_after_its_head_stays_whole()
    {
        var d = Analyse("Federal Bureau of Investigation Director James Comey also spoke.");
        Assert.Equal(["Federal Bureau of Investigation"], Mentions(d, EntityType.Org));
        Assert.Equal(["James Comey"], Mentions(d, EntityType.Person));
    }

    [Fact]
    public void A_sentence_of_names_joined_by_a_short_verb_is_no_title_case_line()
    {
        var d = Analyse("Police Chief Rick Smith met Mayor Sly James in Kansas.");
        Assert.Contains(d.Entities, m => d.Slice(m.Span) == "Sly James" && m.Type == EntityType.Person);
        Assert.Contains(d.Entities, m => d.Slice(m.Span) == "Rick Smith" && m.Type == EntityType.Person);
    }

    [Fact]
    public void Names_heading_bullet_items_stay_names()
    {
        var d = Analyse("The latest poll of likely voters in Ohio:\n- Clinton: 46 percent\n- Trump: 41 percent\n");
        Assert.Contains(d.Entities, m => d.Slice(m.Span) == "Clinton" && m.Type != EntityType.Other);
        Assert.Contains(d.Entities, m => d.Slice(m.Span) == "Trump" && m.Type != EntityType.Other);
    }

    [Fact]
    public void A_bullet_label_the_document_writes_in_lower_case_is_no_name()
    {
        var d = Analyse("Notes on the crash:\n- Weather: rain and fog.\n- The weather cleared by noon.");
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) == "Weather");
    }
}
