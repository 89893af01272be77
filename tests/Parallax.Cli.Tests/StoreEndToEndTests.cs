using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>`parallax ingest` as a user runs it: killed midway and rerun, two runs at once on one file, bad --db.</summary>
public sealed class StoreEndToEndTests
{
    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parallax.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        return Process.Start(psi)!;
    }

    [Fact]
    public void An_ingest_killed_midway_keeps_what_it_committed_and_a_rerun_ends_with_exactly_the_input()
    {
        const int n = 400;
        var input = StoredCorpus.WriteReports(n);
        var db = Path.Combine(Repo.TempDir(), "corpus.db");
        using (var p = Start("ingest", input, "--db", db, "--threads", "1"))
        {
            _ = p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            _ = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var clock = Stopwatch.StartNew();
            // Kill as soon as some documents are committed (polling a read-only connection: WAL lets readers in).
            while (clock.Elapsed < TimeSpan.FromMinutes(2) && !p.HasExited)
            {
                if (File.Exists(db) && TryCount(db) >= 40) break;
                Thread.Sleep(20);
            }
            Assert.False(p.HasExited, "ingest finished before it could be killed; the corpus is too small for this machine");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        var killed = StoredCorpus.Count(db);
        Assert.InRange(killed.Documents, 40, n - 1);
        Assert.Equal(killed.Documents, killed.Distinct);
        Assert.Equal(0, killed.Orphans);

        var rerun = Repo.Parallax("ingest", input, "--db", db, "--quiet");
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        var after = StoredCorpus.Count(db);
        Assert.Equal((n, n, 0L), (after.Documents, after.Distinct, after.Orphans));
    }

    private static long TryCount(string db)
    {
        try { return StoredCorpus.Count(db).Documents; }
        catch (SqliteException) { return 0; } // not created yet, or its schema not yet committed
    }

    [Fact]
    public async Task Two_ingests_at_once_on_one_file_take_turns_and_store_each_document_once()
    {
        var input = StoredCorpus.WriteReports(60);
        var db = Path.Combine(Repo.TempDir(), "shared.db");
        using var a = Start("ingest", input, "--db", db, "--threads", "1", "--quiet");
        using var b = Start("ingest", input, "--db", db, "--threads", "1", "--quiet");
        var errA = a.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errB = b.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(a.WaitForExit(TimeSpan.FromMinutes(3)) && b.WaitForExit(TimeSpan.FromMinutes(3)));
        Assert.True(a.ExitCode == 0, await errA);
        Assert.True(b.ExitCode == 0, await errB);
        Assert.Equal((60L, 60L, 0L), StoredCorpus.Count(db));
    }

    [Fact]
    public void Store_commands_report_bad_databases_in_one_line()
    {
        var dir = Repo.TempDir();
        var notes = Path.Combine(dir, "notes.db");
        File.WriteAllText(notes, "not a database");
        foreach (var args in new[]
        {
            new[] { "stories", "--db", notes },
            ["search", "x", "--db", "postgres://user:pw@"],
            ["stories", "--db", "postgres://user:pw@127.0.0.1:1/db"],
            ["story", "1", "--db", Path.Combine(dir, "missing", "x.db"), "--out", dir],
        })
        {
            var r = Repo.Parallax(args);
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.Stderr.Trim().Split('\n'));
            Assert.StartsWith("parallax: ", r.Stderr, StringComparison.Ordinal);
        }
        Assert.Equal("not a database", File.ReadAllText(notes));
    }

    [Fact]
    public void Ingest_then_story_writes_the_same_kind_of_report_as_analyze()
    {
        var dir = Repo.TempDir();
        var db = Path.Combine(dir, "c.db");
        var ingest = Repo.Parallax("ingest", Path.Combine(Repo.Root, "samples", "reports"), "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        Assert.Contains("ingested 4 new documents", ingest.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 new documents (4 already stored", Repo.Parallax("ingest", Path.Combine(Repo.Root, "samples", "reports"), "--db", db).Stdout, StringComparison.Ordinal);
        var stories = Repo.Parallax("stories", "--db", db);
        Assert.Contains("Cannery Street Bridge", stories.Stdout, StringComparison.Ordinal);
        var search = Repo.Parallax("search", "barge", "--db", db);
        Assert.Contains("[barge]", search.Stdout, StringComparison.OrdinalIgnoreCase);
        var story = Repo.Parallax("story", "1", "--db", db, "--out", Path.Combine(dir, "out"));
        Assert.True(story.ExitCode == 0, story.Stderr);
        var report = ReportView.Load(Path.Combine(dir, "out", "report.json"));
        Assert.Equal(4, report.Documents.Count());
        var s = Assert.Single(report.Stories);
        Assert.Contains(ReportView.Facts(s), f => ReportView.Status(f) == "disputed");
        Assert.All(report.AllSpans(), x => Assert.Equal(x.Text, report.Text(x.Doc)[x.Start..x.End]));
    }
}
