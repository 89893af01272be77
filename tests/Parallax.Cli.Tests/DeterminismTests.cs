using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>The same input gives the same report, whatever the number of cores, and unrelated events stay apart.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void One_core_and_two_cores_write_byte_identical_reports()
    {
        var one = Repo.TempDir();
        var two = Repo.TempDir();
        var samples = Path.Combine(Repo.Root, "samples", "reports");
        Assert.Equal(0, Repo.Parallax("analyze", samples, "--out", one, "--threads", "1", "--quiet").ExitCode);
        Assert.Equal(0, Repo.Parallax("analyze", samples, "--out", two, "--threads", "2", "--quiet").ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "report.json")), File.ReadAllBytes(Path.Combine(two, "report.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "report.html")), File.ReadAllBytes(Path.Combine(two, "report.html")));
    }

    [Fact]
    public void Two_unrelated_events_in_one_run_are_two_stories()
    {
        if (Repo.Shared is null || !Directory.Exists(Path.Combine(Repo.Shared, "seeds")))
            Assert.Skip("../shared/seeds is not present beside the repository; this test mixes it with samples/");
        var outDir = Repo.TempDir();
        Assert.Equal(0, Repo.Parallax("analyze", Path.Combine(Repo.Shared, "seeds"), Path.Combine(Repo.Root, "samples", "reports"), "--out", outDir, "--quiet").ExitCode);
        var report = ReportView.Load(Path.Combine(outDir, "report.json"));
        Assert.Equal([5, 4], report.Stories.Select(s => s.GetProperty("documents").GetArrayLength()).OrderDescending());
    }
}
