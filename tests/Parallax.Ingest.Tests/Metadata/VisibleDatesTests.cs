using System.Text;
using Parallax.Ingest.Html;

namespace Parallax.Ingest.Tests.Metadata;

public sealed class VisibleDatesTests
{
    [Theory]
    [InlineData("Published 23.07.2019, 10:04", "2019-07-23")]
    [InlineData("3. August 2015", "2015-08-03")]
    [InlineData("July 23, 2019", "2019-07-23")]
    [InlineData("23 juillet 2019", "2019-07-23")]
    [InlineData("Posted on 2019-07-23", "2019-07-23")]
    [InlineData("Sept. 4th, 2018", "2018-09-04")]
    [InlineData("07/08/2019", null)]
    [InlineData("31.02.2019", null)]
    [InlineData("about 12 minutes ago", null)]
    public void Written_dates(string text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), VisibleDates.Parse(text));

    [Fact]
    public void A_marked_up_date_line_gives_the_publication_date_when_nothing_is_declared()
    {
        var html = "<html><body><div class='entry-meta'><span class='entry-date'><abbr class='published' title='2017-07-23T17:06:45+0000'>23. Juli 2017</abbr></span></div>" +
                   "<article><p>" + string.Concat(Enumerable.Repeat("Der Verein gewann am Sonntag das Spiel gegen den Tabellenführer deutlich. ", 6)) + "</p></article></body></html>";
        var item = new CorpusReader().ReadHtml(Encoding.UTF8.GetBytes(html), "page.html");
        Assert.Equal(new DateOnly(2017, 7, 23), item.Document!.Metadata.Published!.Value.Value);
    }

    [Fact]
    public void Date_text_in_a_date_element_is_read()
    {
        var html = "<html><body><ul><li class='content__meta__date'>26.02.2020</li></ul>" +
                   "<article><p>" + string.Concat(Enumerable.Repeat("The virus spread to three more countries on Wednesday, officials said. ", 6)) + "</p></article></body></html>";
        var item = new CorpusReader().ReadHtml(Encoding.UTF8.GetBytes(html), "page.html");
        Assert.Equal(new DateOnly(2020, 2, 26), item.Document!.Metadata.Published!.Value.Value);
    }
}
