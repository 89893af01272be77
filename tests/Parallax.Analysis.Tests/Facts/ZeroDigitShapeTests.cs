using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Single deaths stated without a digit, in the shapes crime and accident news uses, and the figurative or
/// agentive uses that are no count of casualties.</summary>
public sealed class ZeroDigitShapeTests
{
    [Theory]
    [InlineData("A man died in the fire on Sunday.", "A man")]
    [InlineData("A woman was found dead in her flat.", "A woman")]
    [InlineData("A climber fell to his death from the ridge.", "A climber")]
    [InlineData("A hiker plunged to her death on Thursday.", "A hiker")]
    [InlineData("Police are hunting the gunman who shot a man outside the bar.", "a man")]
    [InlineData("The gunman opened fire, killing a man.", "a man")]
    [InlineData("A 10-year-old girl was killed by a stray bullet.", "girl")]
    [InlineData("The mother of a 10-year-old girl killed by a stray bullet spoke.", "girl")]
    [InlineData("An unarmed 17-year-old boy was shot dead by police.", "boy")]
    [InlineData("A colleague paid tribute to a Perth doctor feared dead after a fall.", "a Perth doctor")]
    [InlineData("Two men were charged in the shooting of a sheriff's deputy who was murdered outside his home.", "a sheriff's deputy")]
    [InlineData("Two gang members were arrested in the fatal shooting of a sheriff 's deputy who was murdered.", "a sheriff 's deputy")]
    [InlineData("An off-duty officer was shot dead by a gunman.", "An off-duty officer")]
    [InlineData("A six-year-old boy drowned in the lake.", "boy")]
    public void A_single_casualty_without_a_digit_is_a_count_of_one(string text, string span)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(1, q.Value);
    }

    [Fact]
    public void The_crash_left_one_dead() =>
        Assert.Equal(1, Single("The crash left one dead and two hurt.", "one").Value);

    [Fact]
    public void An_age_before_the_person_is_still_read_as_an_age() =>
        Assert.Contains(Quantities("A 10-year-old girl was killed by a stray bullet."), q => q.Kind == QuantityKind.Age && q.Value == 10);

    [Theory]
    [InlineData("The senators killed the bill in committee.")]
    [InlineData("The talks reached a dead end on Friday.")]
    [InlineData("The drive was killed by the team's defence.")]
    [InlineData("A man said he was shot at twice.")]
    [InlineData("A young man said he saw the victim die.")]
    [InlineData("A Perth doctor said the patient was stable.")]
    [InlineData("A man shot his neighbour in a dispute.")]
    [InlineData("A 35-year-old man shot his neighbour in a dispute.")]
    [InlineData("An Australian climber who watched his brother fall survived two nights.")]
    public void Figurative_agentive_and_reported_uses_are_no_casualty_count(string text) =>
        Assert.DoesNotContain(Quantities(text), q => q.Kind == QuantityKind.Count && q.Value == 1);
}
