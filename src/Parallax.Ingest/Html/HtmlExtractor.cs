using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Parallax.Model;

namespace Parallax.Ingest.Html;

/// <summary>Main text and markup metadata of one HTML page.</summary>
/// <param name="Text">The article text, paragraphs separated by "\n\n"; empty when the page has no readable text.</param>
/// <param name="Metadata">Title, outlet, publication date and canonical URL found in the markup.</param>
public sealed record HtmlExtraction(string Text, DocumentMetadata Metadata)
{
    /// <summary>The page nests deeper than <see cref="HtmlDepth.MaxDepth"/>, so tree-based extraction was not tried.</summary>
    public bool TooDeep { get; init; }
}

/// <summary>
/// Extracts the article from an HTML page without any network access. <see cref="SmartReader"/>: SmartReader (a port of
/// Mozilla Readability) after page furniture is removed, rendered to text with paragraph breaks kept, and when that
/// finds little, a simpler extraction (article / main / body minus page furniture). <see cref="Blocks"/>: the
/// single-pass <see cref="BlockExtractor"/> finds the text and metadata is read from a <see cref="MetadataSkeleton"/>
/// of the page; when the blocks hold under <see cref="MinBlockChars"/> characters, the SmartReader path runs instead.
/// <see cref="Blocks"/> is what <see cref="IngestOptions.HtmlText"/> chooses by default.
/// Safe to share between threads.
/// </summary>
/// <remarks>
/// Measured with `parallax eval extract` on ../shared/data/extraction/trafilatura-eval (must-keep / must-drop snippets,
/// after the <see cref="Cleaning.BoilerplateCleaner"/>): the SmartReader path F1 0.898 (0.906 on the odd, held-out
/// pages); the block extractor with its fallback 0.916 (0.925 on the even pages its rules were tuned on, 0.908 on
/// the held-out ones, falling back on 1.8 % of pages): a little better and several times faster, so it is the default.
/// SmartReader's own TextContent glues list items together, hence the renderer.
/// </remarks>
public sealed class HtmlExtractor
{
    /// <summary>A shared instance of the SmartReader path: SmartReader after furniture removal.</summary>
    public static HtmlExtractor SmartReader { get; } = new(useBlocks: false);

    /// <summary>A shared instance of the block path: <see cref="BlockExtractor"/>, SmartReader when it finds little.</summary>
    public static HtmlExtractor Blocks { get; } = new(useBlocks: true);

    private readonly bool _useBlocks;

    private HtmlExtractor(bool useBlocks) => _useBlocks = useBlocks;

    /// <summary>Below this many characters the block extractor's result is treated as a miss (a page whose text is
    /// not in paragraphs, or a teaser) and the SmartReader path runs instead.</summary>
    public const int MinBlockChars = 200;

    /// <summary>SmartReader needs a URI to resolve links; this one is never fetched.</summary>
    private static readonly Uri PlaceholderUri = new("https://localhost/");

    /// <summary>Below this many characters a Readability result is treated as a miss (a caption or a teaser) and the
    /// fallback is tried; 200 is a short news brief.</summary>
    private const int MinReadableChars = 200;

    /// <summary>A parser per page: AngleSharp parsers share a browsing context and are not documented as thread-safe,
    /// and creating one is cheap next to parsing a page.</summary>
    private static HtmlParser NewParser() => new(new HtmlParserOptions { IsScripting = false });

