using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Parallax.Web;

/// <summary>
/// Reads the add form (multipart) section by section, checking the API key, the form's first field, before anything
/// else is read: a request with a wrong key, or none, is refused after a few bytes rather than after parsing a 25 MB
/// body. The page puts the key field first, so a browser sends it first.
/// </summary>
internal static class AddForm
{
    public sealed record Result(IFormCollection? Form, int Status, string? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, ServerOptions options, Func<string, bool> keyMatches, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.Boundary : default).Value;
        if (type is null || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(boundary))
            return new Result(null, 400, "The form could not be read (not multipart/form-data); nothing was added.");
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = options.MaxRequestBytes, HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.OrdinalIgnoreCase);
        var files = new FormFileCollection();
        long total = 0;
        bool keyChecked = false;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(ct).ConfigureAwait(false); section is not null;
                 section = await reader.ReadNextSectionAsync(ct).ConfigureAwait(false))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!keyChecked)
                {
                    // The key must come first: no other field or file is read before it is checked.
                    if (!name.Equals("key", StringComparison.Ordinal) || disposition.IsFileDisposition()) return new Result(null, 401, null);
                    var key = await new StreamReader(new LimitedStream(section.Body, 1024)).ReadToEndAsync(ct).ConfigureAwait(false);
                    if (!keyMatches(key)) return new Result(null, 401, null);
                    keyChecked = true;
                    fields["key"] = key;
                    continue;
                }
                var body = new MemoryStream();
                var limit = disposition.IsFileDisposition() ? options.MaxFileBytes : options.MaxPasteChars * 4L;
                await new LimitedStream(section.Body, limit + 1).CopyToAsync(body, ct).ConfigureAwait(false);
                total += body.Length;
                if (total > options.MaxRequestBytes)
                    return new Result(null, 413, $"The upload is larger than {options.MaxRequestBytes / (1024 * 1024)} MB in all; nothing was added.");
                if (disposition.IsFileDisposition())
                {
                    if (files.Count >= options.MaxFiles * 2) return new Result(null, 400, $"Too many files; at most {options.MaxFiles} at once. Nothing was added.");
                    body.Position = 0;
                    files.Add(new FormFile(body, 0, body.Length, name, HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "")
                    {
                        Headers = new HeaderDictionary(),
                    });
                }
                else
                {
                    if (fields.Count > 64) return new Result(null, 400, "The form has too many fields; nothing was added.");
                    fields[name] = System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return new Result(null, 400, "The form could not be read (" + e.Message + "); nothing was added.");
        }
        return keyChecked ? new Result(new FormCollection(fields, files), 200, null) : new Result(null, 401, null);
    }

    /// <summary>
    /// A refusal sent before the body was read: after the answer the connection is cut when much of the body may be
    /// left, since the server would otherwise drain (read) up to its 25 MB limit of it. A small body was sent whole
    /// already, and its connection is left alone.
    /// </summary>
    public static IResult RefuseUnread(IResult answer) => new Unread(answer);

    private sealed class Unread(IResult answer) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Connection = "close";
            await answer.ExecuteAsync(httpContext).ConfigureAwait(false);
            if (httpContext.Request.ContentLength is null or > 64 * 1024)
            {
                await httpContext.Response.CompleteAsync().ConfigureAwait(false);
                httpContext.Abort();
            }
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of a stream (a longer field is cut, then refused by size).</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long left = limit;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (left <= 0) return 0;
            int n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, left)], cancellationToken).ConfigureAwait(false);
            left -= n;
            return n;
        }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
