namespace Parallax.Report.Tests;

/// <summary>Money whose currency sign the source text lost carries ISO 4217's "no currency" code, XXX, in report.json
/// (the contract keeps the code); the page says so in words instead of printing the code to the reader.</summary>
public sealed class UnknownCurrencyTests
{
    private static Parallax.Model.CorpusAnalysis WithUnit(string unit)
    {
        var corpus = Fixtures.Corpus();
        var story = corpus.Stories[0];
        var fact = story.Facts[0];
        var changed = fact with { Claims = [.. fact.Claims.Select(c => c with { Unit = unit })] };
        return corpus with { Stories = [story with { Facts = story.Facts.SetItem(0, changed) }] };
    }

    [Fact]
    public void The_page_names_an_unknown_currency_in_words()
    {
        var page = HtmlReportWriter.ToHtml(WithUnit("XXX"));
        Assert.Contains("(currency not stated)", page);
        Assert.DoesNotContain(" XXX", page);
    }

    [Fact]
    public void Report_json_keeps_the_code_and_other_units_stay_as_they_are()
    {
        Assert.Contains("\"XXX\"", ReportJsonWriter.ToJson(WithUnit("XXX")));
        var page = HtmlReportWriter.ToHtml(WithUnit("USD"));
        Assert.Contains(" USD", page);
        Assert.DoesNotContain("(currency not stated)", page);
    }
}
