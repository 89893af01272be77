using System.Globalization;
using System.Text;
using Parallax.Model;

namespace Parallax.Stories.Streaming;

/// <summary>
/// What the streaming clusterer keeps of a document: weighted terms (content words, entity names, places, years) and
/// the day the document is about. Small and serialisable, so a store can keep it and rebuild the clusterer's state
/// without re-analysing any text.
/// </summary>
public sealed record StoryFeatures(IReadOnlyDictionary<string, float> Terms, DateOnly? Day)
{
    /// <summary>Terms kept per document: enough to find and score candidates, small enough to store cheaply (150 scored
    /// better than 60 on ECB+ dev).</summary>
    public const int MaxTerms = 150;

    /// <summary>The lead: a report's first sentences say what happened, where and to whom; the rest is background that
    /// look-alike events share. Words and names there count <see cref="LeadWeight"/> times (3 sentences, ×2, and
    /// names ×3 rather than ×2: ECB+ sub-topic F1 on dev 0.839 → 0.858, on train 0.848 → 0.858).</summary>
    private const int LeadSentences = 3;
    private const float LeadWeight = 2;

    /// <summary>An entity name counts this much more than a word: names carry most of what tells events apart. 2.5
    /// rather than 3 since a referent is one name term (see <see cref="DocumentNames"/>), not one per form it takes:
    /// with main's recognizer ECB+ sub-topic F1 on dev 0.938 → 0.942, on train 0.904 → 0.907 (2 scored lower on train).</summary>
    private const float EntityWeight = 2.5f;

