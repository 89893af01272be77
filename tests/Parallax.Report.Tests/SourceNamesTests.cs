using System.Text.RegularExpressions;
using Parallax.Model;

namespace Parallax.Report.Tests;

/// <summary>Every source has a name a reader recognises: outlet, else site, else file name; never a bare id.</summary>
public sealed class SourceNamesTests
{
    [Theory]
    [InlineData("Newsweek", "https://www.nbcnews.com/news/x", "/data/a.html", "Newsweek")]
    [InlineData(null, "https://www.kctv5.com/news/ice/article_1.html", "/data/a.html", "kctv5.com")]
    [InlineData("  ", "http://edition.cnn.com/x", null, "edition.cnn.com")]
    [InlineData(null, null, "../shared/seeds/004_f3cc9b3761784ec7.txt", "004_f3cc9b…")]
    [InlineData(null, null, "/crawl/news.warc.gz#byte=5120", "news#byte=5120")]
    [InlineData(null, null, "C:\\corpus\\short.txt", "short")]
    [InlineData(null, null, "-", "standard input")]
    [InlineData(null, "urn:x-record:17", null, "urn:x-record:17")]
    [InlineData(null, null, null, "d7")]
    public void A_source_is_named_by_outlet_else_site_else_file(string? outlet, string? url, string? origin, string expected) =>
        Assert.Equal(expected, SourceNames.Of(outlet, url, origin, "d7"));

    [Theory]
    [InlineData("/home/ana/corpus/2019/report.txt", "report.txt")]
    [InlineData("feeds/kc.rss#item=3", "kc.rss#item=3")]
    [InlineData("upload/pasted.jsonl#L1", "pasted.jsonl#L1")]
    [InlineData("stdin", "standard input")]
    public void File_names_drop_the_folders(string origin, string expected) =>
        Assert.Equal(expected, SourceNames.FileName(origin));

    [Fact]
    public void Every_metadata_source_has_words_not_an_enum_name()
    {
        foreach (var source in Enum.GetValues<MetadataSource>())
        {
            var words = SourceNames.Provenance(source);
            Assert.Contains(' ', words);
            Assert.DoesNotContain(source.ToString(), words, StringComparison.Ordinal);
        }
        Assert.Equal("outlet named in the text", SourceNames.Provenance(MetadataSource.SelfReference));
    }

    [Fact]
    public void A_page_without_outlets_names_each_source_by_file_and_lists_it_once_per_spread()
    {
        // The fixture's three reports with their outlets taken away: chips and spreads fall back to file names.
        var corpus = Fixtures.Corpus();
        var bare = corpus with
        {
            Documents = [.. corpus.Documents.Select(d => d with { Metadata = d.Metadata with { Outlet = null, Title = null } })],
        };
        var page = HtmlReportWriter.ToHtml(bare);
        var chips = Regex.Matches(page, "<span class=\"src src-[0-9x]\"[^>]*>([^<]*)</span>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(chips);
        Assert.DoesNotContain(chips, c => Regex.IsMatch(c, @"^d\d+$"));
        Assert.Contains("nbc-ice-ar…", chips);
        Assert.DoesNotContain("untitled", page);
        Assert.Contains("no headline; begins", page);
        Assert.DoesNotContain("/corpus/", page);
    }

    [Fact]
    public void A_source_giving_two_values_is_named_once_in_the_spread()
    {
        // d1 gives both 25 and 20 minutes: it is listed under one of them, with its other value.
        var corpus = Fixtures.Corpus();
        var story = corpus.Stories[0];
        var disputed = story.Facts.First(f => f.Status == FactStatus.Disputed);
        var twenty = disputed.Claims.First(c => c.Value == 1200);
        var d1Claim = disputed.Claims.First(c => c.Span.Doc == "d1");
        var both = disputed with { Claims = [.. disputed.Claims, twenty with { Span = d1Claim.Span, Sentence = d1Claim.Sentence }] };
        var changed = corpus with { Stories = [story with { Facts = [.. story.Facts.Select(f => f.Id == disputed.Id ? both : f)] }] };
        var page = HtmlReportWriter.ToHtml(changed);
        var box = page[page.IndexOf("class=\"disagreements\"", StringComparison.Ordinal)..];
        var spread = box[box.IndexOf("<p class=\"spread\">", StringComparison.Ordinal)..];
        spread = spread[..spread.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.Equal(1, Regex.Count(spread, "NBC News"));
        Assert.Contains("NBC News, which also gives about 2", spread);
    }
}
