namespace Parallax.Ingest.Html;

/// <summary>
/// A cheap estimate of how deeply a page's elements nest, computed by scanning tags before any parser sees the page:
/// SmartReader and our renderer walk the tree recursively, and a page nested 100,000 levels deep would overflow the
/// stack, which no catch can recover from. The count follows the HTML parsing rules that matter for depth: void
/// elements never open, "/&gt;" closes an element only in XML and inside svg or math (an HTML parser ignores it on
/// &lt;div/&gt;, so 100,000 of them nest 100,000 deep), and an end tag closes only an element that is open (down to
/// it); a stray one closes nothing.
/// </summary>
internal static class HtmlDepth
{
    /// <summary>Real pages nest well under 100 levels; generated ones reach a few hundred. 1,500 keeps recursive walkers
    /// (a few hundred bytes of stack per level) far from the 1 MB stack of a worker thread.</summary>
    public const int MaxDepth = 1500;

    /// <summary>
    /// True when more than <paramref name="limit"/> elements are open at some point. Comments, script and style content,
    /// and elements the parser closes implicitly (p, li, td, …) are not counted, so the estimate errs towards the real
    /// depth; it is linear in the length of the page (each open element is closed at most once).
    /// <paramref name="xml"/>: XML rules (a feed), where "/&gt;" always closes.
    /// </summary>
    public static bool Exceeds(string html, int limit, bool xml = false)
    {
        // The open elements, as hashes of their lower-case names, and how many of each name are open.
        var open = new Stack<int>();
        var counts = new Dictionary<int, int>();
        int foreign = 0; // open svg or math elements: "/>" closes inside them
        int svg = Hash("svg"), math = Hash("math");
        int i = 0;
        while (true)
        {
            i = html.IndexOf('<', i);
            if (i < 0 || i + 1 >= html.Length) return false;
            char c = html[i + 1];
            if (c == '!')
            {
                // Comments can hold anything; skip to their end. CDATA sections too.
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0 || string.CompareOrdinal(html, i, "<![CDATA[", 0, 9) == 0)
                {
                    bool comment = html[i + 2] == '-';
                    int end = html.IndexOf(comment ? "-->" : "]]>", i + 4, StringComparison.Ordinal);
                    if (end < 0) return false;
                    i = end + 3;
                }
                else i += 2;
                continue;
            }
            bool closing = c == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int j = nameStart;
            while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || (xml && html[j] is ':' or '-' or '_' or '.'))) j++;
            if (j == nameStart) { i++; continue; }
            var name = html.AsSpan(nameStart, j - nameStart);
            int close = html.IndexOf('>', j);
            if (close < 0) return false;
            bool selfClosed = html[close - 1] == '/';
            i = close + 1;
            if (!xml && IsUncounted(name)) continue;
            int h = Hash(name);
            if (closing)
            {
                // Only an open element's end tag closes anything: it closes that element and every one opened inside it.
                if (!counts.TryGetValue(h, out int n) || n == 0) continue;
                while (open.Count > 0)
                {
                    int top = open.Pop();
                    counts[top]--;
                    if (top == svg || top == math) foreign--;
                    if (top == h) break;
                }
                continue;
            }
            if (selfClosed && (xml || foreign > 0)) continue;
            open.Push(h);
            counts[h] = counts.GetValueOrDefault(h) + 1;
            if (h == svg || h == math) foreign++;
            if (open.Count > limit) return true;
            // Script and style content is not markup.
            if (!xml && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
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

    /// <summary>A hash of the name in lower case (ASCII letters), without allocating.</summary>
    private static int Hash(ReadOnlySpan<char> name)
    {
        var hash = new HashCode();
        foreach (char ch in name) hash.Add(char.ToLowerInvariant(ch));
        return hash.ToHashCode();
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
