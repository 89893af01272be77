using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Eval.Facts;

namespace Parallax.Eval.Tests.Facts;

public sealed class FactScorerTests
{
    private const string TextA = "Officers talked for about 25 minutes. The 32-minute video shows it. He lives at 4032 Harvard Circle.";
    private const string TextB = "After about 20 minutes an agent broke the window. The video is more than 30 minutes long.";

    private static ReportDocument DocA => new("d1", "corpus/a.txt", null, TextA);
    private static ReportDocument DocB => new("d2", "corpus/feed.jsonl#L1", "https://example.org/b", TextB);

    private static ReportClaim Claim(ReportDocument d, string phrase, string fact, string status)
    {
        int i = d.Text.IndexOf(phrase, StringComparison.Ordinal);
        return new ReportClaim(d.Id, i, i + phrase.Length, fact, status);
    }

    private static FactGold Gold(string facts, string nonClaims = "[]") =>
        FactGold.Parse($$"""{ "schema": "parallax.facts-gold/1", "facts": {{facts}}, "nonClaims": {{nonClaims}} }""", "gold.json");

    private const string TwoFacts = """
        [ { "id": "talk", "status": "disputed", "claims": [ { "doc": "a.txt", "phrase": "about 25 minutes" }, { "doc": "feed.jsonl", "phrase": "about 20 minutes" } ] },
          { "id": "video", "status": "agreed", "claims": [ { "doc": "a.txt", "phrase": "32-minute" }, { "doc": "https://example.org/b", "phrase": "more than 30 minutes" } ] } ]
        """;

    [Fact]
    public void A_report_that_groups_like_the_gold_scores_one()
    {
        var report = new ReportFacts([DocA, DocB], [
            Claim(DocA, "about 25 minutes", "s1/f1", "disputed"), Claim(DocB, "about 20 minutes", "s1/f1", "disputed"),
            Claim(DocA, "32-minute", "s1/f2", "agreed"), Claim(DocB, "more than 30 minutes", "s1/f2", "agreed")]);
        var score = FactScorer.Score(Gold(TwoFacts), report);
        Assert.Equal((1.0, 1.0, 1.0), (score.PairPrecision, score.PairRecall, score.StatusAccuracy));
        Assert.Equal(4, score.ClaimsFound);
        Assert.Empty(score.Problems);
    }

    [Fact]
    public void Mixing_the_video_with_the_negotiation_costs_precision_and_the_verdicts()
    {
        // Everything in one fact: 6 predicted pairs, 2 of them true; both gold facts take the one (disputed) verdict.
        var report = new ReportFacts([DocA, DocB], [
            Claim(DocA, "about 25 minutes", "s1/f1", "disputed"), Claim(DocB, "about 20 minutes", "s1/f1", "disputed"),
            Claim(DocA, "32-minute", "s1/f1", "disputed"), Claim(DocB, "more than 30 minutes", "s1/f1", "disputed")]);
        var score = FactScorer.Score(Gold(TwoFacts), report);
        Assert.Equal(6, score.PredictedPairs);
        Assert.Equal(2, score.TruePairs);
        Assert.Equal(1.0 / 3, score.PairPrecision, 9);
        Assert.Equal(1.0, score.PairRecall);
        Assert.Equal(0.5, score.StatusAccuracy);
    }

    [Fact]
    public void A_missed_claim_costs_recall_and_a_fact_with_nothing_found_is_wrong()
    {
        var report = new ReportFacts([DocA, DocB], [Claim(DocA, "about 25 minutes", "s1/f1", "single")]);
        var score = FactScorer.Score(Gold(TwoFacts), report);
        Assert.Equal(1, score.ClaimsFound);
        Assert.Equal(0, score.TruePairs);
        Assert.Equal(2, score.GoldPairs);
        Assert.Equal(0.0, score.PairRecall);
        Assert.Equal(0.0, score.StatusAccuracy);
        Assert.Null(score.Facts[1].PredictedStatus);
    }

    [Fact]
    public void A_claim_covering_a_non_claim_is_reported()
    {
        var report = new ReportFacts([DocA, DocB], [Claim(DocA, "4032", "s1/f9", "single")]);
        var score = FactScorer.Score(Gold(TwoFacts, """[ { "doc": "a.txt", "phrase": "4032 Harvard Circle" }, { "doc": "a.txt", "phrase": "talked" } ]"""), report);
        var hit = Assert.Single(score.NonClaimsReported);
        Assert.Equal("4032 Harvard Circle", hit.Phrase);
    }

