using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Report;

/// <summary>The order of the quotes section: what a reader can rely on first.</summary>
internal sealed partial class HtmlRenderer
{
    /// <summary>Direct quotes credited to a named speaker (in report order), and everything else: reported speech,
    /// block statements and quotes whose speaker is not named.</summary>
    private (List<QuoteGroup> Featured, List<QuoteGroup> Others) QuoteOrder(ImmutableArray<QuoteGroup> quotes)
    {
        var featured = new List<QuoteGroup>();
        var rest = new List<QuoteGroup>();
        foreach (var q in quotes)
            (index.EntityName(q.Speaker) is not null && q.Occurrences.Any(o => o.Kind == QuoteKind.Direct) ? featured : rest).Add(q);
        return (featured, rest);
    }

    private void OpenCollapsedQuotes(int count, int featured)
    {
        w.Write(featured == 0 ? "<details class=\"more-quotes\" open>" : "<details class=\"more-quotes\">");
        w.Write("<summary>");
        T(Count(count, "more statement", "more statements"));
        w.Write(" (reported speech, or no named speaker)</summary>\n");
    }
}
