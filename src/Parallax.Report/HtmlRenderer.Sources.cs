using Parallax.Model;

namespace Parallax.Report;

/// <summary>Naming sources on the page: the spread of a fact names each source once, and a document without a headline
/// shows how it begins.</summary>
internal sealed partial class HtmlRenderer
{
    /// <summary>Words of the text shown in place of a missing title.</summary>
    private const int OpeningWords = 9;

    /// <summary>Writes the sources of each value of a spread, each source once: a source that gives several values is
    /// listed with the value the fewest others give (where it matters most), followed by "also …" and its other values.
    /// </summary>
    private void WriteSpreadSources(IReadOnlyList<(string Value, List<string> Docs)> groups, int g)
    {
        var placedIn = PlaceEachSourceOnce(groups);
        var shown = groups[g].Docs.Where(d => placedIn[d] == g).ToList();
        // A value given only by sources listed elsewhere (one source contradicting itself) still names them.
        if (shown.Count == 0) shown = groups[g].Docs;
        for (int d = 0; d < shown.Count; d++)
        {
            if (d > 0) w.Write(", ");
            T(index.SourceLabel(shown[d]));
            var others = new List<string>();
            for (int k = 0; k < groups.Count; k++)
                if (k != g && groups[k].Docs.Contains(shown[d])) others.Add(groups[k].Value);
            if (others.Count == 0) continue;
            w.Write(", which also gives ");
            T(string.Join(" and ", others));
        }
    }

    private static Dictionary<string, int> PlaceEachSourceOnce(IReadOnlyList<(string Value, List<string> Docs)> groups)
    {
        var order = Enumerable.Range(0, groups.Count).OrderBy(g => groups[g].Docs.Count).ThenBy(g => g).ToList();
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (int g in order)
            foreach (var doc in groups[g].Docs) placed.TryAdd(doc, g);
        return placed;
    }

    /// <summary>Reference tables longer than this are collapsed behind a summary, so a phone reader scrolls past them.</summary>
    private const int CollapseAbove = 8;

    /// <summary>Opens a collapsed block (details/summary) when a table has more than <see cref="CollapseAbove"/> rows.</summary>
    private void CollapseStart(int rows, string what)
    {
        if (rows <= CollapseAbove) return;
        w.Write("<details class=\"more\"><summary>Show all ");
        w.Write(rows.ToString(Invariant));
        w.Write(' ');
        w.Write(what);
        w.Write("</summary>\n");
    }

    private void CollapseEnd(int rows)
    {
        if (rows > CollapseAbove) w.Write("</details>\n");
    }

    /// <summary>Sections with more items than this are folded behind a summary line (their cards are tall on a phone).</summary>
    private const int FoldAbove = 3;

    /// <summary>Writes a whole section, folded (details/summary, closed) when it holds more than <see cref="FoldAbove"/>
    /// items; a link to the section opens it (browsers open a closed details for a fragment inside it).</summary>
    private void Folded(int items, string what, Action write)
    {
        if (items <= FoldAbove)
        {
            write();
            return;
        }
        w.Write("<details class=\"fold\"><summary>Show the ");
        w.Write(items.ToString(Invariant));
        w.Write(' ');
        w.Write(what);
        w.Write("</summary>\n");
        write();
        w.Write("</details>\n");
    }

    /// <summary>A document without a headline: how its text begins, muted, so the row still says which report it is.</summary>
    private void WriteOpening(Document doc)
    {
        w.Write("<span class=\"muted\">no headline; begins “");
        var text = doc.Text.AsSpan().TrimStart();
        int words = 0, i = 0;
        while (i < text.Length && words < OpeningWords)
        {
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            words++;
            while (i < text.Length && char.IsWhiteSpace(text[i]) && text[i] != '\n') i++;
            if (i < text.Length && text[i] == '\n') break;
        }
        var opening = text[..i].TrimEnd();
        T(opening);
        w.Write(i < text.Length ? "…”</span>" : "”</span>");
    }
}
