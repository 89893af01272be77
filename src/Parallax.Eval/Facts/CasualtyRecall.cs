using System.Text.RegularExpressions;

namespace Parallax.Eval.Facts;

/// <summary>
/// "Killed/injured counts found: X of Y incidents". An incident is a group of gold facts joined by shared documents
/// (one event's reports). It is counted when a gold fact of it is a killed or injured count (its <c>about</c> names
/// people and a casualty word: "people killed", "others wounded"), and found when, for each such kind it states,
/// a gold claim of that kind was matched by a report claim whose measure has that predicate ("killed:person",
/// "injured:worker"), i.e. Parallax read that count as a count of the dead or hurt.
/// </summary>
public static partial class CasualtyRecall
{
    [GeneratedRegex(@"^(people|persons|women|men|others|children|victims|workers|officers)\b[^,]*\b(killed|dead|died|wounded|injured|hurt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CasualtyAbout();

    /// <summary>"killed", "injured" or null: which casualty count a gold fact's <c>about</c> states.</summary>
    public static string? Kind(string about)
    {
        var m = CasualtyAbout().Match(about);
        if (!m.Success) return null;
        return m.Groups[2].Value.ToLowerInvariant() switch { "killed" or "dead" or "died" => "killed", _ => "injured" };
    }

    /// <summary>Whether a report claim's measure ("killed:person", "injured") reads as a count of this kind.</summary>
    public static bool MeasureIs(string? measure, string kind)
    {
        if (string.IsNullOrEmpty(measure)) return false;
        int colon = measure.IndexOf(':');
        var predicate = colon < 0 ? measure.AsSpan() : measure.AsSpan(0, colon);
        return kind == "killed"
            ? predicate is "killed" or "dead" or "died" or "death"
            : predicate is "injured" or "wounded" or "hurt";
    }

    /// <summary>(found, incidents) over the gold; <paramref name="matches"/> gives, per gold fact, its claims' resolved
    /// document ids (null when unresolved) and matched report claims (null when missed).</summary>
    public static (int Found, int Incidents) Count(FactGold gold, IReadOnlyList<List<(string? Doc, ReportClaim? Match)>> matches)
    {
        // Union-find over gold facts sharing a document.
        var parent = Enumerable.Range(0, gold.Facts.Length).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        var byDoc = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int g = 0; g < matches.Count; g++)
            foreach (var (doc, _) in matches[g])
            {
                if (doc is null) continue;
                if (byDoc.TryGetValue(doc, out int other)) parent[Find(g)] = Find(other);
                else byDoc[doc] = g;
            }
        var stated = new Dictionary<int, HashSet<string>>();
        var read = new Dictionary<int, HashSet<string>>();
        for (int g = 0; g < gold.Facts.Length; g++)
        {
            if (Kind(gold.Facts[g].About) is not { } kind) continue;
            int root = Find(g);
            (stated.TryGetValue(root, out var s) ? s : stated[root] = []).Add(kind);
            if (matches[g].Any(m => MeasureIs(m.Match?.Measure, kind)))
                (read.TryGetValue(root, out var r) ? r : read[root] = []).Add(kind);
        }
        int found = stated.Count(kv => Found(kv.Value, read.GetValueOrDefault(kv.Key)));
        return (found, stated.Count);
    }

    /// <summary>An incident is found when every casualty kind it states was read.</summary>
    public static bool Found(IReadOnlySet<string> stated, IReadOnlySet<string>? read) => read is not null && stated.IsSubsetOf(read);

    /// <summary>The printed row: (measure, value, counts), the same for every front end and every source of incidents.</summary>
    public static (string Measure, string Value, string Counts) Row(int found, int incidents) =>
        ("killed/injured counts found (incidents)",
         incidents == 0 ? "-" : ((double)found / incidents).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
         $"{found} of {incidents} incidents stating a killed or injured count");
}
