using System.Xml.Linq;
using Parallax.Model;

namespace Parallax.Report.Tests;

public sealed class SvgChartsTests
{
    private const string Evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public void Credit_graph_draws_a_line_per_pair_and_ranks_what_most_sources_credit_first()
    {
        var svg = SvgCharts.CreditGraph(["NBC News", "The Hill", "KCTV5"],
        [
            new("NBC News", "ICE", CitationKind.Agency, 2),
            new("The Hill", "ICE", CitationKind.Agency, 1),
            new("The Hill", "NBC News", CitationKind.Outlet, 1),
        ], "Which source credits which");
        var doc = XElement.Parse(svg); // well-formed XML: nothing from input broke out of its text node
        Assert.Equal(3, doc.Elements("line").Count());
        var right = doc.Elements("text").Where(t => (string?)t.Attribute("x") == "480").Select(t => t.Nodes().OfType<XText>().First().Value.Trim()).ToList();
        Assert.Equal(["ICE", "NBC News"], right);
        // KCTV5 credits nobody: it is not drawn.
        Assert.DoesNotContain(doc.Elements("text"), t => t.Value.Contains("KCTV5", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_to_draw_gives_nothing()
    {
        Assert.Equal("", SvgCharts.CreditGraph(["a"], [], "t"));
        Assert.Equal("", SvgCharts.TimeChart([new SvgCharts.Mark(new DateOnly(2019, 7, 22), "d1", false)], "t"));
    }

    [Fact]
    public void Labels_from_input_are_text_never_markup()
    {
        var graph = SvgCharts.CreditGraph([Evil], [new(Evil, Evil, CitationKind.Person, 1)], Evil);
        var chart = SvgCharts.TimeChart([new SvgCharts.Mark(new DateOnly(2019, 7, 23), Evil, true), new SvgCharts.Mark(new DateOnly(2019, 7, 22), Evil, false)], Evil);
        foreach (var svg in new[] { graph, chart })
        {
            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", svg, StringComparison.OrdinalIgnoreCase);
            var doc = XElement.Parse(svg);
            string[] drawing = ["svg", "title", "line", "text", "circle", "rect", "tspan"];
            Assert.All(doc.DescendantsAndSelf(), e => Assert.Contains(e.Name.LocalName, drawing));
            Assert.DoesNotContain(doc.DescendantsAndSelf().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Background_dates_are_counted_not_drawn_so_the_event_days_stay_readable()
    {
        var svg = SvgCharts.TimeChart(
        [
            new SvgCharts.Mark(new DateOnly(2019, 7, 23), "NBC News", true),
            new SvgCharts.Mark(new DateOnly(2019, 7, 24), "The Hill", true),
            new SvgCharts.Mark(new DateOnly(2019, 7, 22), "NBC News", false),
            new SvgCharts.Mark(new DateOnly(2011, 1, 1), "NBC News", false),
        ], "t");
        var doc = XElement.Parse(svg);
        Assert.Equal(2, doc.Elements("circle").Count());
        Assert.Single(doc.Elements("rect"));
        Assert.Contains("1 earlier background date not drawn", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("2011", string.Concat(doc.Elements("text").Select(t => t.Value)), StringComparison.Ordinal);
    }
}
