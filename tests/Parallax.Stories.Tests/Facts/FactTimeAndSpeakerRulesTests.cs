using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Ages read at different report dates, first-person clauses and the shooter who is no victim never make a
/// dispute.</summary>
public sealed class FactTimeAndSpeakerRulesTests
{
    private static Document Dated(string id, string text, DateOnly published) => FactAlignmentRulesTests.Dated(id, text, published);

    private static Fact[] Disputed(FactAlignment r) => [.. r.Facts.Where(f => f.Status == FactStatus.Disputed)];

    [Fact]
    public void An_age_two_years_later_is_the_person_grown_older_not_a_dispute()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Deputies identified the suspect as Jose Orozco, 27, a gang member.", new DateOnly(2005, 6, 25)),
            Dated("d2", "Orozco, 27, was found hiding in a house near the shooting.", new DateOnly(2005, 7, 26)),
            Dated("d3", "A jury found Jose Orozco, 29, guilty of the murder of the deputy.", new DateOnly(2007, 3, 20)),
        ]);
        Assert.Empty(Disputed(r));
    }

    [Fact]
    public void Ages_a_day_apart_still_dispute()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "Deputies identified the suspect as Jose Orozco, 27, a gang member.", new DateOnly(2005, 6, 25)),
            Dated("d2", "Deputies identified the suspect as Jose Orozco, 29, a gang member.", new DateOnly(2005, 6, 26)),
        ]);
        Assert.Single(Disputed(r));
    }

    [Fact]
    public void A_speakers_own_floor_never_disputes_the_events()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "The shooter walked into the office on the building's second floor, police said."),
            FactAlignerTests.Doc("d2", "\"We're on the third floor, barricaded in,\" a worker in the building said of the shooter."),
        ]);
        Assert.Empty(Disputed(r));
    }

    [Fact]
    public void The_suspect_and_a_partitive_whole_are_no_count_of_the_dead()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "A man suspected of shooting three people at the firm was arrested. One victim died in the attack."),
            FactAlignerTests.Doc("d2", "Local news originally reported that two of the three victims died in the attack at the firm."),
            FactAlignerTests.Doc("d3", "The gunman shot and killed a woman at the firm and wounded two men."),
        ]);
        Assert.Empty(Disputed(r));
    }
}

/// <summary>Ordinals name one of a series; exact amounts before a scale word dispute.</summary>
public sealed class OrdinalAndAmountRulesTests
{
    [Fact]
    public void Floors_of_sentences_sharing_nothing_else_never_dispute()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Workers were trapped in the stairwell of the third floor of the bank."),
            FactAlignerTests.Doc("d2", "Reporters said it is the fourth floor of the ministry that is burning."),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
    }

    [Fact]
    public void Counted_amounts_of_one_thing_that_differ_dispute()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Police said the stolen jewels were worth $102 million in the Paris heist."),
            FactAlignerTests.Doc("d2", "Police said the stolen jewels were worth $108 million in the Paris heist."),
        ]);
        Assert.Contains(r.Facts, f => f.Status == FactStatus.Disputed);
    }
}

/// <summary>Counts of near-synonymous nouns meet when their values agree, and never make a dispute.</summary>
public sealed class CountSynonymRulesTests
{
    [Fact]
    public void Sons_and_boys_of_one_value_are_one_fact()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "The slain deputy leaves behind two sons and a wife."),
            FactAlignerTests.Doc("d2", "The deputy leaves behind two boys and his new wife."),
        ]);
        Assert.Contains(r.Facts, f => f.Claims.Length == 2 && f.Status == FactStatus.Agreed);
    }

    [Fact]
    public void Synonyms_whose_values_differ_stay_apart()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "The slain deputy leaves behind two sons and a wife."),
            FactAlignerTests.Doc("d2", "The deputy leaves behind three boys and his new wife."),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Claims.Length == 2);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
    }

    [Fact]
    public void Girls_and_boys_are_not_one_count()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "The slain deputy leaves behind two girls and a wife."),
            FactAlignerTests.Doc("d2", "The deputy leaves behind two boys and his new wife."),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Claims.Length == 2);
    }

    [Fact]
    public void A_synonym_agreeing_beside_a_differing_count_stays_in_its_fact()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "The navy seized seven AK-47s and three other automatic rifles from the pirate boat."),
            FactAlignerTests.Doc("d2", "The navy seized seven AK-47s and three other automatic weapons from the pirate boat."),
            FactAlignerTests.Doc("d3", "Officials said the navy seized seven AK-47s and two other rifles from the pirate boat on Saturday."),
        ]);
        // One fact of three claims; a bare count with no verb or holder is not shown as a dispute (precision first).
        Assert.Contains(r.Facts, f => f.Claims.Length == 3 && f.Status != FactStatus.Disputed);
    }

    [Fact]
    public void Unknown_words_of_one_shape_are_no_synonyms() =>
        Assert.False(NounSynonyms.Similar("zqxwvbnoid", "pqzrtxolith"));
}

/// <summary>Ages of a named person and of a described one meet when they agree; a place before a person noun is no holder.</summary>
public sealed class AgeHolderRulesTests
{
    [Fact]
    public void A_described_holder_joins_a_group_naming_one_person()
    {
        var r = FactAlignerTests.AlignWithEntities([
            FactAlignerTests.Doc("d1", "Deputy Jerry Ortiz, 35, was shot in the head while searching for a suspect in Hawaiian Gardens."),
            FactAlignerTests.Doc("d2", "The 35-year-old deputy was shot in the head while searching for a suspect in Hawaiian Gardens."),
            FactAlignerTests.Doc("d3", "The 35-year-old sheriff was shot in the head while searching for a suspect in Hawaiian Gardens."),
        ], FactAlignerTests.Named("Jerry Ortiz", "Hawaiian Gardens"));
        Assert.Contains(r.Facts, f => f.Kind == QuantityKind.Age && f.Claims.Length == 3 && f.Status == FactStatus.Agreed);
    }

    [Fact]
    public void A_place_naming_a_gang_member_is_not_whose_age_it_is()
    {
        var r = FactAlignerTests.AlignWithEntities([
            FactAlignerTests.Doc("d1", "A jury convicted Jose Luis Orozco, 29, of murdering the deputy in Hawaiian Gardens."),
            FactAlignerTests.Doc("d2", "A jury convicted the 29-year-old Hawaiian Gardens gang member of murdering the deputy."),
        ], FactAlignerTests.Named("Jose Luis Orozco", "Hawaiian Gardens"));
        Assert.Contains(r.Facts, f => f.Kind == QuantityKind.Age && f.Claims.Length == 2);
    }
}
