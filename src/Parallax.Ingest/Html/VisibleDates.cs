using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Parallax.Ingest.Html;

/// <summary>
/// Publication dates that pages show rather than declare: an element marked as the publication date
/// (itemprop=datePublished, class "published" with a machine-readable title), then the short text of elements whose
/// class or id names a date ("entry-date", "post-date", "article__meta__date"). Written dates are read in the numeric
/// European form (23.07.2019), ISO, and with month names in English, German and French (July 23, 2019; 23. Juli 2019;
/// 23 juillet 2019). Slash dates are skipped: 07/08/2019 is July or August depending on the country.
/// </summary>
internal static class VisibleDates
{
    private const RegexOptions Opts = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex Numeric = new(@"(?:^|[^\d])(?<d>[0-3]?\d)\.\s?(?<m>[01]?\d)\.\s?(?<y>(?:19|20)\d{2})(?:[^\d]|$)", Opts);
    private static readonly Regex Iso = new(@"(?:^|[^\d])(?<y>(?:19|20)\d{2})-(?<m>[01]\d)-(?<d>[0-3]\d)(?:[^\d]|$)", Opts);
    private static readonly Regex DayMonth = new(@"(?:^|[^\p{L}\d])(?<d>[0-3]?\d)(?:\.|st|nd|rd|th|er)?\s+(?<mon>\p{L}{3,9})\.?,?\s+(?<y>(?:19|20)\d{2})(?:[^\d]|$)", Opts);
    private static readonly Regex MonthDay = new(@"(?:^|[^\p{L}])(?<mon>\p{L}{3,9})\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d{2})(?:[^\d]|$)", Opts);

    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["januar"] = 1, ["jänner"] = 1, ["janvier"] = 1, ["janv"] = 1,
        ["february"] = 2, ["feb"] = 2, ["februar"] = 2, ["février"] = 2, ["fevrier"] = 2, ["févr"] = 2,
        ["march"] = 3, ["mar"] = 3, ["märz"] = 3, ["mär"] = 3, ["mrz"] = 3, ["mars"] = 3,
        ["april"] = 4, ["apr"] = 4, ["avril"] = 4, ["avr"] = 4,
        ["may"] = 5, ["mai"] = 5,
        ["june"] = 6, ["jun"] = 6, ["juni"] = 6, ["juin"] = 6,
        ["july"] = 7, ["jul"] = 7, ["juli"] = 7, ["juillet"] = 7, ["juil"] = 7,
        ["august"] = 8, ["aug"] = 8, ["août"] = 8, ["aout"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["septembre"] = 9,
        ["october"] = 10, ["oct"] = 10, ["oktober"] = 10, ["okt"] = 10, ["octobre"] = 10,
        ["november"] = 11, ["nov"] = 11, ["novembre"] = 11,
        ["december"] = 12, ["dec"] = 12, ["dezember"] = 12, ["dez"] = 12, ["décembre"] = 12, ["decembre"] = 12, ["déc"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements looked at: enough for a page's header and article meta line, few enough to stay cheap.</summary>
    private const int MaxElements = 40;

    /// <summary>Text longer than this is a paragraph mentioning a date, not a date line.</summary>
    private const int MaxTextLength = 80;

    public static DateOnly? Find(IHtmlDocument doc)
    {
        foreach (var el in doc.QuerySelectorAll("[itemprop=datePublished], abbr.published[title], .published[title], time[pubdate]"))
        {
            var v = el.GetAttribute("content") ?? el.GetAttribute("datetime") ?? el.GetAttribute("title");
            if (HtmlMetadataReader.ParseDate(v) is { } d) return d;
            if (Parse(el.TextContent) is { } t) return t;
        }
        int seen = 0;
        foreach (var el in doc.QuerySelectorAll("[class*=date i], [id*=date i], [class*=posted i], [class*=published i], [class*=byline i], [class*=meta i] time, time"))
        {
            if (++seen > MaxElements) break;
            var text = el.TextContent;
            if (text.Length > MaxTextLength) continue;
            if (Parse(text) is { } d) return d;
        }
        return null;
    }

    /// <summary>The first written date in <paramref name="text"/>, or null.</summary>
    internal static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Iso.Match(text) is { Success: true } iso && Make(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value) is { } a) return a;
        if (Numeric.Match(text) is { Success: true } num && Make(num.Groups["y"].Value, num.Groups["m"].Value, num.Groups["d"].Value) is { } b) return b;
        foreach (var re in new[] { DayMonth, MonthDay })
        {
            var m = re.Match(text);
            if (m.Success && Months.TryGetValue(m.Groups["mon"].Value, out int month)
                && Make(m.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value) is { } c)
                return c;
        }
        return null;
    }

    private static DateOnly? Make(string y, string m, string d)
    {
        int year = int.Parse(y, CultureInfo.InvariantCulture), month = int.Parse(m, CultureInfo.InvariantCulture), day = int.Parse(d, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }
}
