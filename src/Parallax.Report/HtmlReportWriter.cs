using System.Globalization;
using System.Text;
using Parallax.Model;

namespace Parallax.Report;

/// <summary>
/// Writes the report as one self-contained HTML5 page: inline CSS, no script, no external resource, and a
/// Content-Security-Policy that forbids script, so even an encoding bug could not run code from an article.
/// </summary>
/// <remarks>
/// Per story, in this order: sources, disputed facts, accounts, agreed facts, single-source facts, quotes, entities,
/// timeline, citations, removed boilerplate; then skipped inputs. Sections of the first story have the plain ids
/// (<c>disputed-facts</c>, <c>agreed-facts</c>, <c>single-facts</c>, <c>quotes</c>, <c>entities</c>, <c>timeline</c>,
/// <c>citations</c>, …); later stories append <c>-{storyId}</c>, because ids must be unique in a page.
/// Output is written as it is produced (one pass, linear in the report size) and is deterministic.
/// </remarks>
public static class HtmlReportWriter
{
    /// <summary>The policy written into the page.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /// <summary>Writes the page to <paramref name="output"/> (not closed; flushed).</summary>
    /// <exception cref="ArgumentException">The analysis references an unknown document or holds an invalid span.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A span lies outside its document's text.</exception>
    public static void Write(CorpusAnalysis analysis, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var index = ReportIndex.Build(analysis);
        new HtmlRenderer(index, output).WritePage();
        output.Flush();
    }

    /// <summary>The report's style sheet, for a host that serves it as its own file (the web app) rather than inline.</summary>
    public static string Css => HtmlStyle.Css;

    /// <summary>Writes the page's body content only (the report header and its <c>&lt;main&gt;</c>), for a host page that
    /// brings its own head, navigation and policy (the web app's story page).</summary>
    /// <exception cref="ArgumentException">The analysis references an unknown document or holds an invalid span.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A span lies outside its document's text.</exception>
    public static void WriteBody(CorpusAnalysis analysis, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var index = ReportIndex.Build(analysis);
        new HtmlRenderer(index, output).WriteBody();
        output.Flush();
    }

    /// <summary>The page as a string.</summary>
    /// <exception cref="ArgumentException">The analysis references an unknown document or holds an invalid span.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A span lies outside its document's text.</exception>
    public static string ToHtml(CorpusAnalysis analysis)
    {
        using var sw = new StringWriter(new StringBuilder(16 * 1024), CultureInfo.InvariantCulture);
        Write(analysis, sw);
        return sw.ToString();
    }
}

