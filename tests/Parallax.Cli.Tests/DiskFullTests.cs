using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>
/// `parallax ingest` onto a disk that fills up midway: one clear line, every committed document kept whole, and a
/// rerun once there is room ends with exactly the input. The small disk is a tmpfs of a few megabytes, so the test
/// needs the right to mount one (root on Linux); elsewhere it skips saying so.
/// </summary>
public sealed class DiskFullTests
{
    [Fact]
    public void An_ingest_that_fills_the_disk_fails_in_one_line_keeps_what_it_committed_and_resumes_when_there_is_room()
    {
        var mountPoint = Repo.TempDir();
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint) != 0)
        {
            Assert.Skip("needs root on Linux to mount a 1 MB tmpfs as a disk that fills up");
            return;
        }
        try
        {
            const int n = 800;
            var input = StoredCorpus.WriteReports(n);
            var db = Path.Combine(mountPoint, "corpus.db");

            var full = Repo.Parallax("ingest", input, "--db", db, "--threads", "1", "--quiet");
            Assert.Equal(2, full.ExitCode);
            var lines = full.Stderr.Trim().Split('\n');
            Assert.Single(lines);
            Assert.StartsWith("parallax: ", lines[0], StringComparison.Ordinal);
            Assert.Contains("full", lines[0], StringComparison.OrdinalIgnoreCase);
            Assert.Contains("rerun", lines[0], StringComparison.Ordinal);

            var kept = StoredCorpus.Count(db);
            Assert.InRange(kept.Documents, 1, n - 1);
            Assert.Equal(kept.Documents, kept.Distinct);
            Assert.Equal(0, kept.Orphans);
            Assert.Equal("ok", StoredCorpus.IntegrityCheck(db));

            // Room again (the same disk made larger): the rerun adds exactly what is missing.
            Assert.Equal(0, Run("mount", "-o", "remount,size=256m", mountPoint));
            var rerun = Repo.Parallax("ingest", input, "--db", db, "--quiet");
            Assert.True(rerun.ExitCode == 0, rerun.Stderr);
            Assert.Equal((n, n, 0L), StoredCorpus.Count(db));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Run("umount", "-l", mountPoint);
        }
    }

    private static int Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception) { return -1; } // no such program
    }
}
