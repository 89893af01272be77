using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Parallax.Model;
using Parallax.Report;
using Parallax.Store;

namespace Parallax.Web;

/// <summary>The server-rendered pages: stories, one story, one document, add reports, not found.</summary>
internal static class Pages
{
    public const int PageSize = 25;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Map(WebApplication app)
    {
        app.MapRead("/", (HttpContext ctx, CorpusService corpus) => StoriesPage(ctx, corpus));
        app.MapRead("/stories", (HttpContext ctx, CorpusService corpus) => StoriesPage(ctx, corpus));
        app.MapRead("/stories/{id}", (string id, CorpusService corpus) => StoryPage(id, corpus));
        app.MapRead("/documents/{id}", (string id, CorpusService corpus) => DocumentPage(id, corpus));
        app.MapRead("/add", (ServerOptions options) => Html(AddPage(options, null, null), 200));
        app.MapPostAsync("/add", AddPost);
    }

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    public static string NotFound(string what) =>
        new Page("Not found").Header("Not found").Raw("<main class=\"wrap\"><p>").T(what)
            .Raw(" <a href=\"/\">Back to the stories</a>.</p></main>\n").End();

    private static IResult StoriesPage(HttpContext ctx, CorpusService corpus)
    {
        var q = ctx.Request.Query;
        string? query = Clean(q["q"]), outlet = Clean(q["outlet"]), sinceText = Clean(q["since"]);
        // Paging: "Older" and "Newer" links carry the cursor of the last or first story shown (an index seek however deep);
        // page=N (counting from the top) still works for old links, at a cost that grows with N.
        int pageNo = int.TryParse(q["page"], NumberStyles.None, Invariant, out int p) && p > 0 ? Math.Min(p, 100_000) : 1;
        StoryCursor? after = StoryCursor.TryParse(q["after"], out var a) ? a : null, before = StoryCursor.TryParse(q["before"], out var b) ? b : null;
        if (after is not null) before = null;
        string? error = null;
        DateOnly? since = null;
        if (sinceText is not null)
        {
            if (DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var d)) since = d;
            else error = $"'{sinceText}' is not a date (yyyy-MM-dd); the date filter was ignored.";
        }
        int offset = after is null && before is null ? (pageNo - 1) * PageSize : 0;
        // Too many words: said at once, and nothing is searched (a slow search is stopped by the store, see Create).
        var ct = ctx.RequestAborted;
        string? refused = SearchTerms.Problem(query);
        if (refused is not null) (error, query) = (Upper(refused) + ".", null);
        IReadOnlyList<StorySummary> list = refused is not null ? [] : corpus.Stories(since, query, outlet, PageSize + 1, offset, after, before, ct);
        bool newer, older;
        if (before is not null)
        {
            // The stories right before the cursor, latest first: one more than a page means there are newer ones still.
            newer = list.Count > PageSize;
            if (newer) list = list.Skip(1).ToList();
            else if (list.Count < PageSize)
            {
                // Back at the top with a short page: show the full first page instead.
                list = corpus.Stories(since, query, outlet, PageSize + 1, 0, null, null, ct);
                before = null;
            }
            older = true;
        }
        else
        {
            older = list.Count > PageSize;
            newer = after is not null || pageNo > 1;
        }
        bool top = after is null && before is null && pageNo == 1;
        var shown = list.Take(PageSize).ToList();

