using Parallax.Model;

namespace Parallax.Eval.Quotes;

/// <summary>Span counts for precision and recall: distinct gold and predicted spans, and how many of each found a
/// partner. Counting matched gold and matched predictions separately keeps one-to-many matches (one gold quote
/// interrupted by its cue, found as two predicted pieces) from inflating either side.</summary>
public readonly record struct SpanCounts(int Gold, int Predicted, int GoldMatched, int PredictedMatched)
{
    /// <summary>Matched predictions over predictions (1 when nothing was predicted).</summary>
    public double Precision => Predicted == 0 ? 1 : (double)PredictedMatched / Predicted;
    /// <summary>Matched gold over gold (1 when there is no gold).</summary>
    public double Recall => Gold == 0 ? 1 : (double)GoldMatched / Gold;
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Sums counts over documents (micro-averaging).</summary>
    public static SpanCounts operator +(SpanCounts a, SpanCounts b) =>
        new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.GoldMatched + b.GoldMatched, a.PredictedMatched + b.PredictedMatched);
}

/// <summary>Speaker accuracy: of the gold direct quotes with a source, how many we credit to an overlapping span.</summary>
public readonly record struct SpeakerCounts(int Total, int Correct)
{
    /// <summary>Correct over total (1 when there is nothing to score).</summary>
    public double Accuracy => Total == 0 ? 1 : (double)Correct / Total;

    /// <summary>Sums counts over documents.</summary>
    public static SpeakerCounts operator +(SpeakerCounts a, SpeakerCounts b) => new(a.Total + b.Total, a.Correct + b.Correct);
}

/// <summary>Every figure of the quote evaluation for one document or summed over many.</summary>
public readonly record struct QuoteScore(
    SpanCounts ContentExact, SpanCounts ContentOverlap, SpanCounts DirectExact, SpanCounts DirectOverlap,
    SpanCounts Cue, SpanCounts SourceExact, SpanCounts SourceOverlap, SpeakerCounts Speaker)
{
    /// <summary>Sums over documents.</summary>
    public static QuoteScore operator +(QuoteScore a, QuoteScore b) => new(
        a.ContentExact + b.ContentExact, a.ContentOverlap + b.ContentOverlap, a.DirectExact + b.DirectExact,
        a.DirectOverlap + b.DirectOverlap, a.Cue + b.Cue, a.SourceExact + b.SourceExact, a.SourceOverlap + b.SourceOverlap,
        a.Speaker + b.Speaker);
}

/// <summary>One attribution as the pipeline produced it, in the shape the scorer compares.</summary>
/// <param name="Content">The content span.</param>
/// <param name="Direct">Whether the extractor calls it a direct quote.</param>
/// <param name="Cue">The cue span, if any.</param>
/// <param name="Source">The source span next to the cue (the words the text uses there), if any.</param>
/// <param name="Speakers">Every span that names who we credit: the resolved speaker mention and the local source.</param>
public sealed record PredictedAttribution(TextSpan Content, bool Direct, TextSpan? Cue, TextSpan? Source, IReadOnlyList<TextSpan> Speakers);

/// <summary>
/// Scores predicted attributions against PolNeAR gold ones.
/// <list type="bullet">
/// <item>Exact match compares spans after trimming, on both sides, whitespace, double quotation marks and the
/// punctuation , . ; : at either edge (a doubled apostrophe '' counts as a double mark): PolNeAR's content includes the marks and the comma before the closing mark
/// ("“We will win,”") while Parallax reports the words; the convention is not what the figure should measure.</item>
/// <item>A gold span may be discontinuous (a quote interrupted by its cue): a prediction matches it exactly when it
/// equals the whole extent or one fragment, and overlaps it when it overlaps any fragment.</item>
/// <item>A gold content is <em>direct</em> when it starts and ends at a double quotation mark: its first character is
/// one or the character before it is, and likewise its last character (after trailing . , ; :) or the one after it.
/// Predictions count as direct when the extractor says <see cref="QuoteKind.Direct"/>.</item>
/// <item>Speaker accuracy: of the gold direct contents with a source, the share for which a predicted attribution
/// overlapping the content credits a span (speaker mention or local source) overlapping the gold source.</item>
/// </list>
/// Spans are deduplicated per document on each side: PolNeAR ties one source span to several attributions.
/// </summary>
public static class QuoteScorer
{
    /// <summary>Scores one document.</summary>
    public static QuoteScore Score(string text, IReadOnlyList<GoldAttribution> gold, IReadOnlyList<PredictedAttribution> predicted)
    {
        var goldContent = gold.Where(g => g.Content is not null).Select(g => g.Content!).DistinctBy(Key).ToList();
        var goldDirect = goldContent.Where(c => IsDirect(text, c.Extent)).ToList();
        var goldCue = gold.Where(g => g.Cue is not null).Select(g => g.Cue!).DistinctBy(Key).ToList();
        var goldSource = gold.Where(g => g.Source is not null).Select(g => g.Source!).DistinctBy(Key).ToList();

        var content = predicted.Select(p => p.Content).Distinct().ToList();
        var direct = predicted.Where(p => p.Direct).Select(p => p.Content).Distinct().ToList();
        var cue = predicted.Where(p => p.Cue is not null).Select(p => p.Cue!.Value).Distinct().ToList();
        var source = predicted.Where(p => p.Source is not null).Select(p => p.Source!.Value).Distinct().ToList();

        var speaker = default(SpeakerCounts);
        foreach (var g in gold)
        {
            if (g.Content is null || g.Source is null || !IsDirect(text, g.Content.Extent)) continue;
            bool correct = predicted.Any(p => Overlaps(g.Content, p.Content)
                                              && p.Speakers.Any(s => Overlaps(g.Source, s)));
            speaker += new SpeakerCounts(1, correct ? 1 : 0);
        }

        return new QuoteScore(
            Count(goldContent, content, (g, p) => Exact(text, g, p)),
            Count(goldContent, content, Overlaps),
            Count(goldDirect, direct, (g, p) => Exact(text, g, p)),
            Count(goldDirect, direct, Overlaps),
            Count(goldCue, cue, Overlaps),
            Count(goldSource, source, (g, p) => Exact(text, g, p)),
            Count(goldSource, source, Overlaps),
            speaker);
    }

