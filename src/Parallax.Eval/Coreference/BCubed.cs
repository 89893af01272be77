namespace Parallax.Eval.Coreference;

/// <summary>Precision, recall and F1 of a clustering.</summary>
public readonly record struct Prf(double Precision, double Recall, int Mentions)
{
    /// <summary>Harmonic mean of precision and recall (0 when both are 0).</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// B-cubed (Bagga and Baldwin 1998): for each mention, precision is the share of its predicted cluster that is in its gold
/// cluster and recall the share of its gold cluster that is in its predicted cluster; both are averaged over mentions.
/// </summary>
public static class BCubed
{
    /// <summary>Scores a clustering. Both arrays are indexed by mention; equal values mean one cluster.</summary>
    public static Prf Score<TGold, TPred>(IReadOnlyList<TGold> gold, IReadOnlyList<TPred> predicted)
        where TGold : notnull where TPred : notnull
    {
        var (p, r) = Sums(gold, predicted);
        return gold.Count == 0 ? new Prf(0, 0, 0) : new Prf(p / gold.Count, r / gold.Count, gold.Count);
    }

    /// <summary>Per-mention precision and recall summed (not averaged), so several topics can be pooled.</summary>
    public static (double Precision, double Recall) Sums<TGold, TPred>(IReadOnlyList<TGold> gold, IReadOnlyList<TPred> predicted)
        where TGold : notnull where TPred : notnull
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("gold and predicted must label the same mentions");
        // Linear: count cluster sizes and the size of each (gold, predicted) intersection once.
        var goldSize = new Dictionary<TGold, int>();
        var predSize = new Dictionary<TPred, int>();
        var both = new Dictionary<(TGold, TPred), int>();
        for (int i = 0; i < gold.Count; i++)
        {
            goldSize[gold[i]] = goldSize.GetValueOrDefault(gold[i]) + 1;
            predSize[predicted[i]] = predSize.GetValueOrDefault(predicted[i]) + 1;
            both[(gold[i], predicted[i])] = both.GetValueOrDefault((gold[i], predicted[i])) + 1;
        }
        double p = 0, r = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            double shared = both[(gold[i], predicted[i])];
            p += shared / predSize[predicted[i]];
            r += shared / goldSize[gold[i]];
        }
        return (p, r);
    }
}
