using Parallax.Ingest.Readers;
using Parallax.Ingest.Tests.Support;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Metadata;

public sealed class HtmlMetadataAdditionsTests
{
    private const string Body = HtmlPage.ArticleBody;

    private static DocumentMetadata Read(string head, string body = Body, string? url = null, string htmlAttributes = "") =>
        HtmlPage.Metadata(head, body, url, htmlAttributes);

    [Fact]
    public void Json_ld_gives_authors_modified_date_and_language()
    {
        var m = Read("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Bridge\",\"datePublished\":\"2019-07-23T08:00:00-05:00\"," +
                     "\"dateModified\":\"2019-07-24T10:00:00Z\",\"inLanguage\":\"en-US\",\"author\":[{\"@type\":\"Person\",\"name\":\"Dana Reyes\"},\"Sam Ortiz\"]}</script>");
        Assert.Equal(["Dana Reyes", "Sam Ortiz"], m.Authors!.Value.Value);
        Assert.Equal(MetadataSource.Markup, m.Authors.Value.Source);
        Assert.Equal(new DateOnly(2019, 7, 24), m.Modified!.Value.Value);
        Assert.Equal(new DateOnly(2019, 7, 23), m.Published!.Value.Value);
        Assert.Equal("en-US", m.Language!.Value.Value);
    }

    [Fact]
    public void Meta_tags_give_authors_but_not_profile_urls_and_html_lang_gives_language()
    {
        var m = Read("<meta name='author' content='By Kim Lee'><meta property='article:author' content='https://facebook.com/kimlee'>" +
                     "<meta property='article:modified_time' content='2020-01-02'>", htmlAttributes: " lang='de_AT'");
        Assert.Equal(["Kim Lee"], m.Authors!.Value.Value);
        Assert.Equal(new DateOnly(2020, 1, 2), m.Modified!.Value.Value);
        Assert.Equal("de-AT", m.Language!.Value.Value);
    }

    [Fact]
    public void Rel_author_link_is_the_last_resort_for_authors()
    {
        var m = Read("", "<p class='byline'>By <a rel='author' href='/staff/jo'>Jo Park</a></p>" + Body);
        Assert.Equal(["Jo Park"], m.Authors!.Value.Value);
    }

    [Theory]
    [InlineData("<title>Uberspace und Let’s Encrypt – Am Rande der Realität</title>", "<h1>Uberspace und Let’s Encrypt</h1>", null, "Uberspace und Let’s Encrypt")]
    [InlineData("<title>seelenradio » Nummer zwei: Leo</title>", "", "https://www.seelenradio.de/leo", "Nummer zwei: Leo")]
    [InlineData("<title>Apple kippt Pläne - mobilsicher.de</title>", "", "https://mobilsicher.de/x", "Apple kippt Pläne")]
    [InlineData("<title>Covid-19 - what we know</title>", "", null, "Covid-19 - what we know")]
    public void Titles_lose_their_site_part(string head, string h1, string? url, string expected)
    {
        var m = Read(head, h1 + Body, url);
        Assert.Equal(expected, m.Title!.Value.Value);
    }

    [Fact]
    public void Blog_theme_author_links_lose_their_labels()
    {
        var m = Read("", "<div class='entry-meta'><span class='author vcard'><a class='url fn n' href='/author/jo'>Zeige alle Beiträge von Jo Park →</a></span></div>" + Body);
        Assert.Equal(["Jo Park"], m.Authors!.Value.Value);
    }

    [Theory]
    [InlineData("https://example.com/2019/07/23/bridge-closes", "2019-07-23")]
    [InlineData("https://example.com/news/2019-07-23-bridge", "2019-07-23")]
    [InlineData("https://example.com/2019/7/3/bridge", "2019-07-03")]
    [InlineData("https://example.com/2019/02/30/bad-day", null)]
    [InlineData("https://example.com/2019/123/bridge", null)]
    [InlineData("https://example.com/story/12345", null)]
    public void Url_date_patterns(string url, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DraftBuilder.UrlDate(url));

    [Fact]
    public void Url_date_is_used_when_the_markup_has_none_and_says_so()
    {
        var m = Read("", url: "https://example.com/2019/07/23/bridge-closes");
        Assert.Equal(new Sourced<DateOnly>(new DateOnly(2019, 7, 23), MetadataSource.Url), m.Published);
    }

    [Fact]
    public void Dates_after_the_crawl_or_before_1990_are_dropped_unless_given()
    {
        var crawled = new DateOnly(2019, 7, 24);
        Assert.Null(DraftBuilder.SaneDates(new DocumentMetadata { Retrieved = crawled, Published = new(new DateOnly(2019, 8, 1), MetadataSource.Markup) }).Published);
        Assert.NotNull(DraftBuilder.SaneDates(new DocumentMetadata { Retrieved = crawled, Published = new(new DateOnly(2019, 7, 25), MetadataSource.Markup) }).Published);
        Assert.Null(DraftBuilder.SaneDates(new DocumentMetadata { Published = new(new DateOnly(1958, 1, 1), MetadataSource.Markup) }).Published);
        Assert.NotNull(DraftBuilder.SaneDates(new DocumentMetadata { Published = new(new DateOnly(1958, 1, 1), MetadataSource.Input) }).Published);
        Assert.Null(DraftBuilder.SaneDates(new DocumentMetadata { Retrieved = crawled, Modified = new(new DateOnly(2020, 1, 1), MetadataSource.Markup) }).Modified);
    }

    [Fact]
    public void A_markup_date_in_the_future_of_the_crawl_falls_back_to_the_url_date()
    {
        // The URL date is applied first only when markup has none; a bad markup date is dropped by the sanity check.
        var m = DraftBuilder.SaneDates(new DocumentMetadata { Retrieved = new DateOnly(2019, 7, 24), Published = new(new DateOnly(2031, 1, 1), MetadataSource.Markup) });
        Assert.Null(m.Published);
    }
}
