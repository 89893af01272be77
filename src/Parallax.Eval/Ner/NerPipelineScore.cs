using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Eval.Ner;

/// <summary>
/// Scores what the report shows rather than the tagger alone: each gold sentence runs through the entity stage (rules
/// with the tagger, as in the pipeline) as a one-sentence document, and its PERSON/ORG/PLACE mentions are compared with
/// the gold spans (Other mentions are not names of those types and count as no prediction).
/// </summary>
public static class NerPipelineScore
{
    public static NerScorer Score(EntityStage stage, IEnumerable<NerExample> sentences)
    {
        var scorer = new NerScorer();
        foreach (var s in sentences)
            scorer.Add(s.Labels, NerSentences.Labels(s.Tokens.Length, Spans(stage, s).Where(x => x.Type != EntityType.Other)));
        return scorer;
    }

    /// <summary>The report's mentions of one gold sentence (run as a one-sentence document) as token spans [start, end),
    /// Other mentions included; mentions not on token boundaries or overlapping an earlier one are left out.</summary>
    public static List<(int Start, int End, EntityType Type)> Spans(EntityStage stage, NerExample s)
    {
        var doc = new Document
        {
            Id = "s", Origin = "s", Text = s.Text, Tokens = [.. s.Tokens],
            Sentences = [new Sentence(s.Tokens[0].Start, s.Tokens[^1].End, 0, s.Tokens.Length)],
            Layers = Layers.Tokens | Layers.Sentences,
        };
        var found = stage.Run(doc, CancellationToken.None).Entities;
        var spans = new List<(int, int, EntityType)>();
        int t = 0;
        foreach (var m in found)
        {
            while (t < s.Tokens.Length && s.Tokens[t].Start < m.Start) t++;
            int e = t;
            while (e < s.Tokens.Length && s.Tokens[e].End <= m.End) e++;
            if (t < s.Tokens.Length && s.Tokens[t].Start == m.Start && e > t && s.Tokens[e - 1].End == m.End
                && (spans.Count == 0 || spans[^1].Item2 <= t))
                spans.Add((t, e, m.Type));
        }
        return spans;
    }
}
