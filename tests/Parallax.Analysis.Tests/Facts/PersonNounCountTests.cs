using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Plurals in "-men" ("crewmen", "gunmen") are counted nouns; "crew members" counts members of the crew.</summary>
public sealed class PersonNounCountTests
{
    [Theory]
    [InlineData("Pirates are holding nearly 300 crewmen on the coast .", "nearly 300 crewmen", "crewman")]
    [InlineData("Police said three gunmen opened fire on the bus .", "three gunmen", "gunman")]
    [InlineData("Pirates hold more than 300 crew members on the coast .", "more than 300 crew members", "crew member")]
    [InlineData("The blast killed four family members in the house .", "four family members", "family member")]
    public void The_counted_noun_is_read(string text, string span, string unit)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(unit, q.Unit);
    }
}
