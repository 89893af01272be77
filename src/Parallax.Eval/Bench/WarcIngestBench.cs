using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parallax.Eval.Extraction;
using Parallax.Ingest;
using Parallax.Ingest.Warc;
namespace Parallax.Eval.Bench;

/// <summary>
/// <c>parallax bench --ingest-mb N</c>: web-archive ingest speed. The trafilatura-eval pages (../shared/data, unpacked
/// to a temporary folder) are written as HTTP response records into a temporary WARC, replayed until it holds N MB,
/// once plain and once gzipped per record. Then: record reading alone (MB/s of WARC bytes, blocks held in memory),
/// and the whole path of `parallax analyze` up to documents (decode, extract, clean, metadata) on one core, with
/// pages/s and MB/s, the process's CPU seconds and pages per CPU second (the figure that stays meaningful on a loaded
/// machine), the load average, and peak memory after each phase (it should not grow with N). Returns the figures;
/// the CLI prints them.
/// </summary>
public static class WarcIngestBench
{
    /// <exception cref="InvalidOperationException">When the extraction set cannot be opened (a one-line message).</exception>
    public static WarcIngestResult Run(string shared, int megabytes)
    {
        var set = ExtractionSet.Open(shared);
        var work = Path.Combine(Path.GetTempPath(), "parallax-bench-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            using (set)
            {
                var plain = Path.Combine(work, "bench.warc");
                var gz = Path.Combine(work, "bench.warc.gz");
                var (records, bytes) = Write(set, plain, gz, megabytes * 1024L * 1024);
                var table = new List<WarcIngestPhase>();
                var loadBefore = LoadAverage();
                Read(table, "read records (.warc)", plain, bytes);
                Read(table, "read records (.warc.gz)", gz, bytes);
                // Warm-up passes so the timed one measures compiled code, not the JIT's early tiers: tiered compilation
                // keeps delaying its optimised tier while new methods are still being compiled, which on these pages
                // takes a few thousand of them (after 300 the rate was about half the steady one). A fixed count, because
                // stopping when a pass is no cheaper than the last stopped after two passes on a loaded machine.
                for (int i = 0; i < WarmUpPasses; i++) Ingest(null, "warm-up", gz, bytes, set.Pages.Count, threads: 1);
                Ingest(table, "read + extract + metadata (.warc.gz)", gz, bytes, set.Pages.Count, threads: 1);
                Ingest(table, "the same on 2 cores", gz, bytes, set.Pages.Count, threads: 2);
                return new WarcIngestResult(records, set.Pages.Count, bytes, new FileInfo(gz).Length, table, WarmUpPasses, loadBefore, LoadAverage());
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Untimed passes over the pages before the timed ones (3,000 pages for a 60 MB WARC).</summary>
    public const int WarmUpPasses = 6;

    private static (int Records, long Bytes) Write(ExtractionSet set, string plainPath, string gzPath, long target)
    {
        using var plain = File.Create(plainPath);
        using var gz = File.Create(gzPath);
        int records = 0;
        while (plain.Length < target)
        {
            foreach (var page in set.Pages)
            {
                if (plain.Length >= target) break;
                var html = File.ReadAllBytes(set.PathOf(page));
                var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {html.Length}\r\n\r\n");
                var head = Encoding.UTF8.GetBytes(
                    $"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nWARC-Date: 2022-05-18T00:00:00Z\r\n" +
                    $"WARC-Target-URI: {page.Url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {(http.Length + html.Length).ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
                byte[] record = [.. head, .. http, .. html, .. "\r\n\r\n"u8];
                plain.Write(record);
                using (var member = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) member.Write(record);
                records++;
            }
        }
        return (records, plain.Length);
    }

    private static void Read(List<WarcIngestPhase> table, string name, string path, long warcBytes)
    {
        GC.Collect();
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        int records = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            foreach (var e in WarcReader.Read(stream, _ => true, 64L << 20))
                if (e.Record is { Block: not null }) records++;
        var s = clock.Elapsed.TotalSeconds;
        cpu = CpuSeconds() - cpu;
        table.Add(new WarcIngestPhase(name, records, null, s, warcBytes / (1024.0 * 1024) / s, records / s, cpu, records / cpu, Peak()));
    }

    /// <summary>Reads the first <paramref name="limit"/> records as documents; adds a row unless <paramref name="table"/>
    /// is null. Returns the CPU seconds it took.</summary>
    private static double Ingest(List<WarcIngestPhase>? table, string name, string path, long warcBytes, int limit, int threads)
    {
        // One replay of the set is enough for a stable rate; the rest of the file is not read.
        GC.Collect();
        var reader = new CorpusReader(new IngestOptions { Threads = threads });
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        int docs = 0, seen = 0;
        long stopAt = 0;
        foreach (var item in reader.Read([path]))
        {
            seen++;
            if (item.IsDocument) docs++;
            if (seen >= limit) break;
        }
        var s = clock.Elapsed.TotalSeconds;
        cpu = CpuSeconds() - cpu;
        if (table is null) return cpu;
        stopAt = warcBytes * seen / Math.Max(1, CountRecords(path, seen));
        table.Add(new WarcIngestPhase(name, seen, docs, s, stopAt / (1024.0 * 1024) / s, seen / s, cpu, seen / cpu, Peak()));
        return cpu;
    }

    /// <summary>Records in the file, for turning "first N records" into their share of the bytes.</summary>
    private static int CountRecords(string path, int atLeast)
    {
        using var stream = File.OpenRead(path);
        int n = 0;
        foreach (var _ in WarcReader.Read(stream, _ => false, 0)) n++;
        return Math.Max(n, atLeast);
    }

    /// <summary>CPU time of the whole process (all threads: the reader's, the JIT's and the GC's).</summary>
    private static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>"1.02 0.87 0.66" from /proc/loadavg, or "n/a" where there is none.</summary>
    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "n/a"; }
    }

    private static double Peak()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024);
    }
}

/// <summary>One timed phase: records read (and documents, when reading as documents), seconds, MB/s of WARC bytes,
/// pages/s, CPU seconds, pages per CPU second and the peak working set after it.</summary>
public sealed record WarcIngestPhase(string Name, int Records, int? Documents, double Seconds, double MbPerSecond, double PagesPerSecond,
    double CpuSeconds, double PagesPerCpuSecond, double PeakMb);

/// <summary>The benchmark's figures: the WARC built (records, distinct pages, plain and gzipped bytes), each phase, and
/// the load average before and after.</summary>
public sealed record WarcIngestResult(int Records, int DistinctPages, long PlainBytes, long GzipBytes, IReadOnlyList<WarcIngestPhase> Phases,
    int WarmUpPasses, string LoadBefore, string LoadAfter);

