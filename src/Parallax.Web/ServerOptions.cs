namespace Parallax.Web;

/// <summary>How <c>parallax serve</c> runs.</summary>
/// <param name="Urls">Where to listen, e.g. http://127.0.0.1:5080 (port 0: any free port).</param>
/// <param name="ApiKey">The key write requests must carry; null or empty disables every write.</param>
public sealed record ServerOptions(string Urls, string? ApiKey)
{
    /// <summary>Most files in one upload.</summary>
    public int MaxFiles { get; init; } = 20;

    /// <summary>Largest single file or API body: news articles are tens of kilobytes; a WARC of a day's pages fits.</summary>
    public long MaxFileBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Largest request as a whole (all files of one form).</summary>
    public long MaxRequestBytes { get; init; } = 25L * 1024 * 1024;

    /// <summary>Largest pasted text, in characters.</summary>
    public int MaxPasteChars { get; init; } = 2 * 1024 * 1024;

    public bool WritesEnabled => !string.IsNullOrEmpty(ApiKey);
}
