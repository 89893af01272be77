using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>The founding case: five real reports of one July 2019 arrest in ../shared/seeds (read there, never copied).</summary>
public sealed class SeedsEndToEndTests
{
    private static readonly Lazy<(Repo.Run Run, ReportView Report)> Result = new(() =>
    {
        var outDir = Repo.TempDir();
        var run = Repo.Parallax("analyze", Path.Combine(Repo.Shared!, "seeds"), "--out", outDir);
        return (run, ReportView.Load(Path.Combine(outDir, "report.json")));
    });

    private static ReportView Report()
    {
        if (Repo.Shared is null || !Directory.Exists(Path.Combine(Repo.Shared, "seeds")))
            Assert.Skip("../shared/seeds is not present beside the repository; the founding-case test needs it");
        Assert.Equal(0, Result.Value.Run.ExitCode);
        return Result.Value.Report;
    }

    [Fact]
    public void One_story_holds_all_five_reports() =>
        Assert.Contains(Report().Stories, s => s.GetProperty("documents").GetArrayLength() == 5);

    [Fact]
    public void ICE_about_25_minutes_against_about_20_minutes_is_one_disputed_fact()
    {
        var story = Report().Stories.First();
        var fact = ReportView.FactWith(story, "about 20 minutes");
        Assert.NotNull(fact);
        Assert.Equal("disputed", ReportView.Status(fact!.Value));
        Assert.Contains(ReportView.Claims(fact.Value), c => c.GetProperty("text").GetString()!.Contains("25 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public void The_video_length_is_never_grouped_with_the_negotiation()
    {
        var story = Report().Stories.First();
        foreach (var fact in ReportView.Facts(story))
        {
            var sentences = ReportView.Claims(fact).Select(ReportView.ClaimContext).ToList();
            bool video = sentences.Any(s => s.Contains("32-minute", StringComparison.Ordinal) || s.Contains("30 minutes long", StringComparison.Ordinal));
            bool negotiation = sentences.Any(s => s.Contains("negotiate", StringComparison.Ordinal));
            Assert.False(video && negotiation, "a fact mixes the video's length with the negotiation's");
        }
    }

    [Fact]
    public void The_police_statement_credited_to_two_spokespeople_is_one_quote_with_a_conflict()
    {
        var story = Report().Stories.First();
        var quote = story.GetProperty("quotes").EnumerateArray()
            .Single(q => q.GetProperty("occurrences").EnumerateArray().Count(o => o.GetProperty("text").GetString()!.Contains("There was a long process", StringComparison.Ordinal)) >= 2);
        Assert.True(quote.GetProperty("speakerConflict").GetBoolean());
    }

    [Fact]
    public void Ordered_out_and_granted_voluntary_departure_is_a_disputed_account()
    {
        var disputes = Report().Stories.First().GetProperty("accounts").EnumerateArray()
            .SelectMany(a => a.GetProperty("disputes").EnumerateArray()).ToList();
        var d = Assert.Single(disputes, x => x.GetProperty("contrast").GetString() == "ordered vs granted");
        var words = d.GetProperty("words").EnumerateArray().Select(w => (w.GetProperty("text").GetString(), w.GetProperty("side").GetInt32())).ToList();
        Assert.Contains(("ordered", 0), words);
        Assert.Contains(("granted", 1), words);
    }

    [Fact]
    public void Citations_mean_reliance_no_statute_no_self_credit_and_an_agency_is_no_outlet()
    {
        var report = Report();
        var citations = report.Stories.First().GetProperty("citations").EnumerateArray().ToList();
        Assert.DoesNotContain(citations, c => c.GetProperty("cites").GetString() == "Title");
        Assert.DoesNotContain(citations, c => c.GetProperty("cites").GetString() == "KCPD" && c.GetProperty("kind").GetString() == "outlet");
        var outletOf = report.Documents.ToDictionary(d => d.GetProperty("id").GetString()!,
            d => d.TryGetProperty("outlet", out var o) && o.ValueKind == System.Text.Json.JsonValueKind.String ? o.GetString() : null);
        Assert.DoesNotContain(citations, c => outletOf[c.GetProperty("doc").GetString()!] == c.GetProperty("cites").GetString());
    }

    [Fact]
    public void The_officers_claim_is_not_credited_to_the_man_they_arrested()
    {
        var story = Report().Stories.First();
        var person = story.GetProperty("entities").EnumerateArray().Single(e => ReportView.Names(e).Any(n => n.Contains("Millan-Vazquez", StringComparison.Ordinal)));
        var id = person.GetProperty("id").GetString();
        var claims = story.GetProperty("quotes").EnumerateArray().SelectMany(q => q.GetProperty("occurrences").EnumerateArray())
            .Where(o => o.GetProperty("text").GetString()!.StartsWith("they had a warrant for his arrest for eventual", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(claims);
        Assert.All(claims, o => Assert.NotEqual(id, o.GetProperty("speaker").ValueKind == System.Text.Json.JsonValueKind.String ? o.GetProperty("speaker").GetString() : null));
    }

    [Fact]
    public void Sentences_of_one_release_quoted_apart_are_not_one_quote()
    {
        var quotes = Report().Stories.First().GetProperty("quotes").EnumerateArray().ToList();
        Assert.DoesNotContain(quotes, q =>
        {
            var texts = q.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("text").GetString()!).ToList();
            return texts.Any(t => t.StartsWith("Millan-Vazquez complied", StringComparison.Ordinal))
                   && texts.Any(t => t.StartsWith("However, five days", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void The_subject_spelled_two_ways_is_one_person()
    {
        var story = Report().Stories.First();
        var person = story.GetProperty("entities").EnumerateArray().Single(e => ReportView.Names(e).Any(n => n.Contains("Millan-Vazquez", StringComparison.Ordinal)));
        Assert.Contains(ReportView.Names(person), n => n.Contains("Millian-Vazquez", StringComparison.Ordinal));
        Assert.Contains("Flo", ReportView.Names(person)); // "a warrant for Flo’s arrest", in KCTV5's report
        // Newsweek: "pulled Florencio Millan-Vazquez out, while his partner and children … watched on" makes him the
        // father its later "the father says" refers to.
        Assert.Contains("the father", ReportView.Names(person));
        Assert.Equal("PERSON", person.GetProperty("type").GetString());
    }

    [Fact]
    public void Sarah_Boyd_and_Jacob_Becchina_stay_two_people()
    {
        var entities = Report().Stories.First().GetProperty("entities").EnumerateArray().ToList();
        var boyd = entities.Single(e => ReportView.Names(e).Contains("Sarah Boyd"));
        var becchina = entities.Single(e => ReportView.Names(e).Contains("Jacob Becchina"));
        Assert.NotEqual(boyd.GetProperty("id").GetString(), becchina.GetProperty("id").GetString());
    }

    [Fact]
    public void Every_span_is_the_substring_it_claims()
    {
        var report = Report();
        foreach (var (doc, start, end, text) in report.AllSpans())
            Assert.Equal(report.Text(doc)[start..end], text);
    }
}
