using System.Text.Json;
using Parallax.Model;

namespace Parallax.Report.Tests;

/// <summary>A fact listed beside another (<see cref="Fact.PartOf"/>: a part, a wider total, an earlier event's figure) is
/// written to report.json with its link, and shown on the page indented under its fact. A dispute between two parts is still a real disagreement: it is in the
/// disagreements box and counted.</summary>
public sealed class FactPartsTests
{
    /// <summary>The fixture story plus "f4": two other views, a disputed part of "f2"'s fact (the video's length stands in).</summary>
    private static CorpusAnalysis WithPart(string scope = "part")
    {
        var corpus = Fixtures.Corpus();
        var story = corpus.Stories[0];
        var whole = story.Facts.Single(f => f.Id == "f2");
        var part = new Fact("f4", "length of the other clips (part of a total)", QuantityKind.Duration, FactStatus.Disputed,
            [.. whole.Claims.Select(c => c with { Scope = scope })], ["why compared: same measure"], PartOf: "f2");
        return corpus with { Stories = [story with { Facts = story.Facts.Add(part) }] };
    }

    [Fact]
    public void Report_json_links_a_part_to_its_fact_and_other_facts_to_nothing()
    {
        using var doc = JsonDocument.Parse(ReportJsonWriter.ToJson(WithPart()));
        var facts = doc.RootElement.GetProperty("stories")[0].GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal("f2", facts.Single(f => f.GetProperty("id").GetString() == "f4").GetProperty("partOf").GetString());
        Assert.All(facts.Where(f => f.GetProperty("id").GetString() != "f4"),
            f => Assert.Equal(JsonValueKind.Null, f.GetProperty("partOf").ValueKind));
        // Added, not renamed: the contract's fields are all still there.
        Assert.All(facts, f => Assert.True(f.TryGetProperty("about", out _) && f.TryGetProperty("status", out _) && f.TryGetProperty("claims", out _)));
    }

    [Fact]
    public void A_disputed_part_is_shown_under_its_fact_and_in_the_disagreements_box()
    {
        var page = HtmlReportWriter.ToHtml(WithPart());
        int box = page.IndexOf("<section class=\"disagreements\"", StringComparison.Ordinal);
        var boxHtml = page[box..page.IndexOf("</section>", box, StringComparison.Ordinal)];
        Assert.Contains("other clips", boxHtml);
        // Shown once, inside the whole fact's card, after its evidence, with the words that say how it relates.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "id=\"fact-f4"));
        int card = page.IndexOf("id=\"fact-f2", StringComparison.Ordinal);
        int cardEnd = page.IndexOf("</article>", card, StringComparison.Ordinal);
        int part = page.IndexOf("id=\"fact-f4", StringComparison.Ordinal);
        Assert.InRange(part, card, cardEnd);
        Assert.Contains("<div class=\"parts\">", page[card..cardEnd]);
        Assert.Contains("of which:", page[card..cardEnd]);
        // Counted: two parts that cannot both hold are a disagreement the reader must see.
        Assert.Contains(">2 disputed facts<", page);
    }

    [Theory]
    [InlineData("roundup", "a wider total:")]
    [InlineData("background", "an earlier event:")]
    public void Wider_totals_and_earlier_events_say_so(string scope, string words)
    {
        var page = HtmlReportWriter.ToHtml(WithPart(scope));
        int card = page.IndexOf("id=\"fact-f2", StringComparison.Ordinal);
        Assert.Contains(words, page[card..page.IndexOf("</article>", card, StringComparison.Ordinal)]);
    }

    [Fact]
    public void A_part_of_a_single_source_fact_is_an_indented_row_after_it()
    {
        var corpus = Fixtures.Corpus();
        var story = corpus.Stories[0];
        var whole = story.Facts.Single(f => f.Id == "f3");
        var part = new Fact("f5", "number of other views (part of a total)", QuantityKind.Count, FactStatus.Single,
            [.. whole.Claims.Select(c => c with { Scope = "part" })], [], PartOf: "f3");
        var page = HtmlReportWriter.ToHtml(corpus with { Stories = [story with { Facts = story.Facts.Add(part) }] });
        int row = page.IndexOf("<tr class=\"part-row\" id=\"fact-f5", StringComparison.Ordinal);
        Assert.True(row > page.IndexOf("id=\"fact-f3", StringComparison.Ordinal));
        Assert.Contains("of which:", page[row..page.IndexOf("</tr>", row, StringComparison.Ordinal)]);
    }
}