/// <summary>One rendering of one report. Holds the writer and lookups; each section is a method.</summary>
internal sealed partial class HtmlRenderer(ReportIndex index, TextWriter w)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>What every section of a story needs: the story, each source's position (its colour), and the id suffix.</summary>
    private sealed class StoryView
    {
        public StoryView(Story story, string suffix)
        {
            Story = story;
            Suffix = suffix;
            for (int i = 0; i < story.Documents.Length; i++) Order.TryAdd(story.Documents[i], i);
        }

        public Story Story { get; }
        public string Suffix { get; }
        public Dictionary<string, int> Order { get; } = new(StringComparer.Ordinal);

        public string Id(string name) => name + Suffix;

        /// <summary>The facts of the story that are shown on their own (no <see cref="Fact.PartOf"/> link), by id.</summary>
        public HashSet<string> Wholes => wholes ??= Story.Facts.Where(f => f.PartOf is null).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        private HashSet<string>? wholes;

        /// <summary>The facts listed beside each fact, by that fact's id.</summary>
        public ILookup<string, Fact> Parts => parts ??= Story.Facts.Where(f => f.PartOf is not null).ToLookup(f => f.PartOf!, StringComparer.Ordinal);
        private ILookup<string, Fact>? parts;

        /// <summary>Position of a source in the story; a span from a document outside the story sorts last.</summary>
        public int Position(string docId) => Order.TryGetValue(docId, out int i) ? i : int.MaxValue;
    }

    public void WritePage()
    {
        var analysis = index.Analysis;
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // The policy comes before anything built from input.
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"");
        w.Write(HtmlReportWriter.ContentSecurityPolicy);
        w.Write("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"Parallax\">\n<title>");
        if (analysis.Stories.Length == 1)
        {
            w.Write("Parallax: ");
            T(analysis.Stories[0].Title);
        }
        else
        {
            w.Write("Parallax report: ");
            w.Write(Count(analysis.Stories.Length, "story", "stories"));
        }
        w.Write("</title>\n<style>\n");
        w.Write(HtmlStyle.Css);
        w.Write("</style>\n</head>\n<body>\n");

        WriteBody();
        w.Write("<footer class=\"wrap page-foot\"><p>Made by Parallax from ");
        w.Write(Count(analysis.Documents.Length, "document", "documents"));
        w.Write(". Offsets and the full texts are in report.json.</p></footer>\n</body>\n</html>\n");
    }

    /// <summary>The header and the main part: everything in the body but the footer.</summary>
    public void WriteBody()
    {
        var analysis = index.Analysis;
        WritePageHeader();
        w.Write("<main class=\"wrap\">\n");
        for (int i = 0; i < analysis.Stories.Length; i++)
        {
            var story = analysis.Stories[i];
            WriteStory(new StoryView(story, i == 0 ? "" : Html.Id("-", story.Id)));
        }
        WriteUnassigned();
        WriteSkipped();
        w.Write("</main>\n");
    }

    private void WritePageHeader()
    {
        var analysis = index.Analysis;
        w.Write("<header class=\"page-head\"><div class=\"wrap\">\n<p class=\"brand\">Parallax · what the coverage agrees and disagrees on</p>\n<h1>");
        if (analysis.Stories.Length == 1) T(analysis.Stories[0].Title);
        else
        {
            w.Write("Coverage report: ");
            w.Write(Count(analysis.Stories.Length, "story", "stories"));
        }
        w.Write("</h1>\n<p class=\"meta\">");
        w.Write(Count(analysis.Documents.Length, "document", "documents"));
        w.Write(" · ");
        w.Write(Count(analysis.Stories.Length, "story", "stories"));
        w.Write(" · <a href=\"#skipped\">");
        w.Write(Count(analysis.Skipped.Length, "skipped input", "skipped inputs"));
        w.Write("</a></p>\n");
        if (analysis.Stories.Length > 1)
        {
            w.Write("<nav aria-label=\"Stories\"><ol class=\"story-nav\">\n");
            foreach (var story in analysis.Stories)
            {
                w.Write("<li><a href=\"#");
                T(Html.Id("story-", story.Id));
                w.Write("\">");
                T(story.Title);
                w.Write("</a> <span class=\"muted\">");
                w.Write(Count(story.Facts.Count(f => f.Status == FactStatus.Disputed), "disputed fact", "disputed facts"));
                w.Write("</span></li>\n");
            }
            w.Write("</ol></nav>\n");
        }
        w.Write("</div></header>\n");
    }

    private void WriteStory(StoryView v)
    {
        var s = v.Story;
        int disputed = 0, agreed = 0, single = 0, conflicts = 0;
        foreach (var f in s.Facts)
        {
            if (Listed(v, f) && f.Status != FactStatus.Disputed) continue; // shown beside its fact; a dispute between parts still counts
            if (f.Status == FactStatus.Disputed) disputed++;
            else if (f.Status == FactStatus.Agreed) agreed++;
            else single++;
        }
        foreach (var q in s.Quotes) if (q.SpeakerConflict) conflicts++;

        w.Write("<article class=\"story\" id=\"");
        T(Html.Id("story-", s.Id));
        // With one story the page heading already is its title; the h2 stays for the outline but is not shown twice.
        w.Write(index.Analysis.Stories.Length == 1 ? "\">\n<h2 class=\"sr-only\">" : "\">\n<h2>");
        T(s.Title);
        w.Write(" <span class=\"story-id\">");
        T(s.Id);
        w.Write("</span></h2>\n<p class=\"glance\">");
        GlanceLink(v.Id("disputed-facts"), Count(disputed, "disputed fact", "disputed facts"), disputed > 0 ? "hot" : null);
        GlanceLink(v.Id("agreed-facts"), Count(agreed, "agreed", "agreed"), null);
        GlanceLink(v.Id("single-facts"), Count(single, "single-source", "single-source"), null);
        GlanceLink(v.Id("accounts"), Count(s.Accounts.Length, "account", "accounts"), null);
        GlanceLink(v.Id("quotes"), Count(s.Quotes.Length, "quote", "quotes")
            + (conflicts > 0 ? $" ({Count(conflicts, "speaker conflict", "speaker conflicts")})" : ""), conflicts > 0 ? "hot" : null);
        GlanceLink(v.Id("entities"), Count(s.Entities.Length, "entity", "entities"), null);
        GlanceLink(v.Id("timeline"), Count(s.Timeline.Length, "dated event", "dated events"), null);
        GlanceLink(v.Id("citations"), Count(s.Citations.Length, "citation", "citations"), null);
        w.Write("</p>\n");

        WriteDisagreements(v);
        WriteUpdates(v);
        WriteSources(v);
        WriteFactSection(v, FactStatus.Disputed);
        WriteFactSection(v, FactStatus.Updated);
        Folded(s.Accounts.Length, "accounts told side by side", () => WriteAccounts(v));
        Folded(agreed, "agreed facts", () => WriteFactSection(v, FactStatus.Agreed));
        WriteFactSection(v, FactStatus.Single);
        WriteQuotes(v);
        WriteEntities(v);
        WriteTimeline(v);
        WriteCitations(v);
        WriteRemoved(v);
        w.Write("</article>\n");
    }

    private void GlanceLink(string target, string text, string? cssClass)
    {
        w.Write("<a href=\"#");
        T(target);
        w.Write('"');
        if (cssClass is not null)
        {
            w.Write(" class=\"");
            w.Write(cssClass);
            w.Write('"');
        }
        w.Write('>');
        T(text);
        w.Write("</a>");
    }

    private void WriteSources(StoryView v)
    {
        SectionStart(v.Id("sources"), "sources", "Sources", v.Story.Documents.Length);
        w.Write("<div class=\"table-wrap\"><table class=\"sources-table\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Outlet</th><th scope=\"col\">Title</th><th scope=\"col\">Published</th><th scope=\"col\">File</th></tr></thead>\n<tbody>\n");
        foreach (var id in v.Story.Documents) WriteDocumentRow(index.Doc(id), v.Position(id));
        w.Write("</tbody></table></div>\n</section>\n");
    }

    private void WriteDocumentRow(Document doc, int position)
    {
        var meta = doc.Metadata;
        w.Write("<tr><td>");
        SourceChip(doc.Id, index.SourceLabel(doc.Id), position);
        w.Write("</td><td");
        SourcedTitle(meta.Outlet?.Source);
        w.Write('>');
        if (meta.Outlet?.Value is { } outlet) T(outlet);
        else w.Write("<span class=\"muted\">not named</span>");
        w.Write("</td><td");
        SourcedTitle(meta.Title?.Source);
        w.Write('>');
        if (meta.Title?.Value is { } title) T(title);
        else WriteOpening(doc);
        w.Write("</td><td class=\"nowrap\"");
        SourcedTitle(meta.Published?.Source);
        w.Write('>');
        if (meta.Published is { } published)
        {
            var iso = published.Value.ToString("O", Invariant);
            w.Write("<time datetime=\"");
            w.Write(iso);
            w.Write("\">");
            w.Write(iso);
            w.Write("</time>");
        }
        else w.Write("<span class=\"muted\">not stated</span>");
        w.Write("</td><td class=\"path\">");
        T(SourceNames.FileName(doc.Origin));
        w.Write("</td></tr>\n");
    }

    /// <summary>Says where a metadata value came from as a tooltip, so a title guessed from a file name can be judged.</summary>
    private void SourcedTitle(MetadataSource? source)
    {
        if (source is null or MetadataSource.None) return;
        w.Write(" title=\"");
        w.Write(SourceNames.Provenance(source.Value));
        w.Write('"');
    }

    private void WriteUnassigned()
    {
        var inStory = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in index.Analysis.Stories)
            foreach (var id in s.Documents) inStory.Add(id);
        var rest = index.Analysis.Documents.Where(d => !inStory.Contains(d.Id)).ToList();
        if (rest.Count == 0) return;

        SectionStart("unassigned", "unassigned", "Documents in no story", rest.Count);
        w.Write("<p class=\"note\">Read and cleaned, but not grouped with any other report of the same event.</p>\n");
        w.Write("<div class=\"table-wrap\"><table class=\"sources-table\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Outlet</th><th scope=\"col\">Title</th><th scope=\"col\">Published</th><th scope=\"col\">File</th></tr></thead>\n<tbody>\n");
        foreach (var doc in rest) WriteDocumentRow(doc, int.MaxValue);
        w.Write("</tbody></table></div>\n");
        foreach (var doc in rest) WriteRemovedFor(doc, int.MaxValue);
        w.Write("</section>\n");
    }

    private void WriteSkipped()
    {
        var skipped = index.Analysis.Skipped;
        SectionStart("skipped", "skipped", "Skipped inputs", skipped.Length);
        if (skipped.IsEmpty)
        {
            w.Write("<p class=\"empty\">Every input was read.</p>\n</section>\n");
            return;
        }
        w.Write("<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">Input</th><th scope=\"col\">Why it was skipped</th></tr></thead>\n<tbody>\n");
        foreach (var r in skipped)
        {
            w.Write("<tr><td class=\"path\">");
            T(SourceNames.FileName(r.Origin));
            w.Write("</td><td>");
            T(r.Reason);
            w.Write("</td></tr>\n");
        }
        w.Write("</tbody></table></div>\n</section>\n");
    }

    private void SectionStart(string id, string cssClass, string heading, int count)
    {
        w.Write("<section id=\"");
        T(id);
        w.Write("\" class=\"");
        w.Write(cssClass);
        w.Write("\">\n<h3>");
        w.Write(heading);
        w.Write(" <span class=\"count\">");
        w.Write(count.ToString(Invariant));
        w.Write("</span></h3>\n");
    }

    /// <summary>Opens a story section; when it has nothing to show, writes <paramref name="empty"/>, closes it and
    /// returns false; otherwise writes the explanatory <paramref name="note"/> (trusted markup) and returns true.</summary>
    private bool SectionWithNote(string id, string cssClass, string heading, int count, string empty, string note)
    {
        SectionStart(id, cssClass, heading, count);
        if (count == 0)
        {
            w.Write("<p class=\"empty\">");
            w.Write(empty);
            w.Write("</p>\n</section>\n");
            return false;
        }
        w.Write("<p class=\"note\">");
        w.Write(note);
        w.Write("</p>\n");
        return true;
    }

    /// <summary>A source's coloured chip; the tooltip names the document id and path.</summary>
    private void SourceChip(string docId, string label, int position)
    {
        w.Write("<span class=\"src ");
        w.Write(ColorClass(position));
        w.Write("\" title=\"");
        T(docId);
        if (index.TryDoc(docId, out var doc))
        {
            w.Write(" · ");
            T(SourceNames.FileName(doc.Origin));
        }
        w.Write("\">");
        T(label);
        w.Write("</span>");
    }

    /// <summary>The source's named chip (its id and file in the tooltip), used wherever a claim, quote or date is credited.</summary>
    private void Source(StoryView v, string docId) => SourceChip(docId, index.SourceLabel(docId), v.Position(docId));

    /// <summary>The source's colour as a card edge (the chip colour would tint the whole card).</summary>
    private static string EdgeClass(int position) =>
        position == int.MaxValue ? "edge-x" : "edge-" + (position % HtmlStyle.SourceColors).ToString(Invariant);

    private static string ColorClass(int position) =>
        position == int.MaxValue ? "src-x" : "src-" + (position % HtmlStyle.SourceColors).ToString(Invariant);

    private void T(string? text) => Html.Encode(w, text);

    private void T(ReadOnlySpan<char> text) => Html.Encode(w, text);

    private static string Count(int n, string one, string many) =>
        n.ToString(Invariant) + " " + (n == 1 ? one : many);
}
