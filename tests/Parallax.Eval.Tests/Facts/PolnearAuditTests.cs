using System.Text;
using System.Text.Json;
using Parallax.Eval.Facts;
using Parallax.Testing;

namespace Parallax.Eval.Tests.Facts;

public sealed class PolnearAuditTests
{
    [Fact]
    public void Only_the_train_and_dev_splits_are_audit_subtopics_and_the_test_split_is_refused()
    {
        Assert.Equal("train", PolnearFactsCorpus.SplitOf("polnear-train", "a.tsv"));
        Assert.Equal("dev", PolnearFactsCorpus.SplitOf("polnear-dev", "a.tsv"));
        var e = Assert.Throws<FormatException>(() => PolnearFactsCorpus.SplitOf("polnear-test", "a.tsv"));
        Assert.Contains("a.tsv", e.Message);
        Assert.True(PolnearFactsCorpus.Is(["polnear-train", "polnear-dev"]));
        Assert.False(PolnearFactsCorpus.Is(["polnear-train", "3ecb"]));
        Assert.False(PolnearFactsCorpus.Is([]));
    }

    [Fact]
    public void A_split_is_given_as_one_record_per_article_with_publisher_and_date_in_date_order_and_other_splits_are_never_opened()
    {
        string folder = Directory.CreateTempSubdirectory("polnear").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(folder, "metadata.tsv"), [
                "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle",
                "train\tnyt_2016-03-02_b\tNone\tx\tnyt\t2016-03-02\ta\tt",
                "test\tnyt_2016-11-02_c\tNone\tx\tnyt\t2016-11-02\ta\tt",
                "train\tpolitico_2016-03-01_a\tNone\tx\tpolitico\t2016-03-01\ta\tt",
                "dev\tnyt_2016-09-02_d\tNone\tx\tnyt\t2016-09-02\ta\tt"]);
            Directory.CreateDirectory(Path.Combine(folder, "train", "text"));
            File.WriteAllText(Path.Combine(folder, "train", "text", "nyt_2016-03-02_b.txt"), "Second.");
            File.WriteAllText(Path.Combine(folder, "train", "text", "politico_2016-03-01_a.txt"), "First.");
            // No test or dev text exists: reading them would throw.

            var inputs = PolnearFactsCorpus.Inputs(folder, "train");

            Assert.Equal(["politico_2016-03-01_a.json", "nyt_2016-03-02_b.json"], inputs.Select(i => i.Name));
            using var record = JsonDocument.Parse(inputs[0].Bytes);
            Assert.Equal("politico", record.RootElement.GetProperty("outlet").GetString());
            Assert.Equal("2016-03-01", record.RootElement.GetProperty("published").GetString());
            Assert.Equal("First.", record.RootElement.GetProperty("text").GetString());
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    /// <summary>A report.json with two stories: s1 from two outlets, s2 from one.</summary>
    private const string Report = """
        {"documents": [
          {"id": "d1", "path": "nyt_2016-03-02_b.json", "outlet": "nyt", "text": "Trump won 99 delegates."},
          {"id": "d2", "path": "politico_2016-03-01_a.json", "outlet": "politico", "text": "Trump won 98 delegates."},
          {"id": "d3", "path": "nyt_2016-03-05_c.json", "outlet": "nyt", "text": "Up 3 points. Up 4 points."}],
         "stories": [
          {"id": "s1", "documents": ["d1", "d2"], "facts": [{"id": "f1", "about": "number of delegates", "status": "disputed", "claims": [
            {"doc": "d1", "start": 10, "end": 22, "text": "99 delegates"}, {"doc": "d2", "start": 10, "end": 22, "text": "98 delegates"}]}]},
          {"id": "s2", "documents": ["d3"], "facts": [{"id": "f1", "about": "points", "status": "disputed", "claims": [
            {"doc": "d3", "start": 3, "end": 11, "text": "3 points"}, {"doc": "d3", "start": 16, "end": 24, "text": "4 points"}]}]}]}
        """;

