using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Text;

public sealed class TokenizerTests
{
    private static string[] Words(string text) => Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();

    [Theory]
    [InlineData("the U.S. border", new[] { "the", "U.S.", "border" })]
    [InlineData("Sgt. Jacob Becchina said.", new[] { "Sgt.", "Jacob", "Becchina", "said", "." })]
    [InlineData("Kansas City, Mo. police", new[] { "Kansas", "City", ",", "Mo.", "police" })]
    [InlineData("Nancy Z. Olivares", new[] { "Nancy", "Z.", "Olivares" })]
    [InlineData("more than 42,000 views", new[] { "more", "than", "42,000", "views" })]
    [InlineData("Statute 67.307, however", new[] { "Statute", "67.307", ",", "however" })]
    [InlineData("a six-month-old and Millan-Vazquez", new[] { "a", "six-month-old", "and", "Millan-Vazquez" })]
    [InlineData("Millan-Vazquez’s children", new[] { "Millan-Vazquez", "’s", "children" })]
    [InlineData("don't stop", new[] { "don't", "stop" })]
    [InlineData("scared ... daddy", new[] { "scared", "...", "daddy" })]
    [InlineData("KCTV) -- A", new[] { "KCTV", ")", "--", "A" })]
    [InlineData("at 10:30 a.m. sharp", new[] { "at", "10:30", "a.m.", "sharp" })]
    [InlineData("officers/agents", new[] { "officers", "/", "agents" })]
    [InlineData("ranked No. 5 today", new[] { "ranked", "No.", "5", "today" })]
    [InlineData("she said no. Then", new[] { "she", "said", "no", ".", "Then" })]
    [InlineData("see pp. 12-15", new[] { "see", "pp.", "12-15" })]
    [InlineData("Springfield, Ill. police", new[] { "Springfield", ",", "Ill.", "police" })]
    [InlineData("he was ill. Doctors", new[] { "he", "was", "ill", ".", "Doctors" })]
    [InlineData("believe the 5.6. Don't", new[] { "believe", "the", "5.6", ".", "Don't" })]
    [InlineData("Roe v. Wade", new[] { "Roe", "v.", "Wade" })]
    public void Splits_news_text_into_expected_tokens(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Fact]
    public void Shapes_are_computed_once()
    {
        var text = "KCPD Chief Richard Smith on 22";
        var toks = Tokenizer.Tokenize(text);
        Assert.True(toks[0].Shape.HasFlag(TokenShape.AllCaps));
        Assert.True(toks[1].Shape.HasFlag(TokenShape.Capitalized));
        Assert.False(toks[4].Shape.HasFlag(TokenShape.Capitalized));
        Assert.Equal(TokenKind.Number, toks[5].Kind);
    }

    [Fact]
    public void Emoji_and_replacement_characters_do_not_break_spans()
    {
        var text = "Fire 🔥 at \uFFFD\uFFFD dock 😀";
        var toks = Tokenizer.Tokenize(text);
        Assert.All(toks, t => Assert.InRange(t.End, t.Start + 1, text.Length));
        Assert.Contains(toks, t => text[t.Start..t.End] == "🔥");
    }

    [Fact]
    public void Combining_marks_stay_inside_their_word()
    {
        // Devanagari vowel signs are spacing combining marks; an accent may come as a separate combining mark.
        Assert.Equal(["हिन्दी", "cafe\u0301"], Words("हिन्दी cafe\u0301"));
    }

    [Fact]
    public void The_array_path_matches_the_list_path()
    {
        var text = "Sgt. Jacob Becchina’s 42,000 “views” — 😀 \uD800 x";
        Assert.Equal(Tokenizer.Tokenize(text), Tokenizer.TokenizeToArray(text));
    }

    /// <summary>Tokens are ordered, disjoint, inside the text, and cover every non-space character.</summary>
    [Property(MaxTest = 300)]
    public bool Tokens_partition_the_non_space_text(NonNull<string> input) => Partitions(input.Get);

    /// <summary>The same over text dense in what breaks naive code: lone surrogates, emoji, marks, other scripts.</summary>
    [Property(MaxTest = 300, Arbitrary = new[] { typeof(HostileText) })]
    public bool Tokens_partition_hostile_text(string text) => Partitions(text);

    private static bool Partitions(string text)
    {
        var toks = Tokenizer.Tokenize(text);
        int prevEnd = 0;
        var covered = new bool[text.Length];
        foreach (var t in toks)
        {
            if (t.Start < prevEnd || t.End <= t.Start || t.End > text.Length) return false;
            for (int i = t.Start; i < t.End; i++) covered[i] = true;
            prevEnd = t.End;
        }
        for (int i = 0; i < text.Length; i++)
            if (!covered[i] && !char.IsWhiteSpace(text[i])) return false;
        return true;
    }
}
