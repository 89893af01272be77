using Parallax.Analysis.Text;

namespace Parallax.Analysis.Tests.Text;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("42,000", 42000)]
    [InlineData("1,000.5", 1000.5)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("1.2", 1.2)]
    [InlineData(".5", 0.5)]
    [InlineData("0", 0)]
    public void Numerals_parse(string text, double expected)
    {
        Assert.True(NumberParser.TryParseNumeral(text, out var v));
        Assert.Equal(expected, v, 9);
    }

    /// <summary>Odd forms must not become bogus values.</summary>
    [Theory]
    [InlineData("1.000,5")]
    [InlineData("1e6")]
    [InlineData("3.5.1")]
    [InlineData("12,34")]
    [InlineData("1,0000")]
    [InlineData("1,")]
    [InlineData("1.")]
    [InlineData(",5")]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("1234,567")]
    public void Odd_forms_are_not_numbers(string text) =>
        Assert.False(NumberParser.TryParseNumeral(text, out _));

    [Theory]
    [InlineData("\u00BC", 0.25)]
    [InlineData("1\u00BD", 1.5)]
    [InlineData("3", 3)]
    public void Vulgar_fractions(string text, double expected)
    {
        Assert.True(NumberParser.TryParseWithFraction(text, out var v));
        Assert.Equal(expected, v, 9);
    }

    [Theory]
    [InlineData("five", 5)]
    [InlineData("Twenty", 20)]
    [InlineData("twenty-one", 21)]
    [InlineData("ninety-nine", 99)]
    [InlineData("dozen", 12)]
    public void Number_words(string text, double expected)
    {
        Assert.True(NumberParser.TryParseWord(text, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("twenty-twenty")]
    [InlineData("one-five")]
    [InlineData("hundred")]
    [InlineData("fivefold")]
    public void Not_number_words(string text) => Assert.False(NumberParser.TryParseWord(text, out _));

    [Theory]
    [InlineData("one hundred twenty-five", 125)]
    [InlineData("two thousand five hundred", 2500)]
    [InlineData("two dozen", 24)]
    [InlineData("one hundred and five", 105)]
    [InlineData("twenty five", 25)]
    [InlineData("three million", 3e6)]
    public void Number_word_runs(string phrase, double expected)
    {
        var acc = new NumberWords();
        foreach (var w in phrase.Split(' ')) Assert.True(acc.TryAdd(w), $"refused '{w}'");
        Assert.Equal(expected, acc.Value);
    }

    [Fact]
    public void Two_unit_words_in_a_row_are_two_numbers()
    {
        var acc = new NumberWords();
        Assert.True(acc.TryAdd("five"));
        Assert.False(acc.TryAdd("six"));
    }

    [Theory]
    [InlineData("21st", 21)]
    [InlineData("3rd", 3)]
    [InlineData("22nd", 22)]
    [InlineData("4th", 4)]
    public void Ordinal_numerals(string text, int expected)
    {
        Assert.True(NumberParser.TryParseOrdinalNumeral(text, out var v));
        Assert.Equal(expected, v);
    }
}
