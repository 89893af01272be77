using Parallax.Model;

namespace Parallax.Report;

/// <summary>Entities, timeline, citations and removed boilerplate: reference tables below the comparisons.</summary>
internal sealed partial class HtmlRenderer
{
    private void WriteEntities(StoryView v)
    {
        var entities = v.Story.Entities;
        SectionStart(v.Id("entities"), "entities", "Entities", entities.Length);
        if (entities.IsEmpty)
        {
            w.Write("<p class=\"empty\">No named people, organisations or places found.</p>\n</section>\n");
            return;
        }

        // Mentions counted per source from each entity's own mentions (sorted positions, then runs), so the work is
        // proportional to mentions, not entities × documents. Most mentioned entities first, stable for ties.
        var counts = new List<(int Position, int Count)>[entities.Length];
        var order = new int[entities.Length];
        for (int i = 0; i < entities.Length; i++)
        {
            var positions = entities[i].Mentions.Select(m => v.Position(m.Doc)).ToArray();
            Array.Sort(positions);
            var runs = new List<(int, int)>();
            for (int k = 0; k < positions.Length;)
            {
                int end = k;
                while (end < positions.Length && positions[end] == positions[k]) end++;
                runs.Add((positions[k], end - k));
                k = end;
            }
            counts[i] = runs;
            order[i] = i;
        }
        Array.Sort(order, (x, y) =>
        {
            int byCount = entities[y].Mentions.Length.CompareTo(entities[x].Mentions.Length);
            return byCount != 0 ? byCount : x.CompareTo(y);
        });

        CollapseStart(entities.Length, "entities");
        w.Write("<div class=\"table-wrap\"><table class=\"entity-table\">\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\">Also called</th><th scope=\"col\">Mentions by source</th><th scope=\"col\" class=\"num-col\">Total</th></tr></thead>\n<tbody>\n");
        foreach (int i in order)
        {
            var e = entities[i];
            w.Write("<tr id=\"");
            T(Html.Id("entity-", e.Id) + v.Suffix);
            w.Write("\"><td><b>");
            T(e.Name);
            w.Write("</b> <span class=\"fact-id\">");
            T(e.Id);
            w.Write("</span></td><td><span class=\"tag type-");
            w.Write(Names.Of(e.Type).ToLowerInvariant());
            w.Write("\">");
            w.Write(Names.Words(e.Type));
            w.Write("</span></td><td>");
            bool any = false;
            foreach (var alias in e.Aliases)
            {
                if (string.Equals(alias, e.Name, StringComparison.Ordinal)) continue;
                if (any) w.Write(", ");
                T(alias);
                any = true;
            }
            if (!any) w.Write("<span class=\"muted\">—</span>");
            w.Write("</td><td class=\"mention-counts\">");
            foreach (var (position, count) in counts[i])
            {
                if (position != int.MaxValue)
                {
                    var docId = v.Story.Documents[position];
                    SourceChip(docId, index.SourceLabel(docId), position);
                }
                else w.Write("<span class=\"src src-x\">other documents</span>");
                w.Write(" <span class=\"times\">×");
                w.Write(count.ToString(Invariant));
                w.Write("</span> ");
            }
            w.Write("</td><td class=\"num-col\">");
            w.Write(e.Mentions.Length.ToString(Invariant));
            w.Write("</td></tr>\n");
        }
        w.Write("</tbody></table></div>\n");
        CollapseEnd(entities.Length);
        w.Write("</section>\n");
    }

    private void WriteTimeline(StoryView v)
    {
        var entries = v.Story.Timeline;
        if (!SectionWithNote(v.Id("timeline"), "timeline", "Timeline", entries.Length,
                "No dated events found.",
                "Dates as precise as the text allows, in date order; the date expression is highlighted in its sentence.")) return;
        // ISO 8601 strings of mixed precision sort correctly as ordinal strings ("2019-07" before "2019-07-22").
        var sorted = entries.Select((e, i) => (Entry: e, Index: i))
            .OrderBy(x => x.Entry.Date, StringComparer.Ordinal)
            .ThenBy(x => v.Position(x.Entry.Span.Doc))
            .ThenBy(x => x.Entry.Span.Start)
            .ThenBy(x => x.Index);
        WriteTimeChart(v);
        CollapseStart(entries.Length, "dated sentences");
        w.Write("<div class=\"table-wrap\"><table class=\"timeline-table\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Source</th><th scope=\"col\">Sentence</th></tr></thead>\n<tbody>\n");
        foreach (var (e, _) in sorted)
        {
            w.Write("<tr><td class=\"nowrap\"><time datetime=\"");
            T(e.Date);
            w.Write("\">");
            T(e.Date);
            w.Write("</time> <span class=\"tag\">");
            w.Write(Names.Of(e.Precision));
            w.Write("</span></td><td>");
            Source(v, e.Span.Doc);
            w.Write("</td><td class=\"sentence-cell\">");
            WriteMarked(index.Doc(e.Sentence.Doc).Text, e.Sentence.Span, e.Span.Span, []);
            w.Write("</td></tr>\n");
        }
        w.Write("</tbody></table></div>\n");
        CollapseEnd(entries.Length);
        w.Write("</section>\n");
    }

