using System.Globalization;
using System.Text.RegularExpressions;

namespace Parallax.Ingest.Metadata;

/// <summary>
/// A header line some exporters put above the article: "date 2019-07-23", "Published: 2019-07-23T10:00Z", sometimes
/// followed on the same line by left-over page text ("date 2019-07-23 Breaking News Emails").
/// Shared by the cleaner (which removes the header) and the metadata extractor (which reads its date).
/// </summary>
internal static class TextHeader
{
    /// <summary>A header is only looked for among the first few non-blank lines: further down, "date …" is body text.</summary>
    public const int MaxHeaderLines = 3;

    private static readonly Regex Pattern = new(
        @"^(?:date|published|pubdate|posted)\s*[:=]?\s*(?<d>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\s+(?<rest>\S.*))?$",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Parses a trimmed line. On success <paramref name="headerLength"/> is the length of the header part and
    /// <paramref name="restStart"/> the index where the remaining text starts (equal to the line length when none).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> trimmed, out DateOnly date, out int headerLength, out int restStart)
    {
        date = default;
        headerLength = restStart = 0;
        // Cheap gate before the regex: every header starts with 'd' or 'p' and holds a full ISO date.
        if (trimmed.Length < 14 || char.ToLowerInvariant(trimmed[0]) is not ('d' or 'p')) return false;
        var m = Pattern.Match(trimmed.ToString());
        if (!m.Success) return false;
        if (!DateOnly.TryParseExact(m.Groups["d"].ValueSpan, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return false;
        var rest = m.Groups["rest"];
        restStart = rest.Success ? rest.Index : trimmed.Length;
        headerLength = trimmed[..restStart].TrimEnd().Length;
        return true;
    }
}
