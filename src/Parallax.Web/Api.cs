using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Parallax.Model;
using Parallax.Store;

namespace Parallax.Web;

/// <summary>The JSON API under /api/: what the pages show, plus adding documents with the API key.</summary>
internal static class Api
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Map(WebApplication app)
    {
        var openapi = ReadOpenApi();
        app.MapRead("/api/openapi.json", () => Results.Bytes(openapi, "application/json; charset=utf-8"));
        app.MapRead("/api/stories", (HttpContext ctx, CorpusService corpus) =>
        {
            var q = ctx.Request.Query;
            DateOnly? since = null;
            if (!string.IsNullOrWhiteSpace(q["since"]))
            {
                if (!DateOnly.TryParseExact(q["since"].ToString(), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var d))
                    return Error(400, "since: not a date (yyyy-MM-dd)");
                since = d;
            }
            int limit = Int(q["limit"], 50, 1, 500), offset = Int(q["offset"], 0, 0, int.MaxValue);
            StoryCursor? after = null, before = null;
            if (!string.IsNullOrWhiteSpace(q["after"]))
            {
                if (!StoryCursor.TryParse(q["after"], out var c)) return Error(400, "after: not a cursor (give a story's cursor from an earlier answer)");
                after = c;
            }
            if (!string.IsNullOrWhiteSpace(q["before"]))
            {
                if (!StoryCursor.TryParse(q["before"], out var c)) return Error(400, "before: not a cursor (give a story's cursor from an earlier answer)");
                before = c;
            }
            if (SearchTerms.Problem(Text(q["q"])) is { } refused) return Error(400, "q: " + refused);
            var list = corpus.Stories(since, Text(q["q"]), Text(q["outlet"]), limit, offset, after, before, ctx.RequestAborted);
            return Results.Json(list.Select(s => new
            {
                id = s.Id,
                cursor = s.Cursor.ToString(),
                title = s.Title,
                firstDay = s.FirstDay?.ToString("yyyy-MM-dd", Invariant),
                lastDay = s.LastDay?.ToString("yyyy-MM-dd", Invariant),
                documents = s.Documents,
                sources = s.Sources,
                disputed = s.Disputed,
            }));
        });
        app.MapRead("/api/stories/{id}", (string id, CorpusService corpus) =>
            long.TryParse(id, NumberStyles.None, Invariant, out long n) && corpus.Story(n) is { } built
                ? Results.Bytes(built.Json, "application/json; charset=utf-8")
                : Error(404, "no such story"));
        app.MapRead("/api/documents/{id}", (string id, CorpusService corpus) =>
            corpus.Document(id) is { } found ? Results.Json(DocumentJson(found.Document, found.Story)) : Error(404, "no such document"));
        app.MapRead("/api/search", (HttpContext ctx, CorpusService corpus) =>
        {
            var q = Text(ctx.Request.Query["q"]);
            if (q is null) return Error(400, "q: give the words to find");
            if (SearchTerms.Problem(q) is { } refused) return Error(400, "q: " + refused);
            var hits = corpus.Search(q, Int(ctx.Request.Query["limit"], 20, 1, 200), ctx.RequestAborted);
            return Results.Json(hits.Select(h => new
            {
                kind = h.Kind,
                document = h.Document,
                story = h.Story,
                title = h.Title,
                snippet = h.Snippet.Replace(SearchHit.Open, "[", StringComparison.Ordinal).Replace(SearchHit.Close, "]", StringComparison.Ordinal),
            }));
        });
        app.MapPostAsync("/api/documents", PostDocuments);
    }

    private static async Task<IResult> PostDocuments(HttpContext ctx, CorpusService corpus, ServerOptions options, KeyAttempts attempts)
    {
        // The key is checked before the body is read: a refused request changes nothing and costs little.
        if (!options.WritesEnabled) return Error(403, "writing is disabled: the server was started without an API key");
        if (attempts.RetryAfter(ctx.Connection.RemoteIpAddress) is > 0 and var wait)
        {
            ctx.Response.Headers.RetryAfter = wait.ToString(Invariant);
            return Error(429, $"too many wrong API keys from this address; try again in {wait} s");
        }
        if (!ParallaxServer.KeyMatches(options, ParallaxServer.KeyFrom(ctx.Request)))
        {
            attempts.Failed(ctx.Connection.RemoteIpAddress);
            ctx.Response.Headers.WWWAuthenticate = "Bearer";
            return AddForm.RefuseUnread(Error(401, "missing or wrong API key (X-Api-Key or Authorization: Bearer)"));
        }
        var type = (ctx.Request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        string? ext = type switch
        {
            "text/plain" => ".txt",
            "text/html" or "application/xhtml+xml" => ".html",
            "application/jsonl" or "application/x-ndjson" or "application/x-jsonlines" or "application/jsonlines" => ".jsonl",
            "application/warc" => ".warc",
            _ => null,
        };
        if (ext is null) return Error(415, "Content-Type must be text/plain, text/html, application/x-ndjson (JSON Lines) or application/warc");
        if (ctx.Request.ContentLength > options.MaxFileBytes) return Error(413, $"body larger than {options.MaxFileBytes} bytes");
        byte[] body;
        try
        {
            using var ms = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = await ctx.Request.Body.ReadAsync(buffer, ctx.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (ms.Length + n > options.MaxFileBytes) return Error(413, $"body larger than {options.MaxFileBytes} bytes");
                ms.Write(buffer, 0, n);
            }
            body = ms.ToArray();
        }
        catch (BadHttpRequestException e) { return Error(e.StatusCode, "the body could not be read: " + e.Message); }
        if (body.Length == 0) return Error(400, "empty body");
        if (LooksBinary("body" + ext, body)) return Error(400, "the body is binary, not a text, HTML or JSON Lines report");
        var outcome = await corpus.IngestAsync([new Upload("body" + ext, body)], ctx.RequestAborted).ConfigureAwait(false);
        var result = new JsonObject
        {
            ["added"] = Array(outcome.Added, a => new JsonObject { ["id"] = a.Id, ["story"] = a.Story }),
            ["alreadyStored"] = outcome.AlreadyStored,
            ["rejected"] = Array(outcome.Rejected, r => new JsonObject { ["origin"] = r.Origin, ["reason"] = r.Reason }),
        };
        if (outcome.Added.Count == 0 && outcome.AlreadyStored == 0) return Results.Json(result, statusCode: 400);
        return Results.Json(result, statusCode: outcome.Added.Count > 0 ? 201 : 200);
    }

    /// <summary>
    /// True for bytes that cannot be a text report: a NUL or many control characters in the first 8 KB. The readers
    /// would decode such bytes as Windows-1252 and store noise, so the web refuses them up front. Web archives and
    /// gzip are binary by nature and are left to their reader; UTF-16 text with a byte-order mark is text.
    /// </summary>
    internal static bool LooksBinary(string name, byte[] bytes)
    {
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith(".warc", StringComparison.Ordinal) || lower.EndsWith(".gz", StringComparison.Ordinal)) return false;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) return false;
        int n = Math.Min(bytes.Length, 8192), control = 0;
        for (int i = 0; i < n; i++)
        {
            byte b = bytes[i];
            if (b == 0) return true;
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C) control++;
        }
        // Real text has next to none; 2 % leaves room for a stray form feed or escape in pasted copy.
        return control > n / 50;
    }

    internal static bool AllowedExtension(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.EndsWith(".warc.gz", StringComparison.Ordinal)
            || Path.GetExtension(lower) is ".txt" or ".text" or ".html" or ".htm" or ".jsonl" or ".warc";
    }

    private static object DocumentJson(Document d, long story)
    {
        var m = d.Metadata;
        return new
        {
            id = d.Id,
            story,
            origin = d.Origin,
            title = m.Title?.Value,
            outlet = m.Outlet?.Value,
            published = m.Published?.Value.ToString("yyyy-MM-dd", Invariant),
            url = m.Url,
            copyOf = d.CopyOf?.Original,
            text = d.Text,
            entities = Array(d.Entities, e => new JsonObject { ["start"] = e.Start, ["end"] = e.End, ["type"] = e.Type.ToString().ToLowerInvariant() }),
            quotes = Array(d.Quotes, q => new JsonObject { ["start"] = q.Content.Start, ["end"] = q.Content.End, ["speaker"] = q.SpeakerLabel }),
            quantities = Array(d.Quantities, q => new JsonObject { ["start"] = q.Start, ["end"] = q.End, ["kind"] = q.Kind.ToString().ToLowerInvariant(), ["value"] = q.Value, ["unit"] = q.Unit, ["about"] = q.About }),
            times = Array(d.Times, t => new JsonObject { ["start"] = t.Start, ["end"] = t.End, ["iso"] = t.Iso }),
            citations = Array(d.Citations, c => new JsonObject { ["start"] = c.Start, ["end"] = c.End, ["cites"] = c.Cites }),
            removed = Array(d.Removed, r => new JsonObject { ["text"] = r.Text, ["reason"] = r.Reason }),
        };
    }

    /// <summary>Small nested objects are written as JSON nodes, not anonymous objects: the published native executable
    /// has no code for the serializer's small-object converters of anonymous types (larger ones it has).</summary>
    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> item) => new([.. items.Select(i => (JsonNode?)item(i))]);

    private static IResult Error(int status, string message) => Results.Json(new JsonObject { ["error"] = message }, statusCode: status);

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static int Int(string? s, int fallback, int min, int max) =>
        int.TryParse(s, NumberStyles.None, Invariant, out int n) ? Math.Clamp(n, min, max) : fallback;

    private static byte[] ReadOpenApi()
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Parallax.Web.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
