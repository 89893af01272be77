using System.Text;
using System.Text.Json;
using Parallax.Ingest.Decoding;
using Parallax.Ingest.Html;
using Parallax.Model;

namespace Parallax.Ingest.Readers;

/// <summary>
/// Reads articles from JSON: JSON Lines (.jsonl, .ndjson: one object per line, streamed) and .json files (one object,
/// an array of objects, or JSON Lines under a .json name). A record has "text" or "html", and optionally "id", "url",
/// "outlet", "title" and "published" (ISO date or date-time). A bad record is rejected with its line number; the rest
/// of the file is still read.
/// </summary>
internal sealed class JsonRecordReader(IngestOptions options, DraftBuilder builder)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    /// <summary>Streams a JSON Lines file; each line is limited to <see cref="IngestOptions.MaxFileBytes"/>.</summary>
    public IEnumerable<ReadResult> ReadLines(string path, string origin, CancellationToken ct)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.ReadWrite, Options = FileOptions.SequentialScan });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return [new Rejection(origin, ex.Message)];
        }
        return ReadLines(reader, origin, ct);
    }

    /// <summary>JSON Lines held in memory (an upload), read as the file would be.</summary>
    public IEnumerable<ReadResult> ReadLines(byte[] bytes, string origin, CancellationToken ct) =>
        ReadLines(new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), origin, ct);

    private IEnumerable<ReadResult> ReadLines(StreamReader reader, string origin, CancellationToken ct)
    {
        using (reader)
        {
            // Characters, not bytes, but within a small factor and never more lenient for ASCII-heavy JSON. A longer line
            // is read through in chunks and refused without ever being held.
            var lines = new BoundedLineReader(reader, Math.Min(options.MaxFileBytes, Array.MaxLength));
            int lineNumber = 0;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                string? line;
                long length;
                string? error = null;
                bool more;
                try { more = lines.Next(out line, out length); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    (more, line, length) = (false, null, 0);
                    error = ex.Message;
                }
                if (error is not null)
                {
                    yield return new Rejection($"{origin}#L{lineNumber + 1}", error);
                    yield break;
                }
                if (!more) yield break;
                lineNumber++;
                if (line is null)
                {
                    yield return new Rejection($"{origin}#L{lineNumber}", $"line {FileLoader.TooLarge(length, options.MaxFileBytes)}");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(line)) continue;
                yield return ReadLine(line, $"{origin}#L{lineNumber}");
            }
        }
    }

    private ReadResult ReadLine(string line, string origin)
    {
        try
        {
            using var json = JsonDocument.Parse(line, JsonOptions);
            return Record(json.RootElement, origin);
        }
        catch (JsonException ex)
        {
            return new Rejection(origin, $"not valid JSON ({FirstSentence(ex.Message)})");
        }
    }

    /// <summary>Reads a .json file: one article object, an array of them (each element's origin carries the line it
    /// starts on), or JSON Lines saved under a .json name.</summary>
    public IEnumerable<ReadResult> ReadJson(string path, string origin, CancellationToken ct)
    {
        var (bytes, error) = FileLoader.Load(path, options.MaxFileBytes);
        if (bytes is null) return [new Rejection(origin, error!)];
        return ReadJsonBytes(bytes, origin, ct);
    }

    /// <summary>JSON already in memory (standard input): one object, an array, or JSON Lines.</summary>
    public IEnumerable<ReadResult> ReadJsonBytes(byte[] bytes, string origin, CancellationToken ct)
    {
        var decoded = TextDecoder.Decode(bytes);
        if (!decoded.IsText) return [new Rejection(origin, "binary file")];
        if (string.IsNullOrWhiteSpace(decoded.Text)) return [new Rejection(origin, "empty")];
        var utf8 = Encoding.UTF8.GetBytes(decoded.Text);

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, JsonOptions);
        }
        catch (JsonException ex)
        {
            // Several lines that do not parse as one value: probably JSON Lines.
            if (decoded.Text.AsSpan().Trim().Contains('\n'))
                return ReadLines(new StreamReader(new MemoryStream(utf8), Encoding.UTF8), origin, ct);
            return [new Rejection(origin, $"not valid JSON ({FirstSentence(ex.Message)})")];
        }
        return ReadDocument(json, utf8, origin, ct);
    }

    private IEnumerable<ReadResult> ReadDocument(JsonDocument json, byte[] utf8, string origin, CancellationToken ct)
    {
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                yield return Record(root, origin);
                yield break;
            }
            var lines = ElementLines(utf8);
            int i = 0;
            foreach (var element in root.EnumerateArray())
            {
                ct.ThrowIfCancellationRequested();
                yield return Record(element, $"{origin}#L{lines[i++]}");
            }
        }
    }

    /// <summary>The 1-based line on which each element of a top-level array starts, in one pass over the bytes.</summary>
    private static List<int> ElementLines(byte[] utf8)
    {
        var result = new List<int>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        int line = 1;
        long counted = 0;
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject) continue;
            long start = reader.TokenStartIndex;
            line += utf8.AsSpan((int)counted, (int)(start - counted)).Count((byte)'\n');
            counted = start;
            result.Add(line);
            reader.Skip();
        }
        return result;
    }

    /// <summary>One article object.</summary>
    internal ReadResult Record(JsonElement e, string origin)
    {
        if (e.ValueKind != JsonValueKind.Object) return new Rejection(origin, $"not a JSON object ({e.ValueKind.ToString().ToLowerInvariant()})");
        var text = String(e, "text");
        var html = String(e, "html");
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
            return new Rejection(origin, "no \"text\" or \"html\" field");

        var url = String(e, "url");
        var given = new DocumentMetadata
        {
            Title = Sourced(String(e, "title")),
            Outlet = Sourced(String(e, "outlet")),
            Published = HtmlMetadataReader.ParseDate(String(e, "published")) is { } d ? new Sourced<DateOnly>(d, MetadataSource.Input) : null,
            Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim(),
        };
        if (!string.IsNullOrWhiteSpace(text))
            return builder.FromText(origin, TextDecoder.NormalizeNewlines(text), given, fileName: null);
        Uri.TryCreate(given.Url, UriKind.Absolute, out var pageUri);
        return builder.FromHtml(origin, html!, given, pageUri, fileName: null);
    }

    private static Sourced<string>? Sourced(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new Sourced<string>(value.Trim(), MetadataSource.Input);

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string FirstSentence(string message)
    {
        int dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message.TrimEnd('.');
    }
}
