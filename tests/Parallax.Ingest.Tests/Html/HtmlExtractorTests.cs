using Parallax.Ingest.Html;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Html;

public sealed class HtmlExtractorTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static HtmlExtraction Extract(string html) => HtmlExtractor.SmartReader.Extract(html);

    [Fact]
    public void Article_text_keeps_paragraphs_and_drops_navigation_scripts_and_styles()
    {
        var page = Extract(Fixture("article.html"));
        Assert.StartsWith("Riverton closes Main Street bridge for four months", page.Text, StringComparison.Ordinal);
        Assert.Contains("for at least four months.\n\nEngineers found cracks", page.Text, StringComparison.Ordinal);
        Assert.Contains("\u201cWe waited as long as we could,\u201d council member Dana Whitfield said", page.Text, StringComparison.Ordinal);
        Assert.Contains("summer festival season.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("MUST-NOT-APPEAR", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sports", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("analytics", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_comes_from_open_graph_and_canonical_link()
    {
        var m = Extract(Fixture("article.html")).Metadata;
        Assert.Equal(new Sourced<string>("Riverton closes Main Street bridge for four months", MetadataSource.Markup), m.Title);
        Assert.Equal(new Sourced<string>("The Riverton Herald", MetadataSource.Markup), m.Outlet);
        // The publisher's local date, not shifted to UTC (18:30 -06:00 is already the 6th in UTC).
        Assert.Equal(new Sourced<DateOnly>(new DateOnly(2024, 3, 5), MetadataSource.Markup), m.Published);
        Assert.Equal("https://www.rivertonherald.example/news/bridge-closure", m.Url);
    }

    [Fact]
    public void Json_ld_supplies_what_meta_tags_lack()
    {
        const string html = """
            <html><head><title>Storm Knocks Out Power - Example Daily</title>
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"Storm knocks out power to 12,000 homes","datePublished":"2023-11-02",
               "publisher":{"name":"Example Daily"},"mainEntityOfPage":{"@id":"https://example.org/storm"}}]}</script>
            </head><body><p>Crews worked through the night.</p></body></html>
            """;
        var m = Extract(html).Metadata;
        Assert.Equal("Storm knocks out power to 12,000 homes", m.Title?.Value);
        Assert.Equal("Example Daily", m.Outlet?.Value);
        Assert.Equal(new DateOnly(2023, 11, 2), m.Published?.Value);
        Assert.Equal("https://example.org/storm", m.Url);
    }

    [Fact]
    public void Title_tag_loses_its_site_suffix_and_time_element_gives_the_date()
    {
        const string html = """
            <html><head><title>Storm Knocks Out Power | Example Daily</title><meta name="application-name" content="Example Daily"></head>
            <body><time datetime="2023-11-02T07:00:00Z">Nov 2</time><p>Crews worked through the night.</p></body></html>
            """;
        var m = Extract(html).Metadata;
        Assert.Equal("Storm Knocks Out Power", m.Title?.Value);
        Assert.Equal(new DateOnly(2023, 11, 2), m.Published?.Value);
    }

    [Fact]
    public void H1_is_the_title_when_nothing_else_names_the_page() =>
        Assert.Equal("Storm Knocks Out Power", Extract("<html><body><h1>Storm Knocks Out Power</h1><p>Crews worked.</p></body></html>").Metadata.Title?.Value);

    [Fact]
    public void Broken_json_ld_is_ignored()
    {
        var page = Extract("""<html><head><script type="application/ld+json">{"@type":"NewsArticle", broken</script></head><body><p>Crews worked through the night.</p></body></html>""");
        Assert.Null(page.Metadata.Outlet);
        Assert.Contains("Crews worked through the night.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_pages_fall_back_to_plain_extraction_without_scripts()
    {
        var page = Extract("<html><body><script>var s = 'SCRIPT';</script><nav>Menu</nav><p>Crews worked through the night.</p><p>Power is back.</p><noscript>NOSCRIPT</noscript></body></html>");
        Assert.Equal("Crews worked through the night.\n\nPower is back.", page.Text);
    }

    [Fact]
    public void Line_breaks_and_list_items_become_lines()
    {
        var page = Extract("<html><body><p>First line<br>second line</p><ul><li>one</li><li>two</li></ul></body></html>");
        Assert.Equal("First line\nsecond line\n\none\ntwo", page.Text);
    }

    [Fact]
    public void Relative_canonical_links_resolve_against_the_page_uri()
    {
        var m = HtmlExtractor.SmartReader.Extract("<html><head><link rel=canonical href=\"/a/b\"></head><body><p>x</p></body></html>", new Uri("https://example.org/x/y")).Metadata;
        Assert.Equal("https://example.org/a/b", m.Url);
    }

    [Fact]
    public void Extraction_is_safe_in_parallel()
    {
        var html = Fixture("article.html");
        var expected = Extract(html);
        var results = new HtmlExtraction[32];
        Parallel.For(0, results.Length, i => results[i] = Extract(html));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Empty_or_garbage_html_gives_empty_text_without_throwing()
    {
        Assert.Equal("", Extract("").Text);
        Assert.Equal("", Extract("<html><script>only script</script></html>").Text);
        Assert.NotNull(Extract("<<<>>><p<<div>>&&&;;</").Metadata);
    }
}
