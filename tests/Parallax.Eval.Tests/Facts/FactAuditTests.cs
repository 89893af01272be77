using Parallax.Eval.Coreference;
using Parallax.Eval.Facts;
using Parallax.Testing;

namespace Parallax.Eval.Tests.Facts;

public sealed class FactAuditTests
{
    // Two sub-topics: 3ecb (odd topic, tuning) and 4ecbplus (even topic, check).
    private const string Header = "n\tsubtopic\tstatus\tfact\tvalues\tverdict\tcause\tnote\tadded";

    private static readonly string File3 = string.Join('\n',
        Header,
        "1\t3ecb\tdisputed\tpeople killed\t3_1ecb:\"two people\" | 3_2ecb:\"three people\"\treal\t\t\tx",
        "2\t3ecb\tdisputed\tpoints\t3_1ecb:\"20 points\" | 3_2ecb:\"12 points\"\tfalse\tdifferent-holder\t\tx",
        "3\t4ecbplus\tdisputed\thow long\t4_1ecbplus:\"eight years\" | 4_2ecbplus:\"seven years\"\tfalse\tapproximation\t\t",
        "4\t4ecbplus\tagreed\tage\t4_1ecbplus:\"43\" | 4_2ecbplus:\"43-year-old\"\treal\t\t\t");

    private static ReportDocument Doc(string id, string text) => new(id, $"ecbplus/{id}.xml", null, text);

    /// <summary>A claim located by its words (first occurrence) in the document, so tests never hard-code offsets.</summary>
    private static ReportClaim Claim(ReportDocument d, string words, string fact, string status, string? measure = null, double? value = null)
    {
        int i = d.Text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(i >= 0, words);
        return new ReportClaim(d.Id, i, i + words.Length, fact, status, measure, "event", words, value, value);
    }

    private static readonly ReportDocument A1 = Doc("3_1ecb", "A gunman killed two people. Smith scored 20 points. Police said two people died."),
        A2 = Doc("3_2ecb", "Officials said three people were killed on Monday. Jones had 12 points."),
        B1 = Doc("4_1ecbplus", "He served eight years. The doctor, 43, fell."),
        B2 = Doc("4_2ecbplus", "After more than seven years in office, the 43-year-old doctor died.");

    private static ReportFacts Report(params ReportClaim[] claims) => new([A1, A2, B1, B2], [.. claims]);

    [Fact]
    public void Rows_are_read_by_column_name_and_a_bad_row_is_reported_with_its_line_and_skipped()
    {
        var file = FactAuditFile.Parse(File3 + "\n5\t3ecb\tdisputed\tx\t3_1ecb:\"a\" | 3_2ecb:\"b\"\tmaybe\t\t\t\n6\t3ecb\tdisputed\tx\tno quotes here\tfalse\t\t\t", "audit.tsv");
        Assert.Equal(4, file.Rows.Length);
        Assert.Equal(["audit.tsv:6", "audit.tsv:7"], file.Problems.Select(p => p[..p.IndexOf(':', 10)]));
        Assert.Equal(["3ecb", "4ecbplus"], file.Subtopics);
        var first = file.Rows[0];
        Assert.Equal((2, "3ecb", true), (first.Line, first.Subtopic, first.Real));
        Assert.Equal([new AuditQuote("3_1ecb", "two people"), new AuditQuote("3_2ecb", "three people")], first.Values);
        Assert.Throws<FormatException>(() => FactAuditFile.Parse("n\tsubtopic\tstatus\tvalues\n", "bad.tsv"));
    }

