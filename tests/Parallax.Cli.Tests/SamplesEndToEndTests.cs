using System.Text.Json;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>
/// `parallax analyze samples/reports` from the README finds what samples/expected.json says was planted in the demo
/// corpus. The expectations are data written with the corpus; these tests only read them.
/// </summary>
public sealed class SamplesEndToEndTests : IClassFixture<SamplesEndToEndTests.SamplesRun>
{
    public sealed class SamplesRun
    {
        public Repo.Run Run { get; }
        public string OutDir { get; } = Repo.TempDir();
        public ReportView Report { get; }
        public JsonElement Expected { get; }
        public JsonElement Story { get; }

        public SamplesRun()
        {
            Run = Repo.Parallax("analyze", Path.Combine(Repo.Root, "samples", "reports"), "--out", OutDir);
            Report = ReportView.Load(Path.Combine(OutDir, "report.json"));
            Expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repo.Root, "samples", "expected.json"))).RootElement;
            Story = Report.Stories.OrderByDescending(s => s.GetProperty("documents").GetArrayLength()).First();
        }
    }

    private readonly SamplesRun run;
    public SamplesEndToEndTests(SamplesRun run) => this.run = run;

    [Fact]
    public void The_run_succeeds_writes_both_reports_and_ends_with_a_summary()
    {
        Assert.Equal(0, run.Run.ExitCode);
        Assert.True(File.Exists(Path.Combine(run.OutDir, "report.html")));
        Assert.Contains("report.json", run.Run.Stdout);
        Assert.Equal("parallax.report/1", run.Report.Root.GetProperty("schema").GetString());
    }

    [Fact]
    public void All_four_reports_form_one_story() =>
        Assert.Equal(4, run.Story.GetProperty("documents").GetArrayLength());

    [Fact]
    public void Every_span_is_the_substring_it_claims()
    {
        foreach (var (doc, start, end, text) in run.Report.AllSpans())
            Assert.Equal(run.Report.Text(doc)[start..end], text);
    }

    [Fact]
    public void Planted_disputes_are_disputed_facts()
    {
        foreach (var item in run.Expected.GetProperty("disputedFacts").EnumerateArray())
        {
            var values = item.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToArray();
            var fact = ReportView.FactWith(run.Story, values[0]);
            Assert.True(fact is not null, $"no fact holds '{values[0]}'");
            Assert.Equal("disputed", ReportView.Status(fact!.Value));
            foreach (var v in values[1..])
                Assert.Contains(ReportView.Claims(fact.Value), c => ReportView.ClaimContext(c).Contains(v, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Planted_compatible_values_are_agreed_and_never_mixed_with_a_dispute()
    {
        var disputedValues = run.Expected.GetProperty("disputedFacts").EnumerateArray()
            .SelectMany(i => i.GetProperty("values").EnumerateArray().Select(v => v.GetString()!)).ToArray();
        foreach (var item in run.Expected.GetProperty("compatibleFacts").EnumerateArray())
        {
            var values = item.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToArray();
            var fact = ReportView.FactWith(run.Story, values[0]);
            Assert.True(fact is not null, $"no fact holds '{values[0]}' ({item.GetProperty("about").GetString()})");
            var files = item.GetProperty("files").GetArrayLength();
            Assert.Equal(files == 1 ? "single" : "agreed", ReportView.Status(fact!.Value));
            foreach (var v in values[1..])
                Assert.Contains(ReportView.Claims(fact.Value), c => ReportView.ClaimContext(c).Contains(v, StringComparison.Ordinal));
            // A claim of a disputed value must not sit in a compatible fact (the wait is not the video's length).
            Assert.DoesNotContain(ReportView.Claims(fact.Value), c => disputedValues.Any(d => c.GetProperty("text").GetString()!.Contains(d, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Name_variants_merge_and_namesakes_stay_apart()
    {
        var entities = run.Story.GetProperty("entities").EnumerateArray().ToList();
        foreach (var group in run.Expected.GetProperty("mergedNames").EnumerateArray())
        {
            var names = group.EnumerateArray().Select(n => n.GetString()!).ToArray();
            var owners = names.Select(n => entities.Where(e => ReportView.Names(e).Any(x => x == n || x.EndsWith(" " + n, StringComparison.Ordinal))).Select(e => e.GetProperty("id").GetString()).Distinct().ToList()).ToList();
            Assert.All(owners, o => Assert.NotEmpty(o));
            Assert.Single(owners.SelectMany(o => o).Distinct());
        }
        foreach (var pair in run.Expected.GetProperty("separatePeople").EnumerateArray())
        {
            var ids = pair.EnumerateArray().Select(n => entities.First(e => ReportView.Names(e).Contains(n.GetString()!)).GetProperty("id").GetString()).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public void The_statement_credited_to_two_people_is_one_quote_with_a_speaker_conflict()
    {
        var expected = run.Expected.GetProperty("speakerConflictQuote");
        var fragment = expected.GetProperty("fragment").GetString()!;
        var quote = run.Story.GetProperty("quotes").EnumerateArray()
            .Single(q => q.GetProperty("occurrences").EnumerateArray().Any(o => o.GetProperty("text").GetString()!.Contains(fragment, StringComparison.OrdinalIgnoreCase)));
        Assert.True(quote.GetProperty("speakerConflict").GetBoolean());
        var entities = run.Story.GetProperty("entities").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e);
        var credited = quote.GetProperty("occurrences").EnumerateArray()
            .Select(o => o.GetProperty("speaker").GetString()).OfType<string>().Select(id => entities[id].GetProperty("name").GetString()!).ToList();
        foreach (var name in expected.GetProperty("speakers").EnumerateArray())
            Assert.Contains(credited, c => c.Contains(name.GetString()!, StringComparison.Ordinal));
        // Each occurrence carries the phrase its sentence credits, and it is the substring it claims to be.
        var sources = quote.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("source"))
            .Where(x => x.ValueKind == System.Text.Json.JsonValueKind.Object).ToList();
        Assert.Contains(sources, x => x.GetProperty("text").GetString()!.Contains("Tolliver", StringComparison.Ordinal));
        Assert.Contains(sources, x => x.GetProperty("text").GetString()!.Contains("Carla Wendt", StringComparison.Ordinal));
        foreach (var x in sources)
            Assert.Equal(run.Report.Text(x.GetProperty("doc").GetString()!)[x.GetProperty("start").GetInt32()..x.GetProperty("end").GetInt32()], x.GetProperty("text").GetString());
    }

    [Fact]
    public void The_planted_account_dispute_is_in_report_json_with_its_words()
    {
        foreach (var expected in run.Expected.GetProperty("disputedAccounts").EnumerateArray())
        {
            var docs = expected.GetProperty("files").EnumerateArray().Select(f => run.Report.DocIdOf(f.GetString()!)).ToHashSet();
            var disputes = run.Story.GetProperty("accounts").EnumerateArray()
                .SelectMany(a => a.GetProperty("disputes").EnumerateArray()).ToList();
            // Each side's word sits in one of the planted values, in the planted files.
            Assert.Contains(disputes, d => expected.GetProperty("values").EnumerateArray().All(v =>
                d.GetProperty("words").EnumerateArray().Any(w => docs.Contains(w.GetProperty("doc").GetString()!)
                    && v.GetString()!.Contains(w.GetProperty("text").GetString()!, StringComparison.Ordinal))));
        }
    }

    [Fact]
    public void Citations_name_the_credited_outlets_and_agencies()
    {
        foreach (var c in run.Expected.GetProperty("citations").EnumerateArray())
        {
            var doc = run.Report.DocIdOf(c.GetProperty("file").GetString()!);
            var cites = c.GetProperty("cites").GetString()!;
            Assert.Contains(run.Story.GetProperty("citations").EnumerateArray(),
                x => x.GetProperty("doc").GetString() == doc && x.GetProperty("cites").GetString()!.Contains(cites, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Addresses_sections_phone_numbers_and_zip_codes_are_not_facts()
    {
        var claims = ReportView.Facts(run.Story).SelectMany(ReportView.Claims).Select(c => c.GetProperty("text").GetString()!).ToList();
        foreach (var nonFact in run.Expected.GetProperty("nonFacts").EnumerateArray().Select(v => v.GetString()!))
        {
            var number = new string(nonFact.Where(ch => char.IsDigit(ch) || ch == '.' || ch == '-').ToArray()).Trim('.', '-');
            Assert.DoesNotContain(claims, c => c.Contains(number, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Publication_dates_are_read_from_header_markup_and_records()
    {
        foreach (var p in run.Expected.GetProperty("publishedDates").EnumerateObject())
        {
            var doc = run.Report.Documents.First(d => d.GetProperty("id").GetString() == run.Report.DocIdOf(p.Name));
            Assert.Equal(p.Value.GetString(), doc.GetProperty("published").GetString());
        }
    }

    [Fact]
    public void Boilerplate_is_removed_with_a_reason_and_kept_in_the_report()
    {
        foreach (var file in run.Expected.GetProperty("boilerplateRemoved").EnumerateObject())
        {
            var id = run.Report.DocIdOf(file.Name);
            var doc = run.Report.Documents.First(d => d.GetProperty("id").GetString() == id);
            var text = doc.GetProperty("text").GetString()!;
            foreach (var phrase in file.Value.EnumerateArray().Select(v => v.GetString()!))
                Assert.DoesNotContain(phrase, text);
            if (file.Name.EndsWith(".txt", StringComparison.Ordinal))
                Assert.All(doc.GetProperty("removed").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));
        }
    }
}
