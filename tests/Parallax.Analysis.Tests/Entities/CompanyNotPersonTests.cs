using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>Named errors of issue 17 with no document evidence at all: a company is not made a person on the strength of a
/// speech verb alone. Invented text.</summary>
public sealed class CompanyNotPersonTests
{
    [Theory]
    [InlineData("Sales slowed in the spring, Ford said on Tuesday.", "Ford")]
    [InlineData("Ford said sales rose by a tenth in May.", "Ford")]
    [InlineData("Prices will rise next year, Chrysler said.", "Chrysler")]
    [InlineData("Shares fell after Boeing said deliveries would slow.", "Boeing")]
    [InlineData("Toyota said dealers who sold the cars would call their customers.", "Toyota")]
    public void A_lone_name_by_a_speech_verb_is_no_person_without_person_evidence(string text, string name)
    {
        var d = Docs.Analyse(text);
        Assert.DoesNotContain(d.Entities, m => m.Type == EntityType.Person && d.Slice(m.Span) == name);
    }

    [Theory]
    [InlineData("Ray Tolliver was at home. \"We lost everything,\" Tolliver said.", "Tolliver")]
    [InlineData("\"We lost everything,\" said Tolliver, a retired teacher.", "Tolliver")]
    [InlineData("Mayor Sly James spoke first. James said the city would pay.", "James")]
    [InlineData("\"We lost everything,\" Tolliver said she told the officers.", "Tolliver")]
    [InlineData("\"We lost everything,\" said Tolliver, who lives nearby.", "Tolliver")]
    public void A_surname_with_person_evidence_stays_a_person(string text, string name)
    {
        var d = Docs.Analyse(text);
        Assert.Contains(d.Entities, m => m.Type == EntityType.Person && d.Slice(m.Span) == name);
    }

    [Fact]
    public void A_first_name_and_surname_stay_a_person()
    {
        var d = Docs.Analyse("Maria Delgado said the first ships would follow.");
        Assert.Contains("Maria Delgado", Docs.Mentions(d, EntityType.Person));
    }

    [Theory]
    [InlineData("Jan Holt, a former District Director and General Counsel for Congressman Emanuel Cleaver II, said he agreed.", "Counsel")]
    [InlineData("The board met with the Director on Monday, officials said.", "Director")]
    public void A_lone_role_word_is_no_name(string text, string role)
    {
        var d = Docs.Analyse(text);
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) == role);
    }
}
