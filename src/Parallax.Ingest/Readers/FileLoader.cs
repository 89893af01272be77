using System.Globalization;

namespace Parallax.Ingest.Readers;

/// <summary>Reads a whole file with a size limit, turning I/O problems into messages instead of exceptions.</summary>
internal static class FileLoader
{
    /// <summary>The bytes of <paramref name="path"/>, or an error message: "too large (…)" when the file exceeds
    /// <paramref name="limit"/> (checked before reading), or the operating system's message.</summary>
    public static (byte[]? Bytes, string? Error) Load(string path, long limit)
    {
        // An array cannot hold more than Array.MaxLength bytes, whatever the configured limit.
        limit = Math.Min(limit, Array.MaxLength);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limit) return (null, TooLarge(length, limit));
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            // The limit is enforced while reading too: a file that grows after the size check is never read whole.
            return ReadCapped(stream, limit, (int)length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>All bytes of a stream (standard input) up to <paramref name="limit"/>.</summary>
    public static (byte[]? Bytes, string? Error) LoadStream(Stream stream, long limit)
    {
        limit = Math.Min(limit, Array.MaxLength);
        try
        {
            return ReadCapped(stream, limit, 0);
        }
        catch (IOException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Reads to the end, stopping with "too large" as soon as more than <paramref name="limit"/> bytes came.</summary>
    private static (byte[]? Bytes, string? Error) ReadCapped(Stream stream, long limit, int expected)
    {
        using var content = new MemoryStream(expected);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            total += n;
            if (total > limit) return (null, TooLarge(total, limit));
            content.Write(buffer, 0, n);
        }
        return (content.ToArray(), null);
    }

    /// <summary>"too large (63.2 MB; limit 50 MB)". Sizes under a megabyte are given in KB or bytes, so a small limit
    /// set in options still reads well.</summary>
    public static string TooLarge(long size, long limit) => $"too large ({FormatSize(size)}; limit {FormatSize(limit)})";

    public static string FormatSize(long bytes)
    {
        const double Mb = 1024 * 1024;
        if (bytes >= Mb) return (bytes / Mb).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
        if (bytes >= 1024) return (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
        return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
    }
}
