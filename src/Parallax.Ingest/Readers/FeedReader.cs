using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Parallax.Ingest.Html;
using Parallax.Model;

namespace Parallax.Ingest.Readers;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom feeds (.rss, .atom, or a feed given on standard input): each item or
/// entry becomes a document from its full content (content:encoded, Atom content) or else its description/summary,
/// with its link, date and authors; the channel's title is the outlet. Origins are "file#item=N" (1-based). The XML
/// parser resolves nothing external and expands no DTD, so a hostile feed cannot fetch files or blow up entities; a
/// file that is not XML, or not a feed, is one rejection.
/// </summary>
internal sealed class FeedReader(IngestOptions options, DraftBuilder builder)
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Safe settings: DTDs ignored, no resolver, bounded entity expansion, no XML depth surprises.</summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public IEnumerable<ReadResult> Read(string path, string origin, CancellationToken ct)
    {
        var (bytes, error) = FileLoader.Load(path, options.MaxFileBytes);
        if (bytes is null) return [new Rejection(origin, error!)];
        return ReadBytes(bytes, origin, ct);
    }

    /// <summary>True when the start of a document names a feed root (used to sniff standard input and .xml).</summary>
    internal static bool LooksLikeFeed(string head) =>
        head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
        || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadResult> ReadBytes(byte[] bytes, string origin, CancellationToken ct)
    {
        // Deep nesting makes building and walking the tree slow and recursive; feeds nest a few levels.
        if (HtmlDepth.Exceeds(Encoding.Latin1.GetString(bytes), HtmlDepth.MaxDepth, xml: true))
            return [new Rejection(origin, $"XML nested deeper than {HtmlDepth.MaxDepth} levels")];
        // Item by item: malformed XML in one item keeps the items before it (a tree of the whole file kept none).
        var items = new List<XElement>();
        string? root = null, title = null;
        XmlException? broken = null;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            if (reader.MoveToContent() == XmlNodeType.Element)
            {
                root = reader.LocalName;
                if (root is "rss" or "RDF" or "feed") ReadItems(reader, root, items, ref title, ct);
            }
        }
        catch (XmlException ex)
        {
            broken = ex;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            // An encoding the XML declaration names but .NET cannot decode.
            return [new Rejection(origin, $"unreadable XML feed ({ex.Message.TrimEnd('.')})")];
        }
        if (broken is not null && items.Count == 0)
            return [new Rejection(origin, $"not a well-formed XML feed (line {broken.LineNumber}, position {broken.LinePosition})")];
        if (broken is null && root is not ("rss" or "RDF" or "feed"))
            return [new Rejection(origin, $"not an RSS or Atom feed (root element <{root ?? "none"}>)")];
        var results = root == "feed" ? Items(items, title, origin, AtomEntry, ct) : Items(items, title, origin, Rss, ct);
        return broken is null ? results : results.Append(new Rejection(origin,
            $"not well-formed XML from line {broken.LineNumber}, position {broken.LinePosition}; the {items.Count} items before it were read"));
    }

    /// <summary>The feed's items (RSS item, RDF item, Atom entry) and its title, read one element at a time.</summary>
    private static void ReadItems(XmlReader reader, string root, List<XElement> items, ref string? title, CancellationToken ct)
    {
        bool atom = root == "feed";
        reader.Read();
        while (!reader.EOF)
        {
            ct.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            var name = reader.LocalName;
            bool isItem = atom ? name == "entry" && reader.NamespaceURI == Atom.NamespaceName
                : name == "item" && (root == "RDF" || reader.NamespaceURI.Length == 0);
            if (isItem && reader.Depth <= 2) { items.Add((XElement)XNode.ReadFrom(reader)); continue; }
            // The feed's title: Atom's under the root, RSS's under the channel.
            if (name == "title" && title is null && reader.Depth == (atom ? 1 : 2)) { title = Text((XElement)XNode.ReadFrom(reader)); continue; }
            if (name == "channel" && reader.Depth == 1) { reader.Read(); continue; }
            reader.Skip();
        }
    }

    private sealed record FeedItem(string? Title, string? Link, string? Html, string? PlainText, DateOnly? Published, ImmutableArray<string> Authors);

    private IEnumerable<ReadResult> Items(IEnumerable<XElement> items, string? feedTitle, string origin, Func<XElement, FeedItem> parse, CancellationToken ct)
    {
        int n = 0;
        foreach (var element in items)
        {
            ct.ThrowIfCancellationRequested();
            n++;
            var at = $"{origin}#item={n.ToString(CultureInfo.InvariantCulture)}";
            var item = parse(element);
            var given = new DocumentMetadata
            {
                Title = item.Title is null ? null : new Sourced<string>(item.Title, MetadataSource.Markup),
                Outlet = feedTitle is null ? null : new Sourced<string>(feedTitle, MetadataSource.Markup),
                Published = item.Published is { } d ? new Sourced<DateOnly>(d, MetadataSource.Markup) : null,
                Url = item.Link,
                Authors = item.Authors.IsEmpty ? null : new Sourced<ImmutableArray<string>>(item.Authors, MetadataSource.Markup),
            };
            if (item.Html is not null)
            {
                Uri.TryCreate(item.Link, UriKind.Absolute, out var uri);
                // Wrapped as an article so extraction keeps all of it; feed content has no page furniture to find.
                var html = "<html><body><article>" + item.Html + "</article></body></html>";
                yield return ReadResult.Deferred(() => builder.FromHtml(at, html, given, uri, fileName: null));
            }
            else if (item.PlainText is not null) yield return builder.FromText(at, item.PlainText, given, fileName: null);
            else yield return new Rejection(at, "feed item without content or description");
        }
        if (n == 0) yield return new Rejection(origin, "feed without items");
    }

    private static FeedItem Rss(XElement item)
    {
        string? Child(string name) => Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == name && e.Name.Namespace == XNamespace.None));
        var html = Text(item.Element(Content + "encoded")) ?? Child("description");
        var link = Child("link") ?? PermaLinkGuid(item);
        var date = FeedDates.Parse(Child("pubDate")) ?? FeedDates.Parse(Text(item.Element(Dc + "date")));
        var authors = item.Elements(Dc + "creator").Select(Text).Append(Child("author")).Select(CleanAuthor)
            .Where(a => a is not null).Select(a => a!).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new FeedItem(Child("title"), link, html, null, date, authors);
    }

    private static string? PermaLinkGuid(XElement item)
    {
        var guid = item.Element("guid");
        if (guid is null || (string?)guid.Attribute("isPermaLink") == "false") return null;
        var v = Text(guid);
        return v is not null && Uri.TryCreate(v, UriKind.Absolute, out _) ? v : null;
    }

    private static FeedItem AtomEntry(XElement entry)
    {
        var link = entry.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => (string?)l.Attribute("href")).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));
        string? html = null, plain = null;
        foreach (var candidate in new[] { entry.Element(Atom + "content"), entry.Element(Atom + "summary") })
        {
            if (candidate is null) continue;
            var type = ((string?)candidate.Attribute("type") ?? "text").ToLowerInvariant();
            if (type == "xhtml") html = string.Concat(candidate.Nodes().Select(n => n.ToString()));
            else if (type == "html") html = Text(candidate);
            else if (type == "text") plain = Text(candidate);
            if (html is not null || plain is not null) break;
        }
        var date = FeedDates.Parse(Text(entry.Element(Atom + "published"))) ?? FeedDates.Parse(Text(entry.Element(Atom + "updated")));
        var authors = entry.Elements(Atom + "author").Select(a => CleanAuthor(Text(a.Element(Atom + "name"))))
            .Where(a => a is not null).Select(a => a!).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new FeedItem(Text(entry.Element(Atom + "title")), link, string.IsNullOrWhiteSpace(html) ? null : html, plain, date, authors);
    }

    /// <summary>RSS author is "email (Name)" by the spec; the name is what a reader wants.</summary>
    private static string? CleanAuthor(string? author)
    {
        if (author is null) return null;
        int open = author.IndexOf('(', StringComparison.Ordinal);
        int close = author.LastIndexOf(')');
        if (author.Contains('@', StringComparison.Ordinal) && open >= 0 && close > open) author = author[(open + 1)..close];
        author = author.Trim();
        return author.Length == 0 || author.Contains('@', StringComparison.Ordinal) ? null : author;
    }

    private static string? Text(XElement? e)
    {
        if (e is null) return null;
        var v = e.Value.Trim();
        return v.Length == 0 ? null : v;
    }
}

/// <summary>Dates as feeds write them: RFC 822 in RSS ("Tue, 23 Jul 2019 10:00:00 GMT", zone names included),
/// ISO 8601 in Atom and Dublin Core.</summary>
internal static class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (HtmlMetadataReader.ParseDate(value) is { } iso) return iso;
        // RFC 822: [weekday,] day month year time zone. Only the calendar date is needed, so the zone is not parsed.
        var parts = value.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 2 < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out int day)) continue;
            var mon = parts[i + 1].Length >= 3 ? parts[i + 1][..3].ToLowerInvariant() : "";
            int month = Array.IndexOf(Months, mon) + 1;
            if (month == 0 || !int.TryParse(parts[i + 2], NumberStyles.None, CultureInfo.InvariantCulture, out int year)) continue;
            if (year < 100) year += year < 50 ? 2000 : 1900; // RFC 822 allows two-digit years
            if (year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
            return new DateOnly(year, month, day);
        }
        return null;
    }
}
