using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Html;
using Parallax.Ingest.Metadata;
using Parallax.Model;

namespace Parallax.Ingest.Readers;

/// <summary>
/// Turns decoded text or HTML into a <see cref="Draft"/>: extraction, cleaning, and metadata merged by strength of
/// evidence — values given with the input, then markup, then what the text says about itself, then the file name
/// (a date) or the URL (its site's domain as outlet, see <see cref="HostNames"/>).
/// </summary>
internal sealed class DraftBuilder(IngestOptions options)
{
    private static readonly Regex FileNameDate = new(@"(?:^|\D)(?<d>(?:19|20)\d{2}-\d{2}-\d{2})(?:\D|$)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>A draft from plain text, or a rejection when nothing of it is left.</summary>
    public ReadResult FromText(string origin, string text, DocumentMetadata given, string? fileName)
    {
        if (string.IsNullOrWhiteSpace(text)) return new Rejection(origin, "empty");
        if (TooLong(origin, text) is { } refused) return refused;
        var fromText = TextMetadataExtractor.Default.Extract(text);
        return Build(origin, text, Merge(given, fromText), fileName);
    }

    /// <summary>A draft from an HTML page, or a rejection when it has no readable text.</summary>
    public ReadResult FromHtml(string origin, string html, DocumentMetadata given, Uri? pageUri, string? fileName)
    {
        if (string.IsNullOrWhiteSpace(html)) return new Rejection(origin, "empty");
        var page = (options.HtmlText == HtmlTextMode.Blocks ? HtmlExtractor.Blocks : HtmlExtractor.SmartReader).Extract(html, pageUri);
        // Deeply nested markup would overflow the stack of recursive tree walkers (SmartReader's, AngleSharp's
        // selectors), so the extractor does not hand such pages to them; the block extractor may still have found text.
        if (string.IsNullOrWhiteSpace(page.Text))
            return new Rejection(origin, page.TooDeep ? $"HTML nested deeper than {HtmlDepth.MaxDepth} levels" : "no article text found in the HTML");
        if (TooLong(origin, page.Text) is { } tooLong) return tooLong;
        // Markup is stronger evidence than the text's own hints; the text still fills gaps (a self-referenced outlet).
        var fromText = TextMetadataExtractor.Default.Extract(page.Text);
        return Build(origin, page.Text, Merge(Merge(given, page.Metadata), fromText with { Title = null }), fileName);
    }

    /// <summary>A rejection when the text is over <see cref="IngestOptions.MaxAnalysisChars"/>.</summary>
    private Rejection? TooLong(string origin, string text) => text.Length <= options.MaxAnalysisChars ? null
        : new Rejection(origin, $"text too long to analyse as one report ({FileLoader.FormatSize(text.Length)} of text; limit {FileLoader.FormatSize(options.MaxAnalysisChars)}); split it into reports");

    private ReadResult Build(string origin, string text, DocumentMetadata metadata, string? fileName)
    {
        var cleaned = options.RemoveBoilerplate
            ? BoilerplateCleaner.Default.Clean(text)
            : new CleanedText(text.Trim(), []);
        if (cleaned.Text.Length == 0)
            return new Rejection(origin, $"empty after removing boilerplate ({cleaned.Removed.Length} lines removed)");

        // Impossible dates go first, so that a date in the crawl's future gives way to the file name or URL date.
        metadata = SaneDates(metadata);
        if (metadata.Published is null && fileName is not null && FileNameDate.Match(fileName) is { Success: true } m
            && DateOnly.TryParseExact(m.Groups["d"].ValueSpan, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            metadata = metadata with { Published = new Sourced<DateOnly>(date, MetadataSource.FileName) };

        if (metadata.Published is null && UrlDate(metadata.Url) is { } urlDate)
            metadata = metadata with { Published = new Sourced<DateOnly>(urlDate, MetadataSource.Url) };
        metadata = SaneDates(metadata);
        if (metadata.Published is null && metadata.Retrieved is { } retrieved)
            metadata = metadata with { Published = new Sourced<DateOnly>(retrieved, MetadataSource.Archive) };

        if (metadata.Outlet is null && HostNames.OutletOf(metadata.Url) is { } site)
            metadata = metadata with { Outlet = new Sourced<string>(site, MetadataSource.Url) };

        return new Draft(origin, cleaned.Text, metadata, cleaned.Removed);
    }

    /// <summary>Field by field: <paramref name="primary"/> where set, else <paramref name="fallback"/>.</summary>
    internal static DocumentMetadata Merge(DocumentMetadata primary, DocumentMetadata fallback) => new()
    {
        Title = primary.Title ?? fallback.Title,
        Outlet = primary.Outlet ?? fallback.Outlet,
        Published = primary.Published ?? fallback.Published,
        Url = primary.Url ?? fallback.Url,
        Retrieved = primary.Retrieved ?? fallback.Retrieved,
        Authors = primary.Authors ?? fallback.Authors,
        Modified = primary.Modified ?? fallback.Modified,
        Language = primary.Language ?? fallback.Language,
    };

    /// <summary>Dates before this are taken only when given with the input: news on the web starts in the 1990s, and
    /// older dates found in pages are almost always birth dates, founding years or parse errors.</summary>
    private static readonly DateOnly EarliestWebDate = new(1990, 1, 1);

    /// <summary>Drops a publication date that cannot be right: after the page was fetched (a day of slack for time
    /// zones), or before 1990 unless the input gave it.</summary>
    internal static DocumentMetadata SaneDates(DocumentMetadata m)
    {
        if (m.Modified is { } mod && (m.Retrieved is { } r0 && mod.Value > r0.AddDays(1) || mod.Value < EarliestWebDate))
            m = m with { Modified = null };
        if (m.Published is not { } p) return m;
        if (m.Retrieved is { } r && p.Value > r.AddDays(1)) return m with { Published = null };
        if (p.Value < EarliestWebDate && p.Source != MetadataSource.Input) return m with { Published = null };
        return m;
    }

    private static readonly Regex UrlDatePattern = new(@"/(?<y>(?:19|20)\d{2})[/-](?<m>0?[1-9]|1[0-2])[/-](?<d>0?[1-9]|[12]\d|3[01])(?:/|$|[-_])",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>"https://example.com/2019/07/23/slug" → 2019-07-23 (also 2019-07-23 as one path segment).</summary>
    internal static DateOnly? UrlDate(string? url)
    {
        if (url is null) return null;
        var m = UrlDatePattern.Match(url);
        if (!m.Success) return null;
        int y = int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        int mo = int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        int d = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        return d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }
}
