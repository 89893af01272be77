using System.Collections.Frozen;
using System.Globalization;
using System.Net;

namespace Parallax.Ingest.Metadata;

/// <summary>
/// The outlet a URL names when the page names none: the site's registrable domain ("www.nbcnews.com",
/// "edition.cnn.com" and "m.cnn.com" are all "cnn.com"/"nbcnews.com"; "news.bbc.co.uk" is "bbc.co.uk"), so every page
/// of one publisher gets one outlet whatever server or edition it came from. A domain is kept as written rather than
/// made into a name ("kctv5.com", not a guessed "KCTV5"): it is exact, recognisable, and never wrong about spelling.
/// Sites that host many publishers ("abcnews.go.com", "x.substack.com") keep the publisher's label. A Wayback Machine
/// address names the archived page's site, not the archive.
/// </summary>
internal static class HostNames
{
    /// <summary>Second-level labels under a country code that are registries' categories, not names: "co.uk",
    /// "com.au", "gov.br", "ne.jp". Together they cover the common multi-part public suffixes without a full list.</summary>
    private static readonly FrozenSet<string> CategoryLabels = FrozenSet.Create(StringComparer.Ordinal,
        "co", "com", "net", "org", "gov", "gob", "gouv", "govt", "edu", "ac", "or", "ne", "go", "mil", "nic", "ltd",
        "plc", "sch", "nhs", "police", "nom", "asn", "id", "gv");

    /// <summary>Country codes that register names directly under themselves, where the labels above are ordinary
    /// names ("go.de" could be a site); the category rule applies to every other two-letter TLD.</summary>
    private static readonly FrozenSet<string> FlatCountryCodes = FrozenSet.Create(StringComparer.Ordinal,
        "de", "fr", "nl", "be", "ch", "it", "se", "dk", "no", "fi", "cz", "sk", "si", "hr", "lt", "lv", "ee", "is",
        "lu", "li", "ie", "us", "ca", "eu", "io", "ai", "me", "tv", "fm", "ly", "to", "cc", "ws", "la", "am", "gg");

    /// <summary>Shared hosts whose subdomains are separate publishers: a blog platform's "x.blogspot.com" is x's, and
    /// Disney's go.com carries "abcnews.go.com" and "espn.go.com".</summary>
    private static readonly FrozenSet<string> PlatformSuffixes = FrozenSet.Create(StringComparer.Ordinal,
        "go.com", "blogspot.com", "wordpress.com", "substack.com", "tumblr.com", "typepad.com", "livejournal.com",
        "github.io", "wixsite.com", "weebly.com", "medium.com", "ghost.io", "beehiiv.com", "squarespace.com",
        "ucoz.de", "ucoz.ru", "ucoz.com", "ucoz.net", "wikidot.com", "jimdo.com", "jimdofree.com", "webnode.com",
        "over-blog.com", "hatenablog.com", "blog.de", "tistory.com", "narod.ru");

    /// <summary>The outlet for <paramref name="url"/>: its site's registrable domain, lower-case, or null when it is
    /// not a web address with a host.</summary>
    public static string? OutletOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0
            || uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        if (ArchivedUrl(uri) is { } inner) return OutletOf(inner);
        return SiteOf(uri.Host);
    }

    /// <summary>"www.nbcnews.com" → "nbcnews.com", "news.bbc.co.uk" → "bbc.co.uk", "abcnews.go.com" stays; an IP
    /// address or a one-label host ("localhost") is returned as it is.</summary>
    public static string SiteOf(string host)
    {
        host = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0 || IPAddress.TryParse(host.Trim('[', ']'), out _)) return host;
        host = Unicode(host);
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length <= 2) return string.Join('.', labels);
        int suffix = SuffixLabels(labels);
        // One label before the public suffix is the registrable domain; everything before it is a server or an edition.
        int keep = Math.Min(labels.Length, suffix + 1);
        return string.Join('.', labels, labels.Length - keep, keep);
    }

    /// <summary>How many trailing labels form the public (or platform) suffix: 1 for "com", 2 for "co.uk" or
    /// "blogspot.com".</summary>
    private static int SuffixLabels(string[] labels)
    {
        var last2 = labels[^2] + "." + labels[^1];
        if (PlatformSuffixes.Contains(last2)) return 2;
        var tld = labels[^1];
        if (tld.Length == 2 && !FlatCountryCodes.Contains(tld) && CategoryLabels.Contains(labels[^2])) return 2;
        return 1;
    }

    /// <summary>"xn--sddeutsche-9db.de" → "süddeutsche.de": punycode is for machines.</summary>
    private static string Unicode(string host)
    {
        if (!host.Contains("xn--", StringComparison.Ordinal)) return host;
        try { return new IdnMapping().GetUnicode(host); }
        catch (ArgumentException) { return host; } // malformed punycode stays as written
    }

    /// <summary>The original address inside a Wayback Machine URL ("web.archive.org/web/20200808063632/https://…").</summary>
    private static string? ArchivedUrl(Uri uri)
    {
        if (!uri.Host.Equals("web.archive.org", StringComparison.OrdinalIgnoreCase)) return null;
        var path = uri.PathAndQuery;
        if (!path.StartsWith("/web/", StringComparison.Ordinal)) return null;
        int slash = path.IndexOf('/', 5);
        if (slash < 0) return null;
        var inner = path[(slash + 1)..];
        // The archive keeps "https://" but some links collapse it to "https:/".
        if (inner.StartsWith("http:/", StringComparison.OrdinalIgnoreCase) && !inner.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            inner = "http://" + inner[6..];
        else if (inner.StartsWith("https:/", StringComparison.OrdinalIgnoreCase) && !inner.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            inner = "https://" + inner[7..];
        else if (!inner.Contains("://", StringComparison.Ordinal))
            inner = "http://" + inner;
        return Uri.TryCreate(inner, UriKind.Absolute, out var u) && u.Host.Length > 0 && !u.Host.Equals(uri.Host, StringComparison.OrdinalIgnoreCase)
            ? u.ToString()
            : null;
    }
}