    private static readonly Regex FurnitureClass = new(
        @"(?:^|[\s_-])(?:comments?|share|sharing|social|related|recirc|promo|newsletter|subscribe|subscription|advert|ad-|ads|cookie|sidebar|menu|footer|breadcrumbs?|outbrain|taboola|more-stories|byline|author-bio|nav|navigation|masthead|paywall|signup|sign-up)(?:$|[\s_-])",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Class/id words that name furniture on every site that uses them (a narrower list than
    /// <see cref="FurnitureClass"/>, which also removes wrappers that Readability needs to see).</summary>
    private static readonly Regex StrongFurnitureClass = new(
        @"(?:^|[\s_-])(?:comments?|commentlist|related|newsletter|cookies?|consent|breadcrumbs?|outbrain|taboola|social|share|sharing|subscribe|recommended|popular|trending|author-bio|pagination)(?:$|[\s_-])",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Extracts text and metadata from <paramref name="html"/>. <paramref name="pageUri"/>, when known,
    /// resolves relative canonical links.</summary>
    public HtmlExtraction Extract(string html, Uri? pageUri = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (_useBlocks)
        {
            var blocks = BlockExtractor.Extract(html);
            if (blocks.Length >= MinBlockChars) return new HtmlExtraction(blocks, SkeletonMetadata(html, pageUri));
            // The fallback walks a tree recursively; on a page nested too deeply for that, what the blocks found stands.
            if (HtmlDepth.Exceeds(html, HtmlDepth.MaxDepth))
                return new HtmlExtraction(blocks, SkeletonMetadata(html, pageUri)) { TooDeep = true };
        }
        else if (HtmlDepth.Exceeds(html, HtmlDepth.MaxDepth))
            return new HtmlExtraction("", new DocumentMetadata()) { TooDeep = true };
        var doc = NewParser().ParseDocument(html);
        var metadata = HtmlMetadataReader.Read(doc, pageUri);

        // SmartReader rewrites the document it is given, so the fallback gets a fresh parse when it is needed.
        RemoveFurniture(doc);
        var text = ReadabilityText(doc, pageUri);
        if (text.Length < MinReadableChars)
        {
            // On tiny pages Readability keeps whatever is there, menus included; the structural extraction drops page
            // furniture, so it wins unless it lost most of the text.
            var fallback = FallbackText(NewParser().ParseDocument(html));
            if (fallback.Length * 2 >= text.Length) text = fallback;
        }
        return new HtmlExtraction(text, metadata);
    }

    /// <summary>
    /// Removes page furniture before Readability scores the page: navigation, asides, footers, forms, comment
    /// threads, related-article and newsletter boxes, named by element, role, or class/id words. An element is kept
    /// when it holds most of the page's text (a wrapper whose class happens to say "related" or "footer").
    /// </summary>
    internal static void RemoveFurniture(IHtmlDocument doc)
    {
        var body = doc.Body;
        if (body is null) return;
        int total = body.TextContent.Length;
        bool Small(IElement el) => el.TextContent.Length * 2 < total;
        foreach (var el in body.QuerySelectorAll("nav, aside, footer, form, [role=navigation], [role=complementary], [role=contentinfo], [aria-hidden=true]").ToList())
            if (Small(el)) el.Remove();
        foreach (var el in body.QuerySelectorAll("[class], [id]").ToList())
        {
            if (el.LocalName is "body" or "html" or "main" or "article" || el.ParentElement is null) continue;
            var key = (el.GetAttribute("class") + " " + el.Id).Trim();
            if (key.Length > 0 && StrongFurnitureClass.IsMatch(key) && Small(el)) el.Remove();
        }
    }

    /// <summary>Metadata from the page's <see cref="MetadataSkeleton"/>, which AngleSharp parses in a fraction of the
    /// time the whole page takes; none when even the skeleton nests too deeply for the recursive selectors.</summary>
    private static DocumentMetadata SkeletonMetadata(string html, Uri? pageUri)
    {
        var skeleton = MetadataSkeleton.Build(html);
        if (HtmlDepth.Exceeds(skeleton, HtmlDepth.MaxDepth)) return new DocumentMetadata();
        return HtmlMetadataReader.Read(NewParser().ParseDocument(skeleton), pageUri);
    }

    internal static string ReadabilityText(IHtmlDocument doc, Uri? pageUri)
    {
        try
        {
            using var reader = new SmartReader.Reader((pageUri ?? PlaceholderUri).ToString(), doc);
            var article = reader.GetArticle();
            if (string.IsNullOrWhiteSpace(article.Content)) return "";
            var fragment = NewParser().ParseDocument("<body>" + article.Content + "</body>");
            return HtmlTextRenderer.Render(fragment.Body!);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A third-party heuristic failing on one odd page must not lose the page: the fallback takes over.
            return "";
        }
    }

    /// <summary>The article element (or main, or body) without navigation, asides, forms and elements whose class or id
    /// names page furniture.</summary>
    internal static string FallbackText(IHtmlDocument doc)
    {
        var body = doc.Body;
        if (body is null) return "";
        foreach (var el in body.QuerySelectorAll("nav, header, footer, aside, form, [role=navigation], [role=complementary], [aria-hidden=true]").ToList())
            el.Remove();
        foreach (var el in body.QuerySelectorAll("[class], [id]").ToList())
        {
            var key = (el.GetAttribute("class") + " " + el.Id).Trim();
            if (el.LocalName is not ("body" or "html" or "main" or "article") && FurnitureClass.IsMatch(key)) el.Remove();
        }
        IElement root = body.QuerySelector("[itemprop=articleBody]")
            ?? LargestArticle(body)
            ?? body.QuerySelector("main, [role=main]")
            ?? body;
        return HtmlTextRenderer.Render(root);
    }

    private static IElement? LargestArticle(IElement body)
    {
        IElement? best = null;
        int bestLength = 0;
        foreach (var article in body.QuerySelectorAll("article"))
        {
            int length = article.QuerySelectorAll("p").Sum(p => p.TextContent.Length);
            if (length > bestLength) { best = article; bestLength = length; }
        }
        return best;
    }
}
