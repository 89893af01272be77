using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Eval.Ner;

/// <summary>How a case-robustness copy of an evaluation set writes each sentence.</summary>
public enum NerCase { Normal, Upper, Title }

/// <summary>
/// Case-robustness copies of evaluation sentences, as headlines and datelines write them: each sentence written in
/// capitals (or every word capitalised) while the rest of its document stays as it was, so the tagger sees what a news
/// headline above a normal story looks like. Characters are mapped one for one, so token offsets and gold labels hold.
/// </summary>
public static class NerCaseVariants
{
    public static NerCase Parse(string value) => value switch
    {
        "normal" => NerCase.Normal,
        "upper" => NerCase.Upper,
        "title" => NerCase.Title,
        _ => throw new ArgumentException("--case must be normal, upper or title"),
    };

    /// <summary>Each sentence recased within its own copy of its document's text (the other sentences unchanged).</summary>
    public static List<NerExample> Of(IReadOnlyList<NerExample> sentences, NerCase mode)
    {
        if (mode == NerCase.Normal) return [.. sentences];
        var result = new List<NerExample>(sentences.Count);
        foreach (var s in sentences)
        {
            if (s.Tokens.Length == 0) { result.Add(s); continue; }
            var chars = s.Text.ToCharArray();
            var tokens = new Token[s.Tokens.Length];
            for (int i = 0; i < tokens.Length; i++)
            {
                var t = s.Tokens[i];
                for (int c = t.Start; c < t.End; c++)
                    chars[c] = mode == NerCase.Upper || c == t.Start ? char.ToUpperInvariant(chars[c]) : chars[c];
                tokens[i] = t with { Shape = Shape(chars.AsSpan(t.Start, t.Length), t.Shape) };
            }
            result.Add(new NerExample(new string(chars), tokens, s.Labels));
        }
        return result;
    }

    private static TokenShape Shape(ReadOnlySpan<char> w, TokenShape shape)
    {
        int letters = 0, upper = 0;
        foreach (var c in w) if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
        shape &= ~(TokenShape.Capitalized | TokenShape.AllCaps);
        if (w.Length > 0 && char.IsUpper(w[0])) shape |= TokenShape.Capitalized;
        if (letters >= 2 && upper == letters) shape |= TokenShape.AllCaps;
        return shape;
    }
}
