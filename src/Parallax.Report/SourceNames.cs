using Parallax.Model;

namespace Parallax.Report;

/// <summary>
/// What a reader recognises a source by, in the report, the web pages and the CLI: the outlet when one is known, else
/// the site of the document's url, else its file name ("004_f3cc9b…"), never a bare document id. Also the file name
/// alone for a document's origin, so no page shows a local folder.
/// </summary>
public static class SourceNames
{
    /// <summary>File names longer than this (without extension) are cut, keeping the start: "004_f3cc9b…".</summary>
    private const int MaxFileLabel = 10;

    /// <summary>The name a reader sees for <paramref name="doc"/>.</summary>
    public static string Of(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return Of(doc.Metadata.Outlet?.Value, doc.Metadata.Url, doc.Origin, doc.Id);
    }

    /// <summary>The outlet; else the url's site ("www.kctv5.com/…" → "kctv5.com"); else the origin's file name, cut
    /// to its first characters when long; else the url itself; the id only when there is nothing else.</summary>
    public static string Of(string? outlet, string? url, string? origin, string id)
    {
        if (!string.IsNullOrWhiteSpace(outlet)) return outlet.Trim();
        if (Site(url) is { } site) return site;
        if (FileLabel(origin) is { } file) return file;
        return string.IsNullOrWhiteSpace(url) ? id : url.Trim();
    }

    /// <summary>The host of an absolute http(s) url without "www.", or null.</summary>
    public static string? Site(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        var host = uri.IdnHost;
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) host = host[4..];
        return host.Length == 0 ? null : host.ToLowerInvariant();
    }

    /// <summary>The origin's file name without folders, keeping a record suffix ("feed.rss#item=3"); "-" and "stdin"
    /// read as "standard input". Null for no origin.</summary>
    public static string? FileName(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin)) return null;
        if (origin is "-" or "stdin") return "standard input";
        int hash = origin.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? origin : origin[..hash];
        var suffix = hash < 0 ? "" : origin[hash..];
        if (path is "-" or "stdin") return "standard input" + suffix;
        var name = path.Replace('\\', '/');
        int slash = name.TrimEnd('/').LastIndexOf('/');
        name = slash < 0 ? name : name[(slash + 1)..];
        return name.Length == 0 ? origin : name + suffix;
    }

    /// <summary>A short label from the origin's file name: no extension, the first characters of a long name
    /// ("004_f3cc9b3761784ec7.txt" → "004_f3cc9b…"), a record suffix kept ("feed#item=3").</summary>
    public static string? FileLabel(string? origin)
    {
        var file = FileName(origin);
        if (file is null || file.StartsWith("standard input", StringComparison.Ordinal)) return file;
        int hash = file.IndexOf('#', StringComparison.Ordinal);
        var name = hash < 0 ? file : file[..hash];
        var suffix = hash < 0 ? "" : file[hash..];
        if (name.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase)) name = name[..^8];
        else
        {
            int dot = name.LastIndexOf('.');
            if (dot > 0) name = name[..dot];
        }
        if (name.Length > MaxFileLabel + 1) name = name[..MaxFileLabel] + "…";
        return name + suffix;
    }

    /// <summary>Where a metadata value came from, in words a reader understands (for tooltips and the document page).</summary>
    public static string Provenance(MetadataSource source) => source switch
    {
        MetadataSource.Input => "given with the input",
        MetadataSource.Markup => "from the page's markup",
        MetadataSource.Header => "from the text's first lines",
        MetadataSource.Dateline => "from the dateline",
        MetadataSource.Byline => "from the byline",
        MetadataSource.SelfReference => "outlet named in the text",
        MetadataSource.FileName => "from the file name",
        MetadataSource.Url => "from the page's address",
        MetadataSource.Archive => "from the web archive's record",
        _ => "not stated",
    };
}
