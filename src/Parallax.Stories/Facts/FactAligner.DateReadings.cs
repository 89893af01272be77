using System.Collections.Frozen;
using System.Globalization;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// How a date is tied to the event it dates, beyond a verb or event noun right beside it: a month or a year as the range of
/// its days ("arrested in April 2008", "the 2005 murder"); a verb a few words before a date with its preposition
/// ("charged with murdering the 35-year-old deputy on June 24", "shot Ortiz outside a building in 2005"); a passive
/// verb in a "when" clause right after ("on June 20, when a man was shot"); an attempt ("the June 20 attempted murder");
/// a label before a colon ("Date of death: June 24, 2005", "End of Watch: Friday, June 24, 2005"); and a dateline
/// followed by "today" and a verb ("(March 20, 2007) -- A jury today convicted").
/// </summary>
public sealed partial class FactAligner
{
    // Words a verb-to-date reading does not cross: a new clause, a comparison, or a time of its own.
    private static readonly FrozenSet<string> DateClauseBreaks = new[]
    {
        "and", "but", "or", "before", "after", "since", "until", "than", "who", "whom", "which", "that", "when", "while",
        "where", "because", "as", "said", "says", "say", "told",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that make the "-ed" word after them an adjective ("the armed man", "a wounded deputy", "two hundred").
    private static readonly FrozenSet<string> DateNounMarkers = new[]
    {
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "another", "other",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // A preposition before an "-ed" word makes it an adjective ("a barge of dredged sediment", "with armed men").
    private static readonly FrozenSet<string> DatePrepositions = new[]
    {
        "of", "with", "in", "into", "for", "from", "by", "on", "at", "about", "without",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> DateAuxiliaries = new[]
    {
        "was", "were", "is", "are", "been", "be", "being", "had", "has", "have", "got", "get",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // The nouns of DateEvents: only right beside a date do they name its event.
    private static readonly FrozenSet<string> DateEventNouns = new[]
    {
        "murder", "killing", "slaying", "death", "shooting", "stabbing", "arrest", "verdict", "conviction", "sentencing",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const int FarVerbWords = 7;

    /// <summary>The days a time covers: a day alone, or a written month or year as its first and last day ("April 2008"
    /// is April 1–30). A month or year the time stage inferred ("in June", "last year") is left out: what the text leaves
    /// open is not a claim. Null for times of other precision or unresolved.</summary>
    internal static (DateOnly First, DateOnly Last)? DateRange(TimeExpression t)
    {
        if (t.Iso is not { } iso) return null;
        switch (t.Precision)
        {
            case DatePrecision.Day when iso.Length >= 10
                && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                return (day, day);
            case DatePrecision.Month when !t.Relative && iso.Length >= 7
                && DateOnly.TryParseExact(iso.AsSpan(0, 7), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month):
                return (month, month.AddMonths(1).AddDays(-1));
            case DatePrecision.Year when !t.Relative && iso.Length >= 4
                && int.TryParse(iso.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1 and <= 9999:
                return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            default:
                return null;
        }
    }

    /// <summary>The verb a date is filed under, by the first reading that ties it: the verb right before, the event noun
    /// right after, an attempt, a verb a few words before, a "when" clause after, a label, a dateline; null for none.</summary>
    internal static string? DateEventOf(string text, int sentenceStart, int sentenceEnd, TimeExpression t, bool partial) =>
        DateVerb(text, sentenceStart, t.Start, partial) ?? EventNounAfter(text, t.End, sentenceEnd)
        ?? AttemptAfter(text, t.End, sentenceEnd) ?? FarDateVerb(text, sentenceStart, t.Start, partial)
        ?? WhenVerbAfter(text, t.End, sentenceEnd) ?? (partial ? null : LabelVerb(text, sentenceStart, t.Start) ?? DatelineVerb(text, t.End));

    /// <summary>"the June 20, 2005 attempted murder": an attempt is no event of its own kind; it is filed under
    /// "attempted", apart from the deed it did not complete.</summary>
    internal static string? AttemptAfter(string text, int dateEnd, int sentenceEnd)
    {
        var w = NextWord(text, dateEnd, sentenceEnd, out int end);
        if (!w.Equals("attempted", StringComparison.Ordinal)) return null;
        return EventNounAfter(text, end, sentenceEnd) is null ? null : "attempted";
    }

    /// <summary>A verb up to <see cref="FarVerbWords"/> words before a date that follows its preposition ("on" a day, "in"
    /// a month or year): "murdering the 35-year-old deputy on June 24". The nearest verb or event noun counts; a comma,
    /// a new clause ("and", "who", "after", "said") stops; an "-ed" word after an article or a preposition ("the armed man", "a barge
    /// of dredged sediment") is skipped.</summary>
    internal static string? FarDateVerb(string text, int sentenceStart, int dateStart, bool partial)
    {
        var before = text.AsSpan(sentenceStart, dateStart - sentenceStart).TrimEnd();
        int sp = before.LastIndexOf(' ');
        var prep = sp < 0 ? before : before[(sp + 1)..];
        if (!prep.Equals(partial ? "in" : "on", StringComparison.OrdinalIgnoreCase)) return null;
        before = sp < 0 ? default : before[..sp].TrimEnd();
        ReadOnlySpan<char> next = default; // the word after the one read
        for (int words = 0; words < FarVerbWords && !before.IsEmpty;)
        {
            sp = before.LastIndexOf(' ');
            var w = sp < 0 ? before : before[(sp + 1)..];
            before = sp < 0 ? default : before[..sp].TrimEnd();
            if (w.IndexOfAny(",;:\"()") >= 0 || DateClauseBreaks.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) return null;
            if (!HasLetterOrDigit(w)) continue; // "-" of "35 - year - old"
            words++;
            if (words == 1)
            {
                next = w;
                continue; // the word right before the preposition was read by DateVerb
            }
            // An event noun a few words back dates this day when the words between are its own ("the murder of Ortiz on
            // June 24", "killing the deputy on June 24", "killing Deputy Ortiz in June 2005"), not when it is another verb's object ("confirmed her death to
            // the AP on Thursday").
            if (DateEventNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
            {
                if (next.Equals("of", StringComparison.OrdinalIgnoreCase)
                    || w.EndsWith("ing", StringComparison.Ordinal) && !next.IsEmpty
                    && (char.IsUpper(next[0]) || DateNounMarkers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next)))
                    return VerbWord(w);
                next = w;
                continue;
            }
            next = w;
            if (VerbWord(w) is not { } verb) continue;
            int p = before.LastIndexOf(' ');
            var previous = p < 0 ? before : before[(p + 1)..];
            if (DateNounMarkers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(previous) || previous.Length > 0 && char.IsAsciiDigit(previous[0])
                || w.EndsWith("ed", StringComparison.Ordinal) && DatePrepositions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(previous))
                continue;
            return verb;
        }
        return null;
    }

    /// <summary>"on June 20, when a man was shot and wounded": the passive verb of a "when" clause right after the date,
    /// within six words.</summary>
    internal static string? WhenVerbAfter(string text, int dateEnd, int sentenceEnd)
    {
        int i = dateEnd;
        while (i < sentenceEnd && text[i] is ' ' or ',') i++;
        var w = NextWord(text, i, sentenceEnd, out int end);
        if (!w.Equals("when", StringComparison.OrdinalIgnoreCase)) return null;
        ReadOnlySpan<char> previous = default;
        for (int words = 0; words < 6; words++)
        {
            w = NextWord(text, end, sentenceEnd, out end);
            if (w.IsEmpty) return null;
            if (DateAuxiliaries.GetAlternateLookup<ReadOnlySpan<char>>().Contains(previous) && VerbWord(w) is { } verb) return verb;
            previous = w;
        }
        return null;
    }

    /// <summary>A label ending in an event noun before a colon names what its date is of: "Date of death: June 24, 2005";
    /// "End of Watch", the police's term for an officer's death in the line of duty, is a killing. A weekday written
    /// before the day ("Friday, June 24") is part of it.</summary>
    internal static string? LabelVerb(string text, int sentenceStart, int dateStart)
    {
        var before = text.AsSpan(sentenceStart, dateStart - sentenceStart).TrimEnd();
        if (before.EndsWith(',') && WeekdayBefore(before[..^1].TrimEnd()) is > 0 and var len) before = before[..^1].TrimEnd()[..^len].TrimEnd();
        if (!before.EndsWith(':')) return null;
        before = before[..^1].TrimEnd();
        if (before.EndsWith("End of Watch", StringComparison.OrdinalIgnoreCase)) return "killed";
        int sp = before.LastIndexOf(' ');
        var w = sp < 0 ? before : before[(sp + 1)..];
        if (w.Length > 32) return null;
        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        // Only an event's name: "Posted:", "Updated:" label a page's own dates.
        return DateEvents.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower, out var verb) ? verb : null;
    }

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static int WeekdayBefore(ReadOnlySpan<char> s)
    {
        foreach (var d in Weekdays) if (s.EndsWith(d, StringComparison.OrdinalIgnoreCase)) return d.Length;
        return 0;
    }

    /// <summary>A dateline ("( March 20 , 2007 ) - -" or "March 20, 2007 --") whose next sentence says "today" a verb
    /// ("A jury in Norwalk today convicted …"): a release's "today" is its date. Within 15 words of the dateline.</summary>
    internal static string? DatelineVerb(string text, int dateEnd)
    {
        int i = dateEnd;
        while (i < text.Length && text[i] is ' ' or ')') i++;
        int dashes = i;
        while (i < text.Length && text[i] is '-' or '\u2014' or '\u2013' or ' ') i++;
        if (!text.AsSpan(dashes, i - dashes).ContainsAny('-', '\u2014', '\u2013')) return null;
        int end = i;
        bool today = false;
        for (int words = 0; words < 15; words++)
        {
            var w = NextWord(text, end, text.Length, out int next);
            if (w.IsEmpty || w[0] == '.') return null;
            if (today) return VerbWord(w);
            today = w.Equals("today", StringComparison.Ordinal);
            end = next;
        }
        return null;
    }

    /// <summary>The next space-separated word from <paramref name="from"/> and where it ends.</summary>
    private static ReadOnlySpan<char> NextWord(string text, int from, int limit, out int end)
    {
        int i = from;
        while (i < limit && text[i] == ' ') i++;
        int start = i;
        while (i < limit && text[i] != ' ') i++;
        end = i;
        return text.AsSpan(start, i - start);
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }
}
