using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Entities;

/// <summary>
/// Sentences written in title case ("Police Close Bridge After Barge Strike On Sorrel Channel."): every word is
/// capitalised, so capitalisation, which the rules read, says nothing there, and the rules would read every word as a
/// name. As for lines in capitals (<see cref="ShoutedLines"/>), the rules stay out and the tagger's spans stand unless
/// the closed lists turn them down. Headlines without closing punctuation keep their own path (list items only, see
/// EntityRecognizer.AddHeadlineNames): their names move story clustering.
/// </summary>
internal static class TitleCaseLines
{
    /// <summary>Whether every word of two letters or more opens with a capital (the small words of a closed list aside: "of",
    /// "the"), with at least <see cref="MinLongWords"/> words of four letters or more (dev normal and title F1 were higher with two than three), and some lower-case letter (a
    /// line in capitals is <see cref="ShoutedLines"/>' case).</summary>
    public static bool Applies(string text, ReadOnlySpan<Token> tokens)
    {
        int longWords = 0;
        bool lower = false;
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word || t.Length < 2 || !char.IsLetter(text[t.Start])) continue;
            if (char.IsLower(text[t.Start]))
            {
                // Only the small words title case leaves in lower case: a sentence of names joined by "met" or "was"
                // ("Police Chief Rick Smith met Mayor Sly James in Kansas.") is an ordinary sentence for the rules.
                if (!SmallWords.Contains(text.AsSpan(t.Start, t.Length))) return false;
                continue;
            }
            if (t.Length >= 4) longWords++;
            if (!lower)
                for (int c = t.Start + 1; c < t.End && !lower; c++) lower = char.IsLower(text[c]);
        }
        return lower && longWords >= MinLongWords;
    }

    private const int MinLongWords = 2;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SmallWords = new[]
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "and", "or", "as", "vs", "nor", "but", "per", "via",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
