using FsCheck.Xunit;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Text;

/// <summary>The tokenizer reads ASCII without the Unicode tables; its kinds and shapes must stay what the Unicode
/// categories say, for every token of any text.</summary>
public sealed class TokenShapeTests
{
    [Property(MaxTest = 300)]
    public bool Kinds_and_shapes_follow_the_unicode_categories(string? input) => ShapesHold(input ?? "");

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(HostileText) })]
    public bool Kinds_and_shapes_hold_on_hostile_text(string text) => ShapesHold(text);

    [Fact]
    public void Every_ascii_character_inside_a_word_keeps_its_category()
    {
        for (char c = '\0'; c < 128; c++) Assert.True(ShapesHold($"a{c}b {c} A{c}{c}Z 1{c}2"), $"U+{(int)c:X4}");
    }

    private static bool ShapesHold(string text)
    {
        foreach (var t in Tokenizer.TokenizeToArray(text))
        {
            if (t.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            var w = text.AsSpan(t.Start, t.Length);
            bool anyLetter = false, anyDigit = false, allUpper = true, hyphen = false, period = false;
            int letters = 0;
            foreach (var ch in w)
            {
                if (char.IsLetter(ch)) { anyLetter = true; letters++; if (!char.IsUpper(ch)) allUpper = false; }
                else if (char.IsDigit(ch)) anyDigit = true;
                else if (ch == '-') hyphen = true;
                else if (ch == '.') period = true;
            }
            var shape = TokenShape.None;
            if (anyLetter && char.IsUpper(w[0])) shape |= TokenShape.Capitalized;
            if (anyLetter && allUpper && letters >= 2) shape |= TokenShape.AllCaps;
            if (anyDigit) shape |= TokenShape.HasDigit;
            if (hyphen) shape |= TokenShape.HasHyphen;
            if (period) shape |= TokenShape.HasPeriod;
            var kind = anyLetter ? TokenKind.Word : anyDigit ? TokenKind.Number : TokenKind.Symbol;
            if (t.Kind != kind || t.Shape != shape) return false;
        }
        return true;
    }
}
