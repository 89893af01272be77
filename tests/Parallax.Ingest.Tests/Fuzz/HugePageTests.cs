using System.Globalization;
using System.Text;
using Parallax.Ingest.Tests.Support;
using Parallax.Ingest.Tests.Warc;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Fuzz;

/// <summary>A 100 MB HTML page, on disk and inside a web archive read from standard input: skipped with its size and
/// where it was, and the pages around it still read. The page is produced on the fly, never held in memory.</summary>
public sealed class HugePageTests
{
    private const long HundredMb = 100L * 1024 * 1024;

    private static string Good(string title) =>
        WarcReaderTests.Article(title, "The Main Street bridge closed on Tuesday after inspectors found cracks in two piers.");

    [Fact]
    public void A_100_mb_html_file_is_rejected_by_size_and_the_folder_is_read_on()
    {
        using var dir = new TempDir();
        var huge = Path.Join(dir.Path, "a-huge.html");
        // A sparse file: 100 MB long at no cost; the reader must refuse it from its size, before reading.
        using (var fs = new FileStream(huge, FileMode.CreateNew)) fs.SetLength(HundredMb);
        var good = dir.Write("b-story.html", Good("Bridge closes"));
        var items = new CorpusReader().Read([dir.Path], TestContext.Current.CancellationToken).ToList();
        Assert.Equal(new Rejection(huge, "too large (100 MB; limit 50 MB)"), Assert.Single(items, i => !i.IsDocument).Rejection);
        Assert.Equal(good, Assert.Single(items, i => i.IsDocument).Document!.Origin);
    }

    [Fact]
    public void A_100_mb_page_in_a_warc_on_standard_input_is_skipped_with_its_offset()
    {
        var before = new WarcBuilder().Page("https://gazette.example/a", Good("Bridge closes")).Plain();
        var after = new WarcBuilder().Page("https://herald.example/b", Good("Council shuts bridge")).Plain();
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {HundredMb}\r\n\r\n");
        var head = Encoding.ASCII.GetBytes("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n" +
            "WARC-Date: 2019-07-24T08:00:00Z\r\nWARC-Target-URI: https://huge.example/page\r\nContent-Type: application/http; msgtype=response\r\n" +
            $"Content-Length: {(http.Length + HundredMb).ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        var stream = new GeneratedStream([.. before, .. head, .. http, .. "<html><body>"u8], HundredMb - 16, "</p>\r\n\r\n"u8.ToArray(), after);
        var options = new IngestOptions { StandardInput = () => stream };
        var items = new CorpusReader(options).Read(["-"], TestContext.Current.CancellationToken).ToList();

        Assert.Equal(2, items.Count(i => i.IsDocument));
        var skipped = Assert.Single(items, i => !i.IsDocument).Rejection!;
        Assert.Equal($"stdin#byte={before.Length}", skipped.Origin);
        Assert.StartsWith("record block too large", skipped.Reason, StringComparison.Ordinal);
        Assert.True(stream.Served > HundredMb, "the whole record was read past, not the stream abandoned");
    }

    /// <summary>A prefix, then <c>fill</c> bytes of paragraph markup made as they are read, then the given tails.</summary>
    private sealed class GeneratedStream(byte[] prefix, long fill, params byte[][] tails) : ForwardOnlyStream
    {
        // 32 bytes of markup repeated to 64 KB, so the fill is copied in blocks.
        private static readonly byte[] Block = [.. Enumerable.Repeat("<p>The council met again today. "u8.ToArray(), 2048).SelectMany(b => b)];
        private readonly byte[] _tail = [.. tails.SelectMany(t => t)];
        private long _pos;

        public long Served => _pos;

        public override int Read(byte[] buffer, int offset, int count)
        {
            long fillStart = prefix.Length, tailStart = prefix.Length + fill, total = tailStart + _tail.Length;
            int n;
            if (_pos < fillStart) n = Copy(prefix, (int)_pos, (int)Math.Min(count, fillStart - _pos));
            else if (_pos < tailStart) n = Copy(Block, (int)((_pos - fillStart) % Block.Length), (int)Math.Min(count, Math.Min(tailStart - _pos, Block.Length - (_pos - fillStart) % Block.Length)));
            else n = Copy(_tail, (int)(_pos - tailStart), (int)Math.Min(count, total - _pos));
            _pos += n;
            return n;

            int Copy(byte[] from, int at, int length)
            {
                Array.Copy(from, at, buffer, offset, length);
                return length;
            }
        }
    }
}