    private static string Key(BratSpan s) => string.Join(';', s.Fragments.Select(f => $"{f.Start} {f.End}"));

    /// <summary>Counts gold spans with some matching prediction and predictions with some matching gold span.</summary>
    public static SpanCounts Count(IReadOnlyList<BratSpan> gold, IReadOnlyList<TextSpan> predicted, Func<BratSpan, TextSpan, bool> match)
    {
        // Both lists are small per document (tens of spans), so the pairwise test costs nothing next to the pipeline.
        int goldMatched = gold.Count(g => predicted.Any(p => match(g, p)));
        int predictedMatched = predicted.Count(p => gold.Any(g => match(g, p)));
        return new SpanCounts(gold.Count, predicted.Count, goldMatched, predictedMatched);
    }

    /// <summary>Whether the prediction overlaps any fragment of the gold span.</summary>
    public static bool Overlaps(BratSpan gold, TextSpan predicted) => gold.Fragments.Any(f => f.Overlaps(predicted));

    /// <summary>Whether the prediction equals the gold extent or one of its fragments, after <see cref="Normalize"/>.</summary>
    public static bool Exact(string text, BratSpan gold, TextSpan predicted)
    {
        var p = Normalize(text, predicted);
        if (p.IsEmpty) return false;
        if (Normalize(text, gold.Extent) == p) return true;
        foreach (var f in gold.Fragments)
            if (Normalize(text, f) == p) return true;
        return false;
    }

    /// <summary>Trims whitespace, double quotation marks and , . ; : from both edges, until none is left there.</summary>
    public static TextSpan Normalize(string text, TextSpan span)
    {
        int a = Math.Clamp(span.Start, 0, text.Length), b = Math.Clamp(span.End, a, text.Length);
        while (a < b && (IsTrimmed(text[a]) || IsMarkAt(text, a))) a++;
        while (b > a && (IsTrimmed(text[b - 1]) || IsMarkAt(text, b - 1))) b--;
        return new TextSpan(a, b);
    }

    private static bool IsTrimmed(char c) => char.IsWhiteSpace(c) || IsDoubleQuote(c) || c is ',' or '.' or ';' or ':';

    /// <summary>A double mark at <paramref name="i"/>: one of the double-mark characters, or either half of two
    /// apostrophes (''), the New York Times archive's straight double mark.</summary>
    private static bool IsMarkAt(string text, int i) =>
        i >= 0 && i < text.Length && (IsDoubleQuote(text[i])
            || text[i] == '\'' && (i + 1 < text.Length && text[i + 1] == '\'' || i > 0 && text[i - 1] == '\''));

    private static bool IsDoubleQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB';

    /// <summary>Whether a gold content span starts and ends at a double quotation mark (see the class summary).</summary>
    public static bool IsDirect(string text, TextSpan span)
    {
        int a = Math.Clamp(span.Start, 0, text.Length), b = Math.Clamp(span.End, a, text.Length);
        while (a < b && char.IsWhiteSpace(text[a])) a++;
        while (b > a && (char.IsWhiteSpace(text[b - 1]) || text[b - 1] is ',' or '.' or ';' or ':')) b--;
        if (b <= a) return false;
        bool opens = IsMarkAt(text, a) || IsMarkAt(text, a - 1);
        bool closes = IsMarkAt(text, b - 1) || FollowedByMark(text, b);
        return opens && closes;
    }

    /// <summary>A mark right after the span, allowing the punctuation PolNeAR leaves outside (", said" → ',"').</summary>
    private static bool FollowedByMark(string text, int end)
    {
        for (int i = end; i < text.Length && i < end + 3; i++)
        {
            if (IsMarkAt(text, i)) return true;
            if (text[i] is not (',' or '.' or ';' or ':' or '?' or '!')) return false;
        }
        return false;
    }
}
