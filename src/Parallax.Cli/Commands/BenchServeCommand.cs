using System.CommandLine;
using System.Globalization;
using Parallax.Eval.Bench;
using Parallax.Store;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax bench serve</c>: the web app under load, in-process on loopback. A story of 50 sources is built from the
/// five founding reports in ../shared/seeds, each replayed ten times as a different outlet with a marker line (so its
/// text is new to the store; the texts are read at run time, never copied). Then 32 connections request the story
/// page, and then the stories list, as fast as they can for the given time; latency percentiles, requests/s, errors.
/// Targets (issue 8): story page ≤ 50 ms median, list ≤ 100 ms median, no errors. The workload is <see cref="ServeBench"/>'s.
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
        command.SetAction(r => r.GetValue(db) is { } existing
            ? RunOn(existing, r.GetValue(seconds), r.GetValue(connections), r.GetValue(list) ?? [], r.GetValue(hostile))
            : Run(r.GetValue(shared)!, r.GetValue(seconds), r.GetValue(connections), r.GetValue(sources), r.GetValue(hostile)));
        return command;
    }

    private static int Run(string shared, int seconds, int connections, int sources, bool hostile)
    {
        var seedDir = Path.Combine(shared, "seeds");
        if (!Directory.Exists(seedDir)) throw new UserError($"seed reports not found: {seedDir} (run with ../shared beside the repository, or pass --shared)");
        if (seconds < 1 || connections < 1 || sources < 1) throw new UserError("--seconds, --connections and --sources must be at least 1");
        ServeBench bench;
        try { bench = ServeBench.OnSeeds(seedDir, sources); }
        catch (FormatException e) { throw new UserError(e.Message); }
        using (bench)
        {
            var c = bench.Corpus;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"corpus: {c.Documents} documents; benchmark story {c.Story} has {c.StoryDocuments} documents from {c.StorySources} sources (built in {c.BuildSeconds:0.0} s)"));
            Serve(bench, seconds, connections, [], hostile);
        }
        return 0;
    }

    /// <summary>The load on a corpus someone already has (e.g. a large ingest): its largest recent story and the list.</summary>
    private static int RunOn(string db, int seconds, int connections, string[] lists, bool hostile)
    {
        if (seconds < 1 || connections < 1) throw new UserError("--seconds and --connections must be at least 1");
        ServeBench bench;
        try { bench = ServeBench.OnCorpus(db); }
        catch (Exception e) when (e is StoreException or FormatException) { throw new UserError(e.Message); }
        using (bench)
        {
            var c = bench.Corpus;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"corpus: {c.Documents:N0} documents; benchmark story {c.Story} has {c.StoryDocuments} documents from {c.StorySources} sources"));
            Serve(bench, seconds, connections, lists, hostile);
        }
        return 0;
    }

    private static void Serve(ServeBench bench, int seconds, int connections, IReadOnlyList<string> lists, bool hostile)
    {
        bench.Start(connections, hostile);
        Console.WriteLine($"{"page",-28} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"CPU ms/req",10}");
        Print(Load(bench, "story", bench.StoryPath, seconds, connections));
        Print(Load(bench, "stories list", "/", seconds, connections));
        // The first page alone can hide a filter or a deep page that scans: each asked-for variant is loaded too.
        foreach (var query in lists)
        {
            var q = bench.ListQuery(query);
            Print(Load(bench, "list ?" + q, "/?" + q, seconds, connections));
        }
        if (!hostile) return;
        var h = bench.Hostile(seconds, connections);
        Print(h.Pages);
        var statuses = string.Join(", ", h.Statuses.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Status}: {s.Count:N0}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hostile searches ({HostileServeLoad.HostileConnections} connections): {h.Answered:N0} answered, slowest {h.SlowestMs:0} ms; statuses {statuses}"));
    }

    private static ServeLoadRow Load(ServeBench bench, string name, string path, int seconds, int connections)
    {
        try { return bench.Load(name, path, seconds, connections); }
        catch (FormatException e) { throw new UserError(e.Message); }
    }

    private static void Print(ServeLoadRow r)
    {
        if (r.TimedOut)
            Console.WriteLine($"{r.Page,-28} the warm-up request took longer than {ServeBench.RequestTimeout.TotalSeconds:0} s; not loaded");
        else
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Page,-28} {r.Requests,9:N0} {r.PerSecond,8:N0} {r.P50,8:0.0} {r.P95,8:0.0} {r.P99,8:0.0} {r.Errors,7} {r.CpuMsPerRequest,10:0.00}"));
    }
}
