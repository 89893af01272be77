using System.Globalization;
using Parallax.Model;

namespace Parallax.Analysis.Text;

/// <summary>
/// Splits text into word, number, punctuation and symbol tokens in one pass, with no regular expressions and
/// no allocation per token (only the output list grows). Keeps "U.S.", "Sgt.", "42,000", "6.5", "Millan-Vazquez"
/// and "six-month-old" whole, and splits a possessive "'s" off its word so names stay clean.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text) => Tokenize(text, new List<Token>(text.Length / 5 + 4));

    public static List<Token> Tokenize(string text, List<Token> output)
    {
        var s = text.AsSpan();
        int i = 0, n = s.Length;
        while (i < n)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                i = ScanWord(s, i);
                int end = i;
                // Split a possessive 's / ’s off the word ("Millan-Vazquez’s" → "Millan-Vazquez" + "’s").
                if (end - start > 2 && (s[end - 1] == 's' || s[end - 1] == 'S') && IsApostrophe(s[end - 2]))
                {
                    Add(output, s, start, end - 2);
                    Add(output, s, end - 2, end);
                }
                else Add(output, s, start, end);
                continue;
            }

            // Runs of the same punctuation that mean one thing: "...", "--", "!!".
            if (c == '.' || c == '-' || c == '!' || c == '?')
            {
                int start = i;
                while (i < n && s[i] == c) i++;
                output.Add(new Token(start, i, TokenKind.Punctuation, TokenShape.None));
                continue;
            }

            var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            int len = char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            output.Add(new Token(i, i + len, kind, TokenShape.None));
            i += len;
        }
        return output;
    }

    private static bool IsApostrophe(char c) => c == '\'' || c == '\u2019';

    /// <summary>Scans one word or number starting at a letter or digit; returns the end offset.</summary>
    private static int ScanWord(ReadOnlySpan<char> s, int i)
    {
        int n = s.Length;
        int start = i;
        while (i < n)
        {
            char c = s[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) { i++; continue; }
                        if (i + 1 < n && char.IsLetterOrDigit(s[i + 1]))
            {
                // Joiners inside a word: hyphen (six-month-old), apostrophe (don't, O'Neil), slash in
                // "officers/agents" is split instead. Digits keep "," and "." between them (42,000 and 6.5),
                // and ":" for clock times (10:30).
                if (c == '-' || c == '\u2011' || IsApostrophe(c)) { i++; continue; }
                if ((c == ',' || c == '.' || c == ':') && char.IsDigit(s[i - 1]) && char.IsDigit(s[i + 1])) { i++; continue; }
                // Initialisms: "U.S.", "a.m.", "D.C." — single letters separated by periods.
                if (c == '.' && char.IsLetter(s[i - 1]) && (i - 1 == start || s[i - 2] == '.')
                    && (i + 2 >= n || !char.IsLetter(s[i + 2]))) { i++; continue; }
            }
            break;
        }
        // A trailing period belongs to the word when it is an initialism ("U.S."), an initial ("Z."), or a known
        // abbreviation ("Sgt.", "Mo.").
        if (i < n && s[i] == '.')
        {
            var word = s[start..i];
            bool initialism = word.Length >= 3 && word[^2] == '.';
            bool initial = word.Length == 1 && char.IsUpper(word[0]);
            if (initialism || initial || Abbreviations.IsKnown(word)) i++;
        }
        return i;
    }

    private static void Add(List<Token> output, ReadOnlySpan<char> s, int start, int end)
    {
        var w = s[start..end];
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
        output.Add(new Token(start, end, kind, shape));
    }
}
