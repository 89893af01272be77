using Parallax.Analysis.Entities.Tagger;

namespace Parallax.Eval.Ner;

/// <summary>One line per sentence the tagger got wrong, for reading dev errors: the sentence with gold spans in [..|TYPE]
/// and the predicted ones after it.</summary>
public static class NerErrors
{
    public static string? Describe(NerExample sentence, ReadOnlySpan<byte> predicted)
    {
        var gold = NerLabels.Spans(sentence.Labels);
        var found = NerLabels.Spans(predicted[..sentence.Tokens.Length]);
        if (gold.SequenceEqual(found)) return null;
        string Span((int Start, int End, Parallax.Model.EntityType Type) s) =>
            $"{sentence.Text[sentence.Tokens[s.Start].Start..sentence.Tokens[s.End - 1].End]}|{s.Type}";
        var missed = gold.Except(found).Select(Span);
        var spurious = found.Except(gold).Select(Span);
        return $"missed [{string.Join("; ", missed)}] spurious [{string.Join("; ", spurious)}] in: {sentence.Text[sentence.Tokens[0].Start..sentence.Tokens[^1].End]}";
    }
}
