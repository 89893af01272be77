using Parallax.Analysis.Citations;
using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Citations;

public sealed class CitationFinderTests
{
    private static (string Text, string Cites, CitationKind Kind)[] Cites(string text)
    {
        var d = Docs.Analyse(text);
        return d.Citations.Select(c => (d.Slice(c.Span), c.Cites, c.Kind)).ToArray();
    }

    [Fact]
    public void Outlet_reported() =>
        Assert.Contains(("Harbor Ledger reported", "Harbor Ledger", CitationKind.Outlet), Cites("The Harbor Ledger reported the closure first."));

    [Fact]
    public void According_to_an_agency() =>
        Assert.Contains(("according to the Coast Guard", "Coast Guard", CitationKind.Agency), Cites("The barge drifted, according to the Coast Guard."));

    [Fact]
    public void Told_an_outlet() =>
        Assert.Contains(Cites("The agency told KXRV News that repairs would wait."), c => c.Cites == "KXRV News" && c.Kind == CitationKind.Outlet);

    [Fact]
    public void In_a_statement_to_an_outlet() =>
        Assert.Contains(Cites("In a statement to Newsweek, the agency defended the move."), c => c.Cites == "Newsweek" && c.Text == "a statement to Newsweek");

    [Fact]
    public void A_statement_by_a_titled_person() =>
        Assert.Contains(Cites("It ended there, according to a statement by port spokesman Dario Feltz."), c => c.Cites == "Dario Feltz" && c.Kind == CitationKind.Person);

    [Theory]
    [InlineData("KCTV5", true)]
    [InlineData("NBC News", true)]
    [InlineData("The Hill", true)]
    [InlineData("Coast Guard", false)]
    [InlineData("Kansas City Police Department", false)]
    public void Outlet_names_are_recognised(string name, bool outlet) => Assert.Equal(outlet, CitationFinder.IsOutlet(name));
}
