using Parallax.Model;

namespace Parallax.Analysis.Facts;

/// <summary>
/// Whether a duration or length measures an object ("32-minute video", "the video, which is more than 30 minutes
/// long", "6-foot fence") or an event ("negotiate for about 25 minutes"). An object's size is a property of that
/// object only, so the fact aligner never groups it with durations of other things; an event's duration can be told
/// with different verbs ("negotiated for 25 minutes" vs "after 20 minutes, broke the window").
/// </summary>
/// <remarks>The quantity stage marks the difference by where it ends the span: an object measure ends right before the
/// object's noun or before "long"/"tall"/…, which this reads back. A Model field would be cleaner; until then this keeps
/// the rule in one place, next to the stage that makes it.</remarks>
public static class QuantityRoles
{
    public static bool MeasuresObject(string text, in Quantity q)
    {
        if (q.Kind is not (QuantityKind.Duration or QuantityKind.Length)) return false;
        int i = q.End;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\u00A0')) i++;
        int start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '-')) i++;
        var next = text.AsSpan(start, i - start);
        if (next.IsEmpty) return false;
        if (next is "long" or "tall" or "wide" or "high" or "deep") return true;
        // "32-minute video": the noun the stage chose as About follows the span directly.
        return next.StartsWith(q.About, StringComparison.OrdinalIgnoreCase) && next.Length <= q.About.Length + 2;
    }
}
