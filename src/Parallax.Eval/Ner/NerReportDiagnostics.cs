using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Eval.Ner;

/// <summary>One difference between the tagger alone and the report on a gold span or a report span: its cause group
/// ("lost: retyped ORG→PERSON", "spurious: rules added"), the span's words and the sentence.</summary>
public sealed record NerReportDifference(string Cause, string Words, string Report, string Sentence);

/// <summary>
/// For reading dev errors of the report against the tagger alone: which gold spans the tagger had exactly right and the
/// report lost (dropped, retyped, bounded differently), which the report gained, and the report's spurious spans by
/// where they came from. The cause names group by what can be seen from outside the recognizer (the span's shape and
/// position), which is enough to find the rule behind a large group.
/// </summary>
public static class NerReportDiagnostics
{
    public static List<NerReportDifference> Compare(EntityStage stage, NerTagger tagger, IEnumerable<NerExample> sentences)
    {
        var differences = new List<NerReportDifference>();
        foreach (var s in sentences)
        {
            var predicted = new byte[s.Tokens.Length];
            tagger.Tag(s.Text, s.Tokens, predicted);
            var gold = NerLabels.Spans(s.Labels);
            var tagged = NerLabels.Spans(predicted);
            var report = NerPipelineScore.Spans(stage, s);
            var text = s.Text[s.Tokens[0].Start..s.Tokens[^1].End];
            string Words((int Start, int End, EntityType Type) x) => s.Text[s.Tokens[x.Start].Start..s.Tokens[x.End - 1].End];
            string Shape((int Start, int End, EntityType Type) x)
            {
                var w = s.Text.AsSpan(s.Tokens[x.Start].Start, s.Tokens[x.Start].Length);
                string size = x.End - x.Start == 1 ? "1 word" : "2+ words";
                string where = x.Start == 0 ? ", sentence-initial" : "";
                string caps = (s.Tokens[x.Start].Shape & TokenShape.AllCaps) != 0 ? ", all caps" : "";
                string lower = char.IsLower(w[0]) ? ", lower-case start" : "";
                return size + where + caps + lower;
            }
            bool Real((int Start, int End, EntityType Type) x) => x.Type != EntityType.Other;
            foreach (var g in gold)
            {
                bool taggerRight = tagged.Contains(g), reportRight = report.Contains(g);
                if (taggerRight == reportRight) continue;
                if (reportRight) { differences.Add(new($"gained {g.Type}", Words(g), "", text)); continue; }
                var same = report.FirstOrDefault(r => r.Start == g.Start && r.End == g.End);
                var overlap = report.FirstOrDefault(r => r.Start < g.End && g.Start < r.End);
                string cause = same.End > 0 ? $"lost: retyped {g.Type}→{same.Type}"
                    : overlap.End > 0 ? $"lost {g.Type}: bounds ({(overlap.Start != g.Start ? "start" : "")}{(overlap.End != g.End ? " end" : "")})"
                    : $"lost {g.Type}: dropped ({Shape(g)})";
                differences.Add(new(cause, Words(g), overlap.End > 0 ? $"{Words(overlap)}|{overlap.Type}" : "", text));
            }
            foreach (var r in report.Where(Real))
            {
                if (gold.Contains(r) || tagged.Contains(r)) continue;
                var t = tagged.FirstOrDefault(x => x.Start == r.Start && x.End == r.End);
                bool overlapsGold = gold.Any(x => x.Start < r.End && r.Start < x.End);
                string cause = t.End > 0 ? $"spurious {r.Type}: retyped from tagger's {t.Type}"
                    : tagged.Any(x => x.Start < r.End && r.Start < x.End) ? $"spurious {r.Type}: tagger bounded differently"
                    : $"spurious {r.Type}: rules added ({Shape(r)})";
                if (overlapsGold) cause += " [overlaps gold]";
                differences.Add(new(cause, Words(r), "", text));
            }
        }
        return differences;
    }
}