    [Fact]
    public void Only_facts_of_stories_from_two_outlets_are_audited_named_by_file_and_split()
    {
        var facts = PolnearFactsCorpus.Facts(Encoding.UTF8.GetBytes(Report), PolnearFactsCorpus.Dev, "r.json");

        Assert.Equal(["nyt_2016-03-02_b", "politico_2016-03-01_a"], facts.Claims.Select(c => c.Doc));
        Assert.All(facts.Claims, c => Assert.Equal("polnear-dev:s1/f1", c.Fact));
        Assert.Equal("number of delegates", facts.About["polnear-dev:s1/f1"]);
        Assert.Contains(facts.Documents, d => d.Id == "nyt_2016-03-05_c");

        // Two splits' reports are scored together: the same story id in each stays apart, each in its own tally.
        var both = PolnearFactsCorpus.Concat([facts, PolnearFactsCorpus.Facts(Encoding.UTF8.GetBytes(Report), PolnearFactsCorpus.Train, "t.json")]);
        var audit = FactAuditFile.Parse(string.Join('\n',
            "n\tsubtopic\tstatus\tfact\tvalues\tverdict\tcause",
            "1\tpolnear-train\tdisputed\tdelegates\tnyt_2016-03-02_b:\"99 delegates\" | politico_2016-03-01_a:\"98 delegates\"\tfalse\tpart-vs-total",
            "2\tpolnear-dev\tdisputed\tdelegates\tnyt_2016-03-02_b:\"99 delegates\" | politico_2016-03-01_a:\"98 delegates\"\treal\t"), "a.tsv");
        var score = FactAudit.Score(both, audit, audit.Subtopics.ToHashSet(),
            c => PolnearFactsCorpus.SubtopicOfFact(c.Fact), s => s == PolnearFactsCorpus.Train);

        var d = score.Disagreements;
        Assert.Equal((2, 1, 1, 0), (d.All.Shown, d.All.Real, d.All.False, d.All.Unjudged));
        Assert.Equal((1, 0, 1), (d.Odd.Shown, d.Odd.Real, d.Odd.False));
        Assert.Equal((1, 1, 0), (d.Even.Shown, d.Even.Real, d.Even.False));
        Assert.All(score.Matches, m => Assert.Equal(m.Fact.Subtopic, m.Row.Subtopic));
    }

    [Fact]
    public void A_split_report_is_saved_and_read_beside_the_path_given()
    {
        Assert.Equal(Path.Combine("out", "r.polnear-dev.json"), PolnearFactsCorpus.SplitPath(Path.Combine("out", "r.json"), PolnearFactsCorpus.Dev));
        // One of the saved files itself names the same pair.
        Assert.Equal(Path.Combine("out", "r.polnear-dev.json"), PolnearFactsCorpus.SplitPath(Path.Combine("out", "r.polnear-train.json"), PolnearFactsCorpus.Dev));
        Assert.Equal(Path.Combine("out", "r.polnear-train.json"), PolnearFactsCorpus.SplitPath(Path.Combine("out", "r.polnear-train.json"), PolnearFactsCorpus.Train));
    }

    [Fact]
    public void The_repository_polnear_audit_names_only_train_and_dev_files_and_judges_a_fresh_analysis_of_the_dev_split()
    {
        string folder = RepositoryPaths.RequireShared(Path.Combine("data", "quotes", "polnear"));
        string auditPath = Path.Combine(RepositoryPaths.Root!, "eval", "polnear-disputes-audit.tsv");
        var audit = FactAuditFile.Parse(File.ReadAllText(auditPath), auditPath);
        Assert.Empty(audit.Problems);
        Assert.True(PolnearFactsCorpus.Is([.. audit.Subtopics]));
        Assert.Contains(PolnearFactsCorpus.Train, audit.Subtopics);
        Assert.Contains(PolnearFactsCorpus.Dev, audit.Subtopics);
        foreach (var row in audit.Rows)
        {
            string split = PolnearFactsCorpus.SplitOf(row.Subtopic, auditPath);
            Assert.All(row.Values, q => Assert.True(File.Exists(Path.Combine(folder, split, "text", q.Doc + ".txt")), q.Doc));
        }

        // The dev split (84 articles) through the product: every shown fact is in a multi-outlet story, and the rows judge
        // facts of their own split and side.
        var facts = PolnearFactsCorpus.Facts(PolnearFactsCorpus.Analyse(folder, "dev"), PolnearFactsCorpus.Dev, "dev");
        Assert.All(facts.Claims, c => Assert.True(File.Exists(Path.Combine(folder, "dev", "text", c.Doc + ".txt")), c.Doc));
        var score = FactAudit.Score(facts, audit, audit.Subtopics.ToHashSet(),
            c => PolnearFactsCorpus.SubtopicOfFact(c.Fact), s => s == PolnearFactsCorpus.Train);
        foreach (var side in new[] { score.Disagreements, score.Agreements })
        {
            Assert.Equal(0, side.Odd.Shown);
            Assert.Equal(side.All.Unjudged, side.Unjudged.Length);
        }
        Assert.All(score.Matches, m => Assert.Equal((PolnearFactsCorpus.Dev, FactAudit.SideOf(m.Fact.Status)), (m.Row.Subtopic, m.Row.Side)));
        Assert.NotEmpty(facts.Claims);
    }
}
