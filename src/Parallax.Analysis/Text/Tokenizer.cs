using System.Globalization;
using Parallax.Model;

namespace Parallax.Analysis.Text;

/// <summary>
/// Splits text into word, number, punctuation and symbol tokens in one pass, with no regular expressions and
/// no allocation per token (tokens are written into a pooled buffer sized from the text, news running about one
/// token per five characters, and copied once into an exact-size array).
/// Keeps "U.S.", "Sgt.", "42,000", "6.5", "Millan-Vazquez" and "six-month-old" whole, and splits a possessive
/// "'s" off its word so names stay clean. Every character is looked at a bounded number of times, so time is
/// linear in the text's length whatever it holds (one 10 MB line, no punctuation, lone surrogates).
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into a new list.</summary>
    public static List<Token> Tokenize(string text) => Tokenize(text, new List<Token>(text.Length / 5 + 4));

    /// <summary>Tokenizes <paramref name="text"/>, appending to <paramref name="output"/>.</summary>
    public static List<Token> Tokenize(string text, List<Token> output)
    {
        var writer = new PooledBuffer<Token>(text.Length / 4 + 16);
        try
        {
            Scan(text, ref writer);
            output.AddRange(writer.Written);
        }
        finally { writer.Dispose(); }
        return output;
    }

    /// <summary>Tokenizes <paramref name="text"/> into an array of exactly the token count (the stage's path).</summary>
    public static Token[] TokenizeToArray(string text)
    {
        var writer = new PooledBuffer<Token>(text.Length / 4 + 16);
        try
        {
            Scan(text, ref writer);
            return writer.Written.ToArray();
        }
        finally { writer.Dispose(); }
    }

    private static void Scan(ReadOnlySpan<char> s, ref PooledBuffer<Token> output)
    {
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
                    output.Add(WordToken(s, start, end - 2));
                    output.Add(WordToken(s, end - 2, end));
                }
                else output.Add(WordToken(s, start, end));
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
            // A surrogate pair (emoji, rare CJK) is one symbol; a lone surrogate is a symbol of its own.
            int len = char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            output.Add(new Token(i, i + len, kind, TokenShape.None));
            i += len;
        }
    }

    private static bool IsApostrophe(char c) => c == '\'' || c == '\u2019';

    /// <summary>Letters, digits and the marks that combine with them (accents, Indic vowel signs).</summary>
    private static bool IsWordChar(char c)
    {
        if (c < 128) return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        if (char.IsLetterOrDigit(c)) return true;
        if (c < 0x300) return false;
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>Scans one word or number starting at a letter or digit; returns the end offset.</summary>
    private static int ScanWord(ReadOnlySpan<char> s, int i)
    {
        int n = s.Length;
        int start = i;
        while (i < n)
        {
            char c = s[i];
            if (IsWordChar(c)) { i++; continue; }
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
        // A trailing period belongs to the word when it is an initialism ("U.S."), an initial ("Z."), a known
        // abbreviation ("Sgt.", "Mo."), or a number prefix before a number ("No. 5", "pp. 12").
        if (i < n && s[i] == '.')
        {
            var word = s[start..i];
            bool initialism = word.Length >= 3 && word[^2] == '.' && char.IsLetter(word[^1]);
            bool initial = word.Length == 1 && char.IsUpper(word[0]);
            if (initialism || initial || Abbreviations.IsKnown(word)
                || (Abbreviations.IsNumberPrefix(word) && NumberFollows(s, i + 1))) i++;
        }
        return i;
    }

    /// <summary>True when a digit follows <paramref name="i"/> after at most one space.</summary>
    private static bool NumberFollows(ReadOnlySpan<char> s, int i)
    {
        if (i < s.Length && s[i] == ' ') i++;
        return i < s.Length && char.IsDigit(s[i]);
    }

    private static Token WordToken(ReadOnlySpan<char> s, int start, int end)
    {
        var w = s[start..end];
        bool anyLetter = false, anyDigit = false, allUpper = true, hyphen = false, period = false;
        int letters = 0;
        foreach (var ch in w)
        {
            if (ch < 128)
            {
                // ASCII, the common case, without the Unicode tables (the same answers for these characters).
                if ((uint)((ch | 0x20) - 'a') <= 'z' - 'a') { anyLetter = true; letters++; if (ch >= 'a') allUpper = false; }
                else if ((uint)(ch - '0') <= 9) anyDigit = true;
                else if (ch == '-') hyphen = true;
                else if (ch == '.') period = true;
                continue;
            }
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
        return new Token(start, end, kind, shape);
    }
}
