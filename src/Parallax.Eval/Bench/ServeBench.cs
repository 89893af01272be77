using System.Diagnostics;
using System.Globalization;
using System.Net;
using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Store;
using Parallax.Web;
using Parallax.Workflow;

namespace Parallax.Eval.Bench;

/// <summary>The corpus under load: its documents, the benchmark story (the largest), and the seconds it took to build
/// (null for a corpus that already existed).</summary>
public sealed record ServeCorpus(long Documents, long Story, int StoryDocuments, int StorySources, double? BuildSeconds);

/// <summary>One page loaded for the given time: requests, requests/s, latency percentiles (ms), errors, CPU ms per
/// request. <see cref="TimedOut"/>: the warm-up request outlived the client's timeout and the page was not loaded.</summary>
public sealed record ServeLoadRow(string Page, int Requests, double PerSecond, double P50, double P95, double P99, int Errors, double CpuMsPerRequest, bool TimedOut = false);

/// <summary>
/// <c>parallax bench serve</c>'s workload: the web app under load, in-process on loopback. <see cref="OnSeeds"/> builds
/// a story of N sources from the five founding reports in ../shared/seeds, each replayed as a different outlet with a
/// marker line (so its text is new to the store; the texts are read at run time, never copied); <see cref="OnCorpus"/>
/// uses a corpus someone already has. <see cref="Load"/> then requests one page on many connections as fast as they can
/// for the given time and returns the latency percentiles, requests/s and errors.
/// </summary>
public sealed class ServeBench : IDisposable
{
    private readonly ICorpusStore store;
    private readonly DirectoryInfo? temporary;
    private Microsoft.AspNetCore.Builder.WebApplication? app;
    private SocketsHttpHandler? handler;
    private HttpClient? http;
    private string root = "";

    /// <summary>How long the client waits for one answer.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The corpus and its benchmark story.</summary>
    public ServeCorpus Corpus { get; }

    private ServeBench(ICorpusStore store, DirectoryInfo? temporary, ServeCorpus corpus)
    {
        this.store = store;
        this.temporary = temporary;
        Corpus = corpus;
    }