    /// <summary>Features of an analysed document (tokens and entities; times when present).</summary>
    public static StoryFeatures Of(Document doc)
    {
        var counts = new Dictionary<string, float>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[32];
        int leadEnd = doc.Sentences.Length == 0 ? doc.Text.Length : doc.Sentences[Math.Min(LeadSentences, doc.Sentences.Length) - 1].End;
        foreach (var t in doc.Tokens)
        {
            float one = t.Start < leadEnd ? LeadWeight : 1;
            if (t.Kind == TokenKind.Number && t.Length == 4 && IsYear(doc.Text.AsSpan(t.Start, 4)))
            {
                // Years tell look-alike events apart (two trials of one man, two quakes in one region).
                var y = "#" + doc.Text.Substring(t.Start, 4);
                counts[y] = counts.GetValueOrDefault(y) + one;
                continue;
            }
            if (t.Kind != TokenKind.Word || t.Length < 4 || t.Length > 32) continue;
            int len = doc.Text.AsSpan(t.Start, t.Length).ToLowerInvariant(buffer);
            var w = Stem(buffer[..len]);
            if (StopWords.Contains(w)) continue;
            lookup[w] = lookup.TryGetValue(w, out var c) ? c + one : one;
        }
        // One term per referent, whatever its type: recognizers disagree on types more than on names ("Mt Cook" a place
        // in one report and untyped in the next, "Chargers" an organisation or nothing), and a type split one name into
        // two terms that never met. (Terms of stored features may still carry the old "^" of places.)
        var names = DocumentNames.Of(doc);
        foreach (var m in names)
        {
            var key = "@" + m.Name;
            counts[key] = counts.GetValueOrDefault(key) + EntityWeight * (m.Start < leadEnd ? LeadWeight : 1);
        }
        foreach (var q in doc.Quantities)
        {
            // A number with what it counts ("26 pirates", "36-year-old") is an event's fingerprint: look-alike events
            // differ in exactly these.
            if (q.Kind is QuantityKind.Ordinal or QuantityKind.Other || q.About.Length == 0) continue;
            var key = string.Create(CultureInfo.InvariantCulture, $"={q.Value:0.##}:{q.About}");
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        foreach (var t in doc.Times)
            if (t is { Precision: >= DatePrecision.Day, Iso.Length: >= 10 })
            {
                // The days a report names: reports of one event name the same ones.
                var key = "%" + t.Iso[..10];
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        // Keep the strongest terms by count (ties by name, for determinism); 1 + log damps repetition.
        var kept = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(MaxTerms)
            .ToDictionary(kv => kv.Key, kv => 1 + MathF.Log(kv.Value), StringComparer.Ordinal);
        foreach (var key in EventKeys(doc, leadEnd, names)) kept[key] = 1;
        return new StoryFeatures(kept, DayOf(doc));
    }

    /// <summary>Marks a key term: an attribute of the event a report leads with (see <see cref="EventKeys"/>). Key terms
    /// are not words to weigh but values to compare: the clusterer keeps them apart from the term vector.</summary>
    public const char KeyMark = '!';

    /// <summary>Marks a value of a key kind the report names anywhere (lead first): what a conflict is checked against,
    /// so background names ("the 2005 quake") do not count as the event's.</summary>
    public const char MentionMark = '~';

    /// <summary>Mentioned values kept per document.</summary>
    private const int MaxMentionKeys = 40;

    /// <summary>Kinds of key terms, the character after <see cref="KeyMark"/>: year, month-day, weekday, participant (the
    /// last word of a person's or organisation's name) and number (a count, age, sum or share: "5.6", "26"). Places and
    /// orders of magnitude of money were tried as kinds too and changed nothing on ECB+ train and dev.</summary>
    public const string KeyKinds = "#dw@n";

    /// <summary>Marks the principal participant, after <see cref="KeyMark"/> (see <see cref="EventKeys"/>): not a kind
    /// compared value by value but the one participant a story's leads must name for participants to agree. Versions
    /// that do not know it ignore it.</summary>
    public const char PrincipalKind = 'p';

    /// <summary>What a report says about its event itself: when (years, month-days, weekdays), who (the last word of
    /// people's and organisations' names, so "Reggie Bush" and "Bush" meet; and the principal person) and how many, each value marked as named in
    /// the lead or only mentioned. Look-alike events share their words but differ in these, so the clusterer compares them value by
    /// value instead of weighing them as words.</summary>
    private static IEnumerable<string> EventKeys(Document doc, int leadEnd, List<DocumentNames.Named> names)
    {
        var lead = new SortedSet<string>(StringComparer.Ordinal);
        var any = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string value, int at)
        {
            any[value] = any.GetValueOrDefault(value) + 1;
            if (at < leadEnd) lead.Add(value);
        }
        var text = doc.Text;
        foreach (var t in doc.Tokens)
        {
            if (t.Kind == TokenKind.Number && t.Length == 4 && IsYear(text.AsSpan(t.Start, 4))) Add("#" + text.Substring(t.Start, 4), t.Start);
            else if (t.Kind == TokenKind.Word && Weekday(text.AsSpan(t.Start, t.Length)) is { } w) Add("w" + w, t.Start);
        }
        foreach (var x in doc.Times)
        {
            if (x.Precision < DatePrecision.Day) continue;
            if (x.Iso is { Length: >= 10 } iso
                && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                // A full date also names its weekday: "on Wednesday" and "September 17, 2008" can be the same day.
                Add("d" + iso[5..10], x.Start);
                Add("w" + d.DayOfWeek.ToString().ToLowerInvariant(), x.Start);
            }
            else if (MonthDay(doc.Slice(x.Span)) is { } md) Add("d" + md, x.Start);
        }
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in names)
        {
            if (m.Type is not (EntityType.Person or EntityType.Org)) continue;
            var name = m.Name;
            // Any white space: a key is one line of the stored form.
            int space = name.AsSpan().LastIndexOfAny(" \t\r\n\u00a0");
            var participant = "@" + (space < 0 ? name : name[(space + 1)..]);
            Add(participant, m.Start);
            if (m.Type == EntityType.Person) people[participant] = people.GetValueOrDefault(participant) + 1;
        }
        // The principal: the person the report names most, when its lead names them and no one else is named as often
        // (the nominee, not the president who nominates; the arrested player, not his team).
        string? principal = null;
        int most = 0, second = 0;
        foreach (var (p, n) in people)
            if (n > most) { second = most; most = n; principal = p; }
            else if (n > second) second = n;
        if (principal is not null && most > second && lead.Contains(principal)) lead.Add(PrincipalKind + principal[1..]);
        foreach (var q in doc.Quantities)
            if (q.Kind is not (QuantityKind.Ordinal or QuantityKind.Duration) && q.Value > 0)
                Add(string.Create(CultureInfo.InvariantCulture, $"n{q.Value:0.##}"), q.Start);
        // Everything the lead names, and the values the whole text names most (a long report names hundreds).
        var keys = lead.Select(v => KeyMark + v).ToList();
        keys.AddRange(any.OrderByDescending(kv => lead.Contains(kv.Key)).ThenByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(MaxMentionKeys).Select(kv => MentionMark + kv.Key));
        return keys;
    }

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static string? Weekday(ReadOnlySpan<char> word)
    {
        if (word.Length < 6) return null;
        foreach (var w in Weekdays) if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return w;
        return null;
    }

