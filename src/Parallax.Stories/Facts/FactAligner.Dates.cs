using System.Collections.Frozen;
using System.Globalization;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Date claims: a calendar day the text ties to a verb ("was killed on June 24", "convicted March 20", "will be
/// sentenced May 3", "set for October 28"), read from the time stage's resolved dates. Its measure is the verb
/// ("killed:date"), its value the day. A date with no verb right before it (a dateline, "the June 24 murder") states
/// nothing comparable and is left out; two dates of one verb that differ may dispute, dates of different verbs never meet.
/// </summary>
public sealed partial class FactAligner
{
    // Past participles that do not end in "-ed".
    private static readonly FrozenSet<string> IrregularDateVerbs = new[]
    {
        "set", "held", "born", "shot", "hit", "struck", "found", "slain", "seen", "begun", "began", "left", "made", "sent", "told",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static void CollectDates(Document doc, int d, int[] recIndex, List<SentenceRec> sentences, List<ClaimRec> claims,
        ClaimAttribution attribution)
    {
        foreach (var t in doc.Times)
        {
            if (t.Precision != DatePrecision.Day || t.Iso is not { Length: >= 10 } iso
                || !DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) continue;
            int s = doc.SentenceAt(t.Start);
            if (s < 0 || recIndex[s] < 0) continue;
            var sentence = doc.Sentences[s];
            if (DateVerb(doc.Text, sentence.Start, t.Start) is not { } verb) continue;
            var q = new Quantity(t.Start, t.End, QuantityKind.Other, day.DayNumber, day.DayNumber, day.DayNumber, "date", verb, Qualifier.Exact);
            var (entity, label) = attribution(doc, q);
            var meaning = new ClaimMeaning(verb, true, null, ClaimScope.Whole, null) { TiedHead = true };
            // No predicate, holder, owner or outcome: a day tied to its verb.
            claims.Add(new ClaimRec
            {
                Doc = d, Q = q, Sentence = recIndex[s], Order = claims.Count, Object = false,
                Meaning = meaning, Measure = $"{verb}:date", Text = doc.Text, Published = doc.PublishedDate,
                EntityId = entity, Label = label,
            });
        }
    }

    /// <summary>The verb right before a date, "on" or "for" allowed between ("killed on", "set for", "convicted"),
    /// lower-case; null when there is none.</summary>
    internal static string? DateVerb(string text, int sentenceStart, int dateStart)
    {
        var before = text.AsSpan(sentenceStart, dateStart - sentenceStart).TrimEnd();
        for (int words = 0; words < 2; words++)
        {
            int sp = before.LastIndexOf(' ');
            var w = sp < 0 ? before : before[(sp + 1)..];
            if (w.IsEmpty) return null;
            if (words == 0 && (w.Equals("on", StringComparison.OrdinalIgnoreCase) || w.Equals("for", StringComparison.OrdinalIgnoreCase)))
            {
                before = sp < 0 ? default : before[..sp].TrimEnd();
                continue;
            }
            foreach (char c in w) if (!char.IsAsciiLetterLower(c)) return null;
            if (w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal) || IrregularDateVerbs.Contains(w.ToString()))
                return w.ToString();
            return null;
        }
        return null;
    }
}
