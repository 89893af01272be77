using System.Collections.Frozen;

namespace Parallax.Analysis.Text;

/// <summary>
/// Words that take a period without ending a sentence. Lists are data: titles come from US newsroom style
/// (AP Stylebook abbreviations for titles, months and states); kept without the period. Some abbreviations are
/// also ordinary words ("ill", "miss", "no", "p"), so each list says when it applies: titles and common
/// abbreviations always, months and states only capitalised ("Springfield, Ill." but "he was ill."), and number
/// prefixes only before a number ("No. 5", "p. 12" but "she said no.").
/// </summary>
public static class Abbreviations
{
    /// <summary>Titles and honorifics: a period after these never ends a sentence (a name follows).</summary>
    public static readonly FrozenSet<string> Titles = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "sgt", "lt", "capt", "cpl", "pvt", "col", "gen", "maj",
        "adm", "cmdr", "det", "insp", "supt", "gov", "sen", "rep", "atty", "rev", "fr", "hon", "pres",
        "ald", "amb", "msgr", "ofc", "cmsr", "mme", "mlle", "messrs", "mmes",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations that usually continue the sentence, in any case ("vs.", "e.g.", "approx.").</summary>
    public static readonly FrozenSet<string> Common = new[]
    {
        "vs", "v", "etc", "approx", "dept", "est", "inc", "corp", "co", "ltd", "llc", "bros", "ave",
        "blvd", "rd", "ft", "mt", "al", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c", "ca", "cf", "viz",
        "ibid", "eds", "cca", "div", "b", "c", "d", "m",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Months and US states (AP style): abbreviations only when capitalised, since several are words.</summary>
    public static readonly FrozenSet<string> Capitalized = new[]
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
        "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
        "vt", "wash", "wis", "wyo",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations that stand before a number ("No. 5", "p. 12", "Fig. 3", "Vol. 2").</summary>
    public static readonly FrozenSet<string> NumberPrefixes = new[]
    {
        "no", "nos", "p", "pp", "fig", "figs", "vol", "vols", "ch", "sec", "art", "op", "nr", "tel",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations that belong inside a sentence ("e.g.", "vs.", "c. 1580"): like titles, a period after
    /// them never ends one. Case-sensitive, because "C." and "V." are also initials or grades that can end one.</summary>
    public static readonly FrozenSet<string> MidSentence = new[]
    {
        "e.g", "E.g", "i.e", "I.e", "cf", "Cf", "viz", "vs", "Vs", "v", "ca", "c", "cca", "approx", "Approx",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Abbreviations that often close a sentence themselves ("… and so on, etc. Then"), so any capitalised
    /// word after them starts a new one.</summary>
    public static readonly FrozenSet<string> OftenFinal = new[] { "etc", "inc", "ltd", "llc", "co", "corp", "bros" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup =
        Titles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonLookup =
        Common.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CapitalizedLookup =
        Capitalized.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberPrefixLookup =
        NumberPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MidLookup =
        MidSentence.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FinalLookup =
        OftenFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a title ("Sgt", "Dr"), given without its period.</summary>
    public static bool IsTitle(ReadOnlySpan<char> word) => TitleLookup.Contains(word);

    /// <summary>True for a title or an abbreviation that never ends a sentence ("Sgt", "e.g", "vs").</summary>
    public static bool NeverEndsSentence(ReadOnlySpan<char> word) => TitleLookup.Contains(word) || MidLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> (without its period) is an abbreviation in any context.</summary>
    public static bool IsKnown(ReadOnlySpan<char> word) =>
        TitleLookup.Contains(word) || CommonLookup.Contains(word)
        || (word.Length > 0 && char.IsUpper(word[0]) && CapitalizedLookup.Contains(word));

    /// <summary>True when <paramref name="word"/> is an abbreviation that needs a number after it ("No", "pp").</summary>
    public static bool IsNumberPrefix(ReadOnlySpan<char> word) => NumberPrefixLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> is an abbreviation that often ends a sentence ("etc", "Inc").</summary>
    public static bool IsOftenFinal(ReadOnlySpan<char> word) => FinalLookup.Contains(word);
}
