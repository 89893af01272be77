using System.Globalization;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Time;

/// <summary>
/// Finds and resolves time expressions in one document, sentence by sentence over the same <see cref="Word"/>s the
/// quantity stage uses (so a year the quantity stage skips is the year this stage reads).
/// </summary>
internal sealed class TimeExtractor(string text, DateOnly? published)
{
    /// <summary>The day relative expressions count from: the publication date, or inside a statement with its own
    /// date that statement's day (null: unknown, so relative days stay unresolved).</summary>
    private readonly DateOnly? published = published;
    private DateOnly? anchor = published;
    private Word[] words = new Word[64];
    private Lex[] lex = new Lex[64];
    private bool[] looked = new bool[64];
    private bool[] mayOpen = new bool[64];
    private int n;

    /// <summary>A resolved date with how much of it is known; <see cref="Known"/> false when it could not be resolved.</summary>
    private readonly record struct When(bool Known, int Year, int Month, int Day, DatePrecision Precision, bool Relative)
    {
        public static When Unknown(DatePrecision p) => new(false, 0, 0, 0, p, true);
        public static When Of(DateOnly d, bool relative) => new(true, d.Year, d.Month, d.Day, DatePrecision.Day, relative);
    }

    public void Extract(Document doc, List<TimeExpression> output, CancellationToken ct)
    {
        foreach (var sentence in doc.Sentences) ExtractSentence(doc, sentence, output, null, ct);
        // Words a statement says in its own voice count days from the statement's day, not the article's: the
        // sentences holding such statements are read again with that day as the anchor.
        var frames = StatementDates.Find(doc, output);
        if (frames.Count == 0) return;
        var reread = new List<TimeExpression>();
        foreach (var sentence in doc.Sentences)
            if (StatementDates.Overlaps(frames, sentence.Span)) ExtractSentence(doc, sentence, reread, frames, ct);
        anchor = published;
        output.RemoveAll(t => StatementDates.FrameAt(frames, t.Start) >= 0);
        foreach (var t in reread) if (StatementDates.FrameAt(frames, t.Start) >= 0) output.Add(t);
        output.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private void ExtractSentence(Document doc, Sentence sentence, List<TimeExpression> output, List<StatementDates.Frame>? frames, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        n = WordScanner.Scan(doc, sentence, ref words);
        if (lex.Length < words.Length)
        {
            lex = new Lex[words.Length];
            looked = new bool[words.Length];
            mayOpen = new bool[words.Length];
        }
        Array.Clear(looked, 0, n);
        for (int i = 0; i < n; i++) mayOpen[i] = Openers.MayContain(W(i));
        for (int i = 0; i < n;)
        {
            if (CannotStart(i)) { i++; continue; }
            if (frames is not null) anchor = StatementDates.AnchorAt(frames, words[i].Start, published);
            i = TryAt(i, output);
        }
    }

    /// <summary>Words that can open a date or clock time by their lexicon entry alone: a time class, or a duration
    /// unit (a word before one may be its count: "three days ago").</summary>
    private static readonly WordSieve Openers = new(QuantityLexicon.Entries
        .Where(e => (e.Value.Class & (WordClass.NamedTime | WordClass.Weekday | WordClass.Month | WordClass.RelativeDay | WordClass.RelativeShift)) != 0
            || e.Value.Unit is { Kind: QuantityKind.Duration })
        .Select(e => e.Key));

    /// <summary>Words that can count a duration after them ("three days ago", "a week later"): cardinals, "a" and "an";
    /// a hyphenated word may be one too ("twenty-one").</summary>
    private static readonly WordSieve Counts = new(QuantityLexicon.Entries
        .Where(e => e.Value.Is(WordClass.Cardinal)).Select(e => e.Key).Append("a").Append("an"));

    /// <summary>Whether no clock time or date can start at word <paramref name="i"/> (so <see cref="TryAt"/> would find
    /// nothing there): every form needs a digit, a word <see cref="Openers"/> may hold, or a count before a duration
    /// unit ("three days ago"), or "the other day". Decided without a lexicon lookup for most words.</summary>
    private bool CannotStart(int i) =>
        !words[i].Has(WordMarks.HasDigit) && !mayOpen[i] && !(i + 1 < n && mayOpen[i + 1] && MayCount(i))
        && !(words[i].Length == 3 && Is(i, "the") && Is(i + 1, "other"));

    private bool MayCount(int i) => Counts.MayContain(W(i)) || W(i).Contains('-');

    /// <summary>The lexicon entry of word <paramref name="i"/>, looked up the first time it is asked for.</summary>
    private Lex L(int i)
    {
        if (!looked[i])
        {
            lex[i] = QuantityLexicon.Get(W(i));
            looked[i] = true;
        }
        return lex[i];
    }

    private ReadOnlySpan<char> W(int i) => text.AsSpan(words[i].Start, words[i].Length);
    private bool Is(int i, string s) => i >= 0 && i < n && W(i).Equals(s, StringComparison.OrdinalIgnoreCase);
    private bool Cap(int i) => i >= 0 && i < n && words[i].Has(WordMarks.Capitalized);

    private int TryAt(int i, List<TimeExpression> output)
    {
        // A clock time first, because "10 a.m. on Monday" merges with the date after it.
        if (TryClock(i, out int clockEnd, out int hour, out int minute))
        {
            int end = clockEnd;
            When date = When.Unknown(DatePrecision.Minute);
            if (Is(clockEnd + 1, "on") && !words[clockEnd].BreakAfter && TryDate(clockEnd + 2, out var d, out int dateEnd, out _))
            {
                date = d;
                end = dateEnd;
            }
            else if (Is(clockEnd + 1, "today") || Is(clockEnd + 1, "yesterday") || Is(clockEnd + 1, "tomorrow"))
            {
                TryDate(clockEnd + 1, out date, out end, out _);
            }
            EmitClock(output, i, end, date, hour, minute);
            return end + 1;
        }
        if (TryDate(i, out var when, out int last, out int first))
        {
            // "Monday at 10 a.m.", "July 22, 2019, at 10:30 p.m."
            if (Is(last + 1, "at") && TryClock(last + 2, out int ce, out int h, out int m))
            {
                EmitClock(output, first, ce, when, h, m);
                return ce + 1;
            }
            Emit(output, first, last, when);
            return last + 1;
        }
        return i + 1;
    }

    // ---------------------------------------------------------------- dates

    /// <summary>Reads a date expression starting at word <paramref name="i"/> (possibly widened to a modifier before
    /// it, returned in <paramref name="first"/>).</summary>
    private bool TryDate(int i, out When when, out int last, out int first)
    {
        when = default;
        last = i;
        first = i;
        if (i >= n) return false;
        var l = L(i);

        if (l.Is(WordClass.Weekday) && Cap(i))
        {
            int j = i;
            if (j + 1 < n && L(j + 1).Is(WordClass.PartOfDay) && !words[j].BreakAfter) j++;   // "Tuesday afternoon"
            // "Tuesday, July 23, 2019": the explicit date wins and the weekday joins its span.
            if (words[j].Has(WordMarks.CommaAfter) && TryMonthDate(j + 1, out var explicitDate, out int e) && explicitDate.Known
                && explicitDate.Precision == DatePrecision.Day && !explicitDate.Relative)
            {
                when = explicitDate;
                last = e;
                return true;
            }
            int shift = 0;
            if (i > 0 && L(i - 1).Is(WordClass.RelativeShift) && !words[i - 1].BreakAfter)
            {
                shift = Is(i - 1, "next") || Is(i - 1, "coming") ? 1 : Is(i - 1, "last") || Is(i - 1, "past") || Is(i - 1, "previous") ? -1 : 0;
                first = i - 1;
            }
            if (shift == 0 && FutureTense(i)) shift = 2;
            when = ResolveWeekday(DayOfWeekOf(l), shift);
            last = j;
            return true;
        }
        if (l.Is(WordClass.Month) && Cap(i) && TryMonthDate(i, out when, out last)) return true;
        if (l.Is(WordClass.RelativeDay))
        {
            int offset = Is(i, "yesterday") ? -1 : Is(i, "tomorrow") ? 1 : 0;
            when = anchor is { } p ? When.Of(p.AddDays(offset), true) : When.Unknown(DatePrecision.Day);
            return true;
        }
        if (l.Is(WordClass.RelativeShift) && i + 1 < n && !words[i].BreakAfter)
        {
            int delta = Is(i, "last") || Is(i, "past") || Is(i, "previous") ? -1 : Is(i, "next") || Is(i, "coming") ? 1 : Is(i, "this") ? 0 : int.MinValue;
            if (delta == int.MinValue) return false;
            last = i + 1;
            if (Is(i + 1, "year"))
            {
                when = anchor is { } p ? new When(true, p.Year + delta, 0, 0, DatePrecision.Year, true) : When.Unknown(DatePrecision.Year);
                return true;
            }
            if (Is(i + 1, "month"))
            {
                when = anchor is { } p ? MonthOf(p.AddMonths(delta)) : When.Unknown(DatePrecision.Month);
                return true;
            }
            if (Is(i + 1, "week") || Is(i + 1, "weekend"))
            {
                when = When.Unknown(DatePrecision.Day); // a week is not a calendar unit ISO dates here can carry
                return true;
            }
            if (delta == 0 && L(i + 1).Is(WordClass.PartOfDay))
            {
                when = anchor is { } p ? When.Of(p, true) : When.Unknown(DatePrecision.Day);
                return true;
            }
            // "last night": the evening before the day the words were written or said.
            if (delta == -1 && Is(i + 1, "night"))
            {
                when = anchor is { } p ? When.Of(p.AddDays(-1), true) : When.Unknown(DatePrecision.Day);
                return true;
            }
            return false;
        }
        if (Is(i, "the") && Is(i + 1, "other") && Is(i + 2, "day"))
        {
            last = i + 2;
            when = When.Unknown(DatePrecision.Day);
            return true;
        }
        if (words[i].Has(WordMarks.HasDigit)) return TryNumericDate(i, out when, out last);
        return TryElapsed(i, out when, out last);
    }

    /// <summary>"July 22, 2019", "July 22", "March 2017", "in March", "July 22nd".</summary>
    private bool TryMonthDate(int i, out When when, out int last)
    {
        when = default;
        last = i;
        if (i >= n || !L(i).Is(WordClass.Month) || !Cap(i)) return false;
        int month = L(i).Month;
        if (!words[i].Has(WordMarks.StopAfter) || W(i).Length <= 4)
        {
            if (i + 1 < n && !words[i].Has(WordMarks.ClauseAfter) && TryDayNumber(i + 1, out int day))
            {
                last = i + 1;
                if (words[i + 1].Has(WordMarks.CommaAfter) || !words[i + 1].BreakAfter)
                {
                    if (TryYear(i + 2, out int year) && !(words[i + 1].BreakAfter && !words[i + 1].Has(WordMarks.CommaAfter)))
                    {
                        last = i + 2;
                        if (!IsValid(year, month, day)) return false;
                        when = new When(true, year, month, day, DatePrecision.Day, false);
                        return true;
                    }
                }
                when = ResolveMonthDay(month, day);
                return true;
            }
            if (i + 1 < n && !words[i].BreakAfter && TryYear(i + 1, out int y))
            {
                last = i + 1;
                when = new When(true, y, month, 0, DatePrecision.Month, false);
                return true;
            }
        }
        // A bare month needs a preposition before it ("in March"); that also keeps "May said" and "March on" out.
        if (i == 0 || !(L(i - 1).Is(WordClass.DatePreposition) || Is(i - 1, "last") || Is(i - 1, "next") || Is(i - 1, "this")))
            return false;
        when = ResolveMonth(month);
        return true;
    }

    /// <summary>"2019-07-23", "7/22/2019", "7/22", "in 2011", "22 July 2019".</summary>
    private bool TryNumericDate(int i, out When when, out int last)
    {
        when = default;
        last = i;
        var w = W(i);
        if (TryDayNumber(i, out int day) && i + 1 < n && L(i + 1).Is(WordClass.Month) && Cap(i + 1) && !words[i].BreakAfter)
        {
            int month = L(i + 1).Month;
            last = i + 1;
            if (!words[i + 1].BreakAfter || words[i + 1].Has(WordMarks.CommaAfter))
                if (TryYear(i + 2, out int y) && IsValid(y, month, day))
                {
                    last = i + 2;
                    when = new When(true, y, month, day, DatePrecision.Day, false);
                    return true;
                }
            when = ResolveMonthDay(month, day);
            return true;
        }
        if (w.Length == 10 && w[4] == '-' && w[7] == '-' && Digits(w[..4], out int iy) && Digits(w[5..7], out int im) && Digits(w[8..], out int id))
        {
            if (!IsValid(iy, im, id)) return false;
            when = new When(true, iy, im, id, DatePrecision.Day, false);
            return true;
        }
        int slash = w.IndexOf('/');
        if (slash > 0)
        {
            // US order: month/day[/year].
            var rest = w[(slash + 1)..];
            int slash2 = rest.IndexOf('/');
            if (!Digits(w[..slash], out int m)) return false;
            if (slash2 < 0)
            {
                if (!Digits(rest, out int dd) || m is < 1 or > 12 || dd is < 1 or > 31 || w.Length > 5) return false;
                when = ResolveMonthDay(m, dd);
                return true;
            }
            if (!Digits(rest[..slash2], out int d2) || !Digits(rest[(slash2 + 1)..], out int yy)) return false;
            int yLen = rest.Length - slash2 - 1;
            if (yLen == 2) yy += 2000;
            else if (yLen != 4) return false;
            if (!IsValid(yy, m, d2)) return false;
            when = new When(true, yy, m, d2, DatePrecision.Day, false);
            return true;
        }
        bool labelled = i > 0 && L(i - 1).Is(WordClass.Label) && !words[i - 1].BreakAfter; // "Section 1357"
        if (!labelled && TryYear(i, out int year) && IsYearContext(i))
        {
            when = new When(true, year, 0, 0, DatePrecision.Year, false);
            return true;
        }
        if (TryElapsed(i, out when, out last)) return true;
        return false;
    }

    /// <summary>"three days ago" resolves; "five days later", "five days after", "days after" stay relative.</summary>
    private bool TryElapsed(int i, out When when, out int last)
    {
        when = default;
        last = i;
        int u = i;
        double count = double.NaN;
        if (words[i].Has(WordMarks.HasDigit))
        {
            if (!int.TryParse(W(i), NumberStyles.None, CultureInfo.InvariantCulture, out int c)) return false;
            count = c;
            u = i + 1;
        }
        else if (NumberParser.TryParseWord(W(i), out double v))
        {
            count = v;
            u = i + 1;
        }
        else if (Is(i, "a") || Is(i, "an"))
        {
            count = 1;
            u = i + 1;
        }
        if (u >= n || L(u).Unit is not { Kind: QuantityKind.Duration } unit || (u > i && words[u - 1].BreakAfter)) return false;
        // Bare plural "Days after": relative, no count.
        if (u == i && (!W(u).EndsWith("s", StringComparison.OrdinalIgnoreCase) || unit.Factor < QuantityLexicon.Day.Factor
            || i > 0 && L(i - 1).Is(WordClass.Determiner)))
            return false;
        if (u + 1 >= n || words[u].BreakAfter && !Is(u + 1, "ago")) return false;
        int k = u + 1;
        var precision = unit.Name switch { "year" or "decade" or "century" => DatePrecision.Year, "month" => DatePrecision.Month, "hour" or "minute" or "second" => DatePrecision.Minute, _ => DatePrecision.Day };
        if (Is(k, "ago"))
        {
            last = k;
            if (anchor is not { } p || double.IsNaN(count) || count != Math.Floor(count) || precision == DatePrecision.Minute)
            {
                when = When.Unknown(precision);
                return true;
            }
            int c = (int)count;
            when = unit.Name switch
            {
                "day" => When.Of(p.AddDays(-c), true),
                "week" => When.Of(p.AddDays(-7 * c), true),
                "month" => MonthOf(p.AddMonths(-c)),
                "year" => new When(true, p.Year - c, 0, 0, DatePrecision.Year, true),
                "decade" => new When(true, p.Year - 10 * c, 0, 0, DatePrecision.Year, true),
                _ => When.Unknown(precision),
            };
            return true;
        }
        if (Is(k, "later") || Is(k, "earlier") || Is(k, "after") || Is(k, "before") || Is(k, "afterward") || Is(k, "afterwards"))
        {
            last = k;
            when = When.Unknown(precision);
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- clock times

    /// <summary>"10 a.m.", "10:30 p.m.", "10:30", "noon", "midnight".</summary>
    private bool TryClock(int i, out int end, out int hour, out int minute)
    {
        end = i;
        hour = minute = 0;
        if (i >= n) return false;
        if (L(i).Is(WordClass.NamedTime))
        {
            hour = Is(i, "midnight") ? 0 : 12;
            return true;
        }
        if (!words[i].Has(WordMarks.HasDigit)) return false;
        var w = W(i);
        int colon = w.IndexOf(':');
        ReadOnlySpan<char> hh = colon < 0 ? w : w[..colon];
        // A glued meridiem: "10am", "10:30pm".
        int meridiem = 0;
        var tail = colon < 0 ? hh : w[(colon + 1)..];
        if (tail.Length > 2 && (tail.EndsWith("am", StringComparison.OrdinalIgnoreCase) || tail.EndsWith("pm", StringComparison.OrdinalIgnoreCase)))
        {
            meridiem = char.ToLowerInvariant(tail[^2]) == 'a' ? 1 : 2;
            if (colon < 0) hh = hh[..^2];
            tail = tail[..^2];
        }
        if (!Digits(hh, out hour) || hh.Length > 2) return false;
        if (colon >= 0 && (tail.Length != 2 || !Digits(tail, out minute) || minute > 59)) return false;
        if (meridiem == 0 && i + 1 < n && L(i + 1).Is(WordClass.Meridiem) && !words[i].BreakAfter)
        {
            var m = W(i + 1);
            meridiem = m.StartsWith("a", StringComparison.OrdinalIgnoreCase) ? 1 : m.StartsWith("p", StringComparison.OrdinalIgnoreCase) ? 2 : 3;
            end = i + 1;
        }
        if (meridiem == 0 && colon < 0) return false;    // a bare number is not a time
        if (meridiem is 1 or 2)
        {
            if (hour is < 1 or > 12) return false;
            hour = hour % 12 + (meridiem == 2 ? 12 : 0);
        }
        else if (hour > 23) return false;
        return true;
    }

    // ---------------------------------------------------------------- resolution

    private When ResolveWeekday(DayOfWeek day, int shift)
    {
        if (anchor is not { } p) return When.Unknown(DatePrecision.Day);
        int back = ((int)p.DayOfWeek - (int)day + 7) % 7;
        int forward = ((int)day - (int)p.DayOfWeek + 7) % 7;
        var date = shift switch
        {
            -1 => p.AddDays(-(back == 0 ? 7 : back)),   // "last Monday": strictly before
            1 => p.AddDays(forward == 0 ? 7 : forward), // "next Monday": strictly after
            2 => p.AddDays(forward),                    // future tense: on or after
            _ => p.AddDays(-back),                      // past-tense news: on or before
        };
        return When.Of(date, true);
    }

    private When ResolveMonthDay(int month, int day)
    {
        if (anchor is not { } p) return When.Unknown(DatePrecision.Day);
        int year = (month, day).CompareTo((p.Month, p.Day)) <= 0 ? p.Year : p.Year - 1;
        return IsValid(year, month, day) ? new When(true, year, month, day, DatePrecision.Day, true) : When.Unknown(DatePrecision.Day);
    }

    private When ResolveMonth(int month)
    {
        if (anchor is not { } p) return When.Unknown(DatePrecision.Month);
        int year = month <= p.Month ? p.Year : p.Year - 1;
        return new When(true, year, month, 0, DatePrecision.Month, true);
    }

    private static When MonthOf(DateOnly d) => new(true, d.Year, d.Month, 0, DatePrecision.Month, true);

    /// <summary>"will", "to meet" before a weekday in the same clause: the sentence looks forward. Fourteen words:
    /// "will stay closed to cars and streetcars at least through Friday" puts ten between them.</summary>
    private bool FutureTense(int i)
    {
        for (int k = i - 1; k >= 0 && k >= i - 14; k--)
        {
            if (Is(k, "will") || Is(k, "scheduled") || Is(k, "plans") || Is(k, "planned") || W(k).EndsWith("'ll", StringComparison.Ordinal)) return true;
            if (words[k].Has(WordMarks.StopAfter)) break;
        }
        return false;
    }

    // ---------------------------------------------------------------- pieces

    private bool TryDayNumber(int i, out int day)
    {
        day = 0;
        if (i >= n || !words[i].Has(WordMarks.HasDigit)) return false;
        var w = W(i);
        if (NumberParser.TryParseOrdinalNumeral(w, out day)) return day is >= 1 and <= 31;
        return w.Length <= 2 && Digits(w, out day) && day is >= 1 and <= 31;
    }

    private bool TryYear(int i, out int year)
    {
        year = 0;
        if (i >= n || !words[i].Has(WordMarks.HasDigit)) return false;
        var w = W(i);
        return w.Length == 4 && Digits(w, out year) && year is >= 1000 and <= 2199;
    }

    /// <summary>A year standing alone, as the quantity stage decides: not followed by a unit or a counted noun, within
    /// the years news writes about (1800–2199, so "1180 Pier Road" is an address), and not running into a capitalised
    /// name ("1180 Pier Road", "2019 Main St.") unless a comma separates them ("In 2019, Smith …").</summary>
    private bool IsYearContext(int i)
    {
        if (!Digits(W(i), out int year) || year is < 1800 or > 2199) return false;
        if (words[i].BreakAfter || i + 1 >= n) return true;
        if (words[i + 1].Has(WordMarks.Capitalized) && !words[i].Has(WordMarks.CommaAfter)) return false;
        var next = L(i + 1);
        if (next.Unit is not null || next.Is(WordClass.Percent) || Is(i + 1, "times")) return false;
        var w = W(i + 1);
        bool lowerPlural = !words[i + 1].Has(WordMarks.Capitalized) && w.Length > 3 && w[^1] == 's' && w[^2] != 's'
            && !next.Is(WordClass.Stop) && !next.Is(WordClass.NotPlural);
        return !lowerPlural;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9) return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private static bool IsValid(int y, int m, int d) => m is >= 1 and <= 12 && d >= 1 && y is >= 1 and <= 9999 && d <= DateTime.DaysInMonth(y, m);

    private static DayOfWeek DayOfWeekOf(Lex l) => (DayOfWeek)(l.Weekday - 1);

    private void Emit(List<TimeExpression> output, int first, int last, When when)
    {
        string? iso = when.Known ? when.Precision switch
        {
            DatePrecision.Year => when.Year.ToString("D4", CultureInfo.InvariantCulture),
            DatePrecision.Month => $"{when.Year:D4}-{when.Month:D2}",
            _ => $"{when.Year:D4}-{when.Month:D2}-{when.Day:D2}",
        } : null;
        output.Add(new TimeExpression(words[first].Start, words[last].End, iso, when.Precision, when.Relative));
    }

    private void EmitClock(List<TimeExpression> output, int first, int last, When date, int hour, int minute)
    {
        string? iso = date.Known && date.Precision == DatePrecision.Day
            ? string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}T{hour:D2}:{minute:D2}")
            : null;
        // Without a date the clock time alone cannot be placed on the calendar: relative, unresolved.
        output.Add(new TimeExpression(words[first].Start, words[last].End, iso, DatePrecision.Minute, iso is null || date.Relative));
    }
}
