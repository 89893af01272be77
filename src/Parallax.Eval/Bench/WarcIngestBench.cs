using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parallax.Eval.Extraction;
using Parallax.Ingest;
using Parallax.Ingest.Warc;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax bench --ingest-mb N</c>: web-archive ingest speed. The trafilatura-eval pages (../shared/data, unpacked
/// to a temporary folder) are written as HTTP response records into a temporary WARC, replayed until it holds N MB,
/// once plain and once gzipped per record. Then: record reading alone (MB/s of WARC bytes, blocks held in memory),
/// and the whole path of `parallax analyze` up to documents (decode, extract, clean, metadata) on one core, with
/// pages/s and MB/s, the process's CPU seconds and pages per CPU second (the figure that stays meaningful on a loaded
/// machine), the load average, and peak memory after each phase (it should not grow with N).
/// </summary>
internal static class BenchIngest
{
    public static int Run(string shared, int megabytes)
    {
        ExtractionSet set;
        try { set = ExtractionSet.Open(shared); }
        catch (InvalidOperationException e) { throw new UserError(e.Message); }
        var work = Path.Combine(Path.GetTempPath(), "parallax-bench-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            using (set)
            {
                var plain = Path.Combine(work, "bench.warc");
                var gz = Path.Combine(work, "bench.warc.gz");
                var (records, bytes) = Write(set, plain, gz, megabytes * 1024L * 1024);
                AnsiConsole.MarkupLineInterpolated(
                    $"WARC: {records:N0} responses from {set.Pages.Count:N0} distinct pages, {Mb(bytes)} MB plain, {Mb(new FileInfo(gz).Length)} MB as .warc.gz");

                var table = new Table().Border(TableBorder.Rounded).Title("ingest");
                table.AddColumn("phase");
                foreach (var c in new[] { "records", "seconds", "MB/s (WARC bytes)", "pages/s", "CPU s", "pages/CPU-s", "peak MB" })
                    table.AddColumn(new TableColumn(c).RightAligned());
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
                if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 120) AnsiConsole.Profile.Width = 120;
                AnsiConsole.Write(table);
                AnsiConsole.WriteLine($"{WarmUpPasses} warm-up passes; load average (1, 5, 15 min): {loadBefore} before, {LoadAverage()} after");
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    /// <summary>Untimed passes over the pages before the timed ones (3,000 pages for a 60 MB WARC).</summary>
    private const int WarmUpPasses = 6;

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

    private static void Read(Table table, string name, string path, long warcBytes)
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
        table.AddRow(name, records.ToString("N0", CultureInfo.InvariantCulture), s.ToString("0.00", CultureInfo.InvariantCulture),
            (warcBytes / (1024.0 * 1024) / s).ToString("0", CultureInfo.InvariantCulture), (records / s).ToString("N0", CultureInfo.InvariantCulture),
            cpu.ToString("0.00", CultureInfo.InvariantCulture), (records / cpu).ToString("N0", CultureInfo.InvariantCulture), Peak());
    }

    /// <summary>Reads the first <paramref name="limit"/> records as documents; adds a row unless <paramref name="table"/>
    /// is null. Returns the CPU seconds it took.</summary>
    private static double Ingest(Table? table, string name, string path, long warcBytes, int limit, int threads)
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
        table.AddRow(name, $"{seen:N0} ({docs:N0} docs)", s.ToString("0.00", CultureInfo.InvariantCulture),
            (stopAt / (1024.0 * 1024) / s).ToString("0.0", CultureInfo.InvariantCulture), (seen / s).ToString("0.0", CultureInfo.InvariantCulture),
            cpu.ToString("0.00", CultureInfo.InvariantCulture), (seen / cpu).ToString("0.0", CultureInfo.InvariantCulture), Peak());
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

    private static string Peak()
    {
        using var self = Process.GetCurrentProcess();
        return (self.PeakWorkingSet64 / (1024.0 * 1024)).ToString("N0", CultureInfo.InvariantCulture);
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture);
}
