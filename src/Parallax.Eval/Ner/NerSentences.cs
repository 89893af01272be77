using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Eval.Ner;

/// <summary>Builds tagger examples from gold tokens: the text is the tokens joined by single spaces, so offsets are
/// exact and the tagger sees the corpus's own tokenisation.</summary>
public static class NerSentences
{
    /// <summary>An example from token forms and gold BIO labels (one per form).</summary>
    public static NerExample Build(IReadOnlyList<string> forms, byte[] labels)
    {
        var text = string.Join(' ', forms);
        var tokens = new Token[forms.Count];
        int at = 0;
        for (int i = 0; i < forms.Count; i++)
        {
            var f = forms[i];
            bool letter = false, digit = false;
            foreach (var c in f) { letter |= char.IsLetter(c); digit |= char.IsDigit(c); }
            var kind = letter ? TokenKind.Word : digit ? TokenKind.Number : f.Length > 0 && char.IsPunctuation(f[0]) ? TokenKind.Punctuation : TokenKind.Symbol;
            var shape = i == 0 ? TokenShape.SentenceStart : TokenShape.None;
            if (letter && char.IsUpper(f[0])) shape |= TokenShape.Capitalized;
            tokens[i] = new Token(at, at + f.Length, kind, shape);
            at += f.Length + 1;
        }
        return new NerExample(text, tokens, labels);
    }

    /// <summary>BIO labels from token spans [Start, End).</summary>
    public static byte[] Labels(int count, IEnumerable<(int Start, int End, EntityType Type)> spans)
    {
        var labels = new byte[count];
        foreach (var (s, e, type) in spans)
        {
            labels[s] = NerLabels.Begin(type);
            for (int i = s + 1; i < e; i++) labels[i] = NerLabels.Inside(type);
        }
        return labels;
    }
}