        var page = new Page("Stories").Header("Stories", "Newest first. Each story is one event, told by several outlets.");
        page.Raw("<main class=\"wrap\">\n<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">\n");
        page.Raw("<label>Search words (up to ").N(SearchTerms.MaxTerms).Raw(")<input type=\"search\" name=\"q\" value=\"").T(query ?? Clean(q["q"])).Raw("\" placeholder=\"e.g. bridge collapse\"></label>\n");
        page.Raw("<label>News on or after<input type=\"date\" name=\"since\" value=\"").T(since?.ToString("yyyy-MM-dd", Invariant)).Raw("\"></label>\n");
        page.Raw("<label>Outlet<input type=\"text\" name=\"outlet\" value=\"").T(outlet).Raw("\" placeholder=\"e.g. Reuters\"></label>\n");
        page.Raw("<button type=\"submit\">Filter</button> <a href=\"/\">Clear</a>\n</form>\n");
        if (error is not null) page.Raw("<p class=\"message error\" role=\"alert\">").T(error).Raw("</p>\n");

        if (list.Count == 0)
            page.Raw("<p class=\"empty\">").T(query is null && outlet is null && since is null && top
                ? "The corpus has no stories yet." : "No stories match.").Raw(" <a href=\"/add\">Add reports</a>.</p>\n");
        else
        {
            page.Raw("<div class=\"table-wrap\"><table class=\"stories-table\">\n<caption class=\"sr-only\">Stories, newest first</caption>\n")
                .Raw("<thead><tr><th scope=\"col\">Story</th><th scope=\"col\">Dates</th><th scope=\"col\">Reports</th><th scope=\"col\">Sources</th><th scope=\"col\">Disputed facts</th></tr></thead>\n<tbody>\n");
            foreach (var s in shown)
            {
                // data-label: the column's name, shown beside each value when a phone lays a row out as a card.
                page.Raw("<tr><td><a href=\"/stories/").N(s.Id).Raw("\">").T(s.Title.Length > 0 ? s.Title : "(untitled)").Raw("</a></td><td class=\"nowrap\" data-label=\"Dates\">")
                    .T(Span(s.FirstDay, s.LastDay)).Raw("</td><td class=\"num\" data-label=\"Reports\">").N(s.Documents).Raw("</td><td class=\"num\" data-label=\"Sources\">").N(s.Sources)
                    .Raw(s.Disputed > 0 ? "</td><td class=\"num hot\" data-label=\"Disputed\">" : "</td><td class=\"num\" data-label=\"Disputed\">").N(s.Disputed).Raw("</td></tr>\n");
            }
            page.Raw("</tbody></table></div>\n");
        }
        if (shown.Count > 0 && (newer || older))
        {
            page.Raw("<nav class=\"pager\" aria-label=\"Pages\">");
            if (newer) page.Raw("<a rel=\"prev\" href=\"").T(PageLink(query, since, outlet, "before", shown[0].Cursor)).Raw("\">← Newer</a>");
            if (older) page.Raw("<a rel=\"next\" href=\"").T(PageLink(query, since, outlet, "after", shown[^1].Cursor)).Raw("\">Older →</a>");
            page.Raw("</nav>\n");
        }
        if (query is not null && top)
        {
            var hits = corpus.Search(query, 20, ct);
            page.Raw("<section><h2>Matching reports and quotes</h2>\n");
            if (hits.Count == 0) page.Raw("<p class=\"empty\">No report or quote contains every word.</p>\n");
            else
            {
                page.Raw("<ol class=\"hits\">\n");
                foreach (var h in hits)
                {
                    page.Raw("<li><a href=\"/documents/").T(h.Document).Raw("\">").T(h.Title.Length > 0 ? h.Title : h.Document).Raw("</a> <span class=\"muted\">")
                        .T(h.Kind).Raw(" · <a href=\"/stories/").N(h.Story).Raw("\">story ").N(h.Story).Raw("</a></span><br>");
                    Snippet(page, h.Snippet);
                    page.Raw("</li>\n");
                }
                page.Raw("</ol>\n");
            }
            page.Raw("</section>\n");
        }
        page.Raw("</main>\n");
        return Html(page.End(), 200);
    }

