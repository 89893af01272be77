using System.Globalization;
using Parallax.Ingest.Decoding;
using Parallax.Ingest.Warc;
using Parallax.Model;

namespace Parallax.Ingest.Readers;

/// <summary>
/// Reads .warc and .warc.gz files: each HTTP "response" (or "resource") record holding an HTML page with a 2xx status
/// becomes a document whose origin is "file#byte=OFFSET" (the offset of the record, in the decompressed stream for
/// .warc.gz), with WARC-Target-URI as its URL and WARC-Date as its retrieval date. Request, metadata and warcinfo
/// records are passed over silently; responses that are not pages are counted in one summary rejection per file;
/// broken records are rejected with their offset and the file is read on.
/// </summary>
internal sealed class WarcDocumentReader(IngestOptions options, DraftBuilder builder)
{
    public IEnumerable<ReadResult> Read(string path, string origin, CancellationToken ct)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return [new Rejection(origin, ex.Message)];
        }
        return ReadStream(stream, origin, ct);
    }

    /// <summary>Reads a WARC stream (plain or gzip), disposing it at the end.</summary>
    public IEnumerable<ReadResult> ReadStream(Stream stream, string origin, CancellationToken ct)
    {
        using (stream)
        {
            var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int records = 0, problems = 0, pages = 0;
            foreach (var entry in WarcReader.Read(stream, WantBlock, options.MaxFileBytes, ct))
            {
                var at = $"{origin}#byte={entry.Offset.ToString(CultureInfo.InvariantCulture)}";
                if (entry.Record is not { } record)
                {
                    problems++;
                    yield return new Rejection(at, entry.Problem ?? "unreadable record");
                    continue;
                }
                records++;
                if (record.Block is null) continue; // not a record type that can hold a page
                var (payload, skipReason) = Payload(record, at);
                if (skipReason is not null)
                {
                    skipped[skipReason] = skipped.GetValueOrDefault(skipReason) + 1;
                    continue;
                }
                pages++;
                if (payload is { } p) yield return ReadResult.Deferred(() => FromPayload(record, p, at));
                else yield return new Rejection(at, "unreadable payload");
            }
            if (records == 0 && problems == 0) yield return new Rejection(origin, "no WARC records");
            // A file of only warcinfo/request/metadata records (or one cut short after them) gave nothing: say so, so the
            // file is never silently dropped.
            else if (pages == 0 && problems == 0 && skipped.Count == 0)
                yield return new Rejection(origin, $"no HTML pages in {records} WARC {(records == 1 ? "record" : "records")}");
            if (skipped.Count > 0)
            {
                int total = skipped.Values.Sum();
                var why = string.Join(", ", skipped.Select(kv => $"{kv.Key}: {kv.Value}"));
                yield return new Rejection(origin, $"{total} response {(total == 1 ? "record" : "records")} without a page skipped ({why})");
            }
        }
    }

    /// <summary>Only responses and resources can hold a page; everything else is skipped unread.</summary>
    private static bool WantBlock(IReadOnlyDictionary<string, string> headers)
    {
        if (!headers.TryGetValue("WARC-Type", out var type)) return false;
        return type.Equals("response", StringComparison.OrdinalIgnoreCase) || type.Equals("resource", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The HTML bytes and charset of a record (cheap; run in reading order), or why it holds no page.
    /// A broken payload comes back as a deferred rejection so it keeps its place.</summary>
    private (HttpBody? Body, string? Skip) Payload(WarcRecord record, string at)
    {
        var contentType = record.Header("Content-Type") ?? "";
        HttpBody body;
        if (record.Type == "response")
        {
            if (!contentType.StartsWith("application/http", StringComparison.OrdinalIgnoreCase)) return (null, "not an HTTP response");
            body = HttpPayload.FromResponse(record.Block!, options.MaxFileBytes);
        }
        else
        {
            // A resource record's block is the file itself, typed by the record's own Content-Type.
            var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
            bool html = media is "text/html" or "application/xhtml+xml" || (media.Length == 0 && HttpPayload.LooksLikeHtml(record.Block));
            body = html ? new HttpBody(record.Block.AsMemory(), HttpPayload.CharsetOf(contentType), null, null)
                : new HttpBody(null, null, $"not HTML ({(media.Length == 0 ? "no Content-Type" : media)})", null);
        }
        if (body.Skipped is not null) return (null, body.Skipped);
        return (body, null);
    }

    /// <summary>Decode, extract and describe one page (the expensive part; may run on another core).</summary>
    private ReadResult FromPayload(WarcRecord record, HttpBody body, string at)
    {
        if (body.Error is not null) return new Rejection(at, body.Error);
        var decoded = TextDecoder.DecodeHtml(body.Body!.Value.Span, body.Charset);
        if (!decoded.IsText) return new Rejection(at, "binary payload");
        var url = record.Header("WARC-Target-URI")?.Trim('<', '>'); // WARC 1.0 examples wrap the URI in angle brackets
        Uri.TryCreate(url, UriKind.Absolute, out var pageUri);
        var given = new DocumentMetadata
        {
            Url = pageUri?.ToString() ?? (string.IsNullOrWhiteSpace(url) ? null : url),
            Retrieved = ParseWarcDate(record.Header("WARC-Date")),
        };
        return builder.FromHtml(at, decoded.Text, given, pageUri, fileName: null);
    }

    /// <summary>WARC-Date is W3C-ISO8601 in UTC ("2019-07-23T10:11:12Z", WARC 1.1 allows fractions).</summary>
    internal static DateOnly? ParseWarcDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
            ? DateOnly.FromDateTime(d.UtcDateTime)
            : null;
}
