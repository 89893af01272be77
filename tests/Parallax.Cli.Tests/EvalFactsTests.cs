using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary><c>parallax eval facts</c> on the samples' gold file, on a written report, and on bad input.</summary>
public sealed class EvalFactsTests
{
    private static double Figure(string stdout, string measure)
    {
        var m = Regex.Match(stdout, Regex.Escape(measure) + @"[^0-9]*([01]\.[0-9]{3})");
        Assert.True(m.Success, $"no '{measure}' in:\n{stdout}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Samples_gold_is_scored_by_a_fresh_analysis()
    {
        var run = Repo.Parallax("eval", "facts", "samples/facts-gold.json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        // The planted facts: every verdict right, no street, section, phone or zip number taken for a fact.
        Assert.Equal(1.0, Figure(run.Stdout, "status accuracy"));
        Assert.Equal(1.0, Figure(run.Stdout, "grouping precision"));
        Assert.True(Figure(run.Stdout, "grouping recall") >= 0.8, run.Stdout);
        Assert.Matches(@"non-claims reported as facts\W+0\W", run.Stdout);
        Assert.DoesNotContain("gold:", run.Stderr);
    }

    [Fact]
    public void A_written_report_scores_the_same_as_a_fresh_run()
    {
        var outDir = Repo.TempDir();
        Assert.Equal(0, Repo.Parallax("analyze", "samples/reports", "--out", outDir, "--quiet").ExitCode);
        var fromFile = Repo.Parallax("eval", "facts", "samples/facts-gold.json", "--report", Path.Combine(outDir, "report.json"));
        var fresh = Repo.Parallax("eval", "facts", "samples/facts-gold.json");
        Assert.Equal(0, fromFile.ExitCode);
        foreach (var measure in new[] { "grouping precision", "grouping recall", "status accuracy", "claims found" })
            Assert.Equal(Figure(fresh.Stdout, measure), Figure(fromFile.Stdout, measure));
    }

    [Fact]
    public void Seeds_gold_finds_every_fact_with_its_verdict()
    {
        RepositoryPaths.RequireShared("seeds");
        var run = Repo.Parallax("eval", "facts", "eval/seeds-facts-gold.json", "--facts");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(1.0, Figure(run.Stdout, "status accuracy"));
        Assert.Equal(1.0, Figure(run.Stdout, "grouping precision"));
        Assert.DoesNotContain("gold:", run.Stderr);
    }

    [Theory]
    [InlineData("{ \"schema\": \"parallax.facts-gold/1\", \"facts\": [ { \"status\": \"maybe\", \"claims\": [ { \"doc\": \"a\", \"phrase\": \"b\" } ] } ] }", "status must be")]
    [InlineData("{ \"schema\": \"parallax.facts-gold/1\", \"facts\": [] }", "names no \"corpus\"")]
    [InlineData("[1, 2", "not valid JSON")]
    public void A_bad_gold_file_is_one_line_naming_it(string json, string message)
    {
        var path = Path.Combine(Repo.TempDir(), "gold.json");
        File.WriteAllText(path, json);
        var run = Repo.Parallax("eval", "facts", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Contains("gold.json", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void A_file_that_is_not_a_report_is_one_line()
    {
        var report = Path.Combine(Repo.TempDir(), "report.json");
        File.WriteAllText(report, "{\"hello\": 1}");
        var run = Repo.Parallax("eval", "facts", "samples/facts-gold.json", "--report", report);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a Parallax report", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
