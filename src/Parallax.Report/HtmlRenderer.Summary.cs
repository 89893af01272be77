using Parallax.Model;

namespace Parallax.Report;

/// <summary>The box at the top of a story: every disagreement in one place, before any detail, so a reader sees in the
/// first screen what the outlets disagree on (numbers, and who said what).</summary>
internal sealed partial class HtmlRenderer
{
    private void WriteDisagreements(StoryView v)
    {
        var disputed = v.Story.Facts.Where(f => f.Status == FactStatus.Disputed).ToList(); // a dispute between two parts is still a real disagreement
        var conflicts = v.Story.Quotes.Where(q => q.SpeakerConflict).ToList();
        if (disputed.Count == 0 && conflicts.Count == 0 && !HasWordDisputes(v)) return;

        w.Write("<section class=\"disagreements\" aria-labelledby=\"");
        T(v.Id("disagreements-h"));
        w.Write("\">\n<h3 id=\"");
        T(v.Id("disagreements-h"));
        w.Write("\">Where the sources disagree</h3>\n<ul>\n");
        foreach (var f in disputed)
        {
            w.Write("<li><a href=\"#");
            T(Html.Id("fact-", f.Id) + v.Suffix);
            w.Write("\"><b>");
            T(f.About);
            w.Write("</b></a>");
            WriteSpread(f, " <span class=\"vs\">vs</span> ");
            w.Write("</li>\n");
        }
        foreach (var q in conflicts)
        {
            w.Write("<li><a href=\"#");
            T(Html.Id("quote-", q.Id) + v.Suffix);
            w.Write("\"><b>Who said it:</b></a> <q>");
            T(q.Text.Length > 90 ? q.Text[..87].TrimEnd() + "…" : q.Text);
            w.Write("</q><p class=\"spread\">");
            // Each credited speaker once, with the sources that credit them.
            // Named speakers first (they are the conflict); unnamed descriptions ("police") after, in italics.
            var bySpeaker = new List<(string Name, bool Named, List<string> Docs)>();
            foreach (var o in q.Occurrences)
            {
                string? entity = index.EntityName(o.Speaker);
                string? name = entity ?? o.SpeakerLabel;
                if (name is null) continue;
                int at = bySpeaker.FindIndex(s => s.Name == name);
                if (at < 0) bySpeaker.Add((name, entity is not null, [o.Span.Doc]));
                else if (!bySpeaker[at].Docs.Contains(o.Span.Doc)) bySpeaker[at].Docs.Add(o.Span.Doc);
            }
            bySpeaker = [.. bySpeaker.OrderBy(s => s.Named ? 0 : 1)];
            for (int i = 0; i < bySpeaker.Count; i++)
            {
                if (i > 0) w.Write(bySpeaker[i].Named ? " <span class=\"vs\">vs</span> " : " <span class=\"sep\">·</span> ");
                w.Write(bySpeaker[i].Named ? "<span class=\"spread-item\"><b>" : "<span class=\"spread-item\"><b><i>");
                T(bySpeaker[i].Name);
                w.Write(bySpeaker[i].Named ? "</b> <span class=\"muted\">(" : "</i></b> <span class=\"muted\">(");
                T(string.Join(", ", bySpeaker[i].Docs.Select(index.SourceLabel)));
                w.Write(")</span></span>");
            }
            w.Write("</p></li>\n");
        }
        WriteWordDisputes(v);
        w.Write("</ul>\n</section>\n");
    }
}