    /// <summary>"March 3", "3 March", "Sept. 17": month and day as "MM-dd" when a date names no year the resolver could use.</summary>
    private static string? MonthDay(string s)
    {
        int month = 0, day = 0;
        foreach (var part in s.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            var p = part.TrimEnd('t', 'h', 's', 'n', 'd', 'r').Length > 0 && char.IsAsciiDigit(part[0]) ? part.TrimEnd('t', 'h', 's', 'n', 'd', 'r') : part;
            if (p.Length <= 2 && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 31) day = n;
            else if (p.Length >= 3 && char.IsLetter(p[0]))
                for (int i = 0; i < Months.Length; i++)
                    if (p.StartsWith(Months[i], StringComparison.OrdinalIgnoreCase)) month = i + 1;
        }
        return month > 0 && day > 0 ? string.Create(CultureInfo.InvariantCulture, $"{month:00}-{day:00}") : null;
    }

    /// <summary>The publication date, else the latest day-precise date the text states (an article reports its event
    /// on or soon after the last day it names).</summary>
    private static DateOnly? DayOf(Document doc)
    {
        if (doc.PublishedDate is { } p) return p;
        DateOnly? best = null;
        foreach (var t in doc.Times)
            if (t is { Precision: >= DatePrecision.Day, Relative: false, Iso.Length: >= 10 }
                && DateOnly.TryParseExact(t.Iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                && (best is null || d > best)) best = d;
        return best;
    }

    private static bool IsYear(ReadOnlySpan<char> s) => (s.StartsWith("19") || s.StartsWith("20")) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]);

    /// <summary>A light plural/tense fold ("arrests", "arrested" → "arrest") so reports worded differently still meet.</summary>
    private static string Stem(ReadOnlySpan<char> w)
    {
        if (w.Length > 5 && w.EndsWith("ing")) w = w[..^3];
        else if (w.Length > 5 && w.EndsWith("ed")) w = w[..^2];
        else if (w.Length > 4 && w.EndsWith("ies")) return string.Concat(w[..^3], "y");
        else if (w.Length > 4 && w[^1] == 's' && w[^2] != 's') w = w[..^1];
        return w.ToString();
    }

    /// <summary>One line per term ("term\tweight"), first line the day or "-": the form a store keeps.</summary>
    public string Serialize()
    {
        var sb = new StringBuilder();
        sb.Append(Day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-");
        foreach (var (t, w) in Terms.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            sb.Append('\n').Append(t).Append('\t').Append(w.ToString("R", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    public static StoryFeatures Deserialize(string s)
    {
        var lines = s.Split('\n');
        DateOnly? day = lines[0] == "-" ? null : DateOnly.ParseExact(lines[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var terms = new Dictionary<string, float>(lines.Length, StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            int tab = lines[i].LastIndexOf('\t');
            terms[lines[i][..tab]] = float.Parse(lines[i].AsSpan(tab + 1), CultureInfo.InvariantCulture);
        }
        return new StoryFeatures(terms, day);
    }

    private static readonly HashSet<string> StopWordSet = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "have", "were", "they", "their", "there", "been", "said", "say", "would", "could",
        "should", "about", "after", "before", "when", "what", "which", "while", "into", "than", "then", "them", "also",
        "will", "just", "more", "some", "other", "over", "only", "very", "your", "because", "where", "doe",
        "being", "those", "these", "such", "like", "many", "much", "most", "here", "told", "accord", "time", "year",
        "news", "week", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "http",
        "www", "html", "com", "report", "people", "first", "last", "two", "three", "make", "made", "take", "took",
        "under", "since", "back", "still", "even", "well", "both", "each", "ha", "his", "her", "him", "she", "who",
        "all", "any", "our", "out", "new", "one", "now", "way", "get", "got", "may", "might", "must", "did", "had",
    };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords = StopWordSet.GetAlternateLookup<ReadOnlySpan<char>>();
}
