using System.Diagnostics;
using Parallax.Analysis.Pipeline;
using Parallax.Model;
using Parallax.Store;
using Parallax.Stories.Streaming;
using Parallax.Workflow;

namespace Parallax.Eval.Bench;

/// <summary>The full-ingest figure: documents, seconds to store them, seconds with the story refresh, CPU seconds.</summary>
public sealed record StoreIngestFigure(int Documents, double StoredSeconds, double TotalSeconds, double CpuSeconds);

/// <summary>One size of the scaling table (store + streaming clustering of pre-analysed documents).</summary>
public sealed record StoreScalingRow(int Documents, double Seconds, double CpuSeconds, double LastTenthDocsPerSecond, int Stories, double PeakMb,
    long? DatabaseBytes, string? KeptPath, int? Refreshed, double? RefreshSeconds);

/// <summary>The clustering-alone figure (one thread).</summary>
public sealed record ClusteringFigure(int Documents, double Seconds, double CpuSeconds, double SecondHalfDocsPerSecond, int LiveStories, double PeakMb);

/// <summary>
/// <c>parallax bench store</c>'s workloads: PolNeAR's article texts from ../shared/data replayed (read at run time,
/// never copied). Each replay round is dated ten days after the previous one and its texts carry a round marker, so
/// every document is new to the store and every round's events are new stories (the live-story count grows as on a
/// real feed). The CLI prints the records these return.
/// </summary>
public sealed class StoreBench : IDisposable
{
    private readonly Process self = Process.GetCurrentProcess();
    private readonly DocumentPipeline pipeline = StandardPipeline.Create();

    /// <summary>The distinct replay texts (a "not found:" error when ../shared lacks them).</summary>
    public IReadOnlyList<string> Texts { get; }

    public StoreBench(string shared)
    {
        var textDir = SharedData.Folder(shared, "quotes", "polnear", "train", "text");
        Texts = [.. Directory.EnumerateFiles(textDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).Where(t => t.Length > 0)];
    }

    /// <summary>Opens a corpus for the benchmark: a SQLite file, or the PostgreSQL database of <paramref name="pgUrl"/>.</summary>
    public static ICorpusStore Open(string? pgUrl, string path) => pgUrl is null ? Corpus.OpenSqlite(path) : Corpus.Open(pgUrl);

    /// <summary>(1) Ingest as <c>parallax ingest</c> runs it: the corpus-ingest workflow (copies, already-stored probes
    /// on a second connection, batches analysed on every core while the previous batch is written in one transaction),
    /// then the story refresh. CPU seconds too: on a shared machine the wall clock also counts other processes' turns.</summary>
    public StoreIngestFigure Ingest(int count, string? pgUrl, string path)
    {
        var docs = Replay(Texts, count, (t, i, round) => new Document { Id = "d", Origin = "replay", Text = Mark(t, round, i), Metadata = Dated(round) }).ToList();
        using var store = Open(pgUrl, path);
        using var probe = Open(pgUrl, path);
        self.Refresh();
        var cpu0 = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        new CorpusIngest(store, pipeline, Environment.ProcessorCount) { Probe = probe, Refresh = false }.Run(CorpusSource.Documents(docs));
        double stored = clock.Elapsed.TotalSeconds;
        Corpus.Refresh(store);
        clock.Stop();
        self.Refresh();
        return new StoreIngestFigure(docs.Count, stored, clock.Elapsed.TotalSeconds, (self.TotalProcessorTime - cpu0).TotalSeconds);
    }

    /// <summary>The distinct texts analysed once, for the scaling table and the clustering-alone figure.</summary>
    public Document[] AnalyseDistinct() =>
        pipeline.RunAll([.. Texts.Select(t => new Document { Id = "d", Origin = "replay", Text = t })], Environment.ProcessorCount);

    /// <summary>(2) One size of the scaling table: the analysed texts replayed into the store in batches of 64, one
    /// transaction each, as ingest writes them. With <paramref name="keep"/>, the corpus stays and its stories are
    /// refreshed (timed apart: not part of the scaling figure).</summary>
    public StoreScalingRow Scale(IReadOnlyList<Document> distinct, int n, string? pgUrl, string path, bool keep)
    {
        GC.Collect();
        using var store = Open(pgUrl, path);
        self.Refresh();
        var cpu0 = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        double lastTenthStart = 0;
        int i = 0;
        foreach (var batch in Replay(distinct, n, (doc, k, round) => doc with { Text = Mark(doc.Text, round, k), Metadata = Dated(round) }).Chunk(64))
        {
            if (i <= n * 9 / 10 && i + batch.Length > n * 9 / 10) lastTenthStart = clock.Elapsed.TotalSeconds;
            i += batch.Length;
            store.AddAll(batch);
        }
        clock.Stop();
        double secs = clock.Elapsed.TotalSeconds;
        self.Refresh();
        double cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
        long? bytes = pgUrl is null ? new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) : null;
        int stories = store.Stories(limit: int.MaxValue).Count;
        double peak = self.PeakWorkingSet64 / 1048576.0;
        int? refreshed = null;
        double? refreshSeconds = null;
        if (keep)
        {
            var refresh = Stopwatch.StartNew();
            refreshed = Corpus.Refresh(store);
            refreshSeconds = refresh.Elapsed.TotalSeconds;
        }
        return new StoreScalingRow(n, secs, cpu, (n - n * 9 / 10) / (secs - lastTenthStart), stories, peak, bytes, keep ? path : null, refreshed, refreshSeconds);
    }

    /// <summary>(3) The clusterer alone, its features precomputed, with many live stories: a round marker term makes
    /// each round's copies their own events, so stories pile up.</summary>
    public ClusteringFigure ClusterAlone(IReadOnlyList<Document> distinct, int count)
    {
        var features = distinct.Select(StoryFeatures.Of).ToArray();
        var clusterer = new StreamingClusterer();
        self.Refresh();
        var cpuStart = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        double mark = 0;
        int counted = 0;
        for (int k = 0; k < count; k++)
        {
            int round = k / features.Length;
            var f = features[k % features.Length];
            var terms = new Dictionary<string, float>(f.Terms) { [$"@round{round}"] = 2 };
            clusterer.Add(new StoryFeatures(terms, Day(round)));
            if (k == count / 2) { mark = sw.Elapsed.TotalSeconds; counted = 0; }
            counted++;
        }
        sw.Stop();
        self.Refresh();
        return new ClusteringFigure(count, sw.Elapsed.TotalSeconds, (self.TotalProcessorTime - cpuStart).TotalSeconds,
            counted / (sw.Elapsed.TotalSeconds - mark), clusterer.LiveStories, self.PeakWorkingSet64 / 1048576.0);
    }

    private static IEnumerable<Document> Replay<T>(IReadOnlyList<T> items, int n, Func<T, int, int, Document> make)
    {
        for (int k = 0; k < n; k++) yield return make(items[k % items.Count], k, k / items.Count);
    }

    private static string Mark(string text, int round, int k) => text + $"\n\n(replay {round}.{k})";

    private static DateOnly Day(int round) => new DateOnly(2020, 1, 1).AddDays(10 * round);

    private static DocumentMetadata Dated(int round) => new() { Published = new Sourced<DateOnly>(Day(round), MetadataSource.Input) };

    public void Dispose() => self.Dispose();
}
