using System.Globalization;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Plain-word names for facts, built from what the claims measure and whose quantity it is ("people killed", "age of
/// Warren Jeffs", "how long: negotiated"), and the one-line reasons a reader sees: why these claims were compared, and,
/// for a dispute, why they cannot both hold.
/// </summary>
internal static class FactLabels
{
    public static string Label(IReadOnlyList<(Quantity Q, string Measure, ClaimMeaning Meaning, string? Predicate, string? Holder)> claims,
        string head, bool measuresObject, IReadOnlyDictionary<string, string> names, string? plainHead = null)
    {
        string word = plainHead ?? head;
        // The most common measure among the claims names the fact (ties: the first in text order).
        var best = claims.GroupBy(c => c.Measure, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().First();
        var q = best.Q;
        string label = q.Kind switch
        {
            QuantityKind.Count when q.Unit == "time" => head == "time" ? "number of times" : $"number of times: {word}",
            QuantityKind.Count => best.Predicate is null ? Plural(best.Meaning.Noun) : $"{Plural(best.Meaning.Noun)} {best.Predicate}",
            QuantityKind.Age => Holder(claims, names) is { } who ? $"age of {who}" : "age",
            QuantityKind.Duration => measuresObject ? $"length of the {word}" : head is "second" or "minute" or "hour" or "day" or "week" or "month" or "year" or "decade" ? "how long" : $"how long: {word}",
            QuantityKind.Length => measuresObject ? $"size of the {word}" : $"distance: {word}",
            QuantityKind.Money => head == "money" ? $"amount of money ({q.Unit})" : $"amount: {word} ({q.Unit})",
            QuantityKind.Percent => head == "percent" ? "percentage" : $"share: {word}",
            QuantityKind.Ordinal => $"which {word}",
            _ when q.Unit == "date" => $"date {q.About}",
            _ => $"{word} ({q.Unit})",
        };
        return best.Meaning.Scope switch
        {
            ClaimScope.Part => label + " (a part)",
            ClaimScope.Roundup => label + " (a wider total)",
            ClaimScope.Background => label + " (an earlier event)",
            _ => label,
        };
    }

    /// <summary>
    /// The word of the sentence a head key was read from, as printed: keys are lemma-like stems ("issu", "morn",
    /// "negotiate"), so the label shows "issued", "morning", "negotiated" instead. Null when no word of the sentence
    /// starts with the key.
    /// </summary>
    public static string? PlainWord(string key, ReadOnlySpan<char> sentence)
    {
        if (key.Length < 3) return null;
        int from = 0;
        while (from < sentence.Length)
        {
            int at = sentence[from..].IndexOf(key, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return null;
            at += from;
            int end = at + key.Length;
            while (end < sentence.Length && char.IsLetter(sentence[end])) end++;
            if ((at == 0 || !char.IsLetter(sentence[at - 1])) && end - at <= key.Length + 4)
                return sentence[at..end].ToString().ToLowerInvariant();
            from = end;
        }
        return null;
    }

    /// <summary>"compared: same measure (people killed), same holder (Warren Jeffs), same scope (the whole)".</summary>
    public static string WhyCompared(IReadOnlyList<(string Measure, string? Holder, ClaimScope Scope)> claims, IReadOnlyDictionary<string, string> names)
    {
        var measures = claims.Select(c => c.Measure).Distinct(StringComparer.Ordinal).ToList();
        var holders = claims.Where(c => c.Holder is not null).Select(c => c.Holder!).Distinct(StringComparer.Ordinal).ToList();
        string measure = measures.Count == 1 ? $"same measure ({measures[0]})" : $"related measures ({string.Join(", ", measures.Take(4))})";
        string holder = holders.Count == 1 ? $", same holder ({names.GetValueOrDefault(holders[0], holders[0])})" : "";
        string scope = claims[0].Scope switch
        {
            ClaimScope.Part => "a part of the event",
            ClaimScope.Roundup => "a wider total",
            ClaimScope.Background => "an earlier event",
            _ => "the story's event",
        };
        return $"why compared: {measure}{holder}, both about {scope}";
    }

    /// <summary>"why they cannot both hold: 20 is at most 22 and 25 at least 22.5".</summary>
    public static string WhyConflict(Quantity high, Quantity low) => string.Create(CultureInfo.InvariantCulture,
        $"why they cannot both hold: one says at least {Show(high.Lower, high)}, the other at most {Show(low.Upper, low)}");

    private static string Show(double v, Quantity q)
    {
        if (double.IsPositiveInfinity(v)) return "∞";
        if (q.Kind != QuantityKind.Duration) return v.ToString("0.##", CultureInfo.InvariantCulture) + (q.Kind == QuantityKind.Age ? " years" : "");
        var (amount, unit) = v switch
        {
            < 120 => (v, "seconds"),
            < 7200 => (v / 60, "minutes"),
            < 172800 => (v / 3600, "hours"),
            < 365.2425 * 86400 => (v / 86400, "days"),
            _ => (v / (365.2425 * 86400), "years"),
        };
        return amount.ToString("0.#", CultureInfo.InvariantCulture) + " " + unit;
    }

    private static string? Holder(IReadOnlyList<(Quantity Q, string Measure, ClaimMeaning Meaning, string? Predicate, string? Holder)> claims,
        IReadOnlyDictionary<string, string> names)
    {
        var holder = claims.Where(c => c.Holder is not null).GroupBy(c => c.Holder!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (holder is null) return null;
        return names.TryGetValue(holder, out var name) ? name : "the " + holder;
    }

    /// <summary>"person" → "people", "child" → "children", "boat" → "boats"; "killed:person" reads "people killed".</summary>
    public static string Plural(string noun) => noun switch
    {
        "person" => "people",
        "child" => "children",
        "crew" => "crew members",
        "count" => "counts",
        "man" => "men",
        "woman" => "women",
        _ when noun.EndsWith('y') && noun.Length > 2 && !"aeiou".Contains(noun[^2]) => noun[..^1] + "ies",
        _ when noun.EndsWith('s') || noun.EndsWith("sh") || noun.EndsWith("ch") || noun.EndsWith('x') => noun + "es",
        _ => noun + "s",
    };
}
