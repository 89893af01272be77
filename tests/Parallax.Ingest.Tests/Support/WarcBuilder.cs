using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parallax.Ingest.Tests.Support;

/// <summary>Builds WARC files record by record for tests: plain, or gzip with one member per record.</summary>
internal sealed class WarcBuilder
{
    private readonly List<byte[]> _records = [];

    public IReadOnlyList<byte[]> Records => _records;

    /// <summary>A record with the given type, extra fields and block; Content-Length is the block's length unless
    /// <paramref name="declaredLength"/> lies.</summary>
    public WarcBuilder Record(string type, byte[] block, string? targetUri = null, string contentType = "application/http; msgtype=response",
        long? declaredLength = null, string date = "2019-07-24T08:00:00Z", string version = "WARC/1.1")
    {
        var head = new StringBuilder();
        head.Append(version).Append("\r\n");
        head.Append("WARC-Type: ").Append(type).Append("\r\n");
        head.Append("WARC-Record-ID: <urn:uuid:").Append(Guid.NewGuid()).Append(">\r\n");
        head.Append("WARC-Date: ").Append(date).Append("\r\n");
        if (targetUri is not null) head.Append("WARC-Target-URI: ").Append(targetUri).Append("\r\n");
        head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        head.Append("Content-Length: ").Append((declaredLength ?? block.Length).ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(head.ToString()));
        bytes.AddRange(block);
        bytes.AddRange("\r\n\r\n"u8.ToArray());
        _records.Add([.. bytes]);
        return this;
    }

    public WarcBuilder Warcinfo() => Record("warcinfo", "software: test\r\n"u8.ToArray(), contentType: "application/warc-fields");

    public WarcBuilder Request(string uri) => Record("request", Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n\r\n"), uri, "application/http; msgtype=request");

    /// <summary>An HTTP 200 response holding <paramref name="html"/>.</summary>
    public WarcBuilder Page(string uri, string html, string contentType = "text/html; charset=utf-8", Encoding? encoding = null,
        bool chunked = false, string status = "200 OK", string? contentEncoding = null) =>
        Record("response", HttpResponse(html, contentType, encoding, chunked, status, contentEncoding), uri);

    public static byte[] HttpResponse(string body, string contentType = "text/html; charset=utf-8", Encoding? encoding = null,
        bool chunked = false, string status = "200 OK", string? contentEncoding = null)
    {
        var payload = (encoding ?? new UTF8Encoding(false)).GetBytes(body);
        if (contentEncoding == "gzip")
        {
            using var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(payload);
            payload = ms.ToArray();
        }
        var head = new StringBuilder($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\n");
        if (contentEncoding is not null) head.Append("Content-Encoding: ").Append(contentEncoding).Append("\r\n");
        if (chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n\r\n");
            var outBytes = new List<byte>(Encoding.ASCII.GetBytes(head.ToString()));
            // Uneven chunks, so a chunk boundary falls inside words.
            for (int i = 0; i < payload.Length; i += 37)
            {
                int n = Math.Min(37, payload.Length - i);
                outBytes.AddRange(Encoding.ASCII.GetBytes(n.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
                outBytes.AddRange(payload.AsSpan(i, n).ToArray());
                outBytes.AddRange("\r\n"u8.ToArray());
            }
            outBytes.AddRange("0\r\n\r\n"u8.ToArray());
            return [.. outBytes];
        }
        head.Append("Content-Length: ").Append(payload.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. payload];
    }

    public byte[] Plain() => [.. _records.SelectMany(r => r)];

    /// <summary>One gzip member per record, as web archives write them.</summary>
    public byte[] Gzip() => [.. _records.SelectMany(GzipMember)];

    public static byte[] GzipMember(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }
}
