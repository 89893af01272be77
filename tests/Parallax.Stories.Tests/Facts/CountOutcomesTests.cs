using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

public sealed class CountOutcomesTests
{
    [Theory]
    [InlineData("Five people died in the quake.", "Five people", CountOutcome.Died)]
    [InlineData("Police found the bodies of two women inside the apartment.", "two women", CountOutcome.Died)]
    [InlineData("He is accused in the deaths of two women found in the city.", "two women", CountOutcome.Died)]
    [InlineData("A man was charged with murdering two women.", "two women", CountOutcome.Died)]
    [InlineData("Five people had so far been confirmed dead in the quake.", "Five people", CountOutcome.Died)]
    [InlineData("The quake struck, killing at least three people overnight.", "at least three people", CountOutcome.Died)]
    [InlineData("At least five people were reportedly injured in Takengon.", "At least five people", CountOutcome.Injured)]
    [InlineData("The blast injured more than 200 people downtown.", "more than 200 people", CountOutcome.Injured)]
    [InlineData("The navy captured 23 pirates on Saturday.", "23 pirates", CountOutcome.Arrested)]
    [InlineData("Landslides caused hundreds of people to be evacuated.", "hundreds of people", CountOutcome.Displaced)]
    [InlineData("Twelve climbers remain missing on the ridge.", "Twelve climbers", CountOutcome.None)]
    [InlineData("Twelve climbers are missing on the ridge.", "Twelve climbers", CountOutcome.Missing)]
    [InlineData("Two officers arrived, and the suspect died later.", "Two officers", CountOutcome.None)]
    [InlineData("Two men were held in the shooting of a deputy who was murdered at home.", "a deputy", CountOutcome.Died)]
    [InlineData("Police are seeking a man who killed a clerk.", "a man", CountOutcome.None)]
    [InlineData("A climber fell to his death from the ridge.", "A climber", CountOutcome.Died)]
    [InlineData("A climber fell to the ground and walked away.", "A climber", CountOutcome.None)]
    public void Reads_the_outcome_from_the_verb_of_the_count(string text, string span, CountOutcome expected)
    {
        int start = text.IndexOf(span, StringComparison.Ordinal);
        var q = new Quantity(start, start + span.Length, QuantityKind.Count, 1, 1, 1, "person", "person", Qualifier.Exact);
        Assert.Equal(expected, CountOutcomes.Of(text, q));
    }

    [Fact]
    public void Only_counts_have_outcomes()
    {
        const string text = "After 25 minutes, officers killed the engine.";
        var q = new Quantity(6, 16, QuantityKind.Duration, 1500, 1500, 1500, "s", "kill", Qualifier.Exact);
        Assert.Equal(CountOutcome.None, CountOutcomes.Of(text, q));
    }

    [Fact]
    public void The_dead_and_the_injured_are_never_one_fact()
    {
        var docs = new[]
        {
            FactAlignerTests.Doc("d1", "The Aceh quake killed 24 people and injured 249 people, the disaster agency said."),
            FactAlignerTests.Doc("d2", "At least 20 people died and 243 people were hurt in the Aceh quake, officials said."),
        };
        var r = FactAlignerTests.Align(docs);
        var dead = FactAlignerTests.FactWith(r, docs, "d1", "24 people");
        var hurt = FactAlignerTests.FactWith(r, docs, "d1", "249 people");
        Assert.NotSame(dead, hurt);
        Assert.Contains(dead.Claims, c => docs[1].Text[c.Span.Start..c.Span.End] == "At least 20 people");
        Assert.Contains(hurt.Claims, c => docs[1].Text[c.Span.Start..c.Span.End] == "243 people");
        Assert.Equal(FactStatus.Agreed, dead.Status);
        Assert.Equal(FactStatus.Disputed, hurt.Status);
    }
}
