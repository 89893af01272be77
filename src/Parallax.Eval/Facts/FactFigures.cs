using System.Globalization;

namespace Parallax.Eval.Facts;

/// <summary>The trust figures of a facts evaluation as printable rows (measure, value, counts), so every front end
/// prints the same: disputed precision and recall, the status confusion (updated against disputed), and claims with no
/// measure or holder.</summary>
public static class FactFigures
{
    public static readonly string[] StatusOrder = ["agreed", "disputed", "updated", "single", "missing"];

    public static IEnumerable<(string Measure, string Value, string Counts)> Rows(FactScore score)
    {
        yield return ("disputed precision (shown disputes that are real)", F(score.DisputedPrecision),
            $"{score.DisputesReal} of {score.DisputesShown} shown" + (score.DisputesUnjudged > 0 ? $" (+{score.DisputesUnjudged} on claims the gold does not list)" : ""));
        yield return ("disputed recall (real disputes shown)", F(score.DisputedRecall), $"{score.GoldDisputesShown} of {score.GoldDisputes} gold disputes");
        int updatedAsDisputed = Cell(score, "updated", "disputed"), disputedAsUpdated = Cell(score, "disputed", "updated");
        yield return ("updated shown as disputed / disputed shown as updated", $"{updatedAsDisputed} / {disputedAsUpdated}",
            $"of {Row(score, "updated")} updated / {Row(score, "disputed")} disputed gold facts");
        yield return ("claims with no measure / no holder", $"{score.ClaimsWithoutMeasure} / {score.ClaimsWithoutHolder}",
            $"of {score.ReportClaims} report claims in the gold's documents");
        yield return CasualtyRecall.Row(score.CasualtyIncidentsFound, score.CasualtyIncidents);
    }

    /// <summary>"gold status: predicted×n, …" lines, one per gold status.</summary>
    public static IEnumerable<string> ConfusionLines(FactScore score)
    {
        foreach (var gold in StatusOrder)
        {
            if (!score.Confusion.TryGetValue(gold, out var row)) continue;
            yield return $"gold {gold}: " + string.Join(", ", StatusOrder.Where(row.ContainsKey).Select(p => $"{p} {row[p]}"));
        }
    }

    private static int Cell(FactScore s, string gold, string predicted) =>
        s.Confusion.TryGetValue(gold, out var row) ? row.GetValueOrDefault(predicted) : 0;

    private static int Row(FactScore s, string gold) => s.Confusion.TryGetValue(gold, out var row) ? row.Values.Sum() : 0;

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
