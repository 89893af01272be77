using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Analysis.Pipeline;
using Parallax.Model;
using Parallax.Store;
using Parallax.Stories.Streaming;
using Parallax.Workflow;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax bench store</c>: the persistent corpus at scale, on PolNeAR's article texts from ../shared/data
/// replayed (read at run time, never copied). Three figures: (1) ingest as a user runs it, analysis included, on a
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
        var textDir = Path.Combine(shared, "data", "quotes", "polnear", "train", "text");
        if (!Directory.Exists(textDir))
            throw new UserError($"benchmark corpus not found: {textDir} (run from the repository with ../shared beside it, or pass --shared)");
        int[] sizes;
        try { sizes = sizeList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); }
        catch (FormatException) { throw new UserError($"--sizes: '{sizeList}' is not a comma-separated list of numbers"); }

        var texts = Directory.EnumerateFiles(textDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).Where(t => t.Length > 0).ToArray();
        var pipeline = StandardPipeline.Create();
        var dir = Path.Combine(Path.GetTempPath(), "parallax-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        using var self = Process.GetCurrentProcess();
        try
        {
            // (1) Ingest as `parallax ingest` does it (the corpus-ingest workflow: copies, already-stored probes on a
            // second connection, batches analysed on every core while the previous batch is written in one
            // transaction); then the story refresh. CPU seconds too: on a shared machine the wall clock
            // also counts other processes' turns.
            {
                var docs = Replay(texts, analysedCount, (t, i, round) => new Document { Id = "d", Origin = "replay", Text = Mark(t, round, i), Metadata = Dated(round) }).ToList();
                using var store = OpenStore(pgUrl, Path.Combine(dir, "ingest.db"));
                using var probe = OpenStore(pgUrl, Path.Combine(dir, "ingest.db"));
                self.Refresh();
                var cpu0 = self.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                new CorpusIngest(store, pipeline, Environment.ProcessorCount) { Probe = probe, Refresh = false }.Run(CorpusSource.Documents(docs));
                double stored = clock.Elapsed.TotalSeconds;
                Corpus.Refresh(store);
                clock.Stop();
                self.Refresh();
                double ingestCpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
                AnsiConsole.MarkupLineInterpolated(
                    $"ingest (analysis + store + clustering, {Environment.ProcessorCount} cores): {docs.Count:N0} documents in {stored:N1} s = [bold]{docs.Count / stored:N0} docs/s[/] into {(pgUrl is null ? "SQLite" : "PostgreSQL")}; with the story refresh {clock.Elapsed.TotalSeconds:N1} s = {docs.Count / clock.Elapsed.TotalSeconds:N0} docs/s; {ingestCpu:N1} CPU-s in all ({docs.Count / ingestCpu:N0} docs per CPU-second)");
            }

            // (2) Scaling: the distinct texts analysed once, then replayed into the store (store + clustering).
            var distinct = pipeline.RunAll(texts.Select((t, i) => new Document { Id = "d", Origin = "replay", Text = t }).ToList(), Environment.ProcessorCount);
            var table = new Table().Border(TableBorder.Rounded).Title($"store + streaming clustering of pre-analysed documents ({(pgUrl is null ? "SQLite, WAL" : "PostgreSQL")})");
            foreach (var c in new[] { "documents", "time s", "CPU s", "docs/s", "docs/s last 10%", "stories", "peak working set MB", "database MB" })
                table.AddColumn(new TableColumn(c).RightAligned());
            foreach (var n in sizes)
            {
                var path = Path.Combine(keep ?? dir, $"scale{n}.db");
                if (keep is not null) foreach (var f in Directory.EnumerateFiles(keep, $"scale{n}.db*")) File.Delete(f);
                GC.Collect();
                using var store = OpenStore(pgUrl, path);
                self.Refresh();
                var storeCpu0 = self.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                double lastTenthStart = 0;
                int i = 0;
                // In batches of 64, one transaction each, as ingest writes them.
                foreach (var batch in Replay(distinct, n, (doc, k, round) => doc with { Text = Mark(doc.Text, round, k), Metadata = Dated(round) }).Chunk(64))
                {
                    if (i <= n * 9 / 10 && i + batch.Length > n * 9 / 10) lastTenthStart = clock.Elapsed.TotalSeconds;
                    i += batch.Length;
                    store.AddAll(batch);
                }
                clock.Stop();
                double secs = clock.Elapsed.TotalSeconds;
                self.Refresh();
                double cpuSecs = (self.TotalProcessorTime - storeCpu0).TotalSeconds;
                long bytes = pgUrl is null ? new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) : 0;
                int stories = store.Stories(limit: int.MaxValue).Count;
                table.AddRow(n.ToString("N0", CultureInfo.InvariantCulture), secs.ToString("N1", CultureInfo.InvariantCulture), cpuSecs.ToString("N1", CultureInfo.InvariantCulture),
                    (n / secs).ToString("N0", CultureInfo.InvariantCulture), ((n - n * 9 / 10) / (secs - lastTenthStart)).ToString("N0", CultureInfo.InvariantCulture),
                    stories.ToString("N0", CultureInfo.InvariantCulture), (self.PeakWorkingSet64 / 1048576.0).ToString("N0", CultureInfo.InvariantCulture),
                    pgUrl is null ? (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) : "(server)");
                if (keep is not null)
                {
                    // Not part of the scaling figure: the per-story comparisons a served corpus shows, built once.
                    var refresh = Stopwatch.StartNew();
                    int refreshed = Corpus.Refresh(store);
                    self.Refresh();
                    AnsiConsole.MarkupLineInterpolated(
                        $"kept {path}: {refreshed:N0} stories refreshed in {refresh.Elapsed.TotalSeconds:N1} s; peak working set now {self.PeakWorkingSet64 / 1048576.0:N0} MB");
                }
                store.Dispose();
                if (pgUrl is null && keep is null) foreach (var f in Directory.EnumerateFiles(dir, $"scale{n}.db*")) File.Delete(f);
            }
            AnsiConsole.Write(table);

            // (3) The clusterer alone, its features precomputed, with many live stories.
            var features = distinct.Select(StoryFeatures.Of).ToArray();
            var clusterer = new StreamingClusterer();
            self.Refresh();
            var cpuStart = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            double mark = 0;
            int counted = 0;
            for (int k = 0; k < clusterDocs; k++)
            {
                int round = k / features.Length;
                var f = features[k % features.Length];
                // A round marker term makes each round's copies their own events, so stories pile up.
                var terms = new Dictionary<string, float>(f.Terms) { [$"@round{round}"] = 2 };
                clusterer.Add(new StoryFeatures(terms, Day(round)));
                if (k == clusterDocs / 2) { mark = sw.Elapsed.TotalSeconds; counted = 0; }
                counted++;
            }
            sw.Stop();
            self.Refresh();
            // CPU time too: on a shared machine the wall clock also counts other processes' turns.
            double cpu = (self.TotalProcessorTime - cpuStart).TotalSeconds;
            AnsiConsole.MarkupLineInterpolated(
                $"clustering alone (one thread): {clusterDocs:N0} documents in {sw.Elapsed.TotalSeconds:N1} s = {clusterDocs / sw.Elapsed.TotalSeconds:N0} docs/s ({clusterDocs / cpu:N0} per CPU-second); second half [bold]{counted / (sw.Elapsed.TotalSeconds - mark):N0} docs/s[/] with {clusterer.LiveStories:N0} live stories at the end; peak working set {self.PeakWorkingSet64 / 1048576.0:N0} MB");
            return 0;
        }
        catch (StoreException e) { throw new UserError(e.Message); }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static ICorpusStore OpenStore(string? pgUrl, string path) => pgUrl is null ? Corpus.OpenSqlite(path) : Corpus.Open(pgUrl);

    private static IEnumerable<Document> Replay<T>(IReadOnlyList<T> items, int n, Func<T, int, int, Document> make)
    {
        for (int k = 0; k < n; k++) yield return make(items[k % items.Count], k, k / items.Count);
    }

    private static string Mark(string text, int round, int k) => text + $"\n\n(replay {round}.{k})";

    private static DateOnly Day(int round) => new DateOnly(2020, 1, 1).AddDays(10 * round);

    private static DocumentMetadata Dated(int round) => new() { Published = new Sourced<DateOnly>(Day(round), MetadataSource.Input) };
}
