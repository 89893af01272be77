using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Store;
using Parallax.Workflow;
using Parallax.Web;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax bench serve</c>: the web app under load, in-process on loopback. A story of 50 sources is built from the
/// five founding reports in ../shared/seeds, each replayed ten times as a different outlet with a marker line (so its
/// text is new to the store; the texts are read at run time, never copied). Then 32 connections request the story
/// page, and then the stories list, as fast as they can for the given time; latency percentiles, requests/s, errors.
/// Targets (issue 8): story page ≤ 50 ms median, list ≤ 100 ms median, no errors.
/// </summary>
internal static class BenchServeCommand
{
    public static Command Create()
    {
        var shared = new Option<string>("--shared") { Description = "The shared folder holding seeds/", DefaultValueFactory = _ => "../shared" };
        var seconds = new Option<int>("--seconds") { Description = "How long to load each page", DefaultValueFactory = _ => 30 };
        var connections = new Option<int>("--connections") { Description = "Concurrent connections", DefaultValueFactory = _ => 32 };
        var sources = new Option<int>("--sources") { Description = "Documents in the benchmark story", DefaultValueFactory = _ => 50 };
        var db = new Option<string?>("--db") { Description = "Instead of building the seeds story: load an existing corpus (its largest story and its list)" };
        var list = new Option<string[]>("--list")
        {
            Description = "With --db: also load the stories list with this query string (e.g. \"outlet=Reuters\", \"page=2000\"; \"after@N\" is the cursor link to the page after the Nth story); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var hostile = new Option<bool>("--hostile") { Description = "Then load the list and story page while 16 connections send hostile searches; the pages' p99 during it" };
        var command = new Command("serve", "Load-test the web app: story page and stories list at 32 connections; p50/p95/p99, requests/s, errors")
        {
            shared, seconds, connections, sources, db, list, hostile,
        };
        command.SetAction(r =>
        {
            Hostile = r.GetValue(hostile);
            return r.GetValue(db) is { } existing
                ? RunOn(existing, r.GetValue(seconds), r.GetValue(connections), r.GetValue(list) ?? [])
                : Run(r.GetValue(shared)!, r.GetValue(seconds), r.GetValue(connections), r.GetValue(sources));
        });
        return command;
    }

    private static int Run(string shared, int seconds, int connections, int sources)
    {
        var seedDir = Path.Combine(shared, "seeds");
        if (!Directory.Exists(seedDir)) throw new UserError($"seed reports not found: {seedDir} (run with ../shared beside the repository, or pass --shared)");
        if (seconds < 1 || connections < 1 || sources < 1) throw new UserError("--seconds, --connections and --sources must be at least 1");

        var seeds = new CorpusReader().Read([seedDir]).Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        if (seeds.Count == 0) throw new UserError($"no readable report in {seedDir}");
        var dir = Directory.CreateTempSubdirectory("parallax-bench-serve-");
        try
        {
            var store = Corpus.OpenSqlite(Path.Combine(dir.FullName, "bench.db"));
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
            Corpus.Refresh(store);
            var biggest = store.Stories(limit: 1000).OrderByDescending(s => s.Documents).First();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"corpus: {store.CountDocuments()} documents; benchmark story {biggest.Id} has {biggest.Documents} documents from {biggest.Sources} sources (built in {clock.Elapsed.TotalSeconds:0.0} s)"));

            Serve(store, biggest.Id, seconds, connections, []);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    /// <summary>The load on a corpus someone already has (e.g. a large ingest): its largest recent story and the list.</summary>
    private static int RunOn(string db, int seconds, int connections, string[] lists)
    {
        if (seconds < 1 || connections < 1) throw new UserError("--seconds and --connections must be at least 1");
        ICorpusStore store;
        try { store = Corpus.Open(db); }
        catch (StoreException e) { throw new UserError(e.Message); }
        var biggest = store.Stories(limit: 1000).OrderByDescending(s => s.Documents).FirstOrDefault()
            ?? throw new UserError($"{store.Location} has no stories");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus: {store.CountDocuments():N0} documents; benchmark story {biggest.Id} has {biggest.Documents} documents from {biggest.Sources} sources"));
        Serve(store, biggest.Id, seconds, connections, lists);
        return 0;
    }

    private static bool Hostile;

    private static void Serve(ICorpusStore store, long story, int seconds, int connections, IReadOnlyList<string> lists)
    {
        var app = ParallaxServer.Create(store, new ServerOptions("http://127.0.0.1:0", null));
        app.StartAsync().GetAwaiter().GetResult();
        try
        {
            var root = ParallaxServer.Addresses(app)[0].TrimEnd('/');
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections + (Hostile ? HostileServeLoad.HostileConnections : 0), PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
            Console.WriteLine($"{"page",-28} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"CPU ms/req",10}");
            Load(http, "story", $"{root}/stories/{story.ToString(CultureInfo.InvariantCulture)}", seconds, connections);
            Load(http, "stories list", root + "/", seconds, connections);
            // The first page alone can hide a filter or a deep page that scans: each asked-for variant is loaded too.
            foreach (var query in lists)
            {
                // "after@N": the page an "Older" link N stories deep leads to (found once, before the load).
                var q = query.StartsWith("after@", StringComparison.Ordinal) && int.TryParse(query.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                    ? "after=" + (store.Stories(limit: 1, offset: Math.Max(0, n - 1)).FirstOrDefault()?.Cursor.ToString() ?? "")
                    : query;
                Load(http, "list ?" + q, root + "/?" + q, seconds, connections);
            }
            if (Hostile) HostileServeLoad.Run(http, root, seconds, connections);
        }
        finally
        {
            // Stopping the app disposes the store it owns.
            app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)app).Dispose();
        }
    }

    private static void Load(HttpClient http, string name, string url, int seconds, int connections)
    {
        // One warm-up request builds and caches the story, as the first reader after an ingest would.
        try
        {
            using var warm = http.GetAsync(url).GetAwaiter().GetResult();
            if (warm.StatusCode != HttpStatusCode.OK) throw new UserError($"{url} answered {(int)warm.StatusCode}");
        }
        catch (TaskCanceledException)
        {
            // A page slower than the client's timeout is a result to print, not a crash of the benchmark.
            Console.WriteLine($"{name,-28} the warm-up request took longer than {http.Timeout.TotalSeconds:0} s; not loaded");
            return;
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
                long t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode) errors[c]++;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { errors[c]++; }
                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        })).ToArray();
        Task.WaitAll(workers);
        wall.Stop();
        self.Refresh();
        // CPU time of client and server together (one process): on a shared machine the wall clock also counts other
        // processes' turns, CPU per request does not.
        double cpuMs = (self.TotalProcessorTime - cpu0).TotalMilliseconds;
        var all = lists.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {all.Length,9:N0} {all.Length / wall.Elapsed.TotalSeconds,8:N0} {P(0.50),8:0.0} {P(0.95),8:0.0} {P(0.99),8:0.0} {errors.Sum(),7} {cpuMs / Math.Max(1, all.Length),10:0.00}"));
    }
}
