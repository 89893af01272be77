using System.Collections.Immutable;
using System.Globalization;

namespace Parallax.Eval.Facts;

/// <summary>One violent incident of an audit set: the killed and injured counts its reports state (null when none
/// states one) and the reports that state them.</summary>
public sealed record CasualtyIncident(int Line, string Subtopic, string What, int? Killed, int? Injured, ImmutableArray<string> Reports);

/// <summary>
/// Killed/injured recall over incidents listed by hand (eval/ecbplus-casualties-audit.tsv: <c>subtopic</c>, <c>incident</c>,
/// <c>killed</c>, <c>injured</c>, <c>reports</c> space-separated), for sub-topics no facts gold labels. An incident is found
/// as <see cref="CasualtyRecall"/> finds one: each count it states must be read as that kind (the claim's measure has a
/// killed or injured predicate), here by a claim of one of the listed reports whose bounds hold the stated count.
/// </summary>
public static class CasualtyAudit
{
    /// <summary>Reads the file; bad rows are reported (file and line) in <paramref name="problems"/> and skipped.</summary>
    public static List<CasualtyIncident> Parse(string text, string origin, List<string> problems)
    {
        var lines = text.Split('\n');
        var header = lines[0].TrimEnd('\r').Split('\t');
        int Col(string name) => Array.IndexOf(header, name);
        int sub = Col("subtopic"), what = Col("incident"), killed = Col("killed"), injured = Col("injured"), reports = Col("reports");
        if (sub < 0 || killed < 0 || injured < 0 || reports < 0)
            throw new FormatException($"{origin}:1: the header must name subtopic, killed, injured and reports columns");
        var result = new List<CasualtyIncident>();
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            string Cell(int c) => c >= 0 && c < cells.Length ? cells[c].Trim() : "";
            int? k = Count(Cell(killed)), n = Count(Cell(injured));
            var docs = Cell(reports).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
            if (k == -1 || n == -1 || Cell(sub).Length == 0 || docs.IsEmpty)
            {
                problems.Add($"{origin}:{i + 1}: needs a sub-topic, killed and injured as whole numbers or empty, and the reports; row skipped");
                continue;
            }
            result.Add(new CasualtyIncident(i + 1, Cell(sub), Cell(what), k, n, docs));
        }
        return result;

        static int? Count(string cell) => cell.Length == 0 || cell == "-" ? null
            : int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : -1;
    }

    /// <summary>(found, incidents): incidents stating a killed or injured count, and those whose every stated count was
    /// read with its measure and value in a listed report.</summary>
    public static (int Found, int Incidents) Count(IEnumerable<CasualtyIncident> incidents, ReportFacts report)
    {
        var byDoc = report.Claims.ToLookup(c => c.Doc, StringComparer.Ordinal);
        int found = 0, total = 0;
        foreach (var incident in incidents)
        {
            var stated = new HashSet<string>(StringComparer.Ordinal);
            var read = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (kind, count) in new[] { ("killed", incident.Killed), ("injured", incident.Injured) })
            {
                if (count is not { } n) continue;
                stated.Add(kind);
                if (incident.Reports.SelectMany(d => byDoc[d]).Any(c => CasualtyRecall.MeasureIs(c.Measure, kind) && Holds(c, n))) read.Add(kind);
            }
            if (stated.Count == 0) continue;
            total++;
            if (CasualtyRecall.Found(stated, read)) found++;
        }
        return (found, total);
    }

    /// <summary>Not counts of people: "killed:date" (when), "death:rank" ("the second death"), durations and ages.</summary>
    private static readonly string[] NotCounts = ["date", "rank", "time", "duration", "age", "year"];

    private static bool Holds(ReportClaim c, int n) =>
        (c.Measure is not { } m || m.IndexOf(':') is not (>= 0 and var colon) || !NotCounts.Contains(m[(colon + 1)..])) &&
        (c.Lower is not { } lo || lo <= n) && (c.Upper is not { } hi || n <= hi) && (c.Lower is not null || c.Upper is not null);
}
