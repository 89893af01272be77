using System.Collections.Frozen;
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
    /// <summary>Where the label is read from: the text, the sentence of the fact's head claim and that claim's span.</summary>
    public readonly record struct Source(string Text, TextSpan Sentence, TextSpan Quantity);

    public static string Label(IReadOnlyList<(Quantity Q, string Measure, ClaimMeaning Meaning, string? Predicate, string? Holder)> claims,
        string head, bool measuresObject, IReadOnlyDictionary<string, string> names, Source? source = null)
    {
        // The most common measure among the claims names the fact (ties: the first in text order).
        var best = claims.GroupBy(c => c.Measure, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().First();
        var q = best.Q;
        var s = source is { } at ? new LabelSentence(at.Text, at.Sentence, at.Quantity, (IReadOnlyCollection<string>)names.Values) : null;
        string? who = Holder(claims, names);
        string label = q.Kind switch
        {
            QuantityKind.Count when q.Unit == "time" => Times(head, s),
            QuantityKind.Count => CountLabel(best.Meaning, best.Predicate, s),
            QuantityKind.Age => who is not null ? $"age of {who}" : "age",
            QuantityKind.Duration => Duration(head, measuresObject, who, s),
            QuantityKind.Length => Distance(head, measuresObject, s),
            QuantityKind.Money => Money(head, s),
            QuantityKind.Percent => Percent(head, s),
            QuantityKind.Ordinal => Ordinal(head, s),
            _ when q.Unit == "date" => DateLabel(q.About, s),
            _ => Measured(head, q.Unit, s),
        };
        return best.Meaning.Scope switch
        {
            ClaimScope.Part => label + " (part of a total)",
            ClaimScope.Roundup => label + " (a wider total)",
            ClaimScope.Background => label + " (an earlier event)",
            _ => label,
        };
    }

    // Time words: a duration whose head is one of them says only that time passed.
    private static readonly FrozenSet<string> TimeUnits = new[]
    {
        "second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century", "night", "morning", "morn",
        "evening", "afternoon", "today", "yesterday", "tonight",
    }.ToFrozenSet(StringComparer.Ordinal);

    // People a duration can describe ("a 15-year veteran", "a 20-year member"): the time is their service.
    private static readonly FrozenSet<string> ServiceNouns = new[]
    {
        "veteran", "member", "employee", "officer", "deputy", "staffer", "worker", "career", "agent", "trooper",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Heads that name a prison term ("sentenced to 2 years", "two years in prison").
    private static readonly FrozenSet<string> PrisonHeads = new[] { "sentence", "prison", "jail", "imprisonment", "term" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"how long the jury deliberated", "how long ago she returned", "time spent negotiating", "length of the
    /// video", "length of service of Tom Tennant", "prison sentence for Brian Nichols", "how long".</summary>
    private static string Duration(string head, bool measuresObject, string? who, LabelSentence? s)
    {
        if (PrisonHeads.Contains(head) || s is not null && (s.Follows("in", "prison") || s.Follows("in", "jail") || s.Follows("behind", "bars")))
            return who is null ? "prison sentence" : $"prison sentence for {who}";
        if (ServiceNouns.Contains(head)) return who is null ? "length of service" : $"length of service of {who}";
        if (measuresObject) return $"length of the {Noun(head, s)}";
        if (TimeUnits.Contains(head) || s is null) return "how long";
        int i = s.Find(head);
        if (i < 0 || s.IsNumber(i)) return "how long";
        string? after = s.After;
        // "our field supervisors kept passengers aboard for 40 minutes": the noun is the subject; its verb says what lasted.
        if (!s.IsVerb(i) && s.VerbAfter(i) is >= 0 and var v && s.Clause(v) is { } subjectClause)
            return $"how long {subjectClause}{s.Object(v)}";
        if (!s.IsVerb(i))
        {
            string noun = s.Lower(i);
            return after is "after" or "before" or "since" or "until" ? $"time {after} the {noun}" : $"length of the {noun}";
        }
        string? clause = s.Clause(i);
        var forms = s.Forms(i);
        if (clause is null && VerbForms.Base(s.Word(i)) == "last") clause = "it lasted";
        return (after, clause) switch
        {
            ("ago", { } c) => $"how long ago {c}{s.Object(i)}",
            ("ago", null) => $"time since {(s.IsPassive(i) ? "being " + forms.Participle : forms.Gerund)}{s.Particle(i)}",
            ("later", { } c) => $"how much later {c}",
            ("earlier", { } c) => $"how much earlier {c}",
            ("after" or "before" or "since" or "until", { } c) => $"time {after} {c}",
            (_, { } c) => $"how long {c}{s.Object(i)}",
            _ when s.IsPassive(i) => $"time {forms.Participle}{s.Particle(i)}",
            _ => $"time spent {forms.Gerund}{s.Particle(i)}",
        };
    }

    /// <summary>"number of times", "number of times the officer hit", "number of times it was hit", "number of times
    /// incarcerated".</summary>
    private static string Times(string head, LabelSentence? s)
    {
        if (head == "time" || s is null) return "number of times";
        int i = s.Find(head);
        if (i < 0 || !s.IsVerb(i)) return "number of times";
        if (s.Clause(i) is { } clause) return $"number of times {clause}";
        string participle = s.Forms(i).Participle;
        // "hitting it more than 10 times": the object pronoun is what the verb was done to.
        if (i + 1 < s.Count && s.Word(i + 1) is var o && (o.Equals("it", StringComparison.OrdinalIgnoreCase) || o.Equals("him", StringComparison.OrdinalIgnoreCase)
            || o.Equals("her", StringComparison.OrdinalIgnoreCase) || o.Equals("them", StringComparison.OrdinalIgnoreCase)))
            return $"number of times {Subjective(o)} {(o.Equals("them", StringComparison.OrdinalIgnoreCase) ? "were" : "was")} {participle}";
        return $"number of times {participle}";

        static string Subjective(ReadOnlySpan<char> o) =>
            o.Equals("him", StringComparison.OrdinalIgnoreCase) ? "he" : o.Equals("her", StringComparison.OrdinalIgnoreCase) ? "she"
            : o.Equals("them", StringComparison.OrdinalIgnoreCase) ? "they" : "it";
    }

    /// <summary>"people killed", "number of Yemeni pirates", "number of charges".</summary>
    private static string CountLabel(ClaimMeaning m, string? predicate, LabelSentence? s)
    {
        string noun = m.Noun == "count" ? "charges" : Cased(Plural(m.Noun), s);
        // A modifier is read only where the text capitalises it ("11 Yemeni pirates").
        if (m.Modifier is { Length: > 0 } && noun.StartsWith(m.Modifier, StringComparison.Ordinal))
            noun = char.ToUpperInvariant(noun[0]) + noun[1..];
        return predicate is null ? $"number of {noun}" : $"{noun} {predicate}";
    }

    /// <summary>"which floor", "which boat" ("the second smaller boat"), "how many times so far" ("for the third time").</summary>
    private static string Ordinal(string head, LabelSentence? s)
    {
        if (head == "time") return "how many times so far";
        if (head == "person" || s is null) return $"which {head}";
        int i = s.Find(head);
        if (i < 0) return $"which {Noun(head, s)}";
        int h = s.PhraseHead(i);
        return h == i ? $"which {Noun(head, s)}" : $"which {VerbForms.Singular(s.Word(h))}";
    }

    /// <summary>"length of the pursuit", "how far deputies chased", "distance dragged", "height", "distance".</summary>
    private static string Distance(string head, bool measuresObject, LabelSentence? s)
    {
        if (s is not null && s.NearHeight()) return "height";
        if (measuresObject) return IsUnitWord(head) ? "length" : $"length of the {Noun(head, s)}";
        if (s is null) return "distance";
        int i = s.Find(head);
        if (i < 0 || IsUnitWord(head)) return "distance";
        if (!s.IsVerb(i)) return $"distance to the {s.Lower(i)}";
        string word = s.Lower(i);
        if (word.StartsWith("locat", StringComparison.Ordinal) || word.StartsWith("situat", StringComparison.Ordinal) || word is "based" or "lies" or "sits")
            return "how far away";
        return s.Clause(i) is { } clause ? $"how far {clause}" : $"distance {s.Forms(i).Participle}";
    }

    /// <summary>"amount of the bailout", "amount of money", "value", "amount estimated".</summary>
    private static string Money(string head, LabelSentence? s)
    {
        if (head is "money" or "dollar" or "euro" or "pound" || s is null) return "amount of money";
        if (head is "worth" or "value") return "value";
        if (head is "price" or "cost") return head;
        int i = s.Find(head);
        if (i < 0) return "amount of money";
        if (!s.IsVerb(i)) return $"amount of the {s.Lower(i)}";
        return s.Clause(i) is { } clause ? $"amount {clause}" : $"amount {s.Forms(i).Participle}";
    }

    /// <summary>"percentage", "share of the world", "percentage sustained".</summary>
    private static string Percent(string head, LabelSentence? s)
    {
        if (head == "percent" || s is null) return "percentage";
        int i = s.Find(head);
        if (i < 0) return "percentage";
        if (s.IsVerb(i)) return $"percentage {s.Forms(i).Participle}";
        // "40 percent of the world's oil": a share of what follows; "the county is 43 percent black": a figure for it.
        return i > s.QuantityLast ? $"share of the {s.Lower(i)}" : $"percentage for the {s.Lower(i)}";
    }

    /// <summary>A day tied to its verb: "when Orozco was convicted", "date convicted".</summary>
    private static string DateLabel(string verb, LabelSentence? s)
    {
        if (s is not null && s.Find(verb) is >= 0 and var i && s.Clause(i) is { } clause) return $"when {clause}";
        return $"date {verb}";
    }

    // Units of other measures and the dimension they measure.
    private static string Measured(string head, string unit, LabelSentence? s)
    {
        string dimension = unit switch
        {
            "kg" or "lb" or "t" or "tonne" or "ton" => "weight",
            "mph" or "km/h" or "kph" or "knot" => "speed",
            "degree" or "°" => "degrees",
            _ => unit.Length > 0 ? $"measure in {unit}" : "measure",
        };
        if (s is null || IsUnitWord(head)) return dimension;
        int i = s.Find(head);
        if (i < 0) return dimension;
        return s.IsVerb(i) ? dimension : $"{dimension} of the {s.Lower(i)}";
    }

    private static bool IsUnitWord(string head) => head is "mile" or "kilometer" or "kilometre" or "foot" or "feet" or "metre" or "meter"
        or "yard" or "inch" or "pound" or "degree" or "km" or "kg" or "mph";

    /// <summary>A head noun as a reader wants it: the key, which is already a singular lemma, with its capital when the
    /// sentence prints it with one ("Yemeni").</summary>
    private static string Noun(string head, LabelSentence? s) => Cased(head, s);

    private static string Cased(string words, LabelSentence? s)
    {
        if (s is null) return words;
        var parts = words.Split(' ');
        for (int p = 0; p < parts.Length; p++)
        {
            var part = parts[p];
            // Capitalised mid-sentence on its own ("11 Yemeni pirates", "two Somalis"), not as a word of a name or a
            // title-case line ("Police Department", "Earthquake Jolts"), and never also printed in lower case.
            bool upper = false, lower = false;
            var stem = part.Length > 3 ? part.AsSpan(0, part.Length - 1) : part.AsSpan();
            for (int i = 1; i < s.Count; i++)
            {
                var w = s.Word(i);
                if (!w.StartsWith(stem, StringComparison.OrdinalIgnoreCase) || w.Length > part.Length + 2) continue;
                if (!char.IsUpper(w[0])) lower = true;
                else if (!(i + 1 < s.Count && char.IsUpper(s.Word(i + 1)[0])) && !(i > 1 && char.IsUpper(s.Word(i - 1)[0]))) upper = true;
            }
            if (upper && !lower) parts[p] = char.ToUpperInvariant(part[0]) + part[1..];
        }
        return string.Join(' ', parts);
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
        "personnel" or "police" or "staff" or "people" or "aircraft" or "sheep" or "fish" or "deer" or "cattle" or "equipment" => noun,
        _ when noun.Contains(' ') && noun.LastIndexOf(' ') is var sp => noun[..(sp + 1)] + Plural(noun[(sp + 1)..]),
        _ when noun.EndsWith('y') && noun.Length > 2 && !"aeiou".Contains(noun[^2]) => noun[..^1] + "ies",
        _ when noun.EndsWith('s') || noun.EndsWith("sh") || noun.EndsWith("ch") || noun.EndsWith('x') => noun + "es",
        _ => noun + "s",
    };
}