    private void WriteCitations(StoryView v)
    {
        var citations = v.Story.Citations;
        if (!SectionWithNote(v.Id("citations"), "citations", "Citations", citations.Length,
                "No source credits another outlet, agency, person or document.",
                "Which source credits which: who each outlet says it got its information from.")) return;
        var sorted = citations.Select((c, i) => (Citation: c, Index: i))
            .OrderBy(x => v.Position(x.Citation.Span.Doc))
            .ThenBy(x => x.Citation.Span.Start)
            .ThenBy(x => x.Index);
        WriteCreditGraph(v);
        CollapseStart(citations.Length, "citations");
        w.Write("<div class=\"table-wrap\"><table class=\"citation-table\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Credits</th><th scope=\"col\">Sentence</th></tr></thead>\n<tbody>\n");
        foreach (var (c, _) in sorted)
        {
            var doc = index.Doc(c.Span.Doc);
            w.Write("<tr><td>");
            Source(v, c.Span.Doc);
            w.Write("</td><td><b>");
            T(c.Cites);
            w.Write("</b> <span class=\"tag\">");
            w.Write(Names.Of(c.Kind));
            w.Write("</span></td><td class=\"sentence-cell\">");
            WriteMarked(doc.Text, ContextOf(doc, c.Span.Span), c.Span.Span, []);
            w.Write("</td></tr>\n");
        }
        w.Write("</tbody></table></div>\n");
        CollapseEnd(citations.Length);
        w.Write("</section>\n");
    }

    /// <summary>When each source published, beside the dates the reports give (server-drawn SVG).</summary>
    private void WriteTimeChart(StoryView v)
    {
        var marks = new List<SvgCharts.Mark>();
        foreach (var id in v.Story.Documents)
            if (index.Doc(id).PublishedDate is { } published) marks.Add(new SvgCharts.Mark(published, index.SourceLabel(id), true));
        foreach (var e in v.Story.Timeline)
            if (e.Precision >= DatePrecision.Day && e.Date.Length >= 10
                && DateOnly.TryParseExact(e.Date.AsSpan(0, 10), "yyyy-MM-dd", Invariant, System.Globalization.DateTimeStyles.None, out var day))
                marks.Add(new SvgCharts.Mark(day, index.SourceLabel(e.Span.Doc), false));
        var svg = SvgCharts.TimeChart(marks, "When each source published, and the days the reports describe");
        if (svg.Length == 0) return;
        w.Write("<figure class=\"chart-wrap\">");
        w.Write(svg); // built from encoded text only (SvgCharts)
        w.Write("<figcaption>Publication dates above the line; days the reports describe below it.</figcaption></figure>\n");
    }

    /// <summary>Which source credits which, as a graph (server-drawn SVG).</summary>
    private void WriteCreditGraph(StoryView v)
    {
        var credits = v.Story.Citations
            .GroupBy(c => (Source: index.SourceLabel(c.Span.Doc), c.Cites, c.Kind))
            .Select(g => new SvgCharts.Credit(g.Key.Source, g.Key.Cites, g.Key.Kind, g.Count()))
            .ToList();
        var sources = v.Story.Documents.Select(index.SourceLabel).Distinct().ToList();
        var svg = SvgCharts.CreditGraph(sources, credits, "Which source credits which");
        if (svg.Length == 0) return;
        w.Write("<figure class=\"chart-wrap\">");
        w.Write(svg); // built from encoded text only (SvgCharts)
        w.Write("<figcaption>Each line: a source credits a name for information; the number counts the sources that credit it.</figcaption></figure>\n");
    }

    private void WriteRemoved(StoryView v)
    {
        int total = 0;
        foreach (var id in v.Story.Documents) total += index.Doc(id).Removed.Length;
        SectionStart(v.Id("removed"), "removed", "Removed as boilerplate", total);
        w.Write("<p class=\"note\">Lines taken out of each text before analysis, with the rule that took them out. Check here if something seems missing.</p>\n");
        foreach (var id in v.Story.Documents) WriteRemovedFor(index.Doc(id), v.Position(id));
        w.Write("</section>\n");
    }

    private void WriteRemovedFor(Document doc, int position)
    {
        if (doc.Removed.IsEmpty)
        {
            w.Write("<p class=\"removed-none\">");
            SourceChip(doc.Id, index.SourceLabel(doc.Id), position);
            w.Write(" <span class=\"muted\">nothing removed</span></p>\n");
            return;
        }
        w.Write("<details class=\"removed-doc\"><summary>");
        SourceChip(doc.Id, index.SourceLabel(doc.Id), position);
        w.Write(' ');
        w.Write(Count(doc.Removed.Length, "passage removed", "passages removed"));
        w.Write("</summary>\n<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Removed text</th></tr></thead>\n<tbody>\n");
        foreach (var r in doc.Removed)
        {
            w.Write("<tr><td class=\"nowrap\">");
            T(r.Reason);
            w.Write("</td><td class=\"removed-text\">");
            T(r.Text);
            w.Write("</td></tr>\n");
        }
        w.Write("</tbody></table></div>\n</details>\n");
    }
}
