using System.Globalization;

namespace Parallax.Ingest.Warc;

/// <summary>One WARC record: where it starts, its named fields, and its block when the caller asked to keep it.</summary>
/// <param name="Offset">Byte offset of the "WARC/1.x" line (in the decompressed stream for .warc.gz).</param>
/// <param name="Headers">Named fields, case-insensitive; a repeated field keeps its first value.</param>
/// <param name="Block">The block's bytes, or null when the record was skipped unread.</param>
/// <param name="BlockLength">The block's declared (and verified) length.</param>
public sealed record WarcRecord(long Offset, IReadOnlyDictionary<string, string> Headers, byte[]? Block, long BlockLength)
{
    /// <summary>WARC-Type, lower-cased ("response", "request", "warcinfo", …).</summary>
    public string Type => Headers.TryGetValue("WARC-Type", out var t) ? t.ToLowerInvariant() : "";

    /// <summary>A field's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>What reading a WARC stream yields: a record, or a problem at an offset (the record there is lost).</summary>
public readonly record struct WarcEntry(WarcRecord? Record, long Offset, string? Problem);

/// <summary>
/// A strict, streaming WARC 1.0/1.1 reader (plain, or gzip with one member per record). Each record must start with
/// "WARC/1.0" or "WARC/1.1", carry a numeric Content-Length, and be followed by exactly "\r\n\r\n". A record that breaks
/// a rule becomes a <see cref="WarcEntry.Problem"/> and the reader resynchronises on the next line starting "WARC/1.";
/// memory stays bounded by the largest kept block.
/// </summary>
public static class WarcReader
{
    /// <summary>Header lines longer than this are an error (real ones are well under 8 KB; URLs can be long).</summary>
    private const int MaxHeaderLine = 64 * 1024;

    /// <summary>More named fields than this is not a WARC header.</summary>
    private const int MaxHeaderFields = 512;

    /// <summary>True when <paramref name="head"/> starts like a gzip stream.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>
    /// Reads every record of <paramref name="stream"/> (decompressing when it starts with the gzip magic). A record's
    /// block is kept when <paramref name="keep"/> says so for its headers and it is at most <paramref name="maxBlockBytes"/>;
    /// otherwise it is skipped without being held in memory. Never throws for bad data.
    /// </summary>
    public static IEnumerable<WarcEntry> Read(Stream stream, Func<IReadOnlyDictionary<string, string>, bool> keep, long maxBlockBytes,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(keep);
        // Two bytes decide plain or gzip; they are handed back through a prefix so any stream (stdin too) works.
        var head = new byte[2];
        int got = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        Stream decoded = new PrefixedStream(head[..got], stream);
        if (IsGzip(head.AsSpan(0, got))) decoded = new GzipMembersStream(decoded);
        return ReadRecords(decoded, keep, Math.Min(maxBlockBytes, Array.MaxLength), ct);
    }

    private static IEnumerable<WarcEntry> ReadRecords(Stream stream, Func<IReadOnlyDictionary<string, string>, bool> keep,
        long maxBlockBytes, CancellationToken ct)
    {
        using var owned = stream; // the decompressor's state; the caller's stream itself is left open
        var gzip = stream as GzipMembersStream;
        var src = new ByteSource(stream);
        string? versionLine = null;
        long versionOffset = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            WarcEntry entry;
            bool resync;
            bool failed = false;
            try
            {
                if (versionLine is null)
                {
                    // Blank lines between records are tolerated; anything else before "WARC/" is a problem.
                    do
                    {
                        versionOffset = src.Position;
                        versionLine = src.ReadLine(MaxHeaderLine, out _);
                    } while (versionLine is { Length: 0 });
                    if (versionLine is null) break;
                }
                (entry, resync) = ReadRecord(src, versionLine, versionOffset, keep, maxBlockBytes);
            }
            catch (IOException ex)
            {
                // The underlying file failed (not the data): report where and stop.
                entry = new WarcEntry(null, src.Position, $"read error: {ex.Message}");
                resync = false;
                failed = true;
            }
            versionLine = null;
            if (gzip is not null)
                foreach (var p in gzip.TakeProblems()) yield return new WarcEntry(null, entry.Offset, p);
            yield return entry;
            if (failed) yield break;
            if (resync)
            {
                (versionLine, versionOffset) = SeekRecordStart(src, ct);
                if (versionLine is null) break;
            }
        }
        if (gzip is not null)
            foreach (var p in gzip.TakeProblems()) yield return new WarcEntry(null, src.Position, p);
    }

