using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Ingest.Tests.Feeds;
using Parallax.Ingest.Tests.Support;
using Parallax.Ingest.Tests.Warc;
using Parallax.Ingest.Warc;

namespace Parallax.Ingest.Tests.Fuzz;

/// <summary>
/// Property tests over damaged WARC files and feeds: whatever the bytes, reading ends, throws nothing, and takes
/// bounded time. Damage is applied to valid inputs (cut, flipped bytes, inserted garbage, a lying length) as well as
/// to random bytes, since a random array almost never gets past the first header line. Inputs that ever failed are
/// kept below as regression cases.
/// </summary>
public sealed class ReaderFuzzProperties
{
    private static readonly byte[] ValidWarc = new WarcBuilder()
        .Warcinfo()
        .Request("https://gazette.example/2019/07/23/bridge")
        .Page("https://gazette.example/2019/07/23/bridge", WarcReaderTests.Article("Bridge closes", "The Main Street bridge closed on Tuesday."), chunked: true)
        .Page("https://herald.example/b", WarcReaderTests.Article("Council shuts bridge", "The council shut the bridge on Tuesday."), contentEncoding: "gzip")
        .Plain();

    private static readonly byte[] ValidWarcGz = WarcBuilder.GzipMember(ValidWarc[..(ValidWarc.Length / 2)])
        .Concat(WarcBuilder.GzipMember(ValidWarc[(ValidWarc.Length / 2)..])).ToArray();

    private static readonly byte[] ValidFeed = Encoding.UTF8.GetBytes(FeedReaderTests.Rss(
        "<item><title>Bridge</title><link>https://g.example/a</link><pubDate>Tue, 23 Jul 2019 10:00:00 GMT</pubDate>" +
        "<description>&lt;p&gt;The Main Street bridge closed on Tuesday after inspectors found cracks in two piers, officials said.&lt;/p&gt;</description></item>"));

    /// <summary>A damage recipe: cut at a fraction, flip bytes at fractions, insert bytes at a fraction.</summary>
    public sealed record Damage(double Cut, (double At, byte Xor)[] Flips, double InsertAt, byte[] Insert);

    private static Arbitrary<Damage> Damages() =>
        (from cut in Gen.Choose(0, 1000)
         from flips in Gen.ArrayOf(from at in Gen.Choose(0, 999) from x in Gen.Choose(1, 255) select (at / 1000.0, (byte)x))
         from insertAt in Gen.Choose(0, 1000)
         from insert in Gen.ArrayOf(Gen.Elements<byte>(0x0d, 0x0a, (byte)'W', (byte)'A', (byte)'R', (byte)'C', (byte)'/', (byte)'1', (byte)'.', (byte)'0', (byte)':', 0x1f, 0x8b, 0x08, 0, (byte)'<', (byte)'>'))
         select new Damage(cut / 1000.0, flips, insertAt / 1000.0, insert)).ToArbitrary();

    internal static byte[] Apply(byte[] valid, Damage d)
    {
        var bytes = valid.ToList();
        int at = (int)(d.InsertAt * bytes.Count);
        bytes.InsertRange(at, d.Insert);
        foreach (var (f, x) in d.Flips)
            if (bytes.Count > 0) bytes[(int)(f * (bytes.Count - 1))] ^= x;
        int keep = d.Cut >= 0.9 ? bytes.Count : (int)(d.Cut / 0.9 * bytes.Count); // most cases keep the whole file
        return [.. bytes.Take(keep)];
    }