    [Fact]
    public void A_shown_fact_is_matched_by_report_and_words_whatever_its_offsets_and_span()
    {
        var rows = FactAuditFile.Parse(File3, "audit.tsv").Rows;
        // The same dispute with the first claim's span grown ("more than seven years" holds the judged "seven years"):
        // still row 3. Offsets never enter the match.
        var grown = new ShownFact("s/f1", "4ecbplus", "disputed", "how long",
            [Claim(B1, "eight years", "s/f1", "disputed"), Claim(B2, "more than seven years", "s/f1", "disputed")]);
        Assert.Equal(4, FactAudit.Match(grown, rows)?.Line);

        // The same words in another report do not count: only one quote is found, and one is not enough.
        var otherDoc = new ShownFact("s/f2", "3ecb", "disputed", "people killed",
            [Claim(A1, "two people", "s/f2", "disputed"), Claim(A1, "two people", "s/f2", "disputed") with { Start = 60, End = 70 }]);
        Assert.Null(FactAudit.Match(otherDoc, rows));

        // "20 points" must not be found inside "120 points" (whole words only).
        Assert.False(FactAudit.HoldsWords(FactAudit.Fold("scored 120 points"), FactAudit.Fold("20 points")));
        Assert.True(FactAudit.HoldsWords(FactAudit.Fold("an 8 - year deal"), FactAudit.Fold("8-year")));

        // An agreed fact is judged only by agreed rows, a dispute only by disputed/updated ones.
        var agreedPoints = new ShownFact("s/f3", "3ecb", "agreed", "points",
            [Claim(A1, "20 points", "s/f3", "agreed"), Claim(A2, "12 points", "s/f3", "agreed")]);
        Assert.Null(FactAudit.Match(agreedPoints, rows));
        var updatedPoints = agreedPoints with { Status = "updated" };
        Assert.Equal(3, FactAudit.Match(updatedPoints, rows)?.Line);
    }

    [Fact]
    public void The_figures_count_shown_judged_and_unjudged_per_side_and_topic_parity_with_false_ones_by_cause()
    {
        var audit = FactAuditFile.Parse(File3, "audit.tsv");
        var report = Report(
            Claim(A1, "two people", "s1/f1", "disputed", "killed:person", 2), Claim(A2, "three people", "s1/f1", "disputed", "killed:person", 3),
            Claim(A1, "20 points", "s1/f2", "disputed"), Claim(A2, "12 points", "s1/f2", "disputed"),
            Claim(B1, "eight years", "s2/f1", "updated"), Claim(B2, "seven years", "s2/f1", "updated"),
            Claim(B1, "43", "s2/f2", "agreed"), Claim(B2, "43-year-old", "s2/f2", "agreed"),
            // Shown but judged by no row: listed as unjudged.
            Claim(A1, "Police", "s1/f9", "single"),
            Claim(B1, "doctor, 43", "s2/f3", "disputed"), Claim(B2, "the 43-year-old doctor", "s2/f3", "disputed"));
        var score = FactAudit.Score(report, audit, audit.Subtopics.ToHashSet());

        var d = score.Disagreements;
        Assert.Equal((4, 1, 2, 1), (d.All.Shown, d.All.Real, d.All.False, d.All.Unjudged));
        Assert.Equal(1.0 / 3, d.All.Precision, 6);
        Assert.Equal((2, 1, 1), (d.Odd.Shown, d.Odd.Real, d.Odd.False));
        Assert.Equal((2, 0, 1, 1), (d.Even.Shown, d.Even.Real, d.Even.False, d.Even.Unjudged));
        Assert.Equal(new Dictionary<string, int> { ["approximation"] = 1, ["different-holder"] = 1 }, d.FalseByCause);
        Assert.Equal(["s2/f3"], d.Unjudged.Select(f => f.Id));

        var a = score.Agreements;
        Assert.Equal((1, 1, 0, 1.0), (a.All.Shown, a.All.Real, a.All.False, a.All.Precision));
        Assert.Equal(0, a.Odd.Shown);

        // Sub-topics outside the audit are not shown at all; nothing judged gives no precision, not zero.
        var none = FactAudit.Score(report, audit, new HashSet<string> { "9ecb" });
        Assert.Equal(0, none.Disagreements.All.Shown);
        Assert.True(double.IsNaN(none.Disagreements.All.Precision));
    }

    [Fact]
    public void A_quote_gives_a_few_words_around_the_claim_and_stops_at_the_line()
    {
        const string text = "Headline\nOfficials said on Monday that three people were killed in the attack on the market.";
        int at = text.IndexOf("three people", StringComparison.Ordinal);
        Assert.Equal("said on Monday that [three people] were killed", FactAudit.Quote(text, at, at + 12, wordsBefore: 4, wordsAfter: 2));
        Assert.Equal("[Headline]", FactAudit.Quote(text, 0, 8));
    }

