using System.Buffers;
using System.Runtime.CompilerServices;
using Parallax.Model;

[assembly: InternalsVisibleTo("Parallax.Analysis.Tests")]

namespace Parallax.Analysis.Text;

/// <summary>What surrounds a <see cref="Word"/>: the punctuation trimmed off it and its shape.</summary>
[Flags]
internal enum WordMarks : ushort
{
    None = 0,
    CommaAfter = 1,
    /// <summary>";", ":", a dash or a bracket after the word: a clause boundary.</summary>
    ClauseAfter = 2,
    /// <summary>".", "!" or "?" after the word (a sentence end or an abbreviation's period).</summary>
    StopAfter = 4,
    OpenBefore = 8,
    CloseAfter = 16,
    Capitalized = 32,
    HasDigit = 64,
    Possessive = 128,
    SentenceStart = 256,
    /// <summary>Wrapped in brackets: "(816)".</summary>
    Bracketed = 512,
}

/// <summary>
/// A whitespace-delimited word with its surrounding punctuation trimmed off: "32-minute", "$1.2", "42,000", "a.m",
/// "Millan-Vazquez" (possessive "'s" removed and marked). Built by gluing tokens that touch, so the analysis does not
/// depend on how finely the tokenizer split "32-minute" or "$1.2"; the marks keep what was trimmed.
/// </summary>
internal readonly record struct Word(int Start, int End, WordMarks Marks)
{
    public int Length => End - Start;
    public bool Has(WordMarks m) => (Marks & m) != 0;
    /// <summary>Any punctuation after the word that separates it from the next one.</summary>
    public bool BreakAfter => (Marks & (WordMarks.CommaAfter | WordMarks.ClauseAfter | WordMarks.StopAfter | WordMarks.CloseAfter)) != 0;
}

/// <summary>Turns a sentence's tokens into <see cref="Word"/>s in a reusable buffer (no allocation per word).</summary>
internal static class WordScanner
{
    private static readonly SearchValues<char> Dashes = SearchValues.Create("\u2014\u2013\u2015");

    /// <summary>Fills <paramref name="buffer"/> (grown when needed) with the words of one sentence; returns the count.</summary>
    public static int Scan(Document doc, Sentence sentence, ref Word[] buffer)
    {
        var text = doc.Text;
        var tokens = doc.Tokens.AsSpan();
        int count = 0;
        int t = sentence.FirstToken, end = Math.Min(sentence.EndToken, tokens.Length);
        bool first = true;
        while (t < end)
        {
            int runStart = tokens[t].Start, runEnd = tokens[t].End;
            t++;
            while (t < end && tokens[t].Start == runEnd) { runEnd = tokens[t].End; t++; }
            // Split a glued run at dashes between words ("Monday–This", "said—and"); keep "20–25".
            int s = runStart;
            while (s < runEnd)
            {
                int rel = text.AsSpan(s, runEnd - s).IndexOfAny(Dashes);
                int stop = rel < 0 ? runEnd : s + rel;
                if (rel >= 0 && stop > runStart && stop + 1 < runEnd && char.IsDigit(text[stop - 1]) && char.IsDigit(text[stop + 1]))
                {
                    // A digit range: look for the next dash after this one.
                    int rel2 = text.AsSpan(stop + 1, runEnd - stop - 1).IndexOfAny(Dashes);
                    stop = rel2 < 0 ? runEnd : stop + 1 + rel2;
                }
                if (Add(text, s, stop, stop < runEnd, ref buffer, ref count, first)) first = false;
                s = stop + 1;
            }
        }
        return count;
    }

    private static bool Add(string text, int start, int end, bool dashAfter, ref Word[] buffer, ref int count, bool first)
    {
        var marks = WordMarks.None;
        int s = start, e = end;
        while (s < e && IsOpen(text[s])) { marks |= WordMarks.OpenBefore; if (text[s] is '(' or '[') marks |= WordMarks.Bracketed; s++; }
        while (e > s)
        {
            char c = text[e - 1];
            if (c == ',') marks |= WordMarks.CommaAfter;
            else if (c is ';' or ':' or ')' or ']' or '\u2026' or '-') marks |= WordMarks.ClauseAfter;
            else if (c is '.' or '!' or '?')
            {
                // The period of an initialism ("a.m.", "U.S.") is trimmed like any other, but it does not end a clause:
                // "10 a.m. on Monday" is one phrase. The lexicon lists initialisms without their final period.
                bool initialism = c == '.' && e - s >= 3 && text[e - 3] == '.';
                if (!initialism) marks |= WordMarks.StopAfter;
            }
            else if (c is '"' or '\u201D' or '\u2019' or '\'' or '\u00BB') marks |= WordMarks.CloseAfter;
            else break;
            e--;
        }
        if ((marks & WordMarks.Bracketed) != 0 && (marks & WordMarks.ClauseAfter) == 0) marks &= ~WordMarks.Bracketed;
        // A possessive "'s" / "’s" (the tokenizer splits it off; gluing brought it back).
        if (e - s > 2 && (text[e - 1] is 's' or 'S') && text[e - 2] is '\'' or '\u2019')
        {
            e -= 2;
            marks |= WordMarks.Possessive;
        }
        if (dashAfter) marks |= WordMarks.ClauseAfter;
        if (e <= s)
        {
            // Pure punctuation: it still separates clauses.
            if (count > 0 && (marks & (WordMarks.CommaAfter | WordMarks.ClauseAfter | WordMarks.StopAfter)) != 0)
                buffer[count - 1] = buffer[count - 1] with { Marks = buffer[count - 1].Marks | (marks & (WordMarks.CommaAfter | WordMarks.ClauseAfter | WordMarks.StopAfter)) };
            return false;
        }
        char f = text[s];
        if (char.IsUpper(f)) marks |= WordMarks.Capitalized;
        if (text.AsSpan(s, e - s).ContainsAnyInRange('0', '9')) marks |= WordMarks.HasDigit;
        if (first) marks |= WordMarks.SentenceStart;
        if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        buffer[count++] = new Word(s, e, marks);
        return true;
    }

    private static bool IsOpen(char c) => c is '"' or '\u201C' or '\u2018' or '\'' or '(' or '[' or '\u00AB' or '*' or '\u2022';
}
