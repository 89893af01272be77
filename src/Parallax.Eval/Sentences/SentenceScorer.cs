using Parallax.Model;

namespace Parallax.Eval.Sentences;

/// <summary>Matched, predicted and gold counts for one kind of item, with precision, recall and F1.</summary>
public readonly record struct PrfCounts(int Correct, int Predicted, int Gold)
{
    /// <summary>Correct / predicted; 1 when nothing was predicted and nothing was there to find.</summary>
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Correct / Predicted;
    /// <summary>Correct / gold; 1 when there was nothing to find and nothing was predicted.</summary>
    public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : (double)Correct / Gold;
    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts summed (micro-averaging).</summary>

    public static PrfCounts operator +(PrfCounts a, PrfCounts b) =>
        new(a.Correct + b.Correct, a.Predicted + b.Predicted, a.Gold + b.Gold);
}

/// <summary>One document's scores.</summary>
/// <param name="Boundaries">Sentence boundaries: offsets where a sentence ends, the text's end excluded (always right).</param>
/// <param name="InnerBoundaries">The same, restricted to boundaries inside a paragraph (not followed by "\n"), where no
/// line break gives the answer away.</param>
/// <param name="Tokens">Tokens matched by exact span.</param>
public readonly record struct SentenceScore(PrfCounts Boundaries, PrfCounts InnerBoundaries, PrfCounts Tokens)
{
    /// <summary>Each count summed (micro-averaging).</summary>
    public static SentenceScore operator +(SentenceScore a, SentenceScore b) =>
        new(a.Boundaries + b.Boundaries, a.InnerBoundaries + b.InnerBoundaries, a.Tokens + b.Tokens);
}

/// <summary>
/// Scores predicted sentences and tokens against gold ones. A sentence boundary is the character offset where a
/// sentence ends; the final one (the end of the text) is left out because every splitter gets it. Tokens count as
/// right only when both ends match, so a token split differently is one miss and one false alarm.
/// </summary>
public static class SentenceScorer
{
    /// <summary>Scores one document; all inputs are in text order.</summary>
    public static SentenceScore Score(
        string text, IReadOnlyList<int> goldEnds, IReadOnlyList<int> predictedEnds,
        IReadOnlyList<TextSpan> goldTokens, IReadOnlyList<TextSpan> predictedTokens)
    {
        var gold = Boundaries(text, goldEnds);
        var predicted = Boundaries(text, predictedEnds);
        var all = Match(gold, predicted);
        var inner = Match(gold.Where(o => !ParagraphBreak(text, o)).ToList(), predicted.Where(o => !ParagraphBreak(text, o)).ToList());
        return new SentenceScore(all, inner, MatchSpans(goldTokens, predictedTokens));
    }

    /// <summary>Ends strictly inside the text's content (trailing space trimmed), without duplicates.</summary>
    private static List<int> Boundaries(string text, IReadOnlyList<int> ends)
    {
        int contentEnd = text.AsSpan().TrimEnd().Length;
        var result = new List<int>(ends.Count);
        foreach (var e in ends)
            if (e < contentEnd && (result.Count == 0 || result[^1] != e)) result.Add(e);
        return result;
    }

    /// <summary>True when the first non-space character after <paramref name="offset"/> is preceded by a line break.</summary>
    private static bool ParagraphBreak(string text, int offset)
    {
        for (int i = offset; i < text.Length && char.IsWhiteSpace(text[i]); i++)
            if (text[i] == '\n') return true;
        return false;
    }

    private static PrfCounts Match(List<int> gold, List<int> predicted)
    {
        int g = 0, p = 0, correct = 0;
        while (g < gold.Count && p < predicted.Count)
        {
            if (gold[g] == predicted[p]) { correct++; g++; p++; }
            else if (gold[g] < predicted[p]) g++;
            else p++;
        }
        return new PrfCounts(correct, predicted.Count, gold.Count);
    }

    private static PrfCounts MatchSpans(IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> predicted)
    {
        int g = 0, p = 0, correct = 0;
        while (g < gold.Count && p < predicted.Count)
        {
            var a = gold[g];
            var b = predicted[p];
            if (a == b) { correct++; g++; p++; }
            else if (a.Start < b.Start || (a.Start == b.Start && a.End < b.End)) g++;
            else p++;
        }
        return new PrfCounts(correct, predicted.Count, gold.Count);
    }
}
