using Parallax.Model;

namespace Parallax.Report;

/// <summary>Parts, wider totals and earlier events' figures (<see cref="Fact.PartOf"/>) shown indented under the fact they
/// belong to, with words saying how ("of which", "a wider total", "an earlier event"), not counted as facts of the
/// story's event. A dispute between two parts is still a disagreement: it is also in the disagreements box and counted.</summary>
internal sealed partial class HtmlRenderer
{
    /// <summary>True when the fact is shown beside another of the story (which the story holds), not on its own.</summary>
    private static bool Listed(StoryView v, Fact f) => f.PartOf is { } whole && v.Wholes.Contains(whole);

    private static IEnumerable<Fact> PartsOf(StoryView v, Fact whole) => whole.PartOf is not null ? [] : v.Parts[whole.Id];

    /// <summary>How a listed fact relates to its fact, from its claims' scope.</summary>
    private static string Relation(Fact part) => part.Claims.IsDefaultOrEmpty ? "related:" : part.Claims[0].Scope switch
    {
        "part" => "of which:",
        "roundup" => "a wider total:",
        "background" => "an earlier event:",
        _ => "related:",
    };

    /// <summary>The facts listed beside a fact card: each with its relation, label, verdict, values and sentences.</summary>
    private void WriteParts(StoryView v, Fact whole)
    {
        bool any = false;
        foreach (var part in PartsOf(v, whole))
        {
            if (!any) w.Write("<div class=\"parts\">\n");
            any = true;
            string status = Names.Of(part.Status);
            w.Write("<div class=\"part-fact\" id=\"");
            T(Html.Id("fact-", part.Id) + v.Suffix);
            w.Write("\">\n<p class=\"fact-head\"><span class=\"part-rel\">");
            T(Relation(part));
            w.Write("</span> <b>");
            T(part.About);
            w.Write("</b> <span class=\"badge ");
            w.Write(status);
            w.Write("\">");
            w.Write(status);
            w.Write("</span> <span class=\"fact-id\">");
            T(part.Id);
            w.Write("</span></p>\n");
            WriteSpread(part, " <span class=\"sep\">·</span> ");
            foreach (var c in part.Claims)
            {
                w.Write("<blockquote class=\"sentence\">");
                WriteMarked(index.Doc(c.Sentence.Doc).Text, c.Sentence.Span, c.Span.Span, []);
                w.Write(" <span class=\"muted\">(");
                Source(v, c.Span.Doc);
                w.Write(")</span></blockquote>\n");
            }
            w.Write("</div>\n");
        }
        if (any) w.Write("</div>\n");
    }
}
