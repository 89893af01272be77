using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Facts;

/// <summary>
/// Numbers in the ways reports write them besides "25 minutes": a unit or currency written onto the digits ("48km",
/// "euro110 billion"), a currency sign the text lost ("? 110 billion"), a decimal or compound a tokeniser spaced out
/// ("22 . 4bn", "15 , 800 - square - metre"), speeds and areas, and counts whose noun comes after a coordination of
/// peoples ("23 Somali and Yemeni pirates") or a spaced compound ("three co - workers").
/// </summary>
internal sealed partial class QuantityExtractor
{
    /// <summary>The ISO 4217 code for "no currency": an amount whose sign the text lost ("? 110 billion"). It is still a sum
    /// of money, but never the same unit as a named currency.</summary>
    internal const string UnknownCurrency = "XXX";

    private static readonly UnitDef KilometrePerHour = new(QuantityKind.Other, 1 / 1.609344, "mph", "mph");

    /// <summary>How many characters of a currency are written onto the digits: "euro110" (AP's way of writing €110) or a
    /// run of replacement characters where a sign was lost ("\uFFFD\uFFFD110"); null when none.</summary>
    private static int? GluedCurrency(ReadOnlySpan<char> w)
    {
        int k = 0;
        while (k < w.Length && w[k] == '\uFFFD') k++;
        if (k > 0) return k < w.Length && char.IsAsciiDigit(w[k]) ? k : null;
        return w.Length > 4 && w.StartsWith("euro", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(w[4]) ? 4 : null;
    }

    /// <summary>A glued currency with no scale after it ("euro345 a month", "\uFFFD20.50") is money only by the same rule as
    /// a detached lost sign: a run of replacement characters may be a lost quote mark ("\uFFFD24 hours\uFFFD"), so it
    /// counts only with a decimal; "euro" counts unless its number is a year ("Euro2016", the tournament). Neither
    /// counts when a unit follows ("24 hours").</summary>
    private bool GluedMoney(in Hit hit)
    {
        if (hit.Last + 1 < n && !words[hit.Last].BreakAfter && lex[hit.Last + 1].Unit is { Kind: not QuantityKind.Money })
            return false;
        bool whole = hit.Value == Math.Floor(hit.Value);
        if (hit.Currency == UnknownCurrency) return !whole;
        return !(whole && hit.Value is >= 1900 and < 2100);
    }

    /// <summary>A currency sign the text lost, standing alone one space before the number ("an ? 110 billion bailout"): a
    /// "?" or a replacement character between spaces (the caller keeps it only before a scale). Its currency is unknown.</summary>
    private string? MangledSign(int start)
    {
        if (start < 3 || text[start - 1] != ' ' || text[start - 2] is not ('?' or '\uFFFD') || text[start - 3] != ' ') return null;
        return UnknownCurrency;
    }

    /// <summary>"48km", "70kg", "24hrs": digits with a unit's abbreviation or name written onto them (not money, and not a
    /// single letter: "5m" may be millions).</summary>
    private static (UnitDef Unit, double Value)? GluedUnit(ReadOnlySpan<char> w)
    {
        int k = 0;
        while (k < w.Length && (char.IsAsciiDigit(w[k]) || w[k] is '.' or ',')) k++;
        if (k == 0 || w.Length - k < 2 || !IsAllLetters(w[k..])) return null;
        if (QuantityLexicon.Get(w[k..]).Unit is not { } unit || unit.Kind == QuantityKind.Money) return null;
        return NumberParser.TryParseNumeral(w[..k], out var value) ? (unit, value) : null;
    }

    /// <summary>"a 9mm pistol", "a 9-millimeter handgun", ".22 inch rifle": a calibre before a weapon or its ammunition
    /// names the weapon, it is no distance.</summary>
    private bool IsCalibre(UnitDef unit, int u)
    {
        if (unit.Name is not ("millimeter" or "inch") || words[u].BreakAfter || u + 1 >= n) return false;
        int j = u + 1;
        if (j + 1 < n && !words[j].BreakAfter && (Is(j, "semi-automatic") || Is(j, "semiautomatic") || Is(j, "automatic") || Is(j, "caliber")
            || Is(j, "calibre"))) j++;
        var w = W(j);
        foreach (var weapon in WeaponNouns)
            if (w.Equals(weapon, StringComparison.OrdinalIgnoreCase) || w.Length == weapon.Length + 1 && (w[^1] is 's' or 'S') && w.StartsWith(weapon, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    private static readonly string[] WeaponNouns =
        ["pistol", "handgun", "rifle", "gun", "shotgun", "revolver", "round", "bullet", "shell", "ammunition", "cartridge", "weapon", "howitzer", "mortar", "cannon"];

    /// <summary>"22 . 4bn", "22 . 4 billion": a decimal a tokeniser spaced out, read only where money or a scale makes it
    /// a decimal rather than two sentences.</summary>
    private void SpacedDecimal(ref Hit hit, ref double value)
    {
        int l = hit.Last;
        if (!Gap(l, " . ") || l + 1 >= n) return;
        var next = W(l + 1);
        int d = 0;
        while (d < next.Length && char.IsAsciiDigit(next[d])) d++;
        if (d == 0 || d > 3) return;
        var suffix = next[d..];
        double scale = suffix switch { "" => 1, "bn" or "b" => 1e9, "m" => 1e6, "tn" => 1e12, _ => 0 };
        if (scale == 0) return;
        bool scaleWord = suffix.IsEmpty && l + 2 < n && !words[l + 1].BreakAfter && lex[l + 2].Is(WordClass.Scale) && !Is(l + 2, "dozen");
        if (hit.Currency is null && suffix.IsEmpty && !scaleWord) return;
        double fraction = int.Parse(next[..d], System.Globalization.CultureInfo.InvariantCulture) / Math.Pow(10, d);
        value = hit.Value + fraction;
        if (scale > 1)
        {
            hit.Mantissa = value;
            value *= scale;
        }
        hit.Value = value;
        hit.Last = l + 1;
    }

    /// <summary>A speed after a length unit ("193km / h", "120 miles per hour", "60 kilometres an hour"): the index of
    /// its last word, else -1.</summary>
    private int PerHour(int u)
    {
        if (words[u].BreakAfter || u + 1 >= n) return -1;
        if (W(u + 1) is "/" && Is(u + 2, "h") || W(u + 1) is "/h" or "/hr") return W(u + 1).Length == 1 ? u + 2 : u + 1;
        if ((Is(u + 1, "per") || Is(u + 1, "an") || Is(u + 1, "a")) && Is(u + 2, "hour")) return u + 2;
        return -1;
    }

    /// <summary>"170,000-square-foot", "15 , 800 - square - metre", "2,000 square feet": the length unit an area is
    /// squared from, when <paramref name="square"/> is "square"; else null.</summary>
    private static UnitDef? SquareOf(ReadOnlySpan<char> square, ReadOnlySpan<char> unit)
    {
        if (!square.Equals("square", StringComparison.OrdinalIgnoreCase)) return null;
        return QuantityLexicon.Get(unit).Unit is { Kind: QuantityKind.Length } length
            ? new UnitDef(QuantityKind.Other, length.Factor * length.Factor, "m2", "square " + length.Name)
            : null;
    }

    /// <summary>"23 pirates ( 12 Somali and 11 Yemeni )": inside brackets right after a count, a number and a people's
    /// name break that count down; each part counts its people ("12 Somali" = 12 Somalis) under the count's noun. The
    /// second part follows the first after "and" or a comma.</summary>
    private bool TryBreakdown(in Hit hit, int start, Qualifier qualifier, bool nearly, List<Quantity> output, out int resume)
    {
        resume = hit.Last + 1;
        int j = hit.Last + 1;
        if (output.Count == 0 || j >= n || hit.Value < 1 || !double.IsNaN(hit.High) || !words[j].Has(WordMarks.Capitalized)
            || words[j].Has(WordMarks.HasDigit) || lex[j].Class != WordClass.None || !IsAllLetters(W(j)) || W(j).Length < 4) return false;
        var before = output[^1];
        var between = text.AsSpan(before.End, words[hit.First].Start - before.End).Trim(' ');
        bool opens = between is "(" && before.Kind == QuantityKind.Count && before.Unit != "person" || between is "," or "and" && before.End == breakdownEnd;
        if (!opens) return false;
        string about = between is "(" ? before.About : breakdownAbout!;
        Emit(output, hit, start, words[j].End, QuantityKind.Count, 1, Lemmas.Lower(W(j)), about, qualifier, nearly);
        breakdownEnd = words[j].End;
        breakdownAbout = about;
        resume = j + 1;
        return true;
    }

    /// <summary>"can only be declared valid with a turnout of more than 50 percent", "needs at least 60 percent": a bound a
    /// rule sets, not a share anyone measured. An open bound with a word of requirement in the ten words before it.</summary>
    private bool IsThreshold(int first, Qualifier qualifier)
    {
        if (qualifier is not (Qualifier.MoreThan or Qualifier.AtLeast or Qualifier.LessThan or Qualifier.AtMost)) return false;
        for (int k = first - 1, steps = 0; k >= 0 && steps < 10; k--, steps++)
        {
            if (words[k].Has(WordMarks.StopAfter) || words[k].Has(WordMarks.ClauseAfter)) return false;
            if (Is(k, "only") && RuleOnly(k) || Is(k, "must") || Is(k, "need") || Is(k, "needs") || Is(k, "needed") || Is(k, "require")
                || Is(k, "requires") || Is(k, "required") || Is(k, "threshold") || Is(k, "minimum")) return true;
        }
        return false;
    }

    /// <summary>"can only be declared valid with a turnout of", "only candidates with at least 15 percent win delegates":
    /// a bare "only" restricts by a rule; "the only candidate with more than 50 percent support", after a determiner or a
    /// possessive, picks one thing out by a measured share.</summary>
    private bool RuleOnly(int k) =>
        !(k > 0 && (Is(k - 1, "the") || Is(k - 1, "an") || Is(k - 1, "its") || Is(k - 1, "his") || Is(k - 1, "her")
                    || Is(k - 1, "their") || Is(k - 1, "our") || Is(k - 1, "whose")));

    private int breakdownEnd = -1;
    private string? breakdownAbout;

    /// <summary>"Somali and Yemeni", "Somalian or Yemeni": a coordination of two capitalised modifiers inside a counted
    /// phrase ("23 Somali and Yemeni pirates"), at word <paramref name="k"/> (the "and").</summary>
    private bool CoordinatedModifiers(int k, int j) =>
        k > j && (Is(k, "and") || Is(k, "or")) && k + 1 < n && !words[k - 1].BreakAfter && !words[k].BreakAfter
        && PeopleWord(k - 1) && PeopleWord(k + 1);

    private bool PeopleWord(int k) =>
        words[k].Has(WordMarks.Capitalized) && !words[k].Has(WordMarks.HasDigit) && lex[k].Class == WordClass.None && IsAllLetters(W(k));

    /// <summary>"three former co - workers": a compound noun a tokeniser spaced at its hyphen, at word <paramref name="k"/>
    /// (a short first part that is no noun of its own: "five young men - sons of …" is a dash between phrases). Returns
    /// the plural second part's index, else -1.</summary>
    private int SpacedNoun(int k) =>
        k + 1 < n && IsLower(k) && W(k).Length <= 3 && !heads.IsPluralNoun(k) && Gap(k, " - ") && heads.IsPluralNoun(k + 1) && IsLower(k + 1) ? k + 1 : -1;
}