    [Fact]
    public void Phrases_that_cannot_be_found_are_listed_as_gold_problems()
    {
        var gold = Gold("""[ { "id": "x", "status": "single", "claims": [ { "doc": "a.txt", "phrase": "nine hours" }, { "doc": "nope.txt", "phrase": "about" } ] } ]""");
        var score = FactScorer.Score(gold, new ReportFacts([DocA, DocB], []));
        Assert.Equal(2, score.Problems.Length);
        Assert.Contains(score.Problems, p => p.Contains("nine hours", StringComparison.Ordinal));
        Assert.Contains(score.Problems, p => p.Contains("nope.txt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("d2", "d2")]
    [InlineData("https://example.org/b", "d2")]
    [InlineData("feed.jsonl#L1", "d2")]
    [InlineData("feed.jsonl", "d2")]
    [InlineData("corpus/a.txt", "d1")]
    [InlineData("a.txt", "d1")]
    public void Documents_are_named_by_id_url_path_or_file_name(string name, string id) =>
        Assert.Equal(id, FactScorer.ResolveDocument([DocA, DocB], name, out _)?.Id);

    [Fact]
    public void Two_documents_fitting_one_name_is_an_error_not_a_guess()
    {
        var docs = new[] { new ReportDocument("d1", "x/a.txt", null, ""), new ReportDocument("d2", "y/a.txt", null, "") };
        Assert.Null(FactScorer.ResolveDocument(docs, "a.txt", out var why));
        Assert.Contains("ambiguous", why, StringComparison.Ordinal);
        Assert.Equal("d2", FactScorer.ResolveDocument(docs, "y/a.txt", out _)?.Id);
    }

    [Fact]
    public void Context_and_occurrence_pick_the_right_place()
    {
        const string text = "It took about 25 minutes.\nThe video ran about 25 minutes, then about 25 minutes more.";
        Assert.Equal(8, FactScorer.Locate(text, "about 25 minutes", null, 1)!.Value.Start);
        Assert.Equal(text.IndexOf("about 25 minutes,", StringComparison.Ordinal), FactScorer.Locate(text, "about 25 minutes", "video", 1)!.Value.Start);
        Assert.Equal(text.LastIndexOf("about 25 minutes", StringComparison.Ordinal), FactScorer.Locate(text, "about 25 minutes", "video", 2)!.Value.Start);
        Assert.Null(FactScorer.Locate(text, "about 25 minutes", "video", 3));
    }

    [Fact]
    public void Phrases_match_across_quote_space_and_dash_variants_with_original_offsets()
    {
        const string text = "Under Section\u202F1357, the officer\u2019s 32\u2013minute video";
        var at = FactScorer.Locate(text, "officer's 32-minute", null, 1)!.Value;
        Assert.Equal("officer\u2019s 32\u2013minute", text[at.Start..at.End]);
        Assert.NotNull(FactScorer.Locate(text, "Section 1357", null, 1));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{ "schema": "other", "facts": [] }""", "schema")]
    [InlineData("""{ "schema": "parallax.facts-gold/1" }""", "\"facts\" must be an array")]
    [InlineData("""{ "schema": "parallax.facts-gold/1", "facts": [ { "status": "maybe", "claims": [ { "doc": "a", "phrase": "b" } ] } ] }""", "status must be")]
    [InlineData("""{ "schema": "parallax.facts-gold/1", "facts": [ { "status": "single", "claims": [] } ] }""", "non-empty array")]
    [InlineData("""{ "schema": "parallax.facts-gold/1", "facts": [ { "status": "single", "claims": [ { "doc": "a" } ] } ] }""", "facts[0].claims[0]: \"phrase\"")]
    [InlineData("""{ "schema": "parallax.facts-gold/1", "facts": [ { "status": "single", "claims": [ { "doc": "a", "phrase": "b", "occurrence": 0 } ] } ] }""", "occurrence")]
    [InlineData("""{ "schema": "parallax.facts-gold/1", "facts": [ { "id": "x", "status": "single", "claims": [ { "doc": "a", "phrase": "b" } ] }, { "id": "x", "status": "single", "claims": [ { "doc": "a", "phrase": "b" } ] } ] }""", "duplicate id")]
    public void A_malformed_gold_file_is_refused_naming_the_place(string json, string message)
    {
        var e = Assert.Throws<FormatException>(() => FactGold.Parse(json, "g.json"));
        Assert.StartsWith("g.json:", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_that_is_not_a_parallax_report_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => ReportFacts.Parse("""{ "documents": [] }"""u8, "r.json"));
        Assert.StartsWith("r.json:", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Pair counts from cluster sizes agree with counting every pair one by one.</summary>
    [Property]
    public Property Pair_counts_equal_brute_force() =>
        Prop.ForAll(Gen.Choose(0, 3).Zip(Gen.Choose(-1, 3)).ListOf().ToArbitrary(), list =>
        {
            var labels = list.Select(x => (x.Item1, x.Item2 < 0 ? null : $"f{x.Item2}")).ToList();
            long gold = 0, predicted = 0, both = 0;
            for (int i = 0; i < labels.Count; i++)
                for (int j = i + 1; j < labels.Count; j++)
                {
                    bool sameGold = labels[i].Item1 == labels[j].Item1;
                    bool samePredicted = labels[i].Item2 is not null && labels[i].Item2 == labels[j].Item2;
                    if (sameGold) gold++;
                    if (samePredicted) predicted++;
                    if (sameGold && samePredicted) both++;
                }
            return FactScorer.Pairs(labels) == (gold, predicted, both);
        });
}
