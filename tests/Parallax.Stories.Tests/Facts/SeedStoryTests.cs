using Parallax.Model;
using Parallax.Stories.Facts;
using static Parallax.Stories.Tests.Facts.FactAlignerTests;

namespace Parallax.Stories.Tests.Facts;

/// <summary>
/// The real test: five reports of one arrest (../shared/seeds). Reads the text files plainly, runs the product's
/// per-document pipeline and the aligner (numbers in quotes attributed to their speakers), and checks the groupings a
/// careful reader would make.
/// </summary>
public sealed class SeedStoryTests
{
    private static string? SeedsFolder() =>
        RepositoryPaths.Shared is { } shared && Directory.Exists(Path.Combine(shared, "seeds")) ? Path.Combine(shared, "seeds") : null;

    private static (Document[] Docs, FactAlignment Result)? Run()
    {
        var folder = SeedsFolder();
        if (folder is null) return null;
        var docs = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => Full.Run(new Document { Id = Path.GetFileNameWithoutExtension(f)[..3], Origin = f, Text = File.ReadAllText(f) })).ToArray();
        return (docs, Align(docs, SpeakerOf));
    }

    /// <summary>The product's pipeline: the quote stage tells whose words a number is in, which the aligner reads as its
    /// voice (a report's own "about 20 minutes" beside ICE's quoted "about 25 minutes").</summary>
    private static readonly Parallax.Analysis.Pipeline.DocumentPipeline Full = Parallax.Analysis.Pipeline.StandardPipeline.Create();

    /// <summary>A number inside a quote is attributed to its speaker as written (no entity ids: no entity linking here).</summary>
    private static (string? EntityId, string? Label) SpeakerOf(Document doc, Quantity q)
    {
        foreach (var quote in doc.Quotes)
            if (quote.Content.Contains(q.Span))
                return (null, quote.Speaker is { } s ? doc.Slice(s) : quote.SpeakerLabel);
        return (null, null);
    }

    private static string Text(Document[] docs, Claim c) => docs.Single(d => d.Id == c.Span.Doc).Text[c.Span.Start..c.Span.End];

    [Fact]
    public void Seeds_negotiation_is_one_disputed_fact()
    {
        var run = Run();
        Assert.SkipWhen(run is null, "../shared/seeds not present");
        var (docs, r) = run.Value;
        var fact = FactWith(r, docs, "004", "about 20 minutes");
        Assert.Equal(FactStatus.Disputed, fact.Status);
        Assert.Equal("time spent negotiating", fact.About);
        // The ICE statement's "about 25 minutes", printed by every outlet, is in the same fact.
        var quoted = fact.Claims.Where(c => Text(docs, c) == "about 25 minutes").Select(c => c.Span.Doc).Distinct().Order().ToArray();
        Assert.Equal(["000", "001", "002", "003", "004"], quoted);
        Assert.DoesNotContain(fact.Claims, c => Text(docs, c).Contains("30", StringComparison.Ordinal) || Text(docs, c).Contains("32", StringComparison.Ordinal));
    }

    [Fact]
    public void Seeds_video_length_is_one_agreed_fact()
    {
        var run = Run();
        Assert.SkipWhen(run is null, "../shared/seeds not present");
        var (docs, r) = run.Value;
        var fact = FactWith(r, docs, "004", "32-minute");
        Assert.Equal(FactStatus.Agreed, fact.Status);
        Assert.Equal("length of the video", fact.About);
        Assert.Equal(["001:more than 30 minutes", "004:32-minute", "004:30-minute"],
            fact.Claims.Select(c => $"{c.Span.Doc}:{Text(docs, c)}").ToArray());
    }

    [Fact]
    public void Seeds_window_strikes_agree()
    {
        var run = Run();
        Assert.SkipWhen(run is null, "../shared/seeds not present");
        var (docs, r) = run.Value;
        var fact = FactWith(r, docs, "002", "more than 10 times");
        Assert.Equal(FactStatus.Agreed, fact.Status);
        Assert.Contains(fact.Claims, c => c.Span.Doc == "004" && Text(docs, c) == "at least 21 times");
    }

    [Fact]
    public void Seeds_age_of_the_man_agrees()
    {
        var run = Run();
        Assert.SkipWhen(run is null, "../shared/seeds not present");
        var (docs, r) = run.Value;
        var fact = FactWith(r, docs, "000", "32");
        Assert.Equal(FactStatus.Agreed, fact.Status);
        Assert.Equal(QuantityKind.Age, fact.Kind);
        Assert.Equal(["000", "001", "004"], fact.Claims.Select(c => c.Span.Doc).Distinct().ToArray());
        Assert.All(fact.Claims, c => Assert.Equal(32, c.Value));
    }

    [Fact]
    public void Seeds_other_agreements_and_order()
    {
        var run = Run();
        Assert.SkipWhen(run is null, "../shared/seeds not present");
        var (docs, r) = run.Value;
        Assert.Equal(FactStatus.Agreed, FactWith(r, docs, "000", "two young children").Status);
        Assert.Equal(FactStatus.Agreed, FactWith(r, docs, "002", "11-year-old").Status);
        var fiveDays = FactWith(r, docs, "000", "five days");
        Assert.Equal(FactStatus.Agreed, fiveDays.Status);
        Assert.Contains(fiveDays.Evidence, e => e.StartsWith("copy:", StringComparison.Ordinal));
        // Disputed first, then agreed, then single.
        var ranks = r.Facts.Select(f => f.Status switch { FactStatus.Disputed => 0, FactStatus.Agreed => 1, _ => 2 }).ToArray();
        Assert.Equal(ranks.Order().ToArray(), ranks);
        Assert.All(r.Facts, f => Assert.NotEmpty(f.Evidence));
    }

    [Fact]
    public void Seeds_judge_order_of_2011_is_one_account()
    {
        var run = Run();
        Assert.SkipWhen(run is null, "../shared/seeds not present");
        var (docs, r) = run.Value;
        string Sentence(DocSpan s) => docs.Single(d => d.Id == s.Doc).Text[s.Start..s.End];
        var account = Assert.Single(r.Accounts, a => a.Sentences.Any(s => Sentence(s).Contains("ordered him out of the country", StringComparison.Ordinal)));
        Assert.Contains(account.Sentences, s => s.Doc == "003" && Sentence(s).Contains("granted Millian-Vazquez voluntary departure", StringComparison.Ordinal));
        Assert.StartsWith("2011:", account.About, StringComparison.Ordinal);
    }
}
