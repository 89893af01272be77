using System.Collections.Frozen;

namespace Parallax.Analysis.Text;

/// <summary>
/// Words that take a period without ending a sentence. Lists are data: titles come from US newsroom style
/// (AP Stylebook abbreviations for titles, months and states); kept lower-case without the period.
/// </summary>
public static class Abbreviations
{
    /// <summary>Titles and honorifics: a period after these never ends a sentence (a name follows).</summary>
    public static readonly FrozenSet<string> Titles = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "sgt", "lt", "capt", "cpl", "pvt", "col", "gen", "maj",
        "adm", "cmdr", "det", "insp", "supt", "gov", "sen", "rep", "atty", "rev", "fr", "hon", "pres", "supt",
        "ald", "amb", "msgr", "ofc", "cmsr",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Other abbreviations that usually continue the sentence (months, states, "vs.", "No.").</summary>
    public static readonly FrozenSet<string> Common = new[]
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
        "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
        "vt", "wash", "wis", "wyo",
        "vs", "v", "no", "nos", "etc", "approx", "dept", "est", "inc", "corp", "co", "ltd", "llc", "bros", "ave",
        "blvd", "rd", "ft", "mt", "fig", "al", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup =
        Titles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonLookup =
        Common.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTitle(ReadOnlySpan<char> word) => TitleLookup.Contains(word);
    public static bool IsKnown(ReadOnlySpan<char> word) => TitleLookup.Contains(word) || CommonLookup.Contains(word);
}
