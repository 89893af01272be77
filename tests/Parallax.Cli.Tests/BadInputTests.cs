using System.Text.Json;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>Bad input is skipped with a warning naming it, the run completes, and nothing prints a stack trace.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Bad_files_and_lines_are_skipped_by_name_and_the_run_completes()
    {
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "good.txt"), "Harbor officials said the bridge would reopen Friday after inspectors finished their work on the damaged pier.");
        File.WriteAllText(Path.Combine(dir, "empty.txt"), "");
        File.WriteAllBytes(Path.Combine(dir, "binary.txt"), [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00]);
        File.WriteAllText(Path.Combine(dir, "feed.jsonl"),
            "{\"id\":\"a\",\"outlet\":\"Test Wire\",\"text\":\"The pier was repaired by Thursday, the port authority said in a short statement.\"}\n{not json\n");
        var outDir = Repo.TempDir();

        var run = Repo.Parallax("analyze", dir, "--out", outDir);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("empty.txt", run.Stderr);
        Assert.Contains("binary.txt", run.Stderr);
        Assert.Contains("feed.jsonl", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "report.json"))).RootElement;
        Assert.Equal(2, report.GetProperty("documents").GetArrayLength());
        var skipped = report.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("origin").GetString()!).ToList();
        Assert.Contains(skipped, s => s.EndsWith("empty.txt", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.EndsWith("binary.txt", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.Contains("feed.jsonl", StringComparison.Ordinal) && s.Contains('2'));
    }

    [Fact]
    public void Nothing_readable_exits_1_with_one_line()
    {
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "empty.txt"), "   ");
        var run = Repo.Parallax("analyze", dir, "--out", Repo.TempDir());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("parallax: nothing could be read", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void A_missing_path_is_named()
    {
        var run = Repo.Parallax("analyze", "/no/such/folder/anywhere", "--out", Repo.TempDir());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/no/such/folder/anywhere", run.Stderr);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_exits_2_with_one_line()
    {
        var file = Path.Combine(Repo.TempDir(), "a-file");
        File.WriteAllText(file, "x");
        var run = Repo.Parallax("analyze", Path.Combine(Repo.Root, "samples", "reports"), "--out", Path.Combine(file, "sub"));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("parallax: cannot create output folder", run.Stderr.Trim());
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Usage_errors_exit_non_zero_without_a_stack_trace()
    {
        var run = Repo.Parallax("analyze");
        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
