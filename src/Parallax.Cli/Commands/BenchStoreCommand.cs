using System.CommandLine;
using System.Globalization;
using Parallax.Eval.Bench;
using Parallax.Store;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax bench store</c>: the persistent corpus at scale (the workloads are <see cref="StoreBench"/>'s), on
/// PolNeAR's article texts from ../shared/data replayed (read at run time, never copied). Three figures: (1) ingest as a user runs it, analysis included, on a
/// few thousand documents; (2) a scaling table (store + streaming clustering of pre-analysed documents) at each
/// size: time, documents/s, peak memory, database size; (3) the clusterer alone with many live stories. Each replay
/// round is dated ten days after the previous one and its texts carry a round marker, so every document is new to the
/// store and every round's events are new stories (the live-story count grows as on a real feed).
/// </summary>
internal static class BenchStoreCommand
{
    public static Command Create()
    {
        var shared = new Option<string>("--shared") { Description = "The shared folder holding data/", DefaultValueFactory = _ => "../shared" };
        var sizes = new Option<string>("--sizes") { Description = "Corpus sizes for the scaling table (comma-separated)", DefaultValueFactory = _ => "10000,100000" };
        var analysed = new Option<int>("--analysed") { Description = "Documents for the full-ingest figure (analysis included)", DefaultValueFactory = _ => 2000 };
        var clusterDocs = new Option<int>("--cluster-docs") { Description = "Documents for the clustering-alone figure", DefaultValueFactory = _ => 300_000 };
        var db = new Option<string?>("--db") { Description = "postgres://… to bench PostgreSQL instead of SQLite files in a temporary folder" };
        var keep = new Option<string?>("--keep") { Description = "Keep each scaling corpus as DIR/scaleN.db, its stories refreshed (timed apart), for `bench serve --db`" };
        var command = new Command("store", "Ingest and streaming-clustering throughput, memory and database size at 10k/100k/1M documents")
        {
            shared, sizes, analysed, clusterDocs, db, keep,
        };
        command.SetAction(r => Run(r.GetValue(shared)!, r.GetValue(sizes)!, r.GetValue(analysed), r.GetValue(clusterDocs), r.GetValue(db), r.GetValue(keep)));
        return command;
    }

    private static int Run(string shared, string sizeList, int analysedCount, int clusterDocs, string? pgUrl, string? keep)
    {
        if (keep is not null && pgUrl is not null) throw new UserError("--keep applies to SQLite files only; a PostgreSQL corpus stays on its server");
        if (keep is not null) Directory.CreateDirectory(keep);
        int[] sizes;
        try { sizes = sizeList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); }
        catch (FormatException) { throw new UserError($"--sizes: '{sizeList}' is not a comma-separated list of numbers"); }

        using var bench = new StoreBench(shared);
        var dir = Path.Combine(Path.GetTempPath(), "parallax-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        string backend = pgUrl is null ? "SQLite" : "PostgreSQL";
        try
        {
            var i = bench.Ingest(analysedCount, pgUrl, Path.Combine(dir, "ingest.db"));
            AnsiConsole.MarkupLineInterpolated(
                $"ingest (analysis + store + clustering, {Environment.ProcessorCount} cores): {i.Documents:N0} documents in {i.StoredSeconds:N1} s = [bold]{i.Documents / i.StoredSeconds:N0} docs/s[/] into {backend}; with the story refresh {i.TotalSeconds:N1} s = {i.Documents / i.TotalSeconds:N0} docs/s; {i.CpuSeconds:N1} CPU-s in all ({i.Documents / i.CpuSeconds:N0} docs per CPU-second)");

            var distinct = bench.AnalyseDistinct();
            var table = new Table().Border(TableBorder.Rounded).Title($"store + streaming clustering of pre-analysed documents ({(pgUrl is null ? "SQLite, WAL" : "PostgreSQL")})");
            foreach (var c in new[] { "documents", "time s", "CPU s", "docs/s", "docs/s last 10%", "stories", "peak working set MB", "database MB" })
                table.AddColumn(new TableColumn(c).RightAligned());
            foreach (var n in sizes)
            {
                var path = Path.Combine(keep ?? dir, $"scale{n}.db");
                if (keep is not null) foreach (var f in Directory.EnumerateFiles(keep, $"scale{n}.db*")) File.Delete(f);
                var row = bench.Scale(distinct, n, pgUrl, path, keep is not null);
                table.AddRow(n.ToString("N0", CultureInfo.InvariantCulture), row.Seconds.ToString("N1", CultureInfo.InvariantCulture), row.CpuSeconds.ToString("N1", CultureInfo.InvariantCulture),
                    (n / row.Seconds).ToString("N0", CultureInfo.InvariantCulture), row.LastTenthDocsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    row.Stories.ToString("N0", CultureInfo.InvariantCulture), row.PeakMb.ToString("N0", CultureInfo.InvariantCulture),
                    row.DatabaseBytes is { } bytes ? (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) : "(server)");
                if (row.KeptPath is not null)
                    AnsiConsole.MarkupLineInterpolated($"kept {row.KeptPath}: {row.Refreshed:N0} stories refreshed in {row.RefreshSeconds:N1} s");
                if (pgUrl is null && keep is null) foreach (var f in Directory.EnumerateFiles(dir, $"scale{n}.db*")) File.Delete(f);
            }
            AnsiConsole.Write(table);

            var c3 = bench.ClusterAlone(distinct, clusterDocs);
            // CPU time too: on a shared machine the wall clock also counts other processes' turns.
            AnsiConsole.MarkupLineInterpolated(
                $"clustering alone (one thread): {c3.Documents:N0} documents in {c3.Seconds:N1} s = {c3.Documents / c3.Seconds:N0} docs/s ({c3.Documents / c3.CpuSeconds:N0} per CPU-second); second half [bold]{c3.SecondHalfDocsPerSecond:N0} docs/s[/] with {c3.LiveStories:N0} live stories at the end; peak working set {c3.PeakMb:N0} MB");
            return 0;
        }
        catch (StoreException e) { throw new UserError(e.Message); }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
