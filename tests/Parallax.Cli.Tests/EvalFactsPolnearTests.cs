using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

public sealed class EvalFactsPolnearTests
{
    private static string Claim(string doc, string text, string words) =>
        $"{{\"doc\": \"{doc}\", \"start\": {text.IndexOf(words, StringComparison.Ordinal)}, \"end\": {text.IndexOf(words, StringComparison.Ordinal) + words.Length}, \"text\": \"{words}\"}}";

    /// <summary>A split's report.json: story s1 from two outlets (one dispute), s2 from one outlet (one dispute).</summary>
    private static string Report(string prefix)
    {
        const string a = "Trump won 99 delegates.", b = "Trump won 98 delegates.", c = "Up 3 points. Up 4 points.";
        return $$"""
            { "documents": [ { "id": "d1", "path": "{{prefix}}_a.json", "outlet": "nyt", "text": "{{a}}" },
                             { "id": "d2", "path": "{{prefix}}_b.json", "outlet": "politico", "text": "{{b}}" },
                             { "id": "d3", "path": "{{prefix}}_c.json", "outlet": "nyt", "text": "{{c}}" } ],
              "stories": [
                { "id": "s1", "documents": ["d1", "d2"], "facts": [ { "id": "f1", "about": "number of delegates", "status": "disputed",
                  "claims": [ {{Claim("d1", a, "99 delegates")}}, {{Claim("d2", b, "98 delegates")}} ] } ] },
                { "id": "s2", "documents": ["d3"], "facts": [ { "id": "f1", "about": "points", "status": "disputed",
                  "claims": [ {{Claim("d3", c, "3 points")}}, {{Claim("d3", c, "4 points")}} ] } ] } ] }
            """;
    }

    [Fact]
    public void A_polnear_audit_judges_multi_outlet_stories_of_each_split_and_prints_train_and_dev_apart()
    {
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "r.polnear-train.json"), Report("tr"));
        File.WriteAllText(Path.Combine(dir, "r.polnear-dev.json"), Report("dv"));
        File.WriteAllText(Path.Combine(dir, "audit.tsv"), string.Join('\n',
            "n\tsubtopic\tstatus\tfact\tvalues\tverdict\tcause",
            "1\tpolnear-train\tdisputed\tdelegates\ttr_a:\"99 delegates\" | tr_b:\"98 delegates\"\tfalse\tpart-vs-total",
            "2\tpolnear-dev\tagreed\tdelegates\tdv_a:\"99 delegates\" | dv_b:\"98 delegates\"\treal\t", ""));
        var run = Repo.Parallax("eval", "facts", "--audit", Path.Combine(dir, "audit.tsv"), "--report", Path.Combine(dir, "r.json"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        // One dispute per split (the single-outlet story is left out); train's judged false, dev's judged by no row
        // of its side (the dev row judges an agreement).
        Assert.Matches(@"disputed/updated\W+all\W+2\W+0\W+1\W+1\W+0\.000", run.Stdout);
        Assert.Matches(@"train \(tuning\)\W+1\W+0\W+1\W+0\W", run.Stdout);
        Assert.Matches(@"dev \(check\)\W+1\W+0\W+0\W+1\W", run.Stdout);
        Assert.Contains("part-vs-total 1", run.Stdout);
        Assert.Matches(@"unjudged: polnear-dev\s+disputed\s+number of delegates\s+dv_a:""99 delegates""", run.Stdout);
        Assert.DoesNotContain("points", run.Stdout);
        Assert.DoesNotContain("killed/injured", run.Stdout);

        File.WriteAllText(Path.Combine(dir, "test.tsv"), "n\tsubtopic\tstatus\tfact\tvalues\tverdict\tcause\n1\tpolnear-test\tdisputed\tx\ta:\"1\" | b:\"2\"\tfalse\t\n");
        var refused = Repo.Parallax("eval", "facts", "--audit", Path.Combine(dir, "test.tsv"), "--report", Path.Combine(dir, "r.json"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("test.tsv", refused.Stderr);
        Assert.Contains("kept back", refused.Stderr);
        Assert.DoesNotContain("   at ", refused.Stderr);
    }
}
