using System.Collections.Frozen;

namespace Parallax.Ingest.Metadata;

/// <summary>
/// Decides whether a run of capitalised words names a news outlet, and trims it to the outlet part.
/// A name counts when its last word is a media word ("News", "Times", "Post"…), a broadcast call sign with a channel
/// ("KCTV5", "WDAF-TV"), a network acronym ("CNN"), one of a few outlets whose names carry no media word
/// ("Politico"), contains "news" ("Newsweek"), or when it is "The X" ("The Hill") and X is not an institution.
/// People's names never qualify, which is what keeps "told Smith" from making Smith an outlet.
/// </summary>
internal static class OutletNames
{
    /// <summary>Words that end outlet names. From US and UK newspaper, magazine and broadcaster names.</summary>
    private static readonly FrozenSet<string> MediaWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "News", "Times", "Post", "Journal", "Herald", "Tribune", "Press", "Daily", "Gazette", "Chronicle", "Magazine",
        "Radio", "TV", "Television", "Network", "Channel", "Broadcasting", "Wire", "Today", "Reporter", "Review",
        "Monitor", "Observer", "Guardian", "Telegraph", "Independent", "Examiner", "Inquirer", "Enquirer", "Dispatch",
        "Courier", "Sentinel", "Register", "Bulletin", "Standard", "Star", "Sun", "Mirror", "Express", "Globe",
        "Ledger", "Leader", "Citizen", "Mercury", "Advocate", "Insider", "Beast", "Weekly", "Digest", "Statesman",
        "Intelligencer", "Report", "Constitution", "Democrat", "Republic", "Online");

    /// <summary>Network and agency acronyms, and outlets whose names have no media word.</summary>
    private static readonly FrozenSet<string> KnownOutlets = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "CNN", "NBC", "ABC", "CBS", "NPR", "PBS", "BBC", "MSNBC", "CNBC", "AP", "AFP", "UPI", "ESPN", "CBC", "ITV", "WSJ",
        "Politico", "Axios", "Reuters", "Bloomberg", "Forbes", "Vox", "Slate", "Salon", "BuzzFeed", "HuffPost",
        "Mediaite", "Deadline", "Variety", "TMZ", "Yahoo", "Vice", "Fortune", "Wired", "Mashable", "Gizmodo");

    /// <summary>Words of institutions, which "The X" must not contain ("a statement to The Department …").</summary>
    private static readonly FrozenSet<string> Institutions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "Department", "Police", "Office", "Agency", "Court", "Council", "Board", "Committee", "University",
        "Administration", "Ministry", "Government", "Sheriff", "Company", "Corporation", "Inc", "Association",
        "Center", "Service", "Services", "Commission", "Senate", "House", "Congress", "Party", "Union", "Hospital",
        "School", "County", "City", "State", "Mayor", "President", "Governor", "Bureau", "Army", "Navy");

    /// <summary>Capitalised words that start sentences or clauses and so precede a name without being part of it.</summary>
    private static readonly FrozenSet<string> LeadingNoise = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "On", "In", "At", "As", "But", "And", "Or", "So", "When", "After", "Before", "Also", "Then", "Meanwhile",
        "However", "Later", "Earlier", "Today", "Yesterday", "Last", "This", "That", "Since", "While", "If",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December");

    /// <summary>
    /// Normalises a captured name: drops leading clause words (for names captured before a verb), possessive "'s",
    /// and trailing words after the last media word. Returns null when no outlet name remains.
    /// </summary>
    public static string? Normalize(string captured, bool trimLeading)
    {
        var words = captured.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int first = 0;
        if (trimLeading)
        {
            while (first < words.Length - 1 && LeadingNoise.Contains(words[first])) first++;
        }
        int count = words.Length - first;
        if (count == 0 || count > 5) return null;
        var w = words.AsSpan(first, count).ToArray();
        w[^1] = StripPossessive(w[^1]);

        bool leadingThe = w[0] == "The";
        // Longest prefix ending in an outlet head ("Newsweek ICE …" → "Newsweek").
        for (int n = w.Length; n >= 1; n--)
        {
            var last = StripPossessive(w[n - 1]);
            if (leadingThe && n == 1) break;
            if (IsHead(last))
            {
                w[n - 1] = last;
                return string.Join(' ', w, 0, n);
            }
        }
        // "The Hill", "The Guardian": a two-word "The X" with X not an institution.
        if (leadingThe && w.Length >= 2 && !Institutions.Contains(StripPossessive(w[1])))
            return "The " + StripPossessive(w[1]);
        return null;
    }

    private static bool IsHead(string word)
    {
        if (word.Length == 0) return false;
        if (KnownOutlets.Contains(word) || IsCallSignWithChannel(word)) return true;
        if (word.Contains("news", StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var part in word.Split('-'))
            if (MediaWords.Contains(part)) return true;
        // "KCTV5.com", "Newsweek.com": a site name counts when its stem does.
        int dot = word.IndexOf(".com", StringComparison.OrdinalIgnoreCase);
        return dot > 0 && IsHead(word[..dot]);
    }

    /// <summary>US call signs start with K or W; with a channel number or -TV suffix they cannot be an agency acronym
    /// (a bare "KCPD" could be).</summary>
    private static bool IsCallSignWithChannel(ReadOnlySpan<char> w)
    {
        if (w.Length < 4 || w[0] is not ('K' or 'W')) return false;
        int letters = 1;
        while (letters < w.Length && char.IsAsciiLetterUpper(w[letters])) letters++;
        if (letters is < 3 or > 4) return false;
        var rest = w[letters..];
        if (rest.Length is >= 1 and <= 2 && rest.ContainsAnyExceptInRange('0', '9') is false) return true;
        return rest is "-TV" or "-DT";
    }

    private static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith('\'') || word.EndsWith('’') ? word[..^1]
        : word;

    /// <summary>True when the word sequence of <paramref name="shorter"/> starts <paramref name="longer"/>
    /// ("KCTV5" and "KCTV5 News"), compared case-insensitively.</summary>
    public static bool IsWordPrefix(string shorter, string longer) =>
        longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase)
        && (longer.Length == shorter.Length || longer[shorter.Length] == ' ');
}
