using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Text;

/// <summary>
/// Finds sentence boundaries over tokens. A sentence ends at a line break (plain news text puts one paragraph
/// per line), or after ".", "!", "?" or "…" (with any closing quotes and brackets) when the next token can start a
/// sentence. Abbreviations and initials kept their periods inside the word token, so "Sgt. Becchina" and
/// "Nancy Z. Olivares" never split; an ellipsis followed by lower case ("scared ... daddy") does not either.
/// </summary>
public static class SentenceSplitter
{
    public static List<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        var result = new List<Sentence>(tokens.Count / 20 + 1);
        int first = 0;
        for (int t = 0; t < tokens.Count; t++)
        {
            if (t + 1 == tokens.Count || EndsAfter(text, tokens, t))
            {
                // Closing quotes and brackets after the terminal belong to this sentence.
                int last = t;
                while (last + 1 < tokens.Count && ClosesAfter(text, tokens[last], tokens[last + 1])) last++;
                result.Add(new Sentence(tokens[first].Start, tokens[last].End, first, last - first + 1));
                t = last;
                first = last + 1;
            }
        }
        return result;
    }

    private static bool EndsAfter(string text, IReadOnlyList<Token> tokens, int t)
    {
        var tok = tokens[t];
        var next = tokens[t + 1];
        if (LineBreakBetween(text, tok.End, next.Start)) return true;

        // Skip closing quotes/brackets to find the terminal and what follows it.
        int term = t;
        char c = text[tok.Start];
        bool terminal = tok.Kind == TokenKind.Punctuation && (c == '.' || c == '!' || c == '?' || c == '\u2026');
        if (!terminal)
        {
            // "U.S." at a sentence end: the period is inside the word. A capitalised word after it usually continues
            // a name ("U.S. Immigration"), so split only before words that typically open a sentence.
            if (tok.Kind == TokenKind.Word && text[tok.End - 1] == '.' && (tok.Shape & TokenShape.HasPeriod) != 0
                && !Abbreviations.IsTitle(text.AsSpan(tok.Start, tok.Length - 1)))
                return IsStrongStart(text, next);
            return false;
        }
        int after = term + 1;
        while (after < tokens.Count && ClosesAfter(text, tokens[after - 1], tokens[after])) after++;
        if (after >= tokens.Count) return true;
        var follow = tokens[after];
        if (follow.Start == tokens[after - 1].End) return false; // "3.5" or ".com": no space, no boundary
        bool ellipsis = tok.Length >= 3 || c == '\u2026';
        char f = text[follow.Start];
        if (char.IsUpper(f) || char.IsDigit(f) || IsOpener(f)) return !ellipsis || char.IsUpper(f) && IsStrongStart(text, follow);
        return false;
    }

    private static readonly FrozenSet<string> Starters = new[]
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "His", "Her",
        "Their", "But", "And", "In", "On", "At", "After", "Before", "When", "While", "However", "According", "If",
        "There", "So", "As",
    }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        Starters.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsStrongStart(string text, Token next)
    {
        if (IsOpener(text[next.Start])) return true;
        return StarterLookup.Contains(text.AsSpan(next.Start, next.Length));
    }

    private static bool LineBreakBetween(string text, int from, int to)
    {
        for (int i = from; i < to; i++) if (text[i] == '\n') return true;
        return false;
    }

    /// <summary>A closing mark attached to what precedes it. A straight quote after a space opens a new quote
    /// (“said. "Many”), so only a mark touching the previous token closes.</summary>
    private static bool ClosesAfter(string text, Token previous, Token mark) =>
        IsCloser(text[mark.Start]) && mark.Start == previous.End;

    internal static bool IsCloser(char c) => c is '"' or '\u201D' or '\u2019' or ')' or ']' or '\'';
    internal static bool IsOpener(char c) => c is '"' or '\u201C' or '\u2018' or '(' or '[';
}
