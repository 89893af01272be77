using Parallax.Analysis.Facts;
using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Counts with a model code: "seven AK-47s" counts AK-47s, "seven AK-47 assault rifles" counts AK-47 rifles.</summary>
public sealed class ModelCodeCountTests
{
    [Fact]
    public void A_models_plural_is_what_is_counted()
    {
        var q = Single("Seven AK-47s and grenades were found in the boats .", "Seven AK-47s");
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(7, q.Value);
        Assert.Equal("ak-47", q.Unit);
    }

    [Fact]
    public void A_model_code_before_the_noun_is_a_modifier_of_the_count()
    {
        var q = Single("The commandos seized seven AK-47 assault rifles from the boats .", "seven AK-47 assault rifles");
        Assert.Equal(7, q.Value);
        Assert.Equal("rifle", q.Unit);
        var text = "The commandos seized seven AK-47 assault rifles from the boats .";
        var meaning = ClaimMeaning.Read(text, new TextSpan(0, text.Length), q, false);
        Assert.Equal("ak-47 rifle", meaning.Noun);
    }

    [Theory]
    [InlineData("AK-47", 5)]
    [InlineData("AK-47s", 5)]
    [InlineData("M16", 3)]
    [InlineData("F-16s", 4)]
    [InlineData("47", null)]
    [InlineData("3rd", null)]
    [InlineData("10am", null)]
    [InlineData("Rifles", null)]
    public void Model_codes_are_letters_then_digits(string word, int? length) => Assert.Equal(length, QuantityExtractor.ModelCode(word));
}
