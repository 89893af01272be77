using System.Text;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Support;

/// <summary>A small invented news page, read through the corpus reader as a file would be: for metadata tests.</summary>
public static class HtmlPage
{
    /// <summary>An article body with enough text to be kept as the page's main text.</summary>
    public const string ArticleBody = "<article><p>The Main Street bridge closed on Tuesday after inspectors found cracks in two of its piers, officials said. " +
        "The council said repairs would take about six weeks and cost 1.2 million dollars.</p><p>Residents said the detour adds twenty minutes.</p></article>";

    /// <summary>The metadata of a page made of <paramref name="head"/> and <paramref name="body"/>.</summary>
    public static DocumentMetadata Metadata(string head, string body = ArticleBody, string? url = null, string htmlAttributes = "")
    {
        var html = $"<html{htmlAttributes}><head>{head}</head><body>{body}</body></html>";
        var item = new CorpusReader().ReadHtml(Encoding.UTF8.GetBytes(html), "page.html", url);
        Assert.True(item.IsDocument, item.ToString());
        return item.Document.Metadata;
    }
}
