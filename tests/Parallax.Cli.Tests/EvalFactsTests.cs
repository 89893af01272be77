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
    public void An_audit_prints_precision_per_side_and_topic_parity_and_lists_the_unjudged_dispute()
    {
        var dir = Repo.TempDir();
        const string a = "Police said two people were killed. He scored 20 points.", b = "Three people were killed. He had 12 points.";
        static string Claim(string doc, string text, string words) =>
            $"{{\"doc\": \"{doc}\", \"start\": {text.IndexOf(words, StringComparison.Ordinal)}, \"end\": {text.IndexOf(words, StringComparison.Ordinal) + words.Length}, \"text\": \"{words}\"}}";
        File.WriteAllText(Path.Combine(dir, "report.json"), $$"""
            { "documents": [ { "id": "3_1ecb", "text": "{{a}}" }, { "id": "3_2ecb", "text": "{{b}}" } ],
              "stories": [ { "id": "s1", "facts": [
                { "id": "f1", "about": "people killed", "status": "disputed", "claims": [ {{Claim("3_1ecb", a, "two people")}}, {{Claim("3_2ecb", b, "Three people")}} ] },
                { "id": "f2", "about": "number of points", "status": "disputed", "claims": [ {{Claim("3_1ecb", a, "20 points")}}, {{Claim("3_2ecb", b, "12 points")}} ] } ] } ] }
            """);
        File.WriteAllText(Path.Combine(dir, "audit.tsv"),
            "n\tsubtopic\tstatus\tfact\tvalues\tverdict\tcause\n1\t3ecb\tdisputed\tpoints\t3_1ecb:\"20 points\" | 3_2ecb:\"12 points\"\tfalse\tdifferent-holder\n");
        var run = Repo.Parallax("eval", "facts", "--audit", Path.Combine(dir, "audit.tsv"), "--report", Path.Combine(dir, "report.json"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        // 2 shown, 0 real, 1 false, 1 unjudged, all in odd topic 3; precision 0 of 1 judged.
        Assert.Matches(@"disputed/updated\W+all\W+2\W+0\W+1\W+1\W+0\.000", run.Stdout);
        Assert.Matches(@"odd \(tuning\)\W+2\W+0\W+1\W+1\W", run.Stdout);
        Assert.Contains("different-holder 1", run.Stdout);
        Assert.Matches(@"unjudged: 3ecb\s+disputed\s+people killed\s+3_1ecb:""two people"" \| 3_2ecb:""Three people""", run.Stdout);

        File.WriteAllText(Path.Combine(dir, "bad.tsv"), "n\tsubtopic\n");
        var bad = Repo.Parallax("eval", "facts", "--audit", Path.Combine(dir, "bad.tsv"), "--report", Path.Combine(dir, "report.json"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.tsv:1", bad.Stderr);
        Assert.DoesNotContain("   at ", bad.Stderr);
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
