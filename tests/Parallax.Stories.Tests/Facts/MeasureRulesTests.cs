using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Weights: exact figures of one person dispute; weights in sentences that share nothing else never do.</summary>
public sealed class WeightAlignmentRulesTests
{
    [Fact]
    public void Two_weights_of_one_described_man_dispute()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Deputies said that Orozco is 5-foot-8, 135 pounds, with tattoos on his forehead."),
            FactAlignerTests.Doc("d2", "He is 5-feet-8 inches tall, weighing 130 pounds, and has tattoos on his forehead."),
        ]);
        var fact = Assert.Single(r.Facts, f => f.Claims.Any(c => c.Unit == "kg"));
        Assert.Equal(FactStatus.Disputed, fact.Status);
        Assert.All(fact.Claims, c => Assert.Equal("weight:kg", c.Measure));
    }

    [Fact]
    public void Weights_whose_sentences_share_nothing_else_never_dispute()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Police described the gunman as weighing 180 pounds and wearing a brown jacket."),
            FactAlignerTests.Doc("d2", "The girl, who weighed 130 pounds, was found by her mother at home."),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
    }
}

/// <summary>A duration or length each outlet states once, with the same value, is one quantity even when the words
/// around it differ; it can agree, never dispute.</summary>
public sealed class OneValueRulesTests
{
    private static FactAlignment Align(FactAlignerOptions options, params Document[] docs) => FactAlignerTests.Align(docs, options: options);

    // Each report also gives another distance, so neither the sparse-dimension nor the alone-at-scale bonus applies.
    private static Document[] Chase() => [
        FactAlignerTests.Doc("d1", "Troopers and deputies chased the silver sedan for 30 miles along the northbound highway through three counties and a construction zone. The office lies 20 miles from the lake."),
        FactAlignerTests.Doc("d2", "Police followed the gunman's blue pickup for about 30 miles at high speed until officers made the arrest in a zone near town. A farmer saw it 50 miles north of there."),
    ];

    [Fact]
    public void One_value_each_outlet_states_once_is_one_agreed_fact()
    {
        var docs = Chase();
        var fact = FactAlignerTests.FactWith(Align(FactAlignerOptions.Default, docs), docs, "d1", "30 miles");
        Assert.Equal(FactStatus.Agreed, fact.Status);
        Assert.Equal(2, fact.Claims.Length);
        // Without the bonus the two stay apart: the heads ("chase", "mile") and the rest of the words differ.
        Assert.Single(FactAlignerTests.FactWith(Align(FactAlignerOptions.Default with { OneValueBonus = 0 }, docs), docs, "d1", "30 miles").Claims);
    }

    [Fact]
    public void A_value_an_outlet_states_twice_gets_no_bonus_and_different_values_never_dispute()
    {
        Document[] docs = [
            FactAlignerTests.Doc("d1", "Troopers chased the gunman for 30 miles along the highway before he stopped near the bridge."),
            FactAlignerTests.Doc("d2", "The town lies 30 miles north of the city. Police followed the car of the gunman for about 30 miles at high speed until the arrest."),
            FactAlignerTests.Doc("d3", "Deputies pursued the gunman for 40 miles at high speed, officials said."),
        ];
        var r = Align(FactAlignerOptions.Default, docs);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
        Assert.Single(FactAlignerTests.FactWith(r, docs, "d1", "30 miles").Claims);
    }
}

/// <summary>A count of one model ("seven AK-47 rifles") is a subset of a count of its noun ("ten rifles"): never a dispute.</summary>
public sealed class ModelCodeAlignmentTests
{
    [Fact]
    public void A_count_of_one_model_never_disputes_the_count_of_all()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Commandos seized seven AK-47 assault rifles from the pirate boats, the navy said."),
            FactAlignerTests.Doc("d2", "Commandos seized ten rifles from the pirate boats, the navy said."),
            FactAlignerTests.Doc("d3", "The navy said commandos seized seven AK-47 automatic rifles from the boats."),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
        Assert.Contains(r.Facts, f => f.Status == FactStatus.Agreed && f.Claims.All(c => c.Measure == "ak-47 rifle"));
    }
}

/// <summary>"Crewmen" and "crew members" count one crew; members of a family are not members at large.</summary>
public sealed class CrewCountTests
{
    [Fact]
    public void Crewmen_and_crew_members_are_one_fact_not_disputed_with_no_verb_or_holder()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Pirates are holding about a dozen ships and nearly 300 crewmen on the Somali coast."),
            FactAlignerTests.Doc("d2", "Pirates are holding at least 14 ships and more than 300 crew members on the Somali coast."),
        ]);
        var fact = Assert.Single(r.Facts, f => f.Claims.Any(c => c.Measure == "crew"));
        Assert.Equal(2, fact.Claims.Length);
        // "nearly 300" and "more than 300" meet at 300 (touching bounds are one figure rounded two ways), and a bare count
        // with no verb and no holder is too weak to show as a dispute anyway.
        Assert.NotEqual(FactStatus.Disputed, fact.Status);
    }

    [Fact]
    public void Family_members_and_members_never_dispute()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "The fire at the house killed five family members, police said on Sunday."),
            FactAlignerTests.Doc("d2", "The fire at the house killed seven members of the club, police said on Sunday."),
        ]);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
    }
}
