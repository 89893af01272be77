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
            // The tokenizer's other shape facts, which the recogniser's rules read.
            int letters = 0, upper = 0;
            foreach (var c in f) if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
            if (letters >= 2 && upper == letters) shape |= TokenShape.AllCaps;
            if (digit) shape |= TokenShape.HasDigit;
            if (f.Contains('-')) shape |= TokenShape.HasHyphen;
            if (f.Contains('.')) shape |= TokenShape.HasPeriod;
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

    /// <summary>The sentences of one document as examples sharing one text (the sentences' texts joined by line breaks,
    /// token offsets moved along), so the tagger's document features (<c>NerDocumentIndex</c>) see the whole document in
    /// training and evaluation, as they do in the pipeline.</summary>
    public static IEnumerable<NerExample> Document(IReadOnlyList<NerExample> sentences)
    {
        if (sentences.Count <= 1) return sentences;
        var text = string.Join('\n', sentences.Select(s => s.Text));
        var examples = new NerExample[sentences.Count];
        int at = 0;
        for (int k = 0; k < sentences.Count; k++)
        {
            var s = sentences[k];
            var tokens = new Token[s.Tokens.Length];
            for (int i = 0; i < tokens.Length; i++)
                tokens[i] = s.Tokens[i] with { Start = s.Tokens[i].Start + at, End = s.Tokens[i].End + at };
            examples[k] = new NerExample(text, tokens, s.Labels);
            at += s.Text.Length + 1;
        }
        return examples;
    }
}
