using Parallax.Analysis.Citations;
using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Citations;

/// <summary>Citations that mean reliance: laws are not sources, an outlet does not cite itself, and an agency a reporter
/// reached is an agency.</summary>
public sealed class CitationRelianceTests
{
    private static Citation[] Cites(Document d) => [.. CitationFinder.Find(d)];

    [Fact]
    public void A_statute_is_not_a_source()
    {
        var d = Docs.Analyse("According to Title 8 United States Code Section 1357, officers may act without a warrant.");
        Assert.DoesNotContain(Cites(d), c => c.Cites.StartsWith("Title", StringComparison.Ordinal));
    }

    [Fact]
    public void An_outlet_naming_itself_is_no_citation()
    {
        var d = Docs.Analyse("In a statement to Newsweek, the agency defended the move. It also told NBC News the review would take weeks.")
            with { Metadata = new DocumentMetadata { Outlet = new Sourced<string>("Newsweek", MetadataSource.Input) } };
        var cites = Cites(d);
        Assert.DoesNotContain(cites, c => c.Cites == "Newsweek");
        Assert.Contains(cites, c => c.Cites == "NBC News" && c.Kind == CitationKind.Outlet);
    }

    [Theory]
    [InlineData("The Hill", "The Hill", true)]
    [InlineData("KCTV5", "KCTV5 News", true)]
    [InlineData("the hill", "The Hill", true)]
    [InlineData("NBC News", "The Hill", false)]
    [InlineData("KCTV", "KCTV5 News", false)]
    public void Same_outlet(string cited, string own, bool same) => Assert.Equal(same, CitationFinder.SameOutlet(cited, own));

    [Fact]
    public void An_agency_reached_by_a_reporter_is_an_agency_not_an_outlet()
    {
        var d = Docs.Analyse("Boyd said she had spoken to a KCPD sergeant on the scene.");
        Assert.Contains(Cites(d), c => c.Cites == "KCPD" && c.Kind == CitationKind.Agency);
        Assert.DoesNotContain(Cites(d), c => c.Kind == CitationKind.Outlet);
    }
}
