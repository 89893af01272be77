using System.Text;
using Parallax.Ingest.Metadata;
using Parallax.Ingest.Tests.Support;
using Parallax.Ingest.Tests.Warc;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Metadata;

public sealed class HostNamesTests
{
    [Theory]
    [InlineData("https://www.nbcnews.com/news/us-news/a-1234", "nbcnews.com")]
    [InlineData("https://kctv5.com/2019/07/23/story", "kctv5.com")]
    [InlineData("https://edition.cnn.com/2019/07/23/us/x", "cnn.com")]
    [InlineData("https://m.cnn.com/en/article/x", "cnn.com")]
    [InlineData("https://amp.theguardian.com/world/x", "theguardian.com")]
    [InlineData("https://WWW2.Example.ORG./x", "example.org")]
    [InlineData("https://news.bbc.co.uk/1/hi/x.stm", "bbc.co.uk")]
    [InlineData("https://www.bbc.co.uk/news/x", "bbc.co.uk")]
    [InlineData("https://www.smh.com.au/national/x", "smh.com.au")]
    [InlineData("https://www.stuff.co.nz/x", "stuff.co.nz")]
    [InlineData("https://www.asahi.co.jp/x", "asahi.co.jp")]
    [InlineData("https://g1.globo.com.br/x", "globo.com.br")]
    [InlineData("https://www.spiegel.de/politik/x", "spiegel.de")]
    [InlineData("https://www.lemonde.fr/x", "lemonde.fr")]
    [InlineData("https://go.de/x", "go.de")]
    [InlineData("https://abcnews.go.com/US/x", "abcnews.go.com")]
    [InlineData("https://someone.substack.com/p/x", "someone.substack.com")]
    [InlineData("https://localnews.blogspot.com/2019/07/x.html", "localnews.blogspot.com")]
    [InlineData("http://schleifen.ucoz.de/blog/x", "schleifen.ucoz.de")]
    [InlineData("https://www.rivertonherald.example/a1", "rivertonherald.example")]
    [InlineData("http://localhost:8080/x", "localhost")]
    [InlineData("http://192.168.1.20/x", "192.168.1.20")]
    public void Outlet_is_the_sites_registrable_domain(string url, string expected) =>
        Assert.Equal(expected, HostNames.OutletOf(url));

    [Theory]
    [InlineData("https://web.archive.org/web/20200808063632/https://www.przepisy.pl/przepis/x", "przepisy.pl")]
    [InlineData("https://web.archive.org/web/20200808063632id_/http://www.nytimes.com/2019/07/23/x.html", "nytimes.com")]
    [InlineData("https://web.archive.org/web/2020/https:/www.lemonde.fr/x", "lemonde.fr")]
    [InlineData("https://web.archive.org/about/", "archive.org")]
    public void A_wayback_address_names_the_archived_site(string url, string expected) =>
        Assert.Equal(expected, HostNames.OutletOf(url));

    [Fact]
    public void Punycode_hosts_read_as_unicode() =>
        Assert.Equal("süddeutsche.de", HostNames.OutletOf("https://www.xn--sddeutsche-9db.de/x"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("mailto:someone")]
    public void No_host_no_outlet(string? url) => Assert.Null(HostNames.OutletOf(url));

    [Fact]
    public void Warc_page_without_a_named_outlet_gets_its_site_marked_as_from_the_url()
    {
        var warc = new WarcBuilder().Page("https://www.rivertongazette.co.uk/news/bridge",
            WarcReaderTests.Article("Bridge closes", "The Main Street bridge closed on Tuesday.")).Plain();
        using var dir = new TempDir();
        var doc = Assert.Single(new CorpusReader().Read([dir.WriteBytes("crawl.warc", warc)], TestContext.Current.CancellationToken),
            i => i.IsDocument).Document!;
        Assert.Equal(new Sourced<string>("rivertongazette.co.uk", MetadataSource.Url), doc.Metadata.Outlet);
    }

    [Fact]
    public void A_named_outlet_beats_the_host()
    {
        var html = "<html><head><meta property='og:site_name' content='Riverton Gazette'></head><body><article><p>" +
            "The Main Street bridge closed on Tuesday after inspectors found cracks in two of its piers, officials said. " +
            "The council said repairs would take about six weeks and cost 1.2 million dollars.</p></article></body></html>";
        var doc = new CorpusReader().ReadHtml(Encoding.UTF8.GetBytes(html), "page.html", "https://www.rivertongazette.co.uk/x").Document!;
        Assert.Equal(new Sourced<string>("Riverton Gazette", MetadataSource.Markup), doc.Metadata.Outlet);
    }
}
