using System.Text;
using Parallax.Ingest.Tests.Support;
using Parallax.Ingest.Tests.Warc;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Feeds;

public sealed class FeedReaderTests
{
    private const string Body = "The Main Street bridge closed on Tuesday after inspectors found cracks in two of its piers. " +
        "The council said repairs would take about six weeks and cost 1.2 million dollars, and that a detour would be signposted.";

    internal static string Rss(string items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" " +
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Riverton Gazette</title><link>https://gazette.example/</link>" + items + "</channel></rss>";

    private static List<IngestItem> ReadFile(string name, string content)
    {
        using var dir = new TempDir();
        var path = dir.Write(name, content);
        return new CorpusReader().Read([path], TestContext.Current.CancellationToken).ToList();
    }

    private static List<IngestItem> ReadStdin(byte[] bytes) =>
        new CorpusReader(new IngestOptions { StandardInput = () => new MemoryStream(bytes) }).Read(["-"], TestContext.Current.CancellationToken).ToList();

    [Fact]
    public void Rss_items_become_documents_with_link_date_author_and_channel_as_outlet()
    {
        var rss = Rss(
            "<item><title>Bridge closes</title><link>https://gazette.example/news/bridge</link><pubDate>Tue, 23 Jul 2019 10:00:00 EST</pubDate>" +
            "<author>desk@gazette.example (Dana Reyes)</author><description>Short teaser.</description>" +
            $"<content:encoded><![CDATA[<p>{Body}</p><p>Second paragraph of the story.</p>]]></content:encoded></item>" +
            $"<item><title>Only a description</title><link>https://gazette.example/news/two</link><dc:creator>Sam Ortiz</dc:creator><dc:date>2019-07-24T09:00:00Z</dc:date><description>&lt;p&gt;{Body}&lt;/p&gt;</description></item>");
        var docs = ReadFile("feed.rss", rss).Select(i => Assert.IsType<Document>(i.Document)).ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal("https://gazette.example/news/bridge", docs[0].Metadata.Url);
        Assert.Equal(new DateOnly(2019, 7, 23), docs[0].Metadata.Published!.Value.Value);
        Assert.Equal(["Dana Reyes"], docs[0].Metadata.Authors!.Value.Value);
        Assert.Equal("Riverton Gazette", docs[0].Metadata.Outlet!.Value.Value);
        Assert.Equal("Bridge closes", docs[0].Metadata.Title!.Value.Value);
        Assert.Contains("Second paragraph", docs[0].Text);
        Assert.DoesNotContain("teaser", docs[0].Text);
        Assert.EndsWith("feed.rss#item=2", docs[1].Origin);
        Assert.Equal(["Sam Ortiz"], docs[1].Metadata.Authors!.Value.Value);
        Assert.Equal(new DateOnly(2019, 7, 24), docs[1].Metadata.Published!.Value.Value);
    }

    [Fact]
    public void Atom_entries_read_content_link_dates_and_authors()
    {
        var atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Herald</title>" +
            "<entry><title>Council shuts bridge</title><link rel=\"alternate\" href=\"https://herald.example/a\"/><link rel=\"self\" href=\"https://herald.example/feed\"/>" +
            "<published>2019-07-23T08:00:00Z</published><updated>2019-07-25T08:00:00Z</updated><author><name>Kim Lee</name></author>" +
            $"<content type=\"html\">&lt;p&gt;{Body}&lt;/p&gt;</content></entry>" +
            $"<entry><title>Text entry</title><link href=\"https://herald.example/b\"/><updated>2019-07-26T08:00:00Z</updated><summary>{Body}</summary></entry></feed>";
        var docs = ReadFile("feed.atom", atom).Select(i => Assert.IsType<Document>(i.Document)).ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal("https://herald.example/a", docs[0].Metadata.Url);
        Assert.Equal(new DateOnly(2019, 7, 23), docs[0].Metadata.Published!.Value.Value);
        Assert.Equal(["Kim Lee"], docs[0].Metadata.Authors!.Value.Value);
        Assert.Equal("Herald", docs[0].Metadata.Outlet!.Value.Value);
        Assert.Contains("closed on Tuesday", docs[1].Text);
        Assert.Equal(new DateOnly(2019, 7, 26), docs[1].Metadata.Published!.Value.Value);
    }

    [Theory]
    [InlineData("this is not xml at all")]
    [InlineData("<rss><channel><item><title>unclosed")]
    [InlineData("")]
    public void A_feed_that_is_not_xml_is_one_rejection(string content)
    {
        var items = ReadFile("bad.rss", content);
        var r = Assert.Single(items).Rejection!;
        Assert.EndsWith("bad.rss", r.Origin);
    }

    [Fact]
    public void Html_named_rss_is_rejected_as_not_a_feed()
    {
        var r = Assert.Single(ReadFile("page.rss", "<html><body><p>x</p></body></html>")).Rejection!;
        Assert.Contains("not an RSS or Atom feed", r.Reason);
    }

    [Fact]
    public void Entity_expansion_and_external_entities_are_not_processed()
    {
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">" +
                   "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                   "<rss><channel><title>t</title><item><title>&c;&x;</title><description>d</description></item></channel></rss>";
        var items = ReadFile("bomb.rss", bomb);
        Assert.All(items, i => Assert.False(i.IsDocument && i.Document!.Text.Contains("root:", StringComparison.Ordinal)));
        Assert.Contains(items, i => !i.IsDocument);
    }

    [Fact]
    public void Standard_input_is_sniffed_feed_html_text_and_warc()
    {
        var feed = ReadStdin(Encoding.UTF8.GetBytes(Rss($"<item><title>T</title><link>https://g.example/x</link><description>{Body}</description></item>")));
        Assert.Equal("stdin#item=1", Assert.Single(feed).Document!.Origin);

        var html = ReadStdin(Encoding.UTF8.GetBytes(WarcReaderTests.Article("Bridge closes", "The Main Street bridge closed on Tuesday.")));
        Assert.Contains("closed on Tuesday", Assert.Single(html).Document!.Text);

        var text = ReadStdin(Encoding.UTF8.GetBytes(Body));
        Assert.Equal("stdin", Assert.Single(text).Document!.Origin);

        var warc = new WarcBuilder().Page("https://a.example/x", WarcReaderTests.Article("Bridge", "The bridge closed on Tuesday.")).Gzip();
        Assert.StartsWith("stdin#byte=", Assert.Single(ReadStdin(warc)).Document!.Origin, StringComparison.Ordinal);

        var json = ReadStdin(Encoding.UTF8.GetBytes("{\"text\":\"" + Body + "\"}\n{\"text\":\"" + Body + "\"}\n"));
        Assert.Equal(2, json.Count(i => i.IsDocument));

        Assert.Equal("empty", Assert.Single(ReadStdin([])).Rejection!.Reason);
    }
}
