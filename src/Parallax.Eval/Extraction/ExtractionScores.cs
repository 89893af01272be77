using Parallax.Ingest;
using System.Text;

namespace Parallax.Eval.Extraction;

/// <summary>
/// Snippet counts as trafilatura's evaluation defines them: a must-keep snippet found in the output is a true positive,
/// missing a false negative; a must-drop snippet found is a false positive, absent a true negative. No output counts
/// every must-keep as missed and every must-drop as correctly absent. Matching is plain substring search after both
/// sides have their white space collapsed to single spaces (extractors differ in line breaks, not in words).
/// </summary>
public readonly record struct SnippetCounts(int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives)
{
    public static SnippetCounts operator +(SnippetCounts a, SnippetCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalseNegatives + b.FalseNegatives, a.FalsePositives + b.FalsePositives, a.TrueNegatives + b.TrueNegatives);

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double Accuracy => Ratio(TruePositives + TrueNegatives, TruePositives + FalseNegatives + FalsePositives + TrueNegatives);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <summary>Scores one page's output (null or empty when the extractor gave nothing).</summary>
    public static SnippetCounts Score(string? output, AnnotatedPage page)
    {
        if (string.IsNullOrWhiteSpace(output)) return new(0, page.With.Count, 0, page.Without.Count);
        var text = CollapseWhiteSpace(output);
        int tp = page.With.Count(s => text.Contains(CollapseWhiteSpace(s), StringComparison.Ordinal));
        int fp = page.Without.Count(s => text.Contains(CollapseWhiteSpace(s), StringComparison.Ordinal));
        return new(tp, page.With.Count - tp, fp, page.Without.Count - fp);
    }

    /// <summary>Runs of white space (including no-break spaces) become one space; ends are trimmed.</summary>
    public static string CollapseWhiteSpace(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>
/// F1 over word 4-gram shingles between an extraction and a reference body, for any set of pages with reference
/// texts: precision is the share of the output's shingles found in the reference, recall the share of the reference's
/// shingles found in the output (multisets, so a paragraph kept twice is not free). Words are lower-cased letter/digit
/// runs, so punctuation and line breaks do not matter. Texts shorter than four words use their words as one shingle.
/// </summary>
public static class ShingleScore
{
    public const int Size = 4;

    /// <summary>(precision, recall, F1) of <paramref name="output"/> against <paramref name="reference"/>.</summary>
    public static (double Precision, double Recall, double F1) Score(string output, string reference)
    {
        var o = Shingles(output);
        var r = Shingles(reference);
        if (o.Count == 0 || r.Count == 0) return (0, 0, 0);
        int common = 0, outTotal = 0, refTotal = 0;
        foreach (var (s, n) in o) { outTotal += n; if (r.TryGetValue(s, out var m)) common += Math.Min(n, m); }
        foreach (var n in r.Values) refTotal += n;
        double p = (double)common / outTotal, rc = (double)common / refTotal;
        return (p, rc, p + rc == 0 ? 0 : 2 * p * rc / (p + rc));
    }

    internal static Dictionary<string, int> Shingles(string text)
    {
        var words = Words(text);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (words.Count == 0) return result;
        int count = Math.Max(1, words.Count - Size + 1);
        for (int i = 0; i < count; i++)
        {
            var key = string.Join(' ', words.GetRange(i, Math.Min(Size, words.Count - i)));
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    internal static List<string> Words(string text) => TextWords.Lower(text);
}

/// <summary>
/// Metadata against the set's annotations (pages annotated with the field only): a value found and equal to the gold
/// one is a true positive; a value found on a page whose gold is different or empty is a false positive; a gold value
/// not found (or found wrong) is a false negative. Dates compare as ISO calendar dates; authors as the set of names
/// (split on ';', ',', '|', '&', "and" and "und"; case and white space ignored); titles after collapsing white space, ignoring case.
/// </summary>
public static class MetadataScore
{
    public readonly record struct Counts(int TruePositives, int FalsePositives, int FalseNegatives, int Pages)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public static Counts Score(IEnumerable<(string? Gold, string? Found)> pairs, Func<string, string, bool> same)
    {
        int tp = 0, fp = 0, fn = 0, pages = 0;
        foreach (var (gold, found) in pairs)
        {
            if (gold is null) continue; // not annotated
            pages++;
            bool hasGold = gold.Trim().Length > 0, hasFound = !string.IsNullOrWhiteSpace(found);
            if (hasGold && hasFound && same(gold, found!)) tp++;
            else
            {
                if (hasFound) fp++;
                if (hasGold) fn++;
            }
        }
        return new Counts(tp, fp, fn, pages);
    }

    public static bool SameText(string a, string b) =>
        string.Equals(SnippetCounts.CollapseWhiteSpace(a), SnippetCounts.CollapseWhiteSpace(b), StringComparison.OrdinalIgnoreCase);

    public static bool SameNames(string a, string b)
    {
        static HashSet<string> Names(string s) => s.Replace(" und ", ";", StringComparison.OrdinalIgnoreCase).Replace(" and ", ";", StringComparison.OrdinalIgnoreCase)
            .Replace(" & ", ";", StringComparison.Ordinal)
            .Split([';', ',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => SnippetCounts.CollapseWhiteSpace(n).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return Names(a).SetEquals(Names(b));
    }
}