    /// <summary>A temporary corpus of <paramref name="sources"/> replayed seed reports. Throws
    /// <see cref="FormatException"/> when <paramref name="seedDir"/> holds no readable report.</summary>
    public static ServeBench OnSeeds(string seedDir, int sources)
    {
        var seeds = new CorpusReader().Read([seedDir]).Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        if (seeds.Count == 0) throw new FormatException($"no readable report in {seedDir}");
        var dir = Directory.CreateTempSubdirectory("parallax-bench-serve-");
        try
        {
            var store = Parallax.Workflow.Corpus.OpenSqlite(Path.Combine(dir.FullName, "bench.db"));
            var clock = Stopwatch.StartNew();
            var replay = Enumerable.Range(0, sources).Select(i =>
            {
                var seed = seeds[i % seeds.Count];
                int round = i / seeds.Count;
                var outlet = (seed.Metadata.Outlet?.Value ?? "Outlet " + (i % seeds.Count).ToString(CultureInfo.InvariantCulture)) + (round == 0 ? "" : " " + round.ToString(CultureInfo.InvariantCulture));
                return seed with
                {
                    Id = "r" + i.ToString(CultureInfo.InvariantCulture),
                    Text = round == 0 ? seed.Text : seed.Text + "\n\nReplay " + round.ToString(CultureInfo.InvariantCulture) + ".",
                    Metadata = seed.Metadata with { Outlet = new Sourced<string>(outlet, MetadataSource.Input) },
                };
            }).ToList();
            foreach (var d in StandardPipeline.Create().RunAll(replay, Environment.ProcessorCount)) store.Add(d);
            Parallax.Workflow.Corpus.Refresh(store);
            var biggest = store.Stories(limit: 1000).OrderByDescending(s => s.Documents).First();
            return new ServeBench(store, dir, new ServeCorpus(store.CountDocuments(), biggest.Id, biggest.Documents, biggest.Sources, clock.Elapsed.TotalSeconds));
        }
        catch
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
            throw;
        }
    }

    /// <summary>An existing corpus (e.g. a large ingest): its largest recent story. Throws <see cref="StoreException"/>
    /// when it cannot be opened, <see cref="FormatException"/> when it has no stories.</summary>
    public static ServeBench OnCorpus(string db)
    {
        var store = Parallax.Workflow.Corpus.Open(db);
        var biggest = store.Stories(limit: 1000).OrderByDescending(s => s.Documents).FirstOrDefault()
            ?? throw new FormatException($"{store.Location} has no stories");
        return new ServeBench(store, null, new ServeCorpus(store.CountDocuments(), biggest.Id, biggest.Documents, biggest.Sources, null));
    }

    /// <summary>Starts the app on a loopback port and a client allowing <paramref name="connections"/> connections
    /// (and the hostile load's, when <paramref name="hostile"/>).</summary>
    public void Start(int connections, bool hostile)
    {
        app = ParallaxServer.Create(store, new ServerOptions("http://127.0.0.1:0", null));
        app.StartAsync().GetAwaiter().GetResult();
        root = ParallaxServer.Addresses(app)[0].TrimEnd('/');
        handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections + (hostile ? HostileServeLoad.HostileConnections : 0), PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        http = new HttpClient(handler) { Timeout = RequestTimeout };
    }

    /// <summary>The benchmark story's page.</summary>
    public string StoryPath => "/stories/" + Corpus.Story.ToString(CultureInfo.InvariantCulture);

    /// <summary>The list's query string for a <c>--list</c> value: "after@N" is the page an "Older" link N stories deep
    /// leads to (found once, before the load); anything else is used as given.</summary>
    public string ListQuery(string query) =>
        query.StartsWith("after@", StringComparison.Ordinal) && int.TryParse(query.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? "after=" + (store.Stories(limit: 1, offset: Math.Max(0, n - 1)).FirstOrDefault()?.Cursor.ToString() ?? "")
            : query;

    /// <summary>Loads <paramref name="path"/> on <paramref name="connections"/> connections for <paramref name="seconds"/>.
    /// Throws <see cref="FormatException"/> when the warm-up request is not answered 200.</summary>
    public ServeLoadRow Load(string name, string path, int seconds, int connections)
    {
        var client = http ?? throw new InvalidOperationException("Start first");
        var url = root + path;
        // One warm-up request builds and caches the story, as the first reader after an ingest would.
        try
        {
            using var warm = client.GetAsync(url).GetAwaiter().GetResult();
            if (warm.StatusCode != HttpStatusCode.OK) throw new FormatException($"{url} answered {(int)warm.StatusCode}");
        }
        catch (TaskCanceledException)
        {
            // A page slower than the client's timeout is a result to print, not a crash of the benchmark.
            return new ServeLoadRow(name, 0, 0, 0, 0, 0, 0, 0, TimedOut: true);
        }
        var until = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var lists = new List<double>[connections];
        var errors = new int[connections];
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = lists[c] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < until)
            {
                var (ms, status) = await TimedGet(client, url).ConfigureAwait(false);
                if (!Succeeded(status)) errors[c]++;
                mine.Add(ms);
            }
        })).ToArray();
        Task.WaitAll(workers);
        wall.Stop();
        self.Refresh();
        // CPU time of client and server together (one process): on a shared machine the wall clock also counts other
        // processes' turns, CPU per request does not.
        double cpuMs = (self.TotalProcessorTime - cpu0).TotalMilliseconds;
        var all = lists.SelectMany(l => l).Order().ToArray();
        return new ServeLoadRow(name, all.Length, all.Length / wall.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.95),
            Percentile(all, 0.99), errors.Sum(), cpuMs / Math.Max(1, all.Length));
    }

    /// <summary>The list and its second page loaded while hostile searches run (see <see cref="HostileServeLoad"/>).</summary>
    public HostileServeResult Hostile(int seconds, int connections) =>
        HostileServeLoad.Run(http ?? throw new InvalidOperationException("Start first"), root, seconds, connections);

    /// <summary>One request, its body read: the milliseconds it took and its status (0 when it failed or timed out).</summary>
    internal static async Task<(double Ms, int Status)> TimedGet(HttpClient http, string url)
    {
        long t0 = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { status = 0; }
        return (Stopwatch.GetElapsedTime(t0).TotalMilliseconds, status);
    }

    /// <summary>A 2xx status, as <see cref="HttpResponseMessage.IsSuccessStatusCode"/> counts it.</summary>
    internal static bool Succeeded(int status) => status is >= 200 and <= 299;

    /// <summary>The <paramref name="q"/> quantile of sorted latencies (0 when there are none).</summary>
    internal static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    public void Dispose()
    {
        http?.Dispose();
        handler?.Dispose();
        if (app is not null)
        {
            // Stopping the app disposes the store it owns.
            app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)app).Dispose();
        }
        else store.Dispose();
        if (temporary is not null)
            try { temporary.Delete(recursive: true); } catch (IOException) { }
    }
}
