using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>What happened to the things a count counts, where the sentence says so with a common news verb.</summary>
public enum CountOutcome : byte { None, Died, Injured, Arrested, Displaced, Missing, Rescued, Hospitalized, Shot, Destroyed, Damaged }

/// <summary>
/// Reads what a count of people or things is a count of by its verb: "five people died", "injuring at least five
/// people", "10 houses were damaged". Casualty figures are the numbers outlets most often disagree on, and the same
/// story gives several ("24 people dead and 249 people injured"); two counts with different outcomes are never one fact,
/// whatever their shared noun. A closed list of verb forms, not a parser: a count whose verb is not listed keeps
/// <see cref="CountOutcome.None"/> and is grouped as before.
/// </summary>
public static class CountOutcomes
{
    private static readonly FrozenDictionary<string, CountOutcome> Forms = Build();
    private static readonly FrozenDictionary<string, CountOutcome>.AlternateLookup<ReadOnlySpan<char>> FormOf =
        Forms.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, CountOutcome> Build()
    {
        var d = new Dictionary<string, CountOutcome>(StringComparer.OrdinalIgnoreCase);
        void Add(CountOutcome o, params string[] words) { foreach (var w in words) d[w] = o; }
        Add(CountOutcome.Died, "killed", "kill", "kills", "killing", "died", "die", "dies", "dying", "dead", "perished", "slain",
            "drowned", "executed", "murdered", "murdering", "slaying", "deaths", "fatalities", "lives");
        Add(CountOutcome.Injured, "injured", "injure", "injures", "injuring", "hurt", "hurting", "wounded", "wounding", "wounds",
            "injuries", "casualties");
        Add(CountOutcome.Hospitalized, "hospitalized", "hospitalised", "hospitalizing");
        Add(CountOutcome.Shot, "shot", "shooting", "shoot");
        Add(CountOutcome.Destroyed, "destroyed", "destroying", "flattened", "flattening", "leveled", "levelled", "leveling", "razed");
        Add(CountOutcome.Damaged, "damaged", "damaging");
        Add(CountOutcome.Arrested, "arrested", "arrest", "arresting", "detained", "detaining", "captured", "capturing", "jailed", "nabbed");
        Add(CountOutcome.Displaced, "evacuated", "evacuating", "evacuate", "displaced", "fled", "homeless", "evicted");
        Add(CountOutcome.Missing, "missing", "unaccounted");
        Add(CountOutcome.Rescued, "rescued", "rescuing", "saved", "survived", "survivors");
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    // Words skipped between a count and its verb: auxiliaries and common adverbs ("were reportedly killed").
    private static readonly FrozenSet<string> Skippable = new[]
    {
        "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "got", "get", "reportedly", "also", "later",
        "all", "each", "both", "initially", "officially", "confirmed", "believed", "feared", "left", "seriously", "critically",
        "badly", "severely", "slightly", "fatally", "now", "still", "so", "far", "to", "may", "might", "reported", "thought",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Skip = Skippable.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The outcome the count's clause gives it: the verb after it (subject) or, failing that, right before it (object).</summary>
    public static CountOutcome Of(string text, in Quantity q)
    {
        if (q.Kind != QuantityKind.Count) return CountOutcome.None;
        int i = q.End;
        for (int words = 0; words < 6; words++)
        {
            var w = NextWord(text, i, out int next);
            if (w.IsEmpty) break;
            if (FormOf.TryGetValue(w, out var outcome)) return Refine(text, next, outcome);
            if (IsTakenToHospital(text, w, next)) return CountOutcome.Hospitalized;
            // "a deputy who was murdered": a relative pronoun before a passive auxiliary ("who killed" is the doer).
            if (words == 0 && (w is "who" or "that") && NextWord(text, next, out _) is "was" or "were" or "is" or "are") { i = next; continue; }
            // "a climber fell to his death", "plunged to her death".
            if (!Skip.Contains(w)) { if (NextWord(text, next, out int to) is "to" && NextWord(text, to, out int his) is "his" or "her" or "their" && NextWord(text, his, out _) is "death") return CountOutcome.Died; break; }
            i = next;
        }
        int j = q.Start;
        for (int words = 0; words < 2; words++)
        {
            var w = PreviousWord(text, j, out int previous);
            if (w.IsEmpty) break;
            if (FormOf.TryGetValue(w, out var outcome)) return outcome == CountOutcome.Shot && Follows(text, q.End, "dead") ? CountOutcome.Died : outcome;
            // "the deaths of two women", "the bodies of two women", "the slayings of two women".
            if (words == 0 && w.Equals("of", StringComparison.OrdinalIgnoreCase) && DeathNoun.Contains(PreviousWord(text, previous, out _)))
                return CountOutcome.Died;
            if (!Skip.Contains(w)) break;
            j = previous;
        }
        return CountOutcome.None;
    }

    private static readonly FrozenSet<string> DeathNouns = new[] { "deaths", "death", "bodies", "slayings", "murders", "killings" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeathNoun = DeathNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"shot dead", "shot and killed", "shot to death" are deaths, not woundings.</summary>
    private static CountOutcome Refine(string text, int after, CountOutcome outcome)
    {
        if (outcome != CountOutcome.Shot) return outcome;
        var w = NextWord(text, after, out int next);
        if (w.Equals("dead", StringComparison.OrdinalIgnoreCase)) return CountOutcome.Died;
        if (w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            var v = NextWord(text, next, out _);
            if (v.Equals("killed", StringComparison.OrdinalIgnoreCase) || v.Equals("death", StringComparison.OrdinalIgnoreCase)) return CountOutcome.Died;
        }
        return outcome;
    }

    private static bool Follows(string text, int at, string word)
    {
        var w = NextWord(text, at, out _);
        return w.Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"were taken to the hospital", "rushed to hospital".</summary>
    private static bool IsTakenToHospital(string text, ReadOnlySpan<char> w, int next)
    {
        if (!(w.Equals("taken", StringComparison.OrdinalIgnoreCase) || w.Equals("rushed", StringComparison.OrdinalIgnoreCase)
              || w.Equals("transported", StringComparison.OrdinalIgnoreCase) || w.Equals("airlifted", StringComparison.OrdinalIgnoreCase))) return false;
        var to = NextWord(text, next, out int n2);
        if (!to.Equals("to", StringComparison.OrdinalIgnoreCase)) return false;
        var x = NextWord(text, n2, out int n3);
        if (x.Equals("the", StringComparison.OrdinalIgnoreCase) || x.Equals("a", StringComparison.OrdinalIgnoreCase) || x.Equals("area", StringComparison.OrdinalIgnoreCase)) x = NextWord(text, n3, out _);
        return x.StartsWith("hospital", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The next word after <paramref name="i"/> within the clause (stops at punctuation other than a hyphen).</summary>
    private static ReadOnlySpan<char> NextWord(string text, int i, out int end)
    {
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        int start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '-')) i++;
        end = i;
        return text.AsSpan(start, i - start);
    }

    private static ReadOnlySpan<char> PreviousWord(string text, int j, out int start)
    {
        while (j > 0 && text[j - 1] is ' ' or '\t') j--;
        int end = j;
        while (j > 0 && (char.IsLetter(text[j - 1]) || text[j - 1] == '-')) j--;
        start = j;
        return text.AsSpan(j, end - j);
    }
}
