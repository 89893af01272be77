using System.Buffers;
using System.Text;

namespace Parallax.Ingest.Html;

/// <summary>
/// The parts of a page that <see cref="HtmlMetadataReader"/> looks at, as a much smaller HTML document: the html
/// element's attributes, title, the meta and link tags the rules can read, JSON-LD scripts, h1 and time elements, and
/// the whole subtree of any element whose attributes could name an author or a date (itemprop, rel=author, class or id
/// with "date", "author", "byline", "meta", "posted", "published", "vcard", "fn"), in page order. Parsing this instead of the page keeps
/// AngleSharp off the hot path's article body, menus and scripts while the metadata rules stay as they are.
/// </summary>
internal static class MetadataSkeleton
{
    /// <summary>A subtree longer than this is a wrapper (class "post-meta-wrapper" around the article), not a byline;
    /// what it held beyond this is left out.</summary>
    private const int MaxSubtreeChars = 4000;

    private static readonly SearchValues<string> InterestingWords = SearchValues.Create(
        ["date", "author", "byline", "meta", "posted", "published", "vcard", "fn"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Every meta name, property or itemprop that <see cref="HtmlMetadataReader"/> asks for. Other meta tags
    /// (viewport, keywords, description, twitter cards…) are most of a page's head and are left out of the skeleton.</summary>
    private static readonly HashSet<string> MetaKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "og:site_name", "application-name", "og:title", "twitter:title", "article:published_time", "datePublished",
        "pubdate", "date", "og:url", "article:modified_time", "dateModified", "og:updated_time", "author",
        "article:author", "parsely-author", "sailthru.author", "dc.creator", "og:locale", "content-language",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MetaKeyLookup = MetaKeys.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Build(string html)
    {
        var t = new HtmlTokenizer(html);
        var sb = new StringBuilder(Math.Min(html.Length / 4, 64 * 1024) + 64);
        sb.Append("<html>");
        int depth = 0;          // open elements inside the subtree being copied; 0 when not copying
        int subtreeStart = 0;
        string? rawKeep = null; // a raw-text element whose content is copied (title, JSON-LD)
        while (true)
        {
            var kind = t.Next();
            if (kind == HtmlTokenKind.End) break;
            switch (kind)
            {
                case HtmlTokenKind.Text:
                    if (depth > 0) Copy(sb, t);
                    break;
                case HtmlTokenKind.RawText:
                    if (rawKeep is not null) Copy(sb, t);
                    break;
                case HtmlTokenKind.StartTag:
                {
                    var name = t.Name;
                    rawKeep = null;
                    if (name == "html")
                    {
                        // Only its attributes matter (lang); the document already has an html element.
                        sb.Append("<html");
                        sb.Append(html, t.TokenStart + 5, t.TokenEnd - t.TokenStart - 5);
                        break;
                    }
                    if (name is "script" or "style" or "svg" or "noscript" or "template")
                    {
                        if (name == "script" && t.Attribute("type").Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                        {
                            Copy(sb, t);
                            rawKeep = name;
                        }
                        break;
                    }
                    if (name == "title") { Copy(sb, t); rawKeep = name; break; }
                    if (name is "meta" or "link")
                    {
                        if (Wanted(t, name)) Copy(sb, t);
                        break;
                    }
                    if (depth > 0)
                    {
                        Copy(sb, t);
                        if (!t.SelfClosing && !IsVoid(name)) depth++;
                        if (sb.Length - subtreeStart > MaxSubtreeChars) { sb.Append("</").Append(name).Append('>'); depth = 0; }
                        break;
                    }
                    if (name is "h1" or "time" || Interesting(t))
                    {
                        if (t.SelfClosing || IsVoid(name)) { Copy(sb, t); break; }
                        subtreeStart = sb.Length;
                        Copy(sb, t);
                        depth = 1;
                    }
                    break;
                }
                case HtmlTokenKind.EndTag:
                    if (rawKeep is not null && t.Name == rawKeep) { Copy(sb, t); rawKeep = null; break; }
                    if (depth > 0)
                    {
                        Copy(sb, t);
                        depth--;
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    private static void Copy(StringBuilder sb, HtmlTokenizer t) => sb.Append(t.Source, t.TokenStart, t.TokenEnd - t.TokenStart);

    private static bool IsVoid(string name) =>
        name is "br" or "img" or "hr" or "meta" or "link" or "input" or "area" or "base" or "col" or "embed" or "source"
            or "track" or "wbr" or "param";

    private static bool Interesting(HtmlTokenizer t)
    {
        if (t.HasAttribute("itemprop")) return true;
        // rel matters only as rel=author; "nofollow" and "bookmark" links are everywhere and would bring whole menus.
        if (t.TryAttribute("rel", out var rel) && (rel.Contains("author", StringComparison.OrdinalIgnoreCase) || rel.Contains('&'))) return true;
        return t.Attribute("class").ContainsAny(InterestingWords) || t.Attribute("id").ContainsAny(InterestingWords);
    }

    /// <summary>
    /// Whether a meta or link tag could matter to a metadata rule: a meta whose name, property or http-equiv is asked
    /// for, a link that could be canonical or an author's, and any tag with an itemprop, class or id (selectors such
    /// as [itemprop=author] or [class*=date] can match a meta or link, and the readers count what they match).
    /// Values holding character references are kept unread. Leaving the rest out changes no metadata value.
    /// </summary>
    private static bool Wanted(HtmlTokenizer t, string name)
    {
        if (t.HasAttribute("itemprop") || t.HasAttribute("class") || t.HasAttribute("id")) return true;
        if (name == "link")
        {
            var rel = t.Attribute("rel");
            return rel.Contains("canonical", StringComparison.OrdinalIgnoreCase) || rel.Contains("author", StringComparison.OrdinalIgnoreCase)
                || rel.Contains('&');
        }
        return Key(t.Attribute("name")) || Key(t.Attribute("property")) || Key(t.Attribute("http-equiv"));

        static bool Key(ReadOnlySpan<char> value) => !value.IsEmpty && (value.Contains('&') || MetaKeyLookup.Contains(value));
    }
}
