using System.Globalization;
using Parallax.Model;

namespace Parallax.Analysis.Time;

/// <summary>
/// Statements that speak in their own voice count "today", "this morning" and "last night" from their own day, not
/// the article's. A statement gets its own day ("frame") when:
/// <list type="bullet">
/// <item>its attribution is dated: a day-precise time in the cue's sentence, outside the statement's words ("In a
/// statement on Monday, ICE said …", "… she told reporters Tuesday"); the frame's anchor is that day, or unknown when
/// that day cannot be resolved ("The other day, police told KCTV5 News, …");</item>
/// <item>it is a letter or release printed whole whose first line is a date ("July 22, 2019 \n Dear …");</item>
/// <item>it is quoted word for word (direct or block) with no date at all: it was said on some day the text does not
/// give, so its relative days stay unresolved rather than take the article's day.</item>
/// </list>
/// Reported speech without a date stays in the article's frame: a reporter restating what was said writes the days
/// from the article's point of view. Uses the quote layer when the pipeline has one; without it nothing changes.
/// </summary>
internal static class StatementDates
{
    /// <summary>The words of one statement and the day they count from (null: unknown).</summary>
    internal readonly record struct Frame(TextSpan Words, DateOnly? Anchor);

    /// <summary>The statements of <paramref name="doc"/> with their own day, given the times already read against the
    /// publication date (sorted by start). Work is linear in quotes × times of the cue's sentence.</summary>
    public static List<Frame> Find(Document doc, List<TimeExpression> times)
    {
        var frames = new List<Frame>();
        if (doc.Quotes.IsDefaultOrEmpty || times.Count == 0) return frames;
        foreach (var q in doc.Quotes)
        {
            if (!AnyTimeIn(times, q.Content)) continue; // nothing inside to resolve
            bool verbatim = q.Kind is QuoteKind.Direct or QuoteKind.Block;
            if (AttributionDate(doc, q, times) is { } dated) frames.Add(new Frame(q.Content, dated.Anchor));
            else if (verbatim && DateLine(doc, q, times) is { } letter) frames.Add(new Frame(q.Content, letter));
            else if (verbatim) frames.Add(new Frame(q.Content, null));
        }
        frames.Sort((a, b) => a.Words.Start.CompareTo(b.Words.Start));
        return frames;
    }

    private static bool AnyTimeIn(List<TimeExpression> times, TextSpan span)
    {
        int i = FirstAtOrAfter(times, span.Start);
        return i < times.Count && times[i].Start < span.End;
    }

    private static int FirstAtOrAfter(List<TimeExpression> times, int offset)
    {
        int lo = 0, hi = times.Count;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (times[mid].Start < offset) lo = mid + 1; else hi = mid; }
        return lo;
    }

    /// <summary>The day-precise time in the cue's sentence nearest the cue, outside the statement's words.</summary>
    private static (DateOnly? Anchor, int Distance)? AttributionDate(Document doc, Quote q, List<TimeExpression> times)
    {
        if (q.Cue is not { } cue) return null;
        int s = doc.SentenceAt(cue.Start);
        if (s < 0) return null;
        var sentence = doc.Sentences[s].Span;
        (DateOnly? Anchor, int Distance)? best = null;
        for (int i = FirstAtOrAfter(times, sentence.Start); i < times.Count && times[i].Start < sentence.End; i++)
        {
            var t = times[i];
            if (t.End > sentence.End || t.Start < q.Content.End && t.End > q.Content.Start) continue;
            if (t.Precision is not (DatePrecision.Day or DatePrecision.Minute)) continue;
            int distance = t.Start >= cue.End ? t.Start - cue.End : Math.Max(0, cue.Start - t.End);
            if (best is null || distance < best.Value.Distance) best = (DayOf(t), distance);
        }
        return best;
    }

    /// <summary>A letter or release printed whole that opens with its date on a line of its own.</summary>
    private static DateOnly? DateLine(Document doc, Quote q, List<TimeExpression> times)
    {
        int i = FirstAtOrAfter(times, q.Content.Start);
        if (i >= times.Count) return null;
        var t = times[i];
        var text = doc.Text;
        if (t.Relative || t.Precision != DatePrecision.Day || t.End > q.Content.End) return null;
        for (int k = q.Content.Start; k < t.Start; k++) if (!char.IsWhiteSpace(text[k])) return null;
        for (int k = t.End; k < q.Content.End && text[k] != '\n'; k++) if (char.IsLetterOrDigit(text[k])) return null;
        return DayOf(t);
    }

    private static DateOnly? DayOf(TimeExpression t) =>
        t.Iso is { Length: >= 10 } iso && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;

    /// <summary>Nested statements are rare and shallow: a position is looked up among the few frames that start last
    /// before it, so a document with many statements costs no more than a binary search per word.</summary>
    private const int NestingLookBack = 4;

    public static bool Overlaps(List<Frame> frames, TextSpan span)
    {
        int i = LastStartingBefore(frames, span.End);
        for (int k = i; k >= 0 && k > i - NestingLookBack; k--) if (frames[k].Words.End > span.Start) return true;
        return false;
    }

    /// <summary>The innermost frame holding <paramref name="offset"/> (frames sorted by start), or −1.</summary>
    public static int FrameAt(List<Frame> frames, int offset)
    {
        int i = LastStartingBefore(frames, offset + 1);
        for (int k = i; k >= 0 && k > i - NestingLookBack; k--)
            if (frames[k].Words.Contains(offset)) return k; // the latest start that holds it is the innermost
        return -1;
    }

    private static int LastStartingBefore(List<Frame> frames, int offset)
    {
        int lo = 0, hi = frames.Count;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (frames[mid].Words.Start < offset) lo = mid + 1; else hi = mid; }
        return lo - 1;
    }

    public static DateOnly? AnchorAt(List<Frame> frames, int offset, DateOnly? published) =>
        FrameAt(frames, offset) is var i and >= 0 ? frames[i].Anchor : published;
}
