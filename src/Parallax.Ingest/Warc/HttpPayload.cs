using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parallax.Ingest.Warc;

/// <summary>The HTML inside an archived HTTP response, or why there is none.</summary>
/// <param name="Body">The decoded entity body (de-chunked and decompressed), when it is HTML: a slice of the record's
/// block when the body was sent as is, so a page is not copied once more.</param>
/// <param name="Charset">The charset named in Content-Type, if any.</param>
/// <param name="Skipped">Why the record holds no page (not HTML, not a 2xx status); not an error.</param>
/// <param name="Error">Why the payload is broken (bad chunking, corrupt compression); an error.</param>
internal readonly record struct HttpBody(ReadOnlyMemory<byte>? Body, string? Charset, string? Skipped, string? Error);

/// <summary>
/// Parses the HTTP response stored in a WARC "response" record: status line, head, then the body with chunked
/// transfer encoding and gzip/deflate/br content encoding undone (archives store the bytes as they came off the wire).
/// </summary>
internal static class HttpPayload
{
    private const int MaxHead = 64 * 1024;

    public static HttpBody FromResponse(byte[] block, long maxBodyBytes)
    {
        int headEnd = FindHeadEnd(block, out int bodyStart);
        if (headEnd < 0) return new HttpBody(null, null, null, "no end of the HTTP head");
        var head = Encoding.Latin1.GetString(block, 0, headEnd);
        var lines = head.Split('\n');
        var status = lines[0].TrimEnd('\r');
        // "HTTP/1.1 200 OK": the code is the second field.
        var parts = status.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int code))
            return new HttpBody(null, null, null, "no HTTP status line");
        if (code is < 200 or > 299) return new HttpBody(null, null, $"HTTP status {code}", null);

        string? contentType = null, transfer = null, encoding = null;
        foreach (var raw in lines.AsSpan(1))
        {
            var line = raw.TrimEnd('\r');
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType ??= value;
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) transfer ??= value;
            else if (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)) encoding ??= value;
        }

        ReadOnlyMemory<byte> bytes = block.AsMemory(bodyStart);
        if (transfer is not null && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var (dechunked, error) = Dechunk(bytes.Span, maxBodyBytes);
            if (dechunked is null) return new HttpBody(null, null, null, error);
            bytes = dechunked;
        }
        var enc = encoding?.Trim().ToLowerInvariant();
        if (enc is not (null or "" or "identity" or "none"))
        {
            var (inflated, error) = Decompress(bytes.ToArray(), enc, maxBodyBytes);
            if (inflated is null) return new HttpBody(null, null, null, error);
            bytes = inflated;
        }

        var mediaType = contentType is null ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();
        bool html = mediaType is "text/html" or "application/xhtml+xml"
            || (mediaType is null or "" or "application/octet-stream" && LooksLikeHtml(bytes.Span));
        if (!html) return new HttpBody(null, null, $"not HTML ({(string.IsNullOrEmpty(mediaType) ? "no Content-Type" : mediaType)})", null);
        return new HttpBody(bytes, CharsetOf(contentType), null, null);
    }

    /// <summary>The charset parameter of a Content-Type value.</summary>
    internal static string? CharsetOf(string? contentType)
    {
        if (contentType is null) return null;
        foreach (var param in contentType.Split(';').Skip(1))
        {
            int eq = param.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && param[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var v = param[(eq + 1)..].Trim().Trim('"', '\'');
                return v.Length == 0 ? null : v;
            }
        }
        return null;
    }

    /// <summary>Bodies without a Content-Type are taken as HTML when their start says so.</summary>
    internal static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Index where the head ends (before the blank line) and where the body starts; -1 when there is no
    /// blank line in the first <see cref="MaxHead"/> bytes. Bare "\n\n" is accepted as servers send it.</summary>
    private static int FindHeadEnd(byte[] block, out int bodyStart)
    {
        int limit = Math.Min(block.Length, MaxHead);
        for (int i = 0; i < limit; i++)
        {
            if (block[i] != '\n') continue;
            if (i + 1 < block.Length && block[i + 1] == '\n') { bodyStart = i + 2; return i; }
            if (i + 2 < block.Length && block[i + 1] == '\r' && block[i + 2] == '\n') { bodyStart = i + 3; return i; }
        }
        bodyStart = -1;
        return -1;
    }

    /// <summary>Undoes chunked transfer encoding. A missing final chunk is tolerated (crawlers cut streams); a chunk
    /// size that is not hex, or a chunk running past the end, is an error.</summary>
    internal static (byte[]? Body, string? Error) Dechunk(ReadOnlySpan<byte> data, long max)
    {
        using var output = new MemoryStream();
        int pos = 0;
        while (pos < data.Length)
        {
            int eol = data[pos..].IndexOf((byte)'\n');
            if (eol < 0) return (null, "bad chunked encoding (no chunk-size line end)");
            var sizeLine = Encoding.Latin1.GetString(data.Slice(pos, eol)).TrimEnd('\r');
            int semi = sizeLine.IndexOf(';', StringComparison.Ordinal); // chunk extensions are ignored
            if (semi >= 0) sizeLine = sizeLine[..semi];
            if (!long.TryParse(sizeLine.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long size) || size < 0)
                return (null, $"bad chunked encoding (chunk size '{(sizeLine.Length > 20 ? sizeLine[..20] : sizeLine)}')");
            pos += eol + 1;
            if (size == 0) break; // trailers after the last chunk are not needed
            if (size > data.Length - pos) return (null, "bad chunked encoding (chunk runs past the end)");
            if (output.Length + size > max) return (null, "body too large");
            output.Write(data.Slice(pos, (int)size));
            pos += (int)size;
            // Each chunk ends with CRLF.
            if (pos < data.Length && data[pos] == '\r') pos++;
            if (pos < data.Length && data[pos] == '\n') pos++;
        }
        return (output.ToArray(), null);
    }

    private static (byte[]? Body, string? Error) Decompress(byte[] data, string encoding, long max)
    {
        try
        {
            using var input = new MemoryStream(data);
            using Stream decoder = encoding switch
            {
                "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
                // "deflate" is zlib-wrapped by the standard, raw deflate by some servers.
                "deflate" => data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0
                    ? new ZLibStream(input, CompressionMode.Decompress)
                    : new DeflateStream(input, CompressionMode.Decompress),
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                _ => Stream.Null,
            };
            if (decoder == Stream.Null) return (null, $"unsupported Content-Encoding '{encoding}'");
            using var output = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int n;
            // A decompression bomb stops at the limit instead of filling memory.
            while ((n = decoder.Read(buffer)) > 0)
            {
                if (output.Length + n > max) return (null, "body too large after decompression");
                output.Write(buffer, 0, n);
            }
            return (output.ToArray(), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"corrupt {encoding} body ({ex.Message.TrimEnd('.')})");
        }
    }
}