    /// <summary>The snippet with its matches in &lt;b&gt;: split on the store's markers, each piece encoded.</summary>
    private static void Snippet(Page page, string snippet)
    {
        // The markers alternate open, close: odd pieces are matches.
        var parts = snippet.Split([SearchHit.Open, SearchHit.Close], StringSplitOptions.None);
        for (int i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1) page.Raw("<b>").T(parts[i]).Raw("</b>");
            else page.T(parts[i]);
        }
    }

    private static string PageLink(string? q, DateOnly? since, string? outlet, string direction, StoryCursor cursor)
    {
        var parts = new List<string>();
        if (q is not null) parts.Add("q=" + Uri.EscapeDataString(q));
        if (since is { } s) parts.Add("since=" + s.ToString("yyyy-MM-dd", Invariant));
        if (outlet is not null) parts.Add("outlet=" + Uri.EscapeDataString(outlet));
        parts.Add(direction + "=" + cursor);
        return "/?" + string.Join("&", parts);
    }

    private static string Span(DateOnly? first, DateOnly? last)
    {
        string F(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);
        if (first is null && last is null) return "undated";
        if (first is { } a && last is { } b && a != b) return F(a) + " – " + F(b);
        return F((first ?? last)!.Value);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IResult StoryPage(string idText, CorpusService corpus)
    {
        if (!long.TryParse(idText, NumberStyles.None, Invariant, out long id)) return Html(NotFound("There is no such story."), 404);
        var built = corpus.Story(id);
        if (built is null) return Html(NotFound("There is no such story."), 404);
        if (built.Page is { } cached) return Results.Bytes(cached, "text/html; charset=utf-8");
        var story = built.Analysis.Stories[0];
        var page = new Page(story.Title);
        page.Raw(built.BodyHtml);
        page.Raw("<nav class=\"wrap\" aria-label=\"Documents of this story\"><h2>Read each report</h2><ul>\n");
        foreach (var d in built.Analysis.Documents)
            page.Raw("<li><a href=\"/documents/").T(d.Id).Raw("\">").T(SourceNames.Of(d)).Raw("</a> — ")
                .T(d.Metadata.Title?.Value ?? SourceNames.FileName(d.Origin)).Raw("</li>\n");
        page.Raw("</ul><p><a href=\"/api/stories/").N(id).Raw("\">This story as JSON</a></p></nav>\n");
        var bytes = System.Text.Encoding.UTF8.GetBytes(page.End());
        built.Page = bytes;
        return Results.Bytes(bytes, "text/html; charset=utf-8");
    }

    private static IResult DocumentPage(string id, CorpusService corpus)
    {
        if (corpus.Document(id) is not { } found) return Html(NotFound("There is no such document."), 404);
        var (doc, story) = found;
        var meta = doc.Metadata;
        var heading = meta.Title?.Value ?? "A report from " + SourceNames.Of(doc);
        var page = new Page(heading).Header(heading, SourceNames.Of(doc) + (meta.Outlet is null ? " · outlet not named" : ""));
        page.Raw("<main class=\"wrap\">\n<p><a href=\"/stories/").N(story).Raw("\">← The story this report belongs to</a></p>\n");
        page.Raw("<section><h2>Metadata</h2>\n<dl class=\"meta-list\">\n");
        Meta(page, "Title", meta.Title?.Value, meta.Title?.Source);
        Meta(page, "Outlet", meta.Outlet?.Value, meta.Outlet?.Source);
        Meta(page, "Published", meta.Published?.Value.ToString("yyyy-MM-dd", Invariant), meta.Published?.Source);
        Meta(page, "Modified", meta.Modified?.Value.ToString("yyyy-MM-dd", Invariant), meta.Modified?.Source);
        Meta(page, "Authors", meta.Authors is { } au ? string.Join(", ", au.Value) : null, meta.Authors?.Source);
        Meta(page, "Language", meta.Language?.Value, meta.Language?.Source);
        Meta(page, "Address", meta.Url, null);
        Meta(page, "Read from", SourceNames.FileName(doc.Origin), null);
        if (doc.CopyOf is { } c)
            Meta(page, "Copy of", $"{c.Original} ({c.Similarity:P0} of the wording shared)", null);
        page.Raw("</dl>\n</section>\n");

        page.Raw("<section><h2>Text</h2>\n<p class=\"legend note\"><span class=\"ent ent-person\">person</span> <span class=\"ent\">organisation</span> ")
            .Raw("<span class=\"ent ent-place\">place</span> <span class=\"qt\">quote</span> <span class=\"num\">number or date</span> <span class=\"cite\">citation</span></p>\n")
            .Raw("<div class=\"doc-text\">");
        Highlighted(page, doc);
        page.Raw("</div>\n</section>\n");

        page.Raw("<section><h2>Removed as boilerplate</h2>\n");
        if (doc.Removed.IsEmpty) page.Raw("<p class=\"empty\">Nothing was removed.</p>\n");
        else
        {
            page.Raw("<details><summary>").N(doc.Removed.Length).Raw(doc.Removed.Length == 1 ? " passage removed" : " passages removed")
                .Raw("</summary>\n<div class=\"table-wrap\"><table>\n<caption class=\"sr-only\">Passages removed as boilerplate, with the rule that removed each</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Removed text</th></tr></thead><tbody>\n");
            foreach (var r in doc.Removed) page.Raw("<tr><td>").T(r.Reason).Raw("</td><td>").T(r.Text).Raw("</td></tr>\n");
            page.Raw("</tbody></table></div></details>\n");
        }
        page.Raw("</section>\n<p><a href=\"/api/documents/").T(doc.Id).Raw("\">This document as JSON</a></p>\n</main>\n");
        return Html(page.End(), 200);
    }

    private static void Meta(Page page, string name, string? value, MetadataSource? source)
    {
        if (string.IsNullOrEmpty(value)) return;
        page.Raw("<dt>").T(name).Raw("</dt><dd>").T(value);
        if (source is { } s && s != MetadataSource.None) page.Raw(" <span class=\"muted\">(").T(SourceNames.Provenance(s)).Raw(")</span>");
        page.Raw("</dd>\n");
    }

    /// <summary>The text cut at every annotation boundary; each piece carries the classes of the spans covering it,
    /// so overlapping annotations never produce badly nested tags.</summary>
    private static void Highlighted(Page page, Document doc)
    {
        var spans = new List<(int Start, int End, string Css)>();
        foreach (var e in doc.Entities)
            spans.Add((e.Start, e.End, e.Type switch { EntityType.Person => "ent ent-person", EntityType.Place => "ent ent-place", _ => "ent" }));
        foreach (var qt in doc.Quotes) spans.Add((qt.Content.Start, qt.Content.End, "qt"));
        foreach (var n in doc.Quantities) spans.Add((n.Start, n.End, "num"));
        foreach (var t in doc.Times) spans.Add((t.Start, t.End, "num"));
        foreach (var c in doc.Citations) spans.Add((c.Start, c.End, "cite"));
        int len = doc.Text.Length;
        var cuts = new SortedSet<int> { 0, len };
        foreach (var (s, e, _) in spans)
        {
            cuts.Add(Math.Clamp(s, 0, len));
            cuts.Add(Math.Clamp(e, 0, len));
        }
        int prev = -1;
        foreach (int cut in cuts)
        {
            if (prev >= 0 && cut > prev)
            {
                var classes = spans.Where(x => x.Start <= prev && x.End >= cut).Select(x => x.Css).Distinct().ToList();
                if (classes.Count == 0) page.T(doc.Text.AsSpan(prev, cut - prev));
                else page.Raw("<span class=\"").T(string.Join(' ', classes)).Raw("\">").T(doc.Text.AsSpan(prev, cut - prev)).Raw("</span>");
            }
            prev = cut;
        }
    }

    public static string AddPage(ServerOptions options, string? message, bool? ok, string? pasted = null, string? pastedTitle = null, string? pastedOutlet = null)
    {
        var page = new Page("Add reports").Header("Add reports", "New reports are analysed, placed in a story, and the story pages update.");
        page.Raw("<main class=\"wrap\">\n");
        if (message is not null)
            page.Raw(ok == true ? "<div class=\"message ok\" role=\"status\">" : "<div class=\"message error\" role=\"alert\">").Raw(message).Raw("</div>\n");
        if (!options.WritesEnabled)
        {
            page.Raw("<p class=\"message error\">Adding reports is turned off: start the server with --api-key (or PARALLAX_API_KEY) to allow it.</p>\n</main>\n");
            return page.End();
        }
        // The key comes first: the server checks it before reading anything else of the form.
        page.Raw("<form method=\"post\" action=\"/add\" enctype=\"multipart/form-data\">\n")
            .Raw("<fieldset><legend>Permission</legend>\n<label>API key<input type=\"password\" name=\"key\" autocomplete=\"off\" required></label>\n</fieldset>\n")
            .Raw("<fieldset><legend>Files</legend>\n")
            .Raw("<label>Reports (.txt, .html, .jsonl, .warc, .warc.gz; up to ").N(options.MaxFiles).Raw(" files, ").N(options.MaxFileBytes / (1024 * 1024))
            .Raw(" MB each)<input type=\"file\" name=\"files\" multiple accept=\".txt,.text,.html,.htm,.jsonl,.warc,.gz\"></label>\n</fieldset>\n")
            .Raw("<fieldset><legend>Or paste a report</legend>\n")
            .Raw("<label>Title (optional)<input type=\"text\" name=\"title\" maxlength=\"").N(PastedReport.MaxFieldChars).Raw("\" value=\"").T(pastedTitle).Raw("\"></label>\n")
            .Raw("<label>Outlet (optional)<input type=\"text\" name=\"outlet\" maxlength=\"").N(PastedReport.MaxFieldChars).Raw("\" value=\"").T(pastedOutlet).Raw("\"></label>\n")
            .Raw("<label for=\"paste\">Plain text: without a title above, the first line may be the title</label>\n<textarea id=\"paste\" name=\"text\">")
            .T(pasted).Raw("</textarea>\n</fieldset>\n")
            .Raw("<button type=\"submit\">Add</button>\n</form>\n</main>\n");
        return page.End();
    }

    private static async Task<IResult> AddPost(HttpContext ctx, CorpusService corpus, ServerOptions options, KeyAttempts attempts)
    {
        if (!options.WritesEnabled) return Html(AddPage(options, null, null), 403);
        var client = ctx.Connection.RemoteIpAddress;
        if (attempts.RetryAfter(client) is > 0 and var wait)
        {
            ctx.Response.Headers.RetryAfter = wait.ToString(Invariant);
            return Html(AddPage(options, Enc($"Too many wrong API keys from this address; try again in {wait} seconds. Nothing was added."), false), 429);
        }
        AddForm.Result read;
        try { read = await AddForm.ReadAsync(ctx.Request, options, key => ParallaxServer.KeyMatches(options, key), ctx.RequestAborted).ConfigureAwait(false); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Html(AddPage(options, Enc($"The upload is larger than {options.MaxRequestBytes / (1024 * 1024)} MB in all; nothing was added."), false), 413);
        }
        if (read.Status == 401)
        {
            attempts.Failed(client);
            return AddForm.RefuseUnread(Html(AddPage(options, "The API key is missing or wrong; nothing was added.", false), 401));
        }
        if (read.Form is not { } form) return Html(AddPage(options, Enc(read.Problem ?? "The form could not be read; nothing was added."), false), read.Status);
        string? pasted = form["text"].ToString();
        string? pastedTitle = form["title"].ToString(), pastedOutlet = form["outlet"].ToString();

        var (uploads, problem, status) = Collect(form, options);
        if (problem is not null) return Html(AddPage(options, Enc(problem), false, pasted, pastedTitle, pastedOutlet), status);
        var outcome = await corpus.IngestAsync(uploads, ctx.RequestAborted).ConfigureAwait(false);
        var msg = new System.Text.StringBuilder();
        if (outcome.Added.Count > 0)
        {
            msg.Append(Enc($"Added {outcome.Added.Count} report(s): "));
            foreach (var (id, story) in outcome.Added)
                msg.Append("<a href=\"/documents/").Append(Enc(id)).Append("\">").Append(Enc(id)).Append("</a> in <a href=\"/stories/")
                    .Append(story.ToString(Invariant)).Append("\">story ").Append(story.ToString(Invariant)).Append("</a>. ");
        }
        if (outcome.AlreadyStored > 0) msg.Append(Enc($"{outcome.AlreadyStored} already stored (same text). "));
        foreach (var r in outcome.Rejected) msg.Append(Enc($"Skipped {SourceNames.FileName(r.Origin)}: {r.Reason}. "));
        bool ok = outcome.Added.Count > 0 || outcome.AlreadyStored > 0;
        return Html(AddPage(options, msg.ToString(), ok), ok ? 200 : 400);
    }

    /// <summary>The form's files and pasted text as uploads, or the first problem with them and its status.</summary>
    internal static (List<Upload> Uploads, string? Problem, int Status) Collect(IFormCollection form, ServerOptions options)
    {
        var uploads = new List<Upload>();
        var files = form.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (files.Count > options.MaxFiles) return (uploads, $"Too many files ({files.Count}); at most {options.MaxFiles} at once. Nothing was added.", 400);
        foreach (var f in files)
        {
            var name = CorpusService.SafeName(f.FileName);
            if (!Api.AllowedExtension(name)) return (uploads, $"{name}: not a file type Parallax reads (.txt, .html, .jsonl, .warc, .warc.gz). Nothing was added.", 415);
            if (f.Length == 0) return (uploads, $"{name} is empty. Nothing was added.", 400);
            if (f.Length > options.MaxFileBytes) return (uploads, $"{name} is larger than {options.MaxFileBytes / (1024 * 1024)} MB. Nothing was added.", 413);
            using var ms = new MemoryStream((int)f.Length);
            f.CopyTo(ms);
            var bytes = ms.ToArray();
            if (Api.LooksBinary(name, bytes)) return (uploads, $"{name} is binary, not a text, HTML or JSON Lines report. Nothing was added.", 400);
            uploads.Add(new Upload(name, bytes));
        }
        var text = form["text"].ToString();
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (text.Length > options.MaxPasteChars) return (uploads, $"The pasted text is longer than {options.MaxPasteChars:N0} characters. Nothing was added.", 413);
            uploads.Add(PastedReport.Upload(text, form["title"].ToString(), form["outlet"].ToString()));
        }
        if (uploads.Count == 0) return (uploads, "Choose a file or paste a report first. Nothing was added.", 400);
        return (uploads, null, 200);
    }

    private static string Upper(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Enc(string s) => System.Net.WebUtility.HtmlEncode(s);
}
