using System.Globalization;
using Parallax.Ingest.Tests.Support;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Metadata;

/// <summary>Each metadata source on its own, read through the corpus reader, with the source it is credited to.</summary>
public sealed class MetadataSourcesTests
{
    private const string Body = HtmlPage.ArticleBody;

    private static DocumentMetadata Read(string head, string body = Body, string? url = null, string htmlAttributes = "") =>
        HtmlPage.Metadata(head, body, url, htmlAttributes);

    private static string Ld(string json) => $"<script type='application/ld+json'>{json}</script>";

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("<meta property='article:published_time' content='2019-07-23T08:00:00-05:00'>", "")]
    [InlineData("<meta itemprop='datePublished' content='2019-07-23'>", "")]
    [InlineData("<meta name='pubdate' content='2019-07-23'>", "")]
    [InlineData("<meta name='date' content='2019-07-23'>", "")]
    [InlineData("", "<time datetime='2019-07-23T10:00:00Z'>Tuesday</time>")]
    [InlineData("", "<div class='entry-date'>23. Juli 2019</div>")]
    [InlineData("", "<p class='byline'>By Jo Park, July 23, 2019</p>")]
    public void Each_markup_date_source_gives_the_publication_date(string head, string body)
    {
        var m = Read(head, body + Body);
        Assert.Equal(new Sourced<DateOnly>(Day("2019-07-23"), MetadataSource.Markup), m.Published);
    }

    [Fact]
    public void Json_ld_news_article_dates()
    {
        var m = Read(Ld("{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-07-23\",\"dateModified\":\"2019-07-25T09:00:00Z\"}"));
        Assert.Equal(Day("2019-07-23"), m.Published!.Value.Value);
        Assert.Equal(new Sourced<DateOnly>(Day("2019-07-25"), MetadataSource.Markup), m.Modified);
    }

    [Fact]
    public void Article_published_time_outranks_json_ld_and_time_elements()
    {
        var m = Read("<meta property='article:published_time' content='2019-07-23'>" + Ld("{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-07-20\"}"),
            "<time datetime='2019-07-01'>July 1</time>" + Body);
        Assert.Equal(Day("2019-07-23"), m.Published!.Value.Value);
    }

    [Fact]
    public void Og_updated_time_gives_the_modified_date() =>
        Assert.Equal(Day("2019-08-01"), Read("<meta property='og:updated_time' content='2019-08-01T12:00:00+02:00'>").Modified!.Value.Value);

    [Fact]
    public void A_file_name_date_is_used_when_the_page_has_none()
    {
        using var dir = new TempDir();
        var f = dir.Write("2019-07-23-bridge.html", $"<html><body>{Body}</body></html>");
        var doc = Assert.Single(new CorpusReader().Read([f], TestContext.Current.CancellationToken)).Document!;
        Assert.Equal(new Sourced<DateOnly>(Day("2019-07-23"), MetadataSource.FileName), doc.Metadata.Published);
    }

    [Fact]
    public void A_markup_date_after_the_crawl_gives_way_to_the_url_date()
    {
        var warc = new WarcBuilder().Page("https://gazette.example/2019/07/23/bridge",
            $"<html><head><meta property='article:published_time' content='2031-01-01'></head><body>{Body}</body></html>").Plain();
        using var dir = new TempDir();
        var doc = Assert.Single(new CorpusReader().Read([dir.WriteBytes("crawl.warc", warc)], TestContext.Current.CancellationToken), i => i.IsDocument).Document!;
        Assert.Equal(new Sourced<DateOnly>(Day("2019-07-23"), MetadataSource.Url), doc.Metadata.Published);
    }

    [Fact]
    public void With_no_other_date_the_crawl_date_stands_in_and_says_so()
    {
        var warc = new WarcBuilder().Page("https://gazette.example/news/bridge", $"<html><body>{Body}</body></html>").Plain();
        using var dir = new TempDir();
        var doc = Assert.Single(new CorpusReader().Read([dir.WriteBytes("crawl.warc", warc)], TestContext.Current.CancellationToken), i => i.IsDocument).Document!;
        Assert.Equal(new Sourced<DateOnly>(Day("2019-07-24"), MetadataSource.Archive), doc.Metadata.Published);
        Assert.Equal(Day("2019-07-24"), doc.Metadata.Retrieved);
    }

    [Theory]
    [InlineData("<meta property='og:site_name' content='Riverton Gazette'>")]
    [InlineData("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Riverton Gazette\"}}</script>")]
    [InlineData("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"publisher\":[{\"name\":\"Riverton Gazette\"},{\"name\":\"Other\"}]}</script>")]
    [InlineData("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"publisher\":\"Riverton Gazette\"}</script>")]
    [InlineData("<meta name='application-name' content='Riverton Gazette'>")]
    public void Each_markup_outlet_source_names_the_outlet(string head) =>
        Assert.Equal(new Sourced<string>("Riverton Gazette", MetadataSource.Markup), Read(head, url: "https://www.gazette.example/x").Outlet);

    [Fact]
    public void Og_site_name_outranks_json_ld_publisher() =>
        Assert.Equal("Gazette Online", Read("<meta property='og:site_name' content='Gazette Online'>"
            + Ld("{\"@type\":\"NewsArticle\",\"publisher\":{\"name\":\"Gazette Media Group\"}}")).Outlet!.Value.Value);

    [Fact]
    public void Without_markup_or_url_the_texts_self_reference_names_the_outlet()
    {
        var m = Read("", "<article><p>The Main Street bridge closed on Tuesday after inspectors found cracks in two of its piers, officials said. " +
            "The Riverton Gazette has reached out to the county for comment.</p></article>");
        Assert.Equal(new Sourced<string>("The Riverton Gazette", MetadataSource.SelfReference), m.Outlet);
    }

    [Theory]
    [InlineData("<meta name='parsely-author' content='Jo Park'>", "")]
    [InlineData("<meta name='sailthru.author' content='Jo Park'>", "")]
    [InlineData("<meta name='dc.creator' content='Jo Park'>", "")]
    [InlineData("", "<div itemprop='author' itemscope><span itemprop='name'>Jo Park</span></div>")]
    [InlineData("", "<span class='byline-author'>By Jo Park</span>")]
    [InlineData("", "<div class='author'><a href='/staff/jo'>Jo Park</a></div>")]
    public void Each_author_source_names_the_author(string head, string body)
    {
        var m = Read(head, body + Body);
        Assert.Equal(new Sourced<string>("Jo Park", MetadataSource.Markup), new Sourced<string>(Assert.Single(m.Authors!.Value.Value), m.Authors.Value.Source));
    }

    [Fact]
    public void Json_ld_authors_outrank_meta_authors() =>
        Assert.Equal(["Dana Reyes"], Read("<meta name='author' content='Jo Park'>" + Ld("{\"@type\":\"Article\",\"author\":{\"name\":\"Dana Reyes\"}}")).Authors!.Value.Value);

    [Theory]
    [InlineData("", " lang='en-GB'", "en-GB")]
    [InlineData("<meta http-equiv='Content-Language' content='de'>", "", "de")]
    [InlineData("<meta property='og:locale' content='fr_FR'>", "", "fr-FR")]
    [InlineData("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"inLanguage\":\"es\"}</script>", "", "es")]
    public void Each_language_source_gives_a_language_tag(string head, string htmlAttributes, string expected) =>
        Assert.Equal(new Sourced<string>(expected, MetadataSource.Markup), Read(head, htmlAttributes: htmlAttributes).Language);

    [Theory]
    [InlineData(" lang='english'")]
    [InlineData(" lang='e'")]
    [InlineData(" lang='en_US;q=1'")]
    public void Malformed_language_values_give_none(string htmlAttributes) => Assert.Null(Read("", htmlAttributes: htmlAttributes).Language);

    [Theory]
    [InlineData("<link rel='canonical' href='https://gazette.example/news/bridge'>", "https://gazette.example/news/bridge")]
    [InlineData("<meta property='og:url' content='https://gazette.example/news/bridge'>", "https://gazette.example/news/bridge")]
    [InlineData("<link rel='canonical' href='javascript:alert(1)'>", null)]
    [InlineData("<link rel='canonical' href='/news/bridge'>", null)]
    public void Canonical_url_sources_for_a_page_read_without_an_address(string head, string? expected) =>
        Assert.Equal(expected, Read(head).Url);

    [Theory]
    [InlineData("<meta property='og:title' content='Main Street bridge closes'>")]
    [InlineData("<meta name='twitter:title' content='Main Street bridge closes'>")]
    [InlineData("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Main Street bridge closes\"}</script>")]
    [InlineData("<title>Main Street bridge closes | Riverton Gazette</title><meta property='og:site_name' content='Riverton Gazette'>")]
    public void Each_title_source_gives_the_headline(string head) =>
        Assert.Equal(new Sourced<string>("Main Street bridge closes", MetadataSource.Markup), Read(head).Title);
}
