using System.Collections.Frozen;
using System.Globalization;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Date claims: a calendar day the text ties to a verb ("was killed on June 24", "convicted March 20", "will be
/// sentenced May 3", "set for October 28"), or to an event noun ("the June 20 shooting", "his June 24, 2005 murder",
/// "the guilty verdict on March 20"), read from the time stage's resolved dates. Its measure is the verb ("killed:date"),
/// event nouns and their verbs meeting in one measure (murder, slaying → killed; verdict → convicted). A date with
/// neither (a dateline) states nothing comparable and is left out. A day written without a year takes the year the
/// document gives that event (<see cref="EventYear"/>) before the report's date. Dates only ever agree: dates of different
/// verbs never meet.
/// </summary>
public sealed partial class FactAligner
{
    // Past participles that do not end in "-ed".
    private static readonly FrozenSet<string> IrregularDateVerbs = new[]
    {
        "set", "held", "born", "shot", "hit", "struck", "found", "slain", "seen", "begun", "began", "left", "made", "sent", "told",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Event nouns a date may name ("the June 20 shooting", "the verdict on March 20"), and verbs that say the same
    // event as another ("murdered on" = "killed on"), each to the verb its date is filed under.
    private static readonly FrozenDictionary<string, string> DateEvents = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["murder"] = "killed", ["murdered"] = "killed", ["murdering"] = "killed", ["killing"] = "killed", ["slaying"] = "killed", ["slain"] = "killed",
        ["death"] = "killed", ["shooting"] = "shot", ["stabbing"] = "stabbed", ["arrest"] = "arrested",
        ["verdict"] = "convicted", ["conviction"] = "convicted", ["sentencing"] = "sentenced",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static void CollectDates(Document doc, int d, int[] recIndex, List<SentenceRec> sentences, List<ClaimRec> claims,
        ClaimAttribution attribution)
    {
        DocumentYears? years = null;
        foreach (var t in doc.Times)
        {
            if (DateRange(t) is not var (day, last)) continue;
            bool partial = last != day;
            int s = doc.SentenceAt(t.Start);
            if (s < 0 || recIndex[s] < 0) continue;
            var sentence = doc.Sentences[s];
            if (DateEventOf(doc.Text, sentence.Start, sentence.End, t, partial) is not { } verb) continue;
            if (!partial) day = last = EventDay(doc, ref years, t, s, day);
            var q = new Quantity(t.Start, t.End, QuantityKind.Other, day.DayNumber, day.DayNumber, last.DayNumber, "date", verb,
                partial ? Qualifier.Range : Qualifier.Exact);
            var (entity, label) = attribution(doc, q);
            var meaning = new ClaimMeaning(verb, true, null, ClaimScope.Whole, null) { TiedHead = true };
            // No predicate, holder, owner or outcome: a day tied to its verb.
            claims.Add(new ClaimRec
            {
                // A month or year spans many days and would meet any event's day in it: it groups only with dates of
                // its own verb, as an object's size groups only by its noun.
                Doc = d, Q = q, Sentence = recIndex[s], Order = claims.Count, Object = partial,
                Meaning = meaning, Measure = $"{verb}:date", Text = doc.Text, Published = doc.PublishedDate,
                EntityId = entity, Label = label,
            });
        }
    }

    /// <summary>The verb right before a date, "on" or "for" allowed between ("killed on", "set for", "convicted"), or "in"
    /// before a month or year (<paramref name="partial"/>: "arrested in 2011", "killed in April 2008"), lower-case; null
    /// when there is none.</summary>
    internal static string? DateVerb(string text, int sentenceStart, int dateStart, bool partial = false)
    {
        var before = text.AsSpan(sentenceStart, dateStart - sentenceStart).TrimEnd();
        for (int words = 0; words < 2; words++)
        {
            int sp = before.LastIndexOf(' ');
            var w = sp < 0 ? before : before[(sp + 1)..];
            if (w.IsEmpty) return null;
            if (words == 0 && (partial ? w.Equals("in", StringComparison.OrdinalIgnoreCase)
                : w.Equals("on", StringComparison.OrdinalIgnoreCase) || w.Equals("for", StringComparison.OrdinalIgnoreCase)))
            {
                before = sp < 0 ? default : before[..sp].TrimEnd();
                continue;
            }
            // A month or year right after a word is an attribute, not a time ("named 2008's sexiest man", "savaged 2013 stint").
            if (partial && words == 0) return null;
            return VerbWord(w);
        }
        return null;
    }

    /// <summary>A lower-case word as the verb a date is filed under: an event noun or verb of <see cref="DateEvents"/>,
    /// a past participle ("-ed" or irregular); null otherwise.</summary>
    private static string? VerbWord(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (!char.IsAsciiLetterLower(c)) return null;
        if (DateEvents.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out var same)) return same;
        if (w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal) || IrregularDateVerbs.Contains(w.ToString()))
            return w.ToString();
        return null;
    }

    /// <summary>A day the time stage resolved against the report's date, put in the year the document gives its event
    /// (<see cref="EventYear"/>), or after the report when the clause speaks of what is to come (<see cref="Upcoming"/>).
    /// A day written with its year, or a weekday, stands.</summary>
    private static DateOnly EventDay(Document doc, ref DocumentYears? years, TimeExpression t, int sentence, DateOnly day)
    {
        if (!t.Relative || !NamesMonth(doc.Text.AsSpan(t.Start, t.End - t.Start))) return day;
        day = EventYear(years ??= DocumentYears.Of(doc), sentence, day);
        if (doc.PublishedDate is { } published && day < published && Upcoming(doc.Text, doc.Sentences[sentence].Start, t.Start)
            && day.AddYears(1) > published) day = day.AddYears(1);
        return day;
    }

    /// <summary>A time's resolved date as its sentence's anchor, with a day's year put right by <see cref="EventDay"/>
    /// ("set for October 28" in a June report is this year's, not last year's).</summary>
    private static string AnchorIso(Document doc, ref DocumentYears? years, TimeExpression t, int sentence)
    {
        var iso = t.Iso!;
        if (t.Precision != DatePrecision.Day || iso.Length < 10
            || !DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return iso;
        var fixedDay = EventDay(doc, ref years, t, sentence, day);
        return fixedDay == day ? iso : fixedDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + iso[10..];
    }

    /// <summary>The event noun right after a date ("June 20 shooting", "June 24 , 2005 murder"), as the verb its date is
    /// filed under; null when the next word is no event noun.</summary>
    internal static string? EventNounAfter(string text, int dateEnd, int sentenceEnd)
    {
        int i = dateEnd;
        while (i < sentenceEnd && text[i] == ' ') i++;
        int start = i;
        while (i < sentenceEnd && char.IsAsciiLetterLower(text[i])) i++;
        if (i == start || i < sentenceEnd && char.IsAsciiLetter(text[i])) return null;
        return DateEvents.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(start, i - start), out var verb) ? verb : null;
    }

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Whether a date's words name its month ("June 24", "24 June"), so its year was filled in, unlike a weekday's
    /// ("Tuesday"), which the report's week fixes.</summary>
    private static bool NamesMonth(ReadOnlySpan<char> date)
    {
        foreach (var m in MonthNames)
            if (date.Contains(m.AsSpan(0, 3), StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Whether the clause right before a date speaks of what is to come ("will be sentenced May 3", "is to be
    /// sentenced", "scheduled for", "was set for October 28", "due on"), within the six words before it and not across a
    /// comma. The time stage reads a day with no year as the last one before the report, which for such a date is a year
    /// too early.</summary>
    internal static bool Upcoming(string text, int sentenceStart, int dateStart)
    {
        var before = text.AsSpan(sentenceStart, dateStart - sentenceStart).TrimEnd();
        ReadOnlySpan<char> next = default;
        for (int words = 0; words < 6 && !before.IsEmpty; words++)
        {
            int sp = before.LastIndexOf(' ');
            var w = sp < 0 ? before : before[(sp + 1)..];
            if (w.Contains(',') || w.Contains(';')) return false;
            if (w.Equals("will", StringComparison.OrdinalIgnoreCase) || w.Equals("scheduled", StringComparison.OrdinalIgnoreCase)
                || w.Equals("due", StringComparison.OrdinalIgnoreCase)
                || w.Equals("set", StringComparison.OrdinalIgnoreCase) && next.Equals("for", StringComparison.OrdinalIgnoreCase)
                || w.Equals("to", StringComparison.OrdinalIgnoreCase) && next.Equals("be", StringComparison.OrdinalIgnoreCase))
                return true;
            next = w;
            before = sp < 0 ? default : before[..sp].TrimEnd();
        }
        return false;
    }

    /// <summary>
    /// The year a day written without one ("killed on June 24") belongs to, when the document says it: a year stated in
    /// the same sentence ("in 2005", "last year", "June 24, 2005"), else the one year the document gives the same month
    /// ("in June 2005"). The time stage resolved the day against the report's date, which is wrong when a report of 2007
    /// recounts a 2005 event; with no such evidence that day stands.
    /// </summary>
    internal static DateOnly EventYear(DocumentYears years, int sentence, DateOnly day)
    {
        int year = years.InSentence(sentence);
        if (year == 0) year = years.OfMonth(day.Month);
        if (year == 0 || year == day.Year || day.Day > DateTime.DaysInMonth(year, day.Month)) return day;
        return new DateOnly(year, day.Month, day.Day);
    }

    /// <summary>The years a document states, read in one pass over its times: per sentence the first year it gives
    /// ("in 2005", "last year", "June 24, 2005"), and per month the one year written with it ("in June 2005"; none when
    /// two differ). A relative day (a month and day the time stage dated) is never a source.</summary>
    internal sealed class DocumentYears
    {
        private readonly Dictionary<int, int> sentenceYear = [];
        private readonly int[] monthYear = new int[13]; // 0 none, -1 two different years

        public static DocumentYears Of(Document doc)
        {
            var y = new DocumentYears();
            foreach (var o in doc.Times)
            {
                if (o.Iso is not { Length: >= 4 } iso || !int.TryParse(iso.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year))
                    continue;
                bool written = !o.Relative && o.Precision is DatePrecision.Month or DatePrecision.Day;
                if (o.Precision == DatePrecision.Year || written)
                {
                    int s = doc.SentenceAt(o.Start);
                    if (s >= 0) y.sentenceYear.TryAdd(s, year);
                }
                if (written && iso.Length >= 7 && int.TryParse(iso.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m) && m is >= 1 and <= 12)
                    y.monthYear[m] = y.monthYear[m] == 0 || y.monthYear[m] == year ? year : -1;
            }
            return y;
        }

        public int InSentence(int sentence) => sentenceYear.GetValueOrDefault(sentence);

        public int OfMonth(int month) => monthYear[month] > 0 ? monthYear[month] : 0;
    }
}
