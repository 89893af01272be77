using System.Text;
using Parallax.Ingest.Html;
using Parallax.Ingest.Readers;
using Parallax.Ingest.Tests.Support;
using Parallax.Ingest.Tests.Warc;
using static Parallax.Ingest.Tests.Readers.CorpusReaderTests;

namespace Parallax.Ingest.Tests.Hostile;

/// <summary>Issue 13: inputs inside (or just past) the limits that froze or killed a run. Sizes here are small; the
/// note gives the full-size measurements (1 GB line, 45 MB text, 100,000 &lt;div/&gt;, a link loop).</summary>
public sealed class HostileInputTests
{
    private static List<IngestItem> Read(IngestOptions? options, params string[] paths) =>
        new CorpusReader(options).Read(paths, TestContext.Current.CancellationToken).ToList();

    private static string Line(string id, string text) => System.Text.Json.JsonSerializer.Serialize(new { id, text });

    [Fact]
    public void An_over_long_json_line_is_skipped_without_being_held_and_the_lines_around_it_are_read()
    {
        using var dir = new TempDir();
        const int Limit = 64 * 1024;
        var path = Path.Join(dir.Path, "feed.jsonl");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write(Line("a", Para1) + "\n{\"id\":\"huge\",\"text\":\"");
            for (int i = 0; i < 80; i++) w.Write(new string('x', 64 * 1024)); // a 5 MB line
            w.Write("\"}\r\n" + Line("b", Para2) + "\n");
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        var items = Read(new IngestOptions { MaxFileBytes = Limit }, path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(3, items.Count);
        Assert.Equal(Para1, items[0].Document!.Text);
        Assert.Equal($"{path}#L2", items[1].Rejection!.Origin);
        Assert.StartsWith("line too large (5 MB; limit 64 KB)", items[1].Rejection!.Reason, StringComparison.Ordinal);
        Assert.Equal(Para2, items[2].Document!.Text);
        // ReadLine held the whole line (10 MB of UTF-16) before its length was checked.
        Assert.True(allocated < 4 * 1024 * 1024, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void The_bounded_line_reader_splits_lines_like_read_line_and_counts_long_ones()
    {
        var lines = new BoundedLineReader(new StringReader("ab\r\n\nabcdef\nabcd\r\nlast"), 4);
        var got = new List<(string?, long)>();
        while (lines.Next(out var text, out var length)) got.Add((text, length));
        Assert.Equal([("ab", 2L), ("", 0L), (null, 6L), ("abcd", 4L), ("last", 4L)], got);
    }

    [Fact]
    public void Html_depth_follows_the_html_rules_for_self_closing_void_and_stray_end_tags()
    {
        // <div/> is an open div to an HTML parser: 100,000 of them nest 100,000 deep (375 s in the fallback extractor).
        Assert.True(HtmlDepth.Exceeds(string.Concat(Enumerable.Repeat("<div/>", 100_000)), HtmlDepth.MaxDepth));
        // A stray end tag closes nothing: it must not hide the divs around it.
        Assert.True(HtmlDepth.Exceeds(string.Concat(Enumerable.Repeat("<div></i>", 5_000)), HtmlDepth.MaxDepth));
        // An end tag closes every element opened inside its own.
        Assert.False(HtmlDepth.Exceeds(string.Concat(Enumerable.Repeat("<section><div><span><b>x</section>", 5_000)), HtmlDepth.MaxDepth));
        // Void elements never open, with or without the slash; in svg and in XML "/>" closes.
        Assert.False(HtmlDepth.Exceeds(string.Concat(Enumerable.Repeat("<br/><img src=a><input/>", 5_000)), HtmlDepth.MaxDepth));
        Assert.False(HtmlDepth.Exceeds("<svg>" + string.Concat(Enumerable.Repeat("<path d='M0'/>", 5_000)) + "</svg>", HtmlDepth.MaxDepth));
        Assert.False(HtmlDepth.Exceeds("<rss><channel>" + string.Concat(Enumerable.Repeat("<item/>", 5_000)) + "</channel></rss>", HtmlDepth.MaxDepth, xml: true));
    }

    [Fact]
    public void A_page_of_many_self_closed_divs_is_refused_as_too_deep()
    {
        using var dir = new TempDir();
        var page = dir.Write("divs.html", "<html><body>" + string.Concat(Enumerable.Repeat("<div/>", 100_000)) + "</body></html>");
        var r = Assert.Single(Read(null, page)).Rejection!;
        Assert.Contains("nested deeper", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_loop_is_read_once_however_the_folder_is_spelled()
    {
        using var dir = new TempDir();
        var root = Path.Join(dir.Path, "L");
        File.WriteAllText(Path.Join(Directory.CreateDirectory(root).FullName, "a.txt"), Para1);
        File.WriteAllText(Path.Join(Directory.CreateDirectory(Path.Join(root, "sub")).FullName, "b.txt"), Para2);
        try
        {
            Directory.CreateSymbolicLink(Path.Join(root, "loop"), root);
            File.CreateSymbolicLink(Path.Join(root, "sub", "again.txt"), Path.Join(root, "a.txt"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Assert.Skip("symbolic links cannot be made here: " + e.Message);
        }
        foreach (var spelling in new[] { root, root + "/", root + "//", Path.Join(root, "sub", "..") + "/", Path.Join(root, "loop") + "/" })
        {
            var items = Read(null, spelling);
            Assert.Equal(2, items.Count(i => i.IsDocument));
            Assert.DoesNotContain(items, i => !i.IsDocument);
        }
    }

    [Fact]
    public void A_corrupt_gzip_member_never_re_reads_the_members_before_it()
    {
        var b = new WarcBuilder();
        for (int i = 0; i < 4; i++)
            b.Page($"https://gazette.example/p{i}", WarcReaderTests.Article($"Story {i}", $"Report number {i} on the bridge closing."));
        var members = b.Records.Select(WarcBuilder.GzipMember).ToList();
        var bad = members[2].ToArray();
        for (int i = 12; i < bad.Length - 10; i++) bad[i] ^= 0x5A;
        members[2] = bad;
        using var dir = new TempDir();
        var path = dir.WriteBytes("small.warc.gz", [.. members.SelectMany(m => m)]);
        Assert.True(new FileInfo(path).Length < 4096); // every member inside the first chunk the decompressor reads
        var items = Read(null, path);
        Assert.Equal(["https://gazette.example/p0", "https://gazette.example/p1", "https://gazette.example/p3"],
            items.Where(i => i.IsDocument).Select(i => i.Document!.Metadata.Url));
        Assert.Single(items, i => !i.IsDocument && i.Rejection!.Reason.Contains("gzip", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_over_the_analysis_size_is_refused_with_its_size_and_the_others_are_read()
    {
        using var dir = new TempDir();
        var big = dir.Write("a-big.txt", string.Concat(Enumerable.Repeat(Para1 + "\n\n", 40)));
        var small = dir.Write("b-small.txt", Para2);
        var items = Read(new IngestOptions { MaxAnalysisChars = 4096 }, dir.Path);
        var r = Assert.Single(items, i => !i.IsDocument).Rejection!;
        Assert.Equal(big, r.Origin);
        Assert.StartsWith("text too long to analyse as one report (", r.Reason, StringComparison.Ordinal);
        Assert.Contains("limit 4 KB", r.Reason, StringComparison.Ordinal);
        Assert.Equal(small, Assert.Single(items, i => i.IsDocument).Document!.Origin);
    }
}

/// <summary>Linear time of the readers' guards on adversarial sizes (issue 13, item 7).</summary>
[Collection(nameof(TimingCollection))]
public sealed class HostileInputTimingTests
{
    [Fact]
    public void Reading_a_long_line_is_linear_in_its_length()
    {
        static void Lines(string input)
        {
            var lines = new BoundedLineReader(new StringReader(input), 1000);
            while (lines.Next(out _, out _)) { }
        }
        string small = new string('x', 400_000) + "\nok\n", large = new string('x', 4_000_000) + "\nok\n";
        LinearTime.Assert(() => Lines(small), () => Lines(large));
    }

    [Fact]
    public void The_depth_guard_is_linear_in_the_page()
    {
        static string Page(int n) => string.Concat(Enumerable.Repeat("<div><span></i></span></div><p>text</p>", n));
        string small = Page(10_000), large = Page(100_000);
        LinearTime.Assert(() => HtmlDepth.Exceeds(small, HtmlDepth.MaxDepth), () => HtmlDepth.Exceeds(large, HtmlDepth.MaxDepth));
    }
}

/// <summary>A feed with one malformed item keeps the items before it (issue 13: one bad item discarded the feed).</summary>
public sealed class HostileFeedTests
{
    [Fact]
    public void A_malformed_item_keeps_the_good_items_before_it_and_says_where_it_broke()
    {
        using var dir = new TempDir();
        string Item(int i) => $"<item><title>Story {i}</title><link>https://g.example/{i}</link><description>{Para1} Item {i}.</description></item>";
        var feed = dir.Write("news.rss", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Gazette</title>\n"
            + Item(1) + "\n" + Item(2) + "\n<item><title>Broken & bad</title><description>x</description></item>\n" + Item(4) + "\n</channel></rss>");
        var items = new CorpusReader().Read([feed], TestContext.Current.CancellationToken).ToList();
        Assert.Equal(["Story 1", "Story 2"], items.Where(i => i.IsDocument).Select(i => i.Document!.Metadata.Title!.Value.Value));
        Assert.All(items.Where(i => i.IsDocument), i => Assert.Equal("Gazette", i.Document!.Metadata.Outlet!.Value.Value));
        var r = Assert.Single(items, i => !i.IsDocument).Rejection!;
        Assert.Contains("line 5", r.Reason, StringComparison.Ordinal);
        Assert.Contains("the 2 items before it were read", r.Reason, StringComparison.Ordinal);
    }
}
