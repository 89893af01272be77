using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Parallax.Model;

namespace Parallax.Analysis.Text;

/// <summary>
/// Finds sentence boundaries over tokens. A sentence ends at a line break (plain news text puts one paragraph
/// per line), or after ".", "!", "?" or "…" (with any closing quotes, brackets and reference marks like "[3]") when
/// the next token can start a sentence. Abbreviations and initials kept their periods inside the word token, so
/// "Sgt. Becchina" and "Nancy Z. Olivares" never split; an ellipsis followed by lower case ("scared ... daddy") does
/// not either, nor a quoted exclamation or question followed by its speech verb ("“Sorry!” I said."), nor a list
/// number ("1. Introduction"). One pass, constant look-ahead per token: linear in the number of tokens.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Splits <paramref name="tokens"/> of <paramref name="text"/> into sentences.</summary>
    public static List<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        ReadOnlySpan<Token> span = tokens switch
        {
            Token[] array => array,
            List<Token> list => CollectionsMarshal.AsSpan(list),
            _ => tokens.ToArray(),
        };
        var buffer = new PooledBuffer<Sentence>(span.Length / 16 + 4);
        try
        {
            Split(text, span, ref buffer);
            return [.. buffer.Written];
        }
        finally { buffer.Dispose(); }
    }

    /// <summary>Splits into an array of exactly the sentence count (the stage's path).</summary>
    public static Sentence[] SplitToArray(string text, ReadOnlySpan<Token> tokens)
    {
        var buffer = new PooledBuffer<Sentence>(tokens.Length / 16 + 4);
        try
        {
            Split(text, tokens, ref buffer);
            return buffer.Written.ToArray();
        }
        finally { buffer.Dispose(); }
    }

    private static void Split(string text, ReadOnlySpan<Token> tokens, ref PooledBuffer<Sentence> output)
    {
        int first = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            int last = t + 1 == tokens.Length ? t : LastTokenIfEndsAt(text, tokens, first, t);
            if (last < 0) continue;
            output.Add(new Sentence(tokens[first].Start, tokens[last].End, first, last - first + 1));
            t = last;
            first = last + 1;
        }
    }

    /// <summary>
    /// When a sentence ends at token <paramref name="t"/>, the index of its last token (the terminal plus the closing
    /// quotes, brackets and reference marks after it); otherwise -1.
    /// </summary>
    private static int LastTokenIfEndsAt(string text, ReadOnlySpan<Token> tokens, int first, int t)
    {
        var tok = tokens[t];
        if (LineBreakBetween(text, tok.End, tokens[t + 1].Start)) return t;

        char c = text[tok.Start];
        bool terminal = tok.Kind == TokenKind.Punctuation && (c == '.' || c == '!' || c == '?' || c == '\u2026');
        if (!terminal)
        {
            // "U.S." at a sentence end: the period is inside the word. A capitalised word after it usually continues
            // a name ("U.S. Immigration"), so split only before words that typically open a sentence — or, after an
            // abbreviation that usually closes a list ("etc."), before any capitalised word.
            if (tok.Kind == TokenKind.Word && text[tok.End - 1] == '.' && (tok.Shape & TokenShape.HasPeriod) != 0)
            {
                var word = text.AsSpan(tok.Start, tok.Length - 1);
                if (Abbreviations.NeverEndsSentence(word)) return -1;
                int end = t;
                while (end + 1 < tokens.Length && ClosesAfter(text, tokens[end], tokens[end + 1])) end++;
                if (end + 1 >= tokens.Length) return end;
                var next = tokens[end + 1];
                if (LineBreakBetween(text, tokens[end].End, next.Start)) return end;
                if (next.Start == tokens[end].End) return -1;
                if (Abbreviations.IsOftenFinal(word) && (char.IsUpper(text[next.Start]) || IsOpener(text[next.Start]))) return end;
                return IsStrongStart(text, next) ? end : -1;
            }
            return -1;
        }

        // A number alone before a period is a list marker ("1. Introduction"), not a sentence.
        if (c == '.' && t == first + 1 && tokens[first].Kind == TokenKind.Number) return -1;

        int last = t;
        while (last + 1 < tokens.Length && ClosesAfter(text, tokens[last], tokens[last + 1])) last++;
        bool quoted = last > t && IsQuote(text[tokens[last].Start]);
        last = SkipReferenceMarks(text, tokens, last);
        int after = last + 1;
        if (after >= tokens.Length) return last;
        var follow = tokens[after];
        if (LineBreakBetween(text, tokens[last].End, follow.Start)) return last;
        if (follow.Start == tokens[last].End) return -1; // "3.5" or ".com": no space, no boundary

        bool ellipsis = tok.Length >= 3 || c == '\u2026';
        char f = text[follow.Start];
        if (!char.IsUpper(f) && !char.IsDigit(f) && !IsOpener(f) && !IsCamelCase(text, follow)) return -1;
        if (ellipsis) return char.IsUpper(f) && IsStrongStart(text, follow) ? last : -1;
        // “Where’s your mom?” Betty asked. — the speech verb makes the quote part of one sentence.
        if (quoted && c != '.' && SpeechFollows(text, tokens, after)) return -1;
        return last;
    }

    /// <summary>
    /// Skips bracketed notes after a terminal ("… in 1971. [1] [2] Fillmore", "… Rome. [citation needed]", "[...]"):
    /// they close the sentence before them. A note is at most <see cref="MaxNoteTokens"/> tokens on one line.
    /// </summary>
    private static int SkipReferenceMarks(string text, ReadOnlySpan<Token> tokens, int last)
    {
        while (last + 2 < tokens.Length && text[tokens[last + 1].Start] == '['
            && !LineBreakBetween(text, tokens[last].End, tokens[last + 1].Start))
        {
            int close = -1;
            int limit = Math.Min(tokens.Length, last + 2 + MaxNoteTokens);
            for (int k = last + 2; k < limit; k++)
            {
                char c = text[tokens[k].Start];
                if (c == ']') { close = k; break; }
                if (c == '[' || LineBreakBetween(text, tokens[k - 1].End, tokens[k].Start)) break;
            }
            if (close < 0) break;
            last = close;
        }
        return last;
    }

    private const int MaxNoteTokens = 6;

    /// <summary>A speech verb right after the quote, or after one or two capitalised words ("I say", "Mom asks").</summary>
    private static bool SpeechFollows(string text, ReadOnlySpan<Token> tokens, int after)
    {
        int end = Math.Min(tokens.Length, after + 3);
        for (int k = after; k < end; k++)
        {
            var w = tokens[k];
            if (w.Kind != TokenKind.Word) return false;
            if (SpeechVerbLookup.Contains(text.AsSpan(w.Start, w.Length))) return true;
            if ((w.Shape & TokenShape.Capitalized) == 0) return false;
        }
        return false;
    }

    /// <summary>Function words that open sentences far more often than they continue a name after an abbreviation.</summary>
    private static readonly FrozenSet<string> Starters = new[]
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "His", "Her",
        "Their", "Our", "My", "Your", "Its", "But", "And", "In", "On", "At", "After", "Before", "When", "While",
        "However", "According", "If", "There", "So", "As", "What", "Why", "How", "Who", "Where", "Then", "Now", "Yet",
        "Also", "For", "To", "With", "Some", "Many", "No", "Yes", "All", "Both", "Each", "Since", "Although", "Because",
        "During", "Here", "Today", "Meanwhile", "Still", "Instead", "Later", "Once",
    }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        Starters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs that attribute a quotation ("… ?” she asked").</summary>
    private static readonly FrozenSet<string> SpeechVerbs = new[]
    {
        "said", "says", "say", "asked", "asks", "ask", "replied", "replies", "shouted", "shouts", "yelled", "yells",
        "called", "calls", "cried", "cries", "whispered", "whispers", "added", "adds", "continued", "exclaimed",
        "answered", "answers", "screamed", "muttered", "demanded", "demands", "wondered", "laughed", "sighed",
        "told", "tells", "explained", "insisted", "wrote", "writes",
    }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbLookup =
        SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A word like "eHow" or "iPhone": lower-case first letter, capital inside; it starts sentences too.</summary>
    private static bool IsCamelCase(string text, Token token) =>
        token.Kind == TokenKind.Word && token.Length > 1 && text.AsSpan(token.Start + 1, token.Length - 1).ContainsAnyInRange('A', 'Z');

    /// <summary>A token that opens a sentence after an abbreviation's period: a quote or a typical first word. A
    /// parenthesis usually continues ("in the U.S. (from 1890 …)"), so it does not count.</summary>
    private static bool IsStrongStart(string text, Token next)
    {
        char c = text[next.Start];
        if (c is '"' or '\u201C' or '\u2018') return true;
        var word = text.AsSpan(next.Start, next.Length);
        // A contraction starts like its first word: "We're", "I've", "It's".
        int apostrophe = word.IndexOfAny('\'', '\u2019');
        if (apostrophe > 0) word = word[..apostrophe];
        return StarterLookup.Contains(word);
    }

    private static bool LineBreakBetween(string text, int from, int to) =>
        to > from && text.AsSpan(from, to - from).Contains('\n');

    /// <summary>A closing mark attached to what precedes it. A straight quote after a space opens a new quote
    /// (“said. "Many”), so only a mark touching the previous token closes. An opening curly quote typed in place of a
    /// closing one (“… decision.“ However”) closes too when it touches the previous token and a space follows.</summary>
    private static bool ClosesAfter(string text, Token previous, Token mark)
    {
        if (mark.Start != previous.End) return false;
        char c = text[mark.Start];
        if (IsCloser(c)) return true;
        return c is '\u201C' or '\u2018' && (mark.End == text.Length || char.IsWhiteSpace(text[mark.End]));
    }

    internal static bool IsCloser(char c) => c is '"' or '\u201D' or '\u2019' or ')' or ']' or '\'';
    internal static bool IsOpener(char c) => c is '"' or '\u201C' or '\u2018' or '(' or '[';
    private static bool IsQuote(char c) => c is '"' or '\u201D' or '\u2019' or '\'';
}
