namespace Parallax.Ingest.Html;

/// <summary>
/// A cheap upper-bound estimate of how deeply a page's elements nest, computed by scanning tags before any parser
/// sees the page: SmartReader and our renderer walk the tree recursively, and a page nested 100,000 levels deep
/// would overflow the stack, which no catch can recover from.
/// </summary>
internal static class HtmlDepth
{
    /// <summary>Real pages nest well under 100 levels; generated ones reach a few hundred. 1,500 keeps recursive walkers
    /// (a few hundred bytes of stack per level) far from the 1 MB stack of a worker thread.</summary>
    public const int MaxDepth = 1500;

    /// <summary>
    /// True when open tags outnumber close tags by more than <paramref name="limit"/> at some point. Void elements,
    /// self-closed tags, comments and elements the parser closes implicitly (p, li, td, …) are not counted, so the
    /// estimate errs towards the real depth; it is linear in the length of the page.
    /// </summary>
    public static bool Exceeds(string html, int limit)
    {
        int depth = 0;
        int i = 0;
        while (true)
        {
            i = html.IndexOf('<', i);
            if (i < 0 || i + 1 >= html.Length) return false;
            char c = html[i + 1];
            if (c == '!')
            {
                // Comments can hold anything; skip to their end.
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                {
                    int end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    if (end < 0) return false;
                    i = end + 3;
                }
                else i += 2;
                continue;
            }
            bool closing = c == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int j = nameStart;
            while (j < html.Length && char.IsAsciiLetterOrDigit(html[j])) j++;
            if (j == nameStart) { i++; continue; }
            var name = html.AsSpan(nameStart, j - nameStart);
            int close = html.IndexOf('>', j);
            if (close < 0) return false;
            bool selfClosed = html[close - 1] == '/';
            i = close + 1;
            if (IsUncounted(name)) continue;
            if (closing) { if (depth > 0) depth--; }
            else if (!selfClosed && ++depth > limit) return true;
            // Script and style content is not markup.
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                int end = html.IndexOf("</", i, StringComparison.Ordinal);
                while (end >= 0 && end + 2 + name.Length <= html.Length
                       && !html.AsSpan(end + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
                    end = html.IndexOf("</", end + 2, StringComparison.Ordinal);
                if (end < 0) return false;
                i = end;
            }
        }
    }

    private static bool IsUncounted(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[Math.Min(name.Length, 16)];
        if (name.Length > 16) return false;
        name.ToLowerInvariant(lower);
        return lower switch
        {
            "br" or "img" or "hr" or "meta" or "link" or "input" or "area" or "base" or "col" or "embed" or "source"
                or "track" or "wbr" or "param" or "p" or "li" or "td" or "th" or "tr" or "option" or "dt" or "dd" => true,
            _ => false,
        };
    }
}