    [Fact]
    public void An_incident_is_found_only_when_each_stated_count_is_read_with_its_measure_and_value_in_a_listed_report()
    {
        var problems = new List<string>();
        var incidents = CasualtyAudit.Parse(
            "subtopic\tincident\tkilled\tinjured\treports\n3ecb\tshooting\t2\t\t3_1ecb 3_2ecb\n4ecbplus\tfall\t1\t\t4_2ecbplus\n4ecb\tbad\ttwo\t\t4_1ecb\n",
            "cas.tsv", problems);
        Assert.Equal(2, incidents.Count);
        Assert.StartsWith("cas.tsv:4:", Assert.Single(problems));

        // 3ecb: "two people" read as killed, value 2, in a listed report: found. 4ecbplus: only a date of death
        // ("killed:date") and a rank ("death:rank" = 1) in the listed report: not found.
        var report = Report(
            Claim(A1, "two people", "s1/f1", "agreed", "killed:person", 2), Claim(A2, "three people", "s1/f1", "disputed", "killed:person", 3),
            Claim(B2, "43-year-old", "s2/f1", "single", "death:rank", 1), Claim(B2, "seven years", "s2/f2", "single", "killed:date", 1));
        Assert.Equal((1, 2), CasualtyAudit.Count(incidents, report));

        // The right count in a report the row does not list is not found; the wrong value in a listed one neither.
        var elsewhere = Report(Claim(B1, "eight years", "s2/f3", "single", "killed:person", 1), Claim(A1, "two people", "s1/f1", "agreed", "killed:person", 3));
        Assert.Equal((0, 2), CasualtyAudit.Count(incidents, elsewhere));
        Assert.Equal(("killed/injured counts found (incidents)", "0.500", "1 of 2 incidents stating a killed or injured count"), CasualtyRecall.Row(1, 2));
    }

    [Fact]
    public void The_repository_audit_files_parse_name_only_train_or_dev_subtopics_and_judge_a_fresh_analysis()
    {
        string ecb = RepositoryPaths.RequireShared(Path.Combine("data", "events", "ecbplus"));
        string auditPath = Path.Combine(RepositoryPaths.Root!, "eval", "ecbplus-disputes-audit.tsv");
        var audit = FactAuditFile.Parse(File.ReadAllText(auditPath), auditPath);
        Assert.Empty(audit.Problems);
        var problems = new List<string>();
        var incidents = CasualtyAudit.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root!, "eval", "ecbplus-casualties-audit.tsv")), "casualties", problems);
        Assert.Empty(problems);
        Assert.NotEmpty(incidents);

        var subtopics = audit.Subtopics.Concat(incidents.Select(i => i.Subtopic)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(subtopics, s => EcbPlusCorpus.TestTopics.Contains(FactAudit.TopicOf(s)));
        var names = subtopics.SelectMany(s => EcbFactsCorpus.SubtopicDocuments(ecb, s, auditPath)).ToList();
        Assert.All(audit.Rows.SelectMany(r => r.Values), q => Assert.Contains(q.Doc, names));
        Assert.All(incidents.SelectMany(i => i.Reports), d => Assert.Contains(d, names));

        var report = ReportFacts.Parse(GoldCorpusReport.AnalyseEcb(ecb, names, auditPath), ecb);
        var score = FactAudit.Score(report, audit, subtopics);
        foreach (var side in new[] { score.Disagreements, score.Agreements })
        {
            Assert.Equal(side.All.Shown, side.Odd.Shown + side.Even.Shown);
            Assert.Equal(side.All.Unjudged, side.Unjudged.Length);
            Assert.Equal(side.All.False, side.FalseByCause.Values.Sum());
        }
        // Every shown fact is judged by at most one row of its own side, found by its words.
        Assert.All(score.Matches, m => Assert.Equal(FactAudit.SideOf(m.Fact.Status), m.Row.Side));
        Assert.NotEmpty(score.Matches);
    }
}
