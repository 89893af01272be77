using System.Collections.Frozen;
using System.Text;
using Parallax.Analysis.Entities;
using Parallax.Model;

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
        ["Kathryn"] = "Katherine", ["Catherine"] = "Katherine", ["Kathy"] = "Katherine", ["Cathy"] = "Katherine",
        ["Fred"] = "Frederick", ["Freddie"] = "Frederick", ["Walt"] = "Walter", ["Ron"] = "Ronald", ["Don"] = "Donald",
        ["Gene"] = "Eugene", ["Ray"] = "Raymond", ["Tim"] = "Timothy", ["Jerry"] = "Gerald", ["Jon"] = "Jonathan",
        ["Alexis"] = "Alexander", ["Alexandros"] = "Alexander", ["Sasha"] = "Alexander", ["Mick"] = "Michael",
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
            .Where(p => !Suffixes.Contains(p) && !(p.Length == 2 && p[1] == '.') && p.Length > 1)
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

    /// <summary>Words after which a capitalised name is over: what follows places or describes it ("Betty Ford Center
    /// in Rancho Mirage, Calif" names the centre).</summary>
    private static readonly FrozenSet<string> PostModifiers = new[] { "in", "at", "near", "on", "outside", "off", "between", "who", "which", "that" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open a noun phrase before a name whatever their case (headlines write "IN MILLOM").</summary>
    private static readonly FrozenSet<string> LeadingPrepositions = new[] { "the", "in", "at", "near", "from", "to", "into", "across", "outside", "inside", "of", "between", "on" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case particles that belong to a name ("Vincent van Gogh", "Oscar de la Hoya").</summary>
    private static readonly FrozenSet<string> Particles = new[] { "de", "del", "della", "la", "le", "van", "von", "der", "den", "du", "da", "di", "bin", "al", "el", "y" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The name a mention gives, without what surrounds it in a full noun phrase: leading prepositions, determiners,
    /// lower-case descriptions and (for people) titles ("in central Paris" → "Paris", "Attorney Mark Jay Heller" →
    /// "Mark Jay Heller"); a post-modifier ("Promises Treatment Center in Malibu, California" → "Promises Treatment
    /// Center"); a bracketed or quoted nickname ("Vincent 'The Chin' Gigante" → "Vincent Gigante"); enclosing quotes,
    /// a possessive and a ".com". Mentions from the recogniser are already bare names and pass through unchanged.
    /// </summary>
    public static string CoreName(string surface, EntityType type)
    {
        var s = JoinPeriods(Normalize(surface));
        s = RemoveEnclosed(s, out _);
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // Cut at a comma or a post-modifier once a capitalised word has been seen.
        bool seenName = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (seenName && (w == "," || PostModifiers.Contains(w) || (w.EndsWith(',') && i > 0)))
            {
                if (w.EndsWith(',') && w.Length > 1) words[i] = w[..^1]; else i--;
                words.RemoveRange(i + 1, words.Count - i - 1);
                break;
            }
            if (w.Length > 0 && char.IsUpper(w[0])) seenName = true;
        }
        // Drop what comes before the name: lower-case words that are not name particles, "The", and people's titles.
        int start = 0;
        while (start < words.Count - 1)
        {
            var w = words[start];
            bool lower = w.Length > 0 && !char.IsUpper(w[0]) && !(Particles.Contains(w) && start + 1 < words.Count && char.IsUpper(words[start + 1][0]));
            bool title = type is EntityType.Person or EntityType.Other && (EntityLexicon.PersonTitles.Contains(w) || w is "Mr" or "Mrs" or "Ms" or "Dr");
            bool preposition = LeadingPrepositions.Contains(w);
            if (lower || preposition || title) start++;
            else break;
        }
        if (type is EntityType.Person or EntityType.Other)
        {
            // A description before a person's name ends at its last title or lower-case word:
            // "Former AMA trustee Dr. Benjamin" → "Benjamin".
            for (int i = words.Count - 2; i >= start; i--)
            {
                var w = words[i];
                bool lower = w.Length > 0 && char.IsLower(w[0]) && !Particles.Contains(w);
                if (lower || EntityLexicon.PersonTitles.Contains(w)) { start = i + 1; break; }
            }
        }
        // Enclosing quotes and stray punctuation go; a final period stays ("Corp.", "U.S.", "Quarry St.").
        var core = string.Join(' ', words.Skip(start)).Trim('"', '\'', '`', '\u2018', '\u2019', '\u201C', '\u201D', ' ', ',', ':', ';');
        if (core.EndsWith("'s", StringComparison.Ordinal)) core = core[..^2];
        if (core.EndsWith(".com", StringComparison.OrdinalIgnoreCase) && core.Length > 4) core = core[..^4];
        return core.Length > 0 ? core : Normalize(surface);
    }

    /// <summary>A bracketed or quoted word inside a person's name: "Luis Gerardo (Jerry) Ortiz" → "Jerry",
    /// "Vincent 'The Chin' Gigante" → "The Chin". Null when there is none.</summary>
    public static string? Nickname(string surface)
    {
        RemoveEnclosed(JoinPeriods(Normalize(surface)), out var nickname);
        return nickname;
    }

    /// <summary>A comparison key: case, periods, hyphens and British spellings of name heads do not matter
    /// ("SEACOM" = "Seacom", "U.S." = "US", "Centre" = "Center").</summary>
    public static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '.' or '\'' or '\u2019') continue;
            char x = c == '-' ? ' ' : char.ToLowerInvariant(c);
            if (x == ' ' && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(x);
        }
        var key = sb.ToString().TrimEnd().Replace("centre", "center", StringComparison.Ordinal).Replace("theatre", "theater", StringComparison.Ordinal);
        // "Mt Cook" / "Mount Cook", "Ft Worth" / "Fort Worth".
        if (key.StartsWith("mt ", StringComparison.Ordinal)) key = "mount" + key[2..];
        else if (key.StartsWith("ft ", StringComparison.Ordinal)) key = "fort" + key[2..];
        return key;
    }

    /// <summary>Tokenised text writes "U . S ." and "Mr . LaRue"; names write "U.S." and "Mr. LaRue". A title glued to
    /// a name ("Gov.Sarah") is split.</summary>
    private static string JoinPeriods(string s)
    {
        if (!s.Contains('.')) return s;
        s = s.Replace(" .", ".", StringComparison.Ordinal); // "Mr ." → "Mr."
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            // "U. S." → "U.S.": a space between two single-letter initials.
            if (c == ' ' && i >= 2 && s[i - 1] == '.' && char.IsUpper(s[i - 2]) && (i < 3 || !char.IsLetter(s[i - 3]))
                && i + 2 < s.Length && char.IsUpper(s[i + 1]) && s[i + 2] == '.' && (i + 3 == s.Length || s[i + 3] == ' ' || s[i + 3] == '.'))
                continue;
            sb.Append(c);
            // "Gov.Sarah": a period between a short capitalised abbreviation and a capitalised word.
            if (c == '.' && i + 2 < s.Length && char.IsUpper(s[i + 1]) && char.IsLower(s[i + 2]) && i >= 2 && char.IsLetter(s[i - 1]))
            {
                int j = i - 1;
                while (j >= 0 && char.IsLetter(s[j])) j--;
                if (i - 1 - j is >= 2 and <= 4 && char.IsUpper(s[j + 1])) sb.Append(' ');
            }
        }
        return sb.ToString();
    }

    /// <summary>Removes a bracketed part or a quoted part inside the name (not one enclosing the whole name).</summary>
    private static string RemoveEnclosed(string s, out string? enclosed)
    {
        enclosed = null;
        int open = s.IndexOf('(');
        int close = open >= 0 ? s.IndexOf(')', open + 1) : -1;
        if (open < 0 || close < 0)
        {
            foreach (var q in new[] { '"', '\'', '\u2018', '\u201C' })
            {
                open = s.IndexOf(q == '\'' ? " '" : q.ToString(), StringComparison.Ordinal);
                if (open < 0) continue;
                if (q == '\'') open++;
                char qc = q switch { '\u2018' => '\u2019', '\u201C' => '\u201D', _ => q };
                close = s.IndexOf(qc, open + 1);
                if (close > open + 1 && open > 0 && close < s.TrimEnd().Length - 1) break;
                open = close = -1;
            }
        }
        if (open < 0 || close < 0 || close <= open + 1) return s;
        enclosed = s[(open + 1)..close].Trim();
        if (enclosed.Length == 0) enclosed = null;
        return (s[..open].TrimEnd() + " " + s[(close + 1)..].TrimStart()).Trim();
    }

    /// <summary>The initials an acronym for this organisation could use: with the connectors and a leading "The"
    /// skipped, with "The" kept ("The Hollywood Reporter" → "THR"), and with "U.S." as "US" ("USGS").</summary>
    public static IEnumerable<string> InitialsVariants(string name)
    {
        var plain = Initials(name);
        if (plain.Length >= 2) yield return plain;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words[0] is "The" or "U.S." or "US")
        {
            var first = words[0] == "The" ? "T" : "US";
            if ((first + plain).Length >= 2) yield return first + plain;
        }
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
        // One spelling apart on longer names ("Emmanuel" / "Emanuel"); two when the first three letters agree ("Betty" / "Bettie").
        if (a.Length < 5 || b.Length < 5) return false;
        int max = string.Compare(a, 0, b, 0, 3, StringComparison.OrdinalIgnoreCase) == 0 ? 2 : 1;
        return EditDistance(a.ToLowerInvariant(), b.ToLowerInvariant(), max) <= max;
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
