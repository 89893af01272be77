using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Analysis.Text;

namespace Parallax.Analysis.Facts;

/// <summary>
/// Counts stated without a digit, the most common facts of crime news: "a man was killed", "killing one person",
/// "the couple were shot dead", "one count of kidnapping"; and numbers that are names or codes, not claims ("Zone 5",
/// "Route 66", "MS 13", "Image 2 of 10").
/// </summary>
internal sealed partial class QuantityExtractor
{
    // People a casualty count can be about, singular.
    private static readonly FrozenSet<string> PersonNouns = new[]
    {
        "man", "woman", "person", "boy", "girl", "teenager", "teen", "child", "officer", "victim", "driver", "pedestrian",
        "worker", "employee", "student", "passenger", "resident", "motorist", "cyclist", "bystander", "deputy", "trooper",
        "soldier", "guard", "civilian", "toddler", "infant", "baby", "youth", "male", "female", "customer", "suspect",
        "climber", "hiker", "skier", "swimmer", "tourist", "doctor", "nurse", "patient", "inmate", "prisoner", "miner",
        "firefighter", "policeman", "policewoman", "pilot", "father", "mother", "son", "daughter", "husband", "wife",
        "brother", "sister", "grandmother", "grandfather", "mountaineer", "sailor", "fisherman", "hunter", "journalist",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonNoun = PersonNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    // What happens to people in the news: a count of people beside one of these is a casualty or legal count.
    private static readonly FrozenSet<string> CasualtyWords = new[]
    {
        "killed", "killing", "kills", "dead", "died", "dies", "shot", "shooting", "stabbed", "stabbing", "slain", "murdered",
        "injured", "injuring", "wounded", "wounding", "hurt", "hospitalized", "hospitalised", "arrested", "detained", "charged",
        "struck", "hit", "drowned", "rescued", "missing",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Casualty = CasualtyWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsCouple(ReadOnlySpan<char> w) => w.Equals("couple", StringComparison.OrdinalIgnoreCase);

    /// <summary>"nobody", "no-one", "noone": a count of no people (with "no" + "one" read by the caller).</summary>
    private static bool IsNobody(ReadOnlySpan<char> w) =>
        w.Equals("nobody", StringComparison.OrdinalIgnoreCase) || w.Equals("no-one", StringComparison.OrdinalIgnoreCase) || w.Equals("noone", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "a man was killed" = 1 killed, "killing one person" = 1, "the couple were shot dead" = 2, "one count of
    /// kidnapping" = 1 count. Only beside a casualty word (or for counts and charges), so "a man said" is not a claim.
    /// Returns the next word to look at when a count was read.
    /// </summary>
    private int? TryZeroDigitCount(int i, List<Quantity> output)
    {
        if (IsNobody(W(i)) || Is(i, "no") && Is(i + 1, "one") && !words[i].BreakAfter)
        {
            // "No-one was injured", "nobody is thought to have been injured": a count of none.
            int last = Is(i, "no") ? i + 1 : i;
            if (words[last].BreakAfter || !NearCasualty(i, last, 6)) return null;
            output.Add(new Quantity(words[i].Start, words[last].End, QuantityKind.Count, 0, 0, 0, "person", "person", Qualifier.Exact));
            return last + 1;
        }
        if (AgedPersonCount(i, output) is int afterNoun) return afterNoun;
        bool one = Is(i, "one"), article = Is(i, "a") || Is(i, "an");
        bool couple = (Is(i, "the") || Is(i, "a") || Words(i, "both", "of", "the")) && i + 1 < n && IsCouple(W(i + 1)) && !Is(i + 2, "of");
        if (!one && !article && !couple) return null;
        if (words[i].BreakAfter) return null;
        if (couple)
        {
            int c = i + 1;
            if (!NearCasualty(i, c)) return null;
            output.Add(new Quantity(words[i].Start, words[c].End, QuantityKind.Count, 2, 2, 2, "person", "person", Qualifier.Exact));
            return c + 1;
        }
        // "one man", "a young man", "a Perth doctor", "a sheriff's deputy", "a 10-year-old girl": up to two modifiers, then the
        // noun. An age modifier stays an age too: the count is read and the age after it still is.
        int k = i + 1;
        bool aged = false;
        for (int mods = 0; mods < 2 && k < n && !PersonNoun.Contains(W(k)) && !Is(k, "count") && !Is(k, "charge") && !words[k].BreakAfter; mods++)
        {
            if (!IsModifier(k, ref aged)) break;
            k++;
            // "sheriff 's deputy": a possessive the tokeniser spaced off is part of the modifier before it.
            if (k < n && Is(k, "s") && words[k].Has(WordMarks.OpenBefore) && !words[k - 1].BreakAfter && !words[k].BreakAfter) k++;
        }
        if (k >= n) return null;
        if (one && (Is(k, "count") || Is(k, "charge")))
        {
            output.Add(new Quantity(words[i].Start, words[k].End, QuantityKind.Count, 1, 1, 1, "count", "count", Qualifier.Exact));
            return k + 1;
        }
        if (!PersonNoun.Contains(W(k)) || words[k].Has(WordMarks.Possessive) || !NearCasualty(i, k, victimOnly: true)) return null;
        // "one of the victims", "a man who was killed" are still one; "one man" after "only" or "every" is not a count here.
        string unit = Lemmas.Singular(W(k));
        // "a 10-year-old girl": the age is read first as its own claim; the count is read at the noun (AgedPersonCount).
        if (aged) return null;
        output.Add(new Quantity(words[i].Start, words[k].End, QuantityKind.Count, 1, 1, 1, unit, unit, Qualifier.Exact));
        return k + 1;
    }

    /// <summary>"a 10-year-old girl killed by a stray bullet" = 1, read at the noun after the age was read as an age, so the
    /// count covers the noun alone and the claims stay in text order without overlapping.</summary>
    private int? AgedPersonCount(int k, List<Quantity> output)
    {
        if (k < 2 || !PersonNoun.Contains(W(k)) || words[k].Has(WordMarks.Possessive) || words[k - 1].BreakAfter || words[k - 2].BreakAfter) return null;
        bool aged = false;
        if (!IsAgeWord(k - 1)) return null;
        int a = k - 2;
        if (!Is(a, "a") && !Is(a, "an") && !Is(a, "one") && (a < 1 || words[a - 1].BreakAfter || !IsModifier(a, ref aged) || aged || !Is(--a, "a") && !Is(a, "an"))) return null;
        if (!NearCasualty(a, k, victimOnly: true)) return null;
        string unit = Lemmas.Singular(W(k));
        output.Add(new Quantity(words[k].Start, words[k].End, QuantityKind.Count, 1, 1, 1, unit, unit, Qualifier.Exact));
        return k + 1;
    }

    private bool IsAgeWord(int k) =>
        W(k).EndsWith("-year-old", StringComparison.OrdinalIgnoreCase) || W(k).EndsWith("-month-old", StringComparison.OrdinalIgnoreCase);

    /// <summary>A word between "a" and the person noun: a lower-case adjective ("young"), a capitalised place or title
    /// ("Perth", "Australian"), a possessive noun ("sheriff's"), or an age ("10-year-old", which sets <paramref name="aged"/>).</summary>
    private bool IsModifier(int k, ref bool aged)
    {
        var w = W(k);
        if (IsAgeWord(k))
        {
            if (aged) return false;
            return aged = true;
        }
        if (words[k].Has(WordMarks.HasDigit)) return false;
        // "off-duty", "well-known": a hyphenated adjective; "two-time" or "three-story" holds a number of its own.
        if (w.IndexOf('-') >= 0 && (!IsLower(k) || (QuantityLexicon.Get(w[..w.IndexOf('-')]).Class & (WordClass.Cardinal | WordClass.Ordinal)) != 0)) return false;
        if (lex[k].Is(WordClass.Stop) || lex[k].Class != WordClass.None && !IsLower(k)) return false;
        if (IsLower(k)) return true;
        // A capitalised word: a place, a nationality or a title, never the first word of a name-like run that ends the phrase.
        return words[k].Has(WordMarks.Capitalized) && w.Length >= 2 && char.IsLetter(w[0]);
    }

    // A bare number beside these is a count of people: "1 dead, 2 hurt", "kills 1, injures 2", "killing one".
    private static readonly FrozenSet<string> CasualtyAfter = new[] { "dead", "hurt", "injured", "wounded", "killed", "die" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> CasualtyBefore = new[]
    {
        "killing", "kills", "killed", "injures", "injuring", "injured", "wounding", "wounds", "wounded", "hurting",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CasualtyAfterWord = CasualtyAfter.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CasualtyBeforeWord = CasualtyBefore.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A number with no noun that a casualty word makes a count of people: "1 dead, 2 hurt" (headline style), "kills 1,
    /// injures 2", "killing one", "injured two others". Only right beside the word, in the same clause, and not a
    /// partitive ("killing one of the"). Returns the next word to look at when a count was read.
    /// </summary>
    private int? TryBareCasualty(in Hit hit, int start, Qualifier qualifier, bool nearly, List<Quantity> output)
    {
        if (hit.Ordinal || hit.Percent || hit.Currency is not null || hit.Value < 1 || hit.Value != Math.Floor(hit.Value) || hit.Value > 100_000) return null;
        int f = hit.First, l = hit.Last, next = l + 1;
        if (f > 0 && Is(f - 1, "of")) return null;   // "mother of 2 dead": the 2 are her children, not the dead
        bool breakAfter = words[l].BreakAfter || next >= n;
        if (!breakAfter && CasualtyAfterWord.Contains(W(next)))
        {
            Emit(output, hit, start, words[l].End, QuantityKind.Count, 1, "person", "person", qualifier, nearly);
            return next;
        }
        if (f == 0 || words[f - 1].BreakAfter || !CasualtyBeforeWord.Contains(W(f - 1))) return null;
        int end = l;
        if (!breakAfter && (Is(next, "others") || Is(next, "more"))) end = next;
        else if (!breakAfter && !Is(next, "and")) return null;   // "killing one of the", "killed 3 people" (a noun: read as a count)
        Emit(output, hit, start, words[end].End, QuantityKind.Count, 1, "person", "person", qualifier, nearly);
        return end + 1;
    }

    private bool Words(int i, string a, string b, string c) => Is(i, a) && Is(i + 1, b) && Is(i + 2, c);

    /// <summary>A casualty word right before the phrase ("killing one man", "killed a woman") or within the next four
    /// words of its clause ("a man was killed", "the couple were shot dead").</summary>
    private bool NearCasualty(int first, int last, int reach = 4, bool victimOnly = false)
    {
        if (first > 0 && !words[first - 1].BreakAfter && Casualty.Contains(W(first - 1))) return true;
        // "shot to death one person", "stabbed to death a man"
        if (first > 2 && Is(first - 1, "death") && Is(first - 2, "to") && !words[first - 1].BreakAfter && Casualty.Contains(W(first - 3))) return true;
        bool auxiliary = false;
        for (int j = last + 1, steps = 0; j < n && steps < reach; j++, steps++)
        {
            if (Casualty.Contains(W(j))) return !victimOnly || !DoesTheHarm(j, auxiliary);
            // "a climber fell to his death", "plunged to her death".
            if (Is(j, "to") && (Is(j + 1, "his") || Is(j + 1, "her") || Is(j + 1, "their")) && (Is(j + 2, "death") || Is(j + 2, "deaths"))) return true;
            // "a man said he was shot": a new subject starts another clause; its casualty is not this person's.
            if (Is(j, "he") || Is(j, "she") || Is(j, "they") || Is(j, "i") || Is(j, "we")) return false;
            auxiliary |= lex[j].Is(WordClass.Auxiliary) || Is(j, "got");
            if (words[j].BreakAfter || words[j - 1].BreakAfter) return false;
        }
        return false;
    }

    /// <summary>The person before the casualty word did it rather than suffered it: "a man suspected of shooting three",
    /// "a man kills", "a man shot to death his girlfriend" (no auxiliary, an object after); "a man was shot", "a woman
    /// killed in the crash", "a man is missing" suffered it.</summary>
    private bool DoesTheHarm(int j, bool auxiliary)
    {
        var w = W(j);
        if (w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !w.Equals("missing", StringComparison.OrdinalIgnoreCase)) return true;
        if (w.Equals("kills", StringComparison.OrdinalIgnoreCase)) return true;
        if (auxiliary || words[j].BreakAfter || j + 1 >= n) return false;
        int k = j + 1;
        return Is(k, "to") || Is(k, "his") || Is(k, "her") || Is(k, "their") || Is(k, "him") || Is(k, "them") || Is(k, "a") || Is(k, "an")
            || Is(k, "the") || Is(k, "and") || words[k].Has(WordMarks.HasDigit) || lex[k].Is(WordClass.Cardinal);
    }

    /// <summary>
    /// A number right after a capitalised word that is not a month, a weekday or a function word names something:
    /// "Zone 5 officers", "Route 66", "Channel 16", "MS 13", "Title 8". "Image 2 of 10" is a caption counter, skipped whole.
    /// </summary>
    private bool IsNameCode(int f, ref Hit hit)
    {
        int p = f - 1;
        if (words[p].BreakAfter || !words[p].Has(WordMarks.Capitalized) || words[p].Has(WordMarks.HasDigit)) return false;
        // "with John 12 weeks ago": a number with a unit after it measures; a name's number stands alone.
        if (hit.Last + 1 < n && !words[hit.Last].BreakAfter && lex[hit.Last + 1].Unit is { Kind: QuantityKind.Duration }) return false;
        var l = lex[p];
        if (l.Class != WordClass.None || W(p).Length < 2 || words[p].Has(WordMarks.Possessive)) return false;
        // "Mendes ' 12-year-old daughter": a possessive apostrophe the tokeniser spaced off is no part of a name code.
        if (text.AsSpan(words[p].End, words[f].Start - words[p].End).IndexOfAny('\'', '\u2019') >= 0) return false;
        if (Is(hit.Last + 1, "of") && hit.Last + 2 < n && words[hit.Last + 2].Has(WordMarks.HasDigit)) hit.Last += 2; // "Image 2 of 10"
        return true;
    }
}
