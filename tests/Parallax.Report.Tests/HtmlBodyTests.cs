using System.Globalization;

namespace Parallax.Report.Tests;

/// <summary>The body a host page embeds (the web app's story page) is exactly the report page's body.</summary>
public sealed class HtmlBodyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_body_is_the_page_between_body_open_and_footer(bool hostile)
    {
        var analysis = Fixtures.Corpus(hostile);
        var page = HtmlReportWriter.ToHtml(analysis);
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReportWriter.WriteBody(analysis, sw);
        var body = sw.ToString();
        int start = page.IndexOf("<body>\n", StringComparison.Ordinal) + "<body>\n".Length;
        int end = page.IndexOf("<footer", StringComparison.Ordinal);
        Assert.Equal(page[start..end], body);
        Assert.Contains(HtmlReportWriter.Css, page, StringComparison.Ordinal);
    }
}