    private static bool ReadsQuietly(byte[] bytes, string name)
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes(name, bytes);
        // Reading ends with at least one item (a loop that failed to advance would never end; the linear-time tests
        // of each reader bound the cost).
        var items = new CorpusReader(new IngestOptions { MaxFileBytes = 1 << 20 }).Read([path]).ToList();
        return items.Count >= 1;
    }

    [Property(MaxTest = 150)]
    public Property Damaged_plain_warc_reads_without_exceptions() =>
        Prop.ForAll(Damages(), d => ReadsQuietly(Apply(ValidWarc, d), "f.warc"));

    [Property(MaxTest = 150)]
    public Property Damaged_gzip_warc_reads_without_exceptions() =>
        Prop.ForAll(Damages(), d => ReadsQuietly(Apply(ValidWarcGz, d), "f.warc.gz"));

    [Property(MaxTest = 100)]
    public Property Random_bytes_as_warc_read_without_exceptions(byte[] bytes) =>
        ReadsQuietly(bytes, "r.warc").ToProperty();

    [Property(MaxTest = 150)]
    public Property Damaged_feed_reads_without_exceptions() =>
        Prop.ForAll(Damages(), d => ReadsQuietly(Apply(ValidFeed, d), "f.rss"));

    [Property(MaxTest = 100)]
    public Property Random_text_as_feed_reads_without_exceptions(string text) =>
        ReadsQuietly(Encoding.UTF8.GetBytes(text ?? ""), "r.atom").ToProperty();

    [Fact]
    public void Record_reader_terminates_on_every_prefix_of_a_valid_gzip_warc()
    {
        // Every cut point of a small file, since truncation is the commonest damage in real crawls.
        for (int n = 0; n <= ValidWarcGz.Length; n += 7)
        {
            var entries = WarcReader.Read(new MemoryStream(ValidWarcGz[..n]), _ => true, 1 << 20, TestContext.Current.CancellationToken).ToList();
            Assert.True(entries.Count <= 10, $"cut at {n}: {entries.Count} entries");
        }
    }

    [Fact]
    public void Feed_nested_100000_levels_is_a_rejection_or_a_document_not_a_crash()
    {
        var deep = new StringBuilder("<rss><channel><title>t</title><item><title>x</title><description>");
        for (int i = 0; i < 100_000; i++) deep.Append("<a>");
        for (int i = 0; i < 100_000; i++) deep.Append("</a>");
        deep.Append("</description></item></channel></rss>");
        Assert.True(ReadsQuietly(Encoding.UTF8.GetBytes(deep.ToString()), "deep.rss"));
    }

    [Fact]
    public void Warc_with_mixed_encodings_reads_each_page_by_its_own_charset()
    {
        var b = new WarcBuilder()
            .Page("https://a.example/1", WarcReaderTests.Article("Caf\u00e9", "Le caf\u00e9 a ferm\u00e9 mardi."), "text/html; charset=windows-1252", Ingest.Decoding.TextDecoder.Windows1252)
            .Page("https://a.example/2", WarcReaderTests.Article("Stra\u00dfe", "Die Stra\u00dfe wurde am Dienstag gesperrt."), "text/html; charset=utf-8")
            .Page("https://a.example/3", WarcReaderTests.Article("\u041c\u043e\u0441\u0442", "\u041c\u043e\u0441\u0442 \u0437\u0430\u043a\u0440\u044b\u043b\u0438 \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a."), "text/html; charset=windows-1251", Encoding.GetEncoding(1251));
        using var dir = new TempDir();
        var path = dir.WriteBytes("mixed.warc", b.Plain());
        var docs = new CorpusReader().Read([path], TestContext.Current.CancellationToken).Where(i => i.IsDocument).Select(i => i.Document!.Text).ToList();
        Assert.Equal(3, docs.Count);
        Assert.Contains("caf\u00e9 a ferm\u00e9", docs[0]);
        Assert.Contains("Stra\u00dfe wurde", docs[1]);
        Assert.Contains("\u0437\u0430\u043a\u0440\u044b\u043b\u0438", docs[2]);
    }

    [Fact]
    public void Page_with_no_body_text_is_a_rejection()
    {
        var b = new WarcBuilder().Page("https://a.example/empty", "<html><head><title>Nothing</title></head><body><script>var x = 1;</script>  </body></html>");
        using var dir = new TempDir();
        var path = dir.WriteBytes("empty.warc", b.Plain());
        var item = Assert.Single(new CorpusReader().Read([path], TestContext.Current.CancellationToken));
        Assert.False(item.IsDocument);
        Assert.Contains("#byte=0", item.Rejection!.Origin);
    }

    /// <summary>Regression: damage that left only the first records (warcinfo, request) once gave no item at all, so
    /// the file vanished from the run without a word. Replays of the two inputs that found it.</summary>
    [Property(Replay = "(5009995703716633361,17526087152117226201,6)", MaxTest = 1)]
    public Property Regression_cut_inside_the_leading_records_1() => Damaged_plain_warc_reads_without_exceptions();

    [Property(Replay = "(3810231678818619977,10560304822841609717,79)", MaxTest = 1)]
    public Property Regression_cut_inside_the_leading_records_2() => Damaged_plain_warc_reads_without_exceptions();

    [Fact]
    public void Warc_of_only_non_page_records_is_a_rejection_saying_so()
    {
        var b = new WarcBuilder().Warcinfo().Request("https://a.example/1");
        using var dir = new TempDir();
        var path = dir.WriteBytes("info.warc", b.Plain());
        var item = Assert.Single(new CorpusReader().Read([path], TestContext.Current.CancellationToken));
        Assert.False(item.IsDocument);
        Assert.Equal("no HTML pages in 2 WARC records", item.Rejection!.Reason);
    }
}
