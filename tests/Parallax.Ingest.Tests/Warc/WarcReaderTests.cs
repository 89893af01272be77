using System.Text;
using Parallax.Ingest.Tests.Readers;
using Parallax.Ingest.Tests.Support;
using Parallax.Ingest.Warc;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Warc;

public sealed class WarcReaderTests
{
    internal static string Article(string title, string sentence) =>
        $"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>" +
        $"<article><h1>{title}</h1><p>{sentence} The council said repairs would take about six weeks and cost 1.2 million dollars.</p>" +
        $"<p>{sentence} Residents who spoke at the meeting said the detour would add twenty minutes to their commute each way.</p>" +
        "<p>The bridge, built in 1958, carries about 8,000 cars a day according to the state transport department.</p></article>" +
        "<footer>Copyright 2019 The Riverton Gazette</footer></body></html>";

    private static List<IngestItem> ReadWarc(byte[] bytes, string name = "crawl.warc", IngestOptions? options = null)
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes(name, bytes);
        return new CorpusReader(options).Read([path], TestContext.Current.CancellationToken).ToList();
    }

    private static WarcBuilder TwoPages() => new WarcBuilder()
        .Warcinfo()
        .Request("https://gazette.example/2019/07/23/bridge")
        .Page("https://gazette.example/2019/07/23/bridge", Article("Bridge closes", "The Main Street bridge closed on Tuesday."))
        .Record("metadata", "via: test\r\n"u8.ToArray(), "https://gazette.example/2019/07/23/bridge", "application/warc-fields")
        .Page("https://gazette.example/logo.png", "\u0089PNG", contentType: "image/png")
        .Page("https://herald.example/news/bridge", Article("Council shuts bridge", "The council shut the bridge on Tuesday."));

    [Fact]
    public void Plain_warc_yields_one_document_per_html_response_with_url_and_dates()
    {
        var items = ReadWarc(TwoPages().Plain());
        var docs = items.Where(i => i.IsDocument).Select(i => i.Document!).ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal("https://gazette.example/2019/07/23/bridge", docs[0].Metadata.Url);
        Assert.Contains("closed on Tuesday", docs[0].Text);
        Assert.DoesNotContain("Home", docs[0].Text);
        Assert.Matches(@"crawl\.warc#byte=\d+$", docs[0].Origin);
        // The URL's date pattern beats the crawl date; without one the crawl date is used and says so.
        Assert.Equal(new Sourced<DateOnly>(new DateOnly(2019, 7, 23), MetadataSource.Url), docs[0].Metadata.Published);
        Assert.Equal(new Sourced<DateOnly>(new DateOnly(2019, 7, 24), MetadataSource.Archive), docs[1].Metadata.Published);
        Assert.Equal(new DateOnly(2019, 7, 24), docs[1].Metadata.Retrieved);
        var summary = Assert.Single(items, i => !i.IsDocument).Rejection!;
        Assert.Contains("not HTML (image/png): 1", summary.Reason);
    }

    [Fact]
    public void Gzip_members_per_record_read_the_same_as_plain()
    {
        var builder = TwoPages();
        var plain = ReadWarc(builder.Plain()).Where(i => i.IsDocument).Select(i => (i.Document!.Text, i.Document.Origin.Split('#')[1])).ToList();
        var gz = ReadWarc(builder.Gzip(), "crawl.warc.gz").Where(i => i.IsDocument).Select(i => (i.Document!.Text, i.Document.Origin.Split('#')[1])).ToList();
        Assert.Equal(plain, gz);
    }

    [Fact]
    public void Truncated_gzip_keeps_earlier_records_and_names_the_offset_of_the_cut_record()
    {
        var gz = TwoPages().Gzip();
        var items = ReadWarc(gz[..(gz.Length - 40)], "cut.warc.gz");
        Assert.Single(items, i => i.IsDocument);
        var problem = Assert.Single(items, i => !i.IsDocument && i.Rejection!.Reason.Contains("truncated", StringComparison.Ordinal));
        Assert.Matches(@"cut\.warc\.gz#byte=\d+$", problem.Rejection!.Origin);
    }

    [Fact]
    public void Corrupt_gzip_member_in_the_middle_is_reported_and_later_records_are_read()
    {
        var b = TwoPages();
        var members = b.Records.Select(WarcBuilder.GzipMember).ToList();
        var bad = members[2].ToArray();
        for (int i = 12; i < bad.Length - 10; i++) bad[i] ^= 0x5A; // destroy the deflate data of the first page
        members[2] = bad;
        var items = ReadWarc([.. members.SelectMany(m => m)], "bad.warc.gz");
        var doc = Assert.Single(items, i => i.IsDocument).Document!;
        Assert.Equal("https://herald.example/news/bridge", doc.Metadata.Url);
        Assert.Contains(items, i => !i.IsDocument && i.Rejection!.Reason.Contains("gzip", StringComparison.Ordinal));
    }

    [Fact]
    public void Content_length_too_short_rejects_that_record_and_the_next_one_is_read()
    {
        var b = new WarcBuilder();
        var first = WarcBuilder.HttpResponse(Article("Bridge closes", "The Main Street bridge closed on Tuesday."));
        b.Record("response", first, "https://a.example/x", declaredLength: first.Length - 100);
        b.Page("https://b.example/y", Article("Council shuts bridge", "The council shut the bridge on Tuesday."));
        var items = ReadWarc(b.Plain());
        Assert.Equal("https://b.example/y", Assert.Single(items, i => i.IsDocument).Document!.Metadata.Url);
        var r = Assert.Single(items, i => !i.IsDocument).Rejection!;
        Assert.EndsWith("#byte=0", r.Origin);
        Assert.Contains("Content-Length", r.Reason);
    }

    [Fact]
    public void Content_length_too_long_rejects_that_record_and_finds_the_next_inside_the_block()
    {
        var b = new WarcBuilder();
        var first = WarcBuilder.HttpResponse(Article("Bridge closes", "The Main Street bridge closed on Tuesday."));
        b.Record("response", first, "https://a.example/x", declaredLength: first.Length + 300);
        b.Page("https://b.example/y", Article("Council shuts bridge", "The council shut the bridge on Tuesday."));
        var items = ReadWarc(b.Plain());
        Assert.Equal("https://b.example/y", Assert.Single(items, i => i.IsDocument).Document!.Metadata.Url);
        Assert.Contains("Content-Length", Assert.Single(items, i => !i.IsDocument).Rejection!.Reason);
    }

    [Fact]
    public void Chunked_body_with_declared_windows_1252_charset_is_decoded()
    {
        var html = Article("Caf\u00e9 bridge", "The caf\u00e9 owner said \u201cit is a disaster\u201d on Tuesday.");
        var b = new WarcBuilder().Page("https://c.example/z", html, "text/html; charset=windows-1252", Ingest.Decoding.TextDecoder.Windows1252, chunked: true);
        var doc = Assert.Single(ReadWarc(b.Plain())).Document!;
        Assert.Contains("caf\u00e9 owner said \u201cit is a disaster\u201d", doc.Text);
    }

    [Fact]
    public void Gzip_content_encoding_is_undone()
    {
        var b = new WarcBuilder().Page("https://c.example/z", Article("Bridge", "The bridge closed on Tuesday."), contentEncoding: "gzip");
        Assert.Contains("closed on Tuesday", Assert.Single(ReadWarc(b.Plain())).Document!.Text);
    }

    [Fact]
    public void Error_statuses_and_redirects_are_counted_not_read()
    {
        var b = new WarcBuilder()
            .Page("https://c.example/gone", Article("Gone", "Nothing here."), status: "404 Not Found")
            .Page("https://c.example/moved", "", status: "301 Moved Permanently");
        var r = Assert.Single(ReadWarc(b.Plain())).Rejection!;
        Assert.Contains("HTTP status 404: 1", r.Reason);
        Assert.Contains("HTTP status 301: 1", r.Reason);
    }

    [Fact]
    public void Resource_records_with_html_are_read()
    {
        var b = new WarcBuilder().Record("resource", Encoding.UTF8.GetBytes(Article("Bridge", "The bridge closed on Tuesday.")),
            "file:///saved/page.html", "text/html");
        Assert.Contains("closed on Tuesday", Assert.Single(ReadWarc(b.Plain())).Document!.Text);
    }

    [Fact]
    public void Not_a_warc_is_a_rejection()
    {
        var items = ReadWarc("<html><body>hello</body></html>"u8.ToArray());
        Assert.All(items, i => Assert.False(i.IsDocument));
        Assert.Contains(items, i => i.Rejection!.Reason.Contains("not a WARC", StringComparison.Ordinal));
    }

    [Fact]
    public void Oversized_block_is_skipped_with_a_reason_and_reading_goes_on()
    {
        var big = Article("Big", new string('x', 5000));
        var b = new WarcBuilder().Page("https://c.example/big", big).Page("https://b.example/y", Article("Council shuts bridge", "The council shut the bridge on Tuesday."));
        var items = ReadWarc(b.Plain(), options: new IngestOptions { MaxFileBytes = 3000 });
        Assert.Single(items, i => i.IsDocument);
        Assert.Contains(items, i => !i.IsDocument && i.Rejection!.Reason.Contains("too large", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_reader_streams_records_with_offsets()
    {
        var bytes = TwoPages().Plain();
        var entries = WarcReader.Read(new MemoryStream(bytes), _ => false, 1 << 20, TestContext.Current.CancellationToken).ToList();
        Assert.Equal(6, entries.Count);
        Assert.All(entries, e => Assert.NotNull(e.Record));
        Assert.Equal(0, entries[0].Offset);
        Assert.Equal(["warcinfo", "request", "response", "metadata", "response", "response"], entries.Select(e => e.Record!.Type));
        Assert.All(entries, e => Assert.Equal("WARC/1.1", Encoding.ASCII.GetString(bytes, (int)e.Offset, 8)));
    }

    [Fact]
    public void Deeply_nested_html_is_rejected_before_parsing()
    {
        var html = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++) html.Append("<div>");
        html.Append("deep text");
        var b = new WarcBuilder().Page("https://d.example/deep", html.ToString());
        var r = Assert.Single(ReadWarc(b.Plain())).Rejection!;
        Assert.Contains("nested deeper", r.Reason);
    }
}

public sealed class ParallelReadingTests
{
    [Fact]
    public void Two_threads_give_the_same_items_in_the_same_order_as_one()
    {
        using var dir = new Support.TempDir();
        var b = new Support.WarcBuilder();
        for (int i = 0; i < 25; i++)
            b.Page($"https://p{i}.example/x", WarcReaderTests.Article($"Story {i}", $"Story number {i} says the bridge closed on Tuesday."));
        b.Page("https://bad.example/", "", status: "404 Not Found");
        dir.WriteBytes("a.warc.gz", b.Gzip());
        for (int i = 0; i < 10; i++) dir.Write($"pages/{i:00}.html", WarcReaderTests.Article($"Page {i}", $"Page {i} reports the council vote."));
        dir.Write("pages/notes.txt", CorpusReaderTests.Para1);

        string Run(int threads) => string.Join("\n", new CorpusReader(new IngestOptions { Threads = threads })
            .Read([dir.Path], TestContext.Current.CancellationToken)
            .Select(i => i.IsDocument ? $"{i.Document!.Id} {i.Document.Origin} {i.Document.Text.GetHashCode(StringComparison.Ordinal)}" : i.ToString()));

        Assert.Equal(Run(1), Run(2));
        Assert.Equal(Run(1), Run(3));
    }
}
