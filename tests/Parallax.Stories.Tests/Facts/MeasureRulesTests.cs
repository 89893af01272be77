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
