using System.Globalization;
using Parallax.Eval.Bench;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax bench --ingest-mb N</c>: runs <see cref="WarcIngestBench"/> and prints its figures.</summary>
internal static class BenchIngestPrint
{
    public static int Run(string shared, int megabytes)
    {
        WarcIngestResult r;
        try { r = WarcIngestBench.Run(shared, megabytes); }
        catch (InvalidOperationException e) { throw new UserError(e.Message); }
        AnsiConsole.MarkupLineInterpolated(
            $"WARC: {r.Records:N0} responses from {r.DistinctPages:N0} distinct pages, {Mb(r.PlainBytes)} MB plain, {Mb(r.GzipBytes)} MB as .warc.gz");
        var table = new Table().Border(TableBorder.Rounded).Title("ingest");
        table.AddColumn("phase");
        foreach (var c in new[] { "records", "seconds", "MB/s (WARC bytes)", "pages/s", "CPU s", "pages/CPU-s", "peak MB" })
            table.AddColumn(new TableColumn(c).RightAligned());
        foreach (var p in r.Phases)
        {
            bool docs = p.Documents is not null;
            table.AddRow(p.Name, docs ? $"{p.Records:N0} ({p.Documents:N0} docs)" : p.Records.ToString("N0", CultureInfo.InvariantCulture),
                p.Seconds.ToString("0.00", CultureInfo.InvariantCulture), p.MbPerSecond.ToString(docs ? "0.0" : "0", CultureInfo.InvariantCulture),
                p.PagesPerSecond.ToString(docs ? "0.0" : "N0", CultureInfo.InvariantCulture), p.CpuSeconds.ToString("0.00", CultureInfo.InvariantCulture),
                p.PagesPerCpuSecond.ToString(docs ? "0.0" : "N0", CultureInfo.InvariantCulture), p.PeakMb.ToString("N0", CultureInfo.InvariantCulture));
        }
        if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 120) AnsiConsole.Profile.Width = 120;
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{r.WarmUpPasses} warm-up passes; load average (1, 5, 15 min): {r.LoadBefore} before, {r.LoadAfter} after");
        return 0;
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture);
}