    /// <summary>One record from its version line on. Returns the entry and whether the reader must resynchronise.</summary>
    private static (WarcEntry Entry, bool Resync) ReadRecord(ByteSource src, string versionLine, long offset,
        Func<IReadOnlyDictionary<string, string>, bool> keep, long maxBlockBytes)
    {
        if (versionLine is not ("WARC/1.0" or "WARC/1.1"))
            return (Problem(offset, $"not a WARC 1.0/1.1 record start ('{Shorten(versionLine)}')"), true);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? lastName = null;
        while (true)
        {
            var line = src.ReadLine(MaxHeaderLine, out bool tooLong);
            if (line is null) return (Problem(offset, "truncated record header"), false);
            if (tooLong) return (Problem(offset, "header line too long"), true);
            if (line.Length == 0) break;
            if (line[0] is ' ' or '\t' && lastName is not null)
            {
                headers[lastName] += " " + line.Trim(); // folded continuation line (WARC 1.0)
                continue;
            }
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) return (Problem(offset, $"malformed header line ('{Shorten(line)}')"), true);
            if (headers.Count >= MaxHeaderFields) return (Problem(offset, "too many header fields"), true);
            lastName = line[..colon].Trim();
            headers.TryAdd(lastName, line[(colon + 1)..].Trim());
        }

        if (!headers.TryGetValue("Content-Length", out var lengthText)
            || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
            return (Problem(offset, "missing or invalid Content-Length"), true);
        if (!headers.ContainsKey("WARC-Type"))
            return (Problem(offset, "missing WARC-Type"), true);

        byte[]? block = null;
        bool wanted = keep(headers);
        if (wanted && length <= maxBlockBytes)
        {
            block = new byte[length];
            int n = src.Read(block, 0, (int)length);
            if (n < length) return (Problem(offset, $"truncated record (Content-Length {length}, {n} bytes left)"), false);
        }
        else
        {
            long n = src.Skip(length);
            if (n < length) return (Problem(offset, $"truncated record (Content-Length {length}, {n} bytes left)"), false);
        }

        var trailer = new byte[4];
        int t = src.Read(trailer, 0, 4);
        if (t == 4 && trailer is [(byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n'])
        {
            if (wanted && block is null)
                return (Problem(offset, $"record block too large ({FormatBytes(length)}; limit {FormatBytes(maxBlockBytes)})"), false);
            return (new WarcEntry(new WarcRecord(offset, headers, block, length), offset, null), false);
        }

        // The block did not end where Content-Length said. When it claimed too much, the next record may sit inside
        // the bytes just read: hand them back so resynchronisation finds it.
        src.Unread(trailer[..t], 0);
        if (block is not null)
        {
            int next = block.AsSpan().IndexOf("\r\n\r\nWARC/1."u8);
            if (next >= 0) src.Unread(block, next + 4);
        }
        return (Problem(offset, $"Content-Length ({length}) does not end at a record boundary"), true);
    }

    /// <summary>Skips to the next line that starts a WARC record; returns it with its offset, or null at the end.</summary>
    private static (string? Line, long Offset) SeekRecordStart(ByteSource src, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            long at = src.Position;
            var line = src.ReadLine(MaxHeaderLine, out _);
            if (line is null) return (null, at);
            if (line.StartsWith("WARC/1.", StringComparison.Ordinal)) return (line, at);
        }
    }

    private static WarcEntry Problem(long offset, string message) => new(null, offset, message);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string FormatBytes(long n) => n >= 1024 * 1024
        ? (n / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : n.ToString(CultureInfo.InvariantCulture) + " bytes";
}
