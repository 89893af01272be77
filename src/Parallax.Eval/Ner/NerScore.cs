using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Eval.Ner;

/// <summary>Counts for one type: true positives, predicted spans, gold spans.</summary>
public readonly record struct NerCounts(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public static NerCounts operator +(NerCounts a, NerCounts b) => new(a.Correct + b.Correct, a.Predicted + b.Predicted, a.Gold + b.Gold);
}

/// <summary>
/// CoNLL-style scoring: a predicted span counts only when its start, end and type all equal a gold span's. Per type and
/// micro-averaged over PERSON, ORG and PLACE.
/// </summary>
public sealed class NerScorer
{
    private readonly NerCounts[] counts = new NerCounts[3];

    /// <summary>[gold type, predicted type] for spans found with exact boundaries; column 3 counts gold spans with no
    /// predicted span of the same boundaries (missed), row 3 predicted spans with no gold span there (spurious).</summary>
    private readonly int[,] confusion = new int[4, 4];

    /// <summary>Adds one sentence's gold and predicted label sequences.</summary>
    public void Add(ReadOnlySpan<byte> gold, ReadOnlySpan<byte> predicted)
    {
        var g = NerLabels.Spans(gold);
        var p = NerLabels.Spans(predicted);
        var goldSet = g.ToHashSet();
        foreach (var s in g) counts[(int)s.Type] += new NerCounts(0, 0, 1);
        foreach (var s in p) counts[(int)s.Type] += new NerCounts(goldSet.Contains(s) ? 1 : 0, 1, 0);
        foreach (var s in g)
        {
            int found = p.FindIndex(x => x.Start == s.Start && x.End == s.End);
            confusion[(int)s.Type, found < 0 ? 3 : (int)p[found].Type]++;
        }
        foreach (var s in p)
            if (!g.Exists(x => x.Start == s.Start && x.End == s.End)) confusion[3, (int)s.Type]++;
    }

    /// <summary>Spans of gold type <paramref name="gold"/> predicted with the same boundaries as <paramref name="predicted"/>;
    /// null stands for "no span there" (missed when predicted is null, spurious when gold is null).</summary>
    public int Confusion(EntityType? gold, EntityType? predicted) => confusion[gold is null ? 3 : (int)gold, predicted is null ? 3 : (int)predicted];

    public NerCounts For(EntityType type) => counts[(int)type];

    /// <summary>Micro average over all three types.</summary>
    public NerCounts Overall => counts[0] + counts[1] + counts[2];
}
