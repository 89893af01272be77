using System.Collections.Frozen;
using System.Text;

namespace Parallax.Stories.Entities;

/// <summary>Name normalisation and comparison used to merge mentions: pure string functions.</summary>
public static class NameForms
{
    private static readonly FrozenSet<string> Suffixes = new[] { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> AcronymSkips = new[] { "of", "and", "for", "the", "The", "&", "U.S.", "on", "de" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Common English nicknames (pairs of first names that name one person).</summary>
    private static readonly FrozenDictionary<string, string> Nicknames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Rick"] = "Richard", ["Rich"] = "Richard", ["Dick"] = "Richard", ["Bob"] = "Robert", ["Rob"] = "Robert",
        ["Bobby"] = "Robert", ["Bill"] = "William", ["Will"] = "William", ["Billy"] = "William", ["Jim"] = "James",
        ["Jimmy"] = "James", ["Mike"] = "Michael", ["Tom"] = "Thomas", ["Tommy"] = "Thomas", ["Joe"] = "Joseph",
        ["Dan"] = "Daniel", ["Danny"] = "Daniel", ["Dave"] = "David", ["Steve"] = "Steven", ["Chris"] = "Christopher",
        ["Matt"] = "Matthew", ["Tony"] = "Anthony", ["Nick"] = "Nicholas", ["Ed"] = "Edward", ["Ted"] = "Edward",
        ["Ken"] = "Kenneth", ["Larry"] = "Lawrence", ["Pat"] = "Patricia", ["Liz"] = "Elizabeth", ["Beth"] = "Elizabeth",
        ["Kate"] = "Katherine", ["Katie"] = "Katherine", ["Jen"] = "Jennifer", ["Jenny"] = "Jennifer", ["Sue"] = "Susan",
        ["Peggy"] = "Margaret", ["Maggie"] = "Margaret", ["Meg"] = "Margaret", ["Sam"] = "Samuel", ["Ben"] = "Benjamin",
        ["Alex"] = "Alexander", ["Andy"] = "Andrew", ["Greg"] = "Gregory", ["Jeff"] = "Jeffrey", ["Geoff"] = "Geoffrey",
        ["Chuck"] = "Charles", ["Charlie"] = "Charles", ["Hank"] = "Henry", ["Jack"] = "John", ["Johnny"] = "John",
        ["Abby"] = "Abigail", ["Becky"] = "Rebecca", ["Vicky"] = "Victoria", ["Sly"] = "Sylvester",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Collapses white space, joins a hyphen split by a stray space ("Millian- Vazquez"), and drops a possessive.</summary>
    public static string Normalize(string surface)
    {
        var sb = new StringBuilder(surface.Length);
        bool space = false;
        foreach (var c in surface)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0 && sb[^1] != '-' && c != '-') sb.Append(' ');
            space = false;
            sb.Append(c == '\u2019' ? '\'' : c);
        }
        var s = sb.ToString();
        if (s.EndsWith("'s", StringComparison.Ordinal)) s = s[..^2];
        return s;
    }

    /// <summary>Name words without initials and suffixes: "Nancy Z. Olivares" → [Nancy, Olivares]; "Emanuel Cleaver II" → [Emanuel, Cleaver].</summary>
    public static string[] PersonParts(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !Suffixes.Contains(p) && !(p.Length == 2 && p[1] == '.'))
            .ToArray();

    /// <summary>Initials of the capitalised words: "Kansas City Police Department" → "KCPD";
    /// "U.S. Immigration and Customs Enforcement" → "ICE".</summary>
    public static string Initials(string name)
    {
        var sb = new StringBuilder();
        foreach (var p in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (!AcronymSkips.Contains(p) && char.IsUpper(p[0])) sb.Append(p[0]);
        return sb.ToString();
    }

    public static bool IsAcronym(string name) =>
        name.Length is >= 2 and <= 8 && !name.Contains(' ') && name.Count(char.IsUpper) >= 2 && name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '.' || c == '&');

    /// <summary>First names that can name one person: equal, a known nickname, an initial, or a prefix of three or
    /// more letters ("Flo" for "Florencio").</summary>
    public static bool FirstNamesCompatible(string a, string b)
    {
        if (a.Equals(b, StringComparison.OrdinalIgnoreCase)) return true;
        if (Canonical(a).Equals(Canonical(b), StringComparison.OrdinalIgnoreCase)) return true;
        if (a.Length >= 3 && b.StartsWith(a, StringComparison.OrdinalIgnoreCase)) return true;
        if (b.Length >= 3 && a.StartsWith(b, StringComparison.OrdinalIgnoreCase)) return true;
        // One spelling apart on longer names: "Emmanuel" / "Emanuel".
        return a.Length >= 5 && b.Length >= 5 && EditDistance(a.ToLowerInvariant(), b.ToLowerInvariant(), 1) <= 1;
    }

    private static string Canonical(string first) => Nicknames.TryGetValue(first, out var full) ? full : first;

    /// <summary>Surnames that are one spelling apart: one or two edits on names of six letters or more
    /// ("Millan-Vazquez" / "Millian-Vazquez"), none on shorter ones (so "Boyd" and "Byrd" stay two).</summary>
    public static bool SurnamesMatch(string a, string b)
    {
        if (a.Equals(b, StringComparison.OrdinalIgnoreCase)) return true;
        int len = Math.Min(a.Length, b.Length);
        if (len < 6) return false;
        int max = len >= 10 ? 2 : 1;
        return EditDistance(a.ToLowerInvariant(), b.ToLowerInvariant(), max) <= max;
    }

    /// <summary>Levenshtein distance with an early exit above <paramref name="max"/> (banded, O(n·max)).</summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
