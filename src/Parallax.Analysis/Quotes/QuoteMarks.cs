using System.Buffers;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

/// <summary>
/// Pairs quotation marks in one linear pass. Curly marks say which way they face; a straight mark opens after a space,
/// line start or opening bracket and closes before a space or punctuation. A quote still open at the end of a paragraph
/// continues when the next paragraph opens with a mark (the news convention for multi-paragraph quotes) and otherwise
/// closes there, so unbalanced marks never swallow the rest of the document. Inch marks (6' 2") are not quotes.
/// Two apostrophes ('') count as one straight double mark: some archives (the New York Times among them) print
/// quotation marks that way.
/// </summary>
public static class QuoteMarks
{
    private static readonly SearchValues<char> Marks = SearchValues.Create("\n\u201C\u201D\"'");

    /// <summary>Spans of quoted content (without the marks), in document order.</summary>
    public static List<TextSpan> Find(string text)
    {
        var result = new List<TextSpan>();
        int open = -1;         // offset just after the opening mark of the current quote
        int n = text.Length;
        for (int i = 0; i < n; i++)
        {
            // Only line breaks and quotation marks matter: jump to the next one.
            int skip = text.AsSpan(i).IndexOfAny(Marks);
            if (skip < 0) break;
            i += skip;
            char c = text[i];
            if (c == '\n')
            {
                if (open < 0) continue;
                // Paragraph break inside a quote: continue only if the next paragraph opens with a mark.
                int j = i + 1;
                while (j < n && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) j++;
                if (j < n && (text[j] == '\u201C' || text[j] == '"')) { i = j; continue; }
                if (IsDoubledApostrophe(text, j)) { i = j + 1; continue; }
                result.Add(TrimmedSpan(text, open, i));
                open = -1;
                continue;
            }
            if (c == '\u201C') { if (open < 0) open = i + 1; continue; }
            if (c == '\u201D') { if (open >= 0) { result.Add(TrimmedSpan(text, open, i)); open = -1; } continue; }
            int width = c == '"' ? 1 : IsDoubledApostrophe(text, i) ? 2 : 0;
            if (width == 0) continue;

            bool prevSpace = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '\u2014' or '-' or ':';
            bool nextSpace = i + width >= n || char.IsWhiteSpace(text[i + width]) || char.IsPunctuation(text[i + width]);
            if (open < 0)
            {
                if (i > 0 && char.IsDigit(text[i - 1])) { i += width - 1; continue; } // 6' 2" — an inch mark
                if (prevSpace || !nextSpace) open = i + width;
            }
            else if (!prevSpace || nextSpace)
            {
                result.Add(TrimmedSpan(text, open, i));
                open = -1;
            }
            else
            {
                // An opening-looking mark inside an open quote: the earlier mark was never closed. Close it before this
                // one and start again, so one stray mark costs one quote, not the document.
                result.Add(TrimmedSpan(text, open, i));
                open = i + width;
            }
            i += width - 1;
        }
        if (open >= 0) result.Add(TrimmedSpan(text, open, n));
        result.RemoveAll(s => s.IsEmpty);
        return result;
    }

    /// <summary>Two apostrophes in a row, not part of a longer run (three would be ambiguous).</summary>
    internal static bool IsDoubledApostrophe(string text, int i) =>
        i + 1 < text.Length && text[i] == '\'' && text[i + 1] == '\''
        && (i + 2 >= text.Length || text[i + 2] != '\'') && (i == 0 || text[i - 1] != '\'');

    private static TextSpan TrimmedSpan(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }
}
