using System.Globalization;
using System.Text;
using Parallax.Model;

namespace Parallax.Report;

/// <summary>
/// Small charts drawn as inline SVG on the server, so the report (and the web app) shows them with no script and under
/// a policy that forbids scripts: which source credits which, and when each source published beside the dates it
/// reports. Every label is encoded; layout is deterministic.
/// </summary>
public static class SvgCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int Row = 26, Pad = 8;

    /// <summary>One line of the credit graph: a source, a name it credits, how often.</summary>
    public readonly record struct Credit(string Source, string Cited, CitationKind Kind, int Count);

    /// <summary>
    /// Sources on the left, what they credit on the right (most-credited first), a line per pair whose width grows with
    /// the number of credits. Returns an empty string when there is nothing to draw.
    /// </summary>
    public static string CreditGraph(IReadOnlyList<string> sources, IReadOnlyList<Credit> credits, string title)
    {
        if (credits.Count == 0) return "";
        var cited = credits.GroupBy(c => c.Cited, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Name: g.First().Cited, Kind: g.First().Kind, Sources: g.Select(c => c.Source).Distinct().Count(), Total: g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Sources).ThenByDescending(c => c.Total).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var left = sources.Where(s => credits.Any(c => c.Source == s)).ToList();
        int rows = Math.Max(left.Count, cited.Count);
        int height = rows * Row + 2 * Pad, width = 760, lx = 200, rx = 480;
        var rightIndex = cited.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);

        var svg = new StringBuilder();
        Open(svg, width, height, title);
        double Y(int i, int count) => Pad + (rows - count) * Row / 2.0 + i * Row + Row / 2.0;
        foreach (var c in credits)
        {
            int a = left.IndexOf(c.Source), b = rightIndex[c.Cited];
            svg.Append(Inv, $"<line x1=\"{lx + 6}\" y1=\"{Y(a, left.Count):0.#}\" x2=\"{rx - 6}\" y2=\"{Y(b, cited.Count):0.#}\" class=\"edge {KindClass(c.Kind)}\" stroke-width=\"{Math.Min(6, 1 + c.Count):0.#}\"><title>");
            Text(svg, $"{c.Source} credits {c.Cited} ({c.Count}×)");
            svg.Append("</title></line>\n");
        }
        for (int i = 0; i < left.Count; i++)
        {
            svg.Append(Inv, $"<text x=\"{lx}\" y=\"{Y(i, left.Count) + 4:0.#}\" text-anchor=\"end\" class=\"node\">");
            Text(svg, Short(left[i], 28));
            svg.Append("</text>\n");
        }
        for (int i = 0; i < cited.Count; i++)
        {
            svg.Append(Inv, $"<text x=\"{rx}\" y=\"{Y(i, cited.Count) + 4:0.#}\" class=\"node {KindClass(cited[i].Kind)}\">");
            Text(svg, Short(cited[i].Name, 34));
            svg.Append(Inv, $" <tspan class=\"count\">{cited[i].Sources}</tspan></text>\n");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A dated mark on the time chart: a source's publication, or a date a sentence reports.</summary>
    public readonly record struct Mark(DateOnly Date, string Label, bool Published);

    /// <summary>
    /// One axis of days: above it when each source published, below it the dates the reports mention (each date once,
    /// labelled with how many sentences mention it). Reported dates more than 60 days before the first publication or 30
    /// after the last are background ("in 2011"): counted in the legend, not drawn. Empty without a publication date.
    /// </summary>
    public static string TimeChart(IReadOnlyList<Mark> allMarks, string title)
    {
        var publications = allMarks.Where(m => m.Published).ToList();
        if (publications.Count == 0) return "";
        // Background dates ("in 2011") would squash the weeks of the event into a dot: they are counted, not drawn.
        var from = publications.Min(m => m.Date).AddDays(-60);
        var to = publications.Max(m => m.Date).AddDays(30);
        var marks = allMarks.Where(m => m.Published || m.Date >= from && m.Date <= to).ToList();
        int background = allMarks.Count - marks.Count;
        var first = marks.Min(m => m.Date);
        var last = marks.Max(m => m.Date);
        int days = Math.Max(1, last.DayNumber - first.DayNumber);
        int width = 760, left = 60, right = width - 60, axis = 110;
        var published = marks.Where(m => m.Published).GroupBy(m => m.Date).OrderBy(g => g.Key).ToList();
        var reported = marks.Where(m => !m.Published).GroupBy(m => m.Date).OrderBy(g => g.Key).ToList();
        int height = axis + 90;
        double X(DateOnly d) => left + (right - left) * (double)(d.DayNumber - first.DayNumber) / days;

        var svg = new StringBuilder();
        Open(svg, width, height, title);
        svg.Append(Inv, $"<line x1=\"{left}\" y1=\"{axis}\" x2=\"{right}\" y2=\"{axis}\" class=\"axis\"/>\n");
        for (int i = 0; i < published.Count; i++)
        {
            var g = published[i];
            double x = X(g.Key);
            int y = axis - 18 - (i % 3) * 26;
            svg.Append(Inv, $"<circle cx=\"{x:0.#}\" cy=\"{axis}\" r=\"5\" class=\"pub\"><title>");
            Text(svg, $"{Iso(g.Key)}: published by {string.Join(", ", g.Select(m => m.Label))}");
            svg.Append("</title></circle>\n");
            svg.Append(Inv, $"<line x1=\"{x:0.#}\" y1=\"{axis - 5}\" x2=\"{x:0.#}\" y2=\"{y + 4}\" class=\"tick\"/>\n");
            svg.Append(Inv, $"<text x=\"{x:0.#}\" y=\"{y}\" text-anchor=\"middle\" class=\"pub-label\">");
            Text(svg, Short(string.Join(", ", g.Select(m => m.Label)), 40));
            svg.Append("</text>\n");
        }
        for (int i = 0; i < reported.Count; i++)
        {
            var g = reported[i];
            double x = X(g.Key);
            int y = axis + 26 + (i % 3) * 16;
            svg.Append(Inv, $"<rect x=\"{x - 4:0.#}\" y=\"{axis + 3}\" width=\"8\" height=\"8\" class=\"event\"><title>");
            Text(svg, $"{Iso(g.Key)}: reported by {g.Count()} sentence(s)");
            svg.Append("</title></rect>\n");
            svg.Append(Inv, $"<text x=\"{x:0.#}\" y=\"{y}\" text-anchor=\"middle\" class=\"event-label\">");
            Text(svg, $"{Iso(g.Key)} ×{g.Count()}");
            svg.Append("</text>\n");
        }
        svg.Append(Inv, $"<text x=\"{left}\" y=\"{height - 8}\" class=\"legend\">● published   ■ date reported in the text");
        if (background > 0) svg.Append(Inv, $"   ({background} earlier background date{(background == 1 ? "" : "s")} not drawn)");
        svg.Append("</text>\n");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Open(StringBuilder svg, int width, int height, string title)
    {
        svg.Append(Inv, $"<svg viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" class=\"chart\"><title>");
        Text(svg, title);
        svg.Append("</title>\n");
    }

    private static string KindClass(CitationKind kind) => kind switch
    {
        CitationKind.Outlet => "k-outlet",
        CitationKind.Agency => "k-agency",
        CitationKind.Person => "k-person",
        _ => "k-document",
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static string Short(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";

    /// <summary>XML text content: the five characters that matter, and nothing from input ever becomes markup.</summary>
    private static void Text(StringBuilder svg, string s)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '<': svg.Append("&lt;"); break;
                case '>': svg.Append("&gt;"); break;
                case '&': svg.Append("&amp;"); break;
                case '"': svg.Append("&quot;"); break;
                case '\'': svg.Append("&#39;"); break;
                default:
                    // Control characters are not allowed in XML; they carry nothing a reader needs.
                    if (c >= ' ' || c == '\t') svg.Append(c);
                    break;
            }
        }
    }
}
