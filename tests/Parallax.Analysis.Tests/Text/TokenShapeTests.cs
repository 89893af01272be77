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
            // The definition, stated over the whole word: categories by char.IsLetter, IsUpper and IsDigit.
            var w = text[t.Start..t.End];
            var letters = w.Where(char.IsLetter).ToArray();
            bool anyLetter = letters.Length > 0, anyDigit = w.Any(c => !char.IsLetter(c) && char.IsDigit(c));
            var shape = (anyLetter && char.IsUpper(w[0]) ? TokenShape.Capitalized : 0)
                | (letters.Length >= 2 && letters.All(char.IsUpper) ? TokenShape.AllCaps : 0)
                | (anyDigit ? TokenShape.HasDigit : 0)
                | (w.Contains('-') ? TokenShape.HasHyphen : 0)
                | (w.Contains('.') ? TokenShape.HasPeriod : 0);
            var kind = anyLetter ? TokenKind.Word : anyDigit ? TokenKind.Number : TokenKind.Symbol;
            if (t.Kind != kind || t.Shape != shape) return false;
        }
        return true;
    }
}
