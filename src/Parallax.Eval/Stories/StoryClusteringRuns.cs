using Parallax.Stories.Streaming;

namespace Parallax.Eval.Stories;

/// <summary>One point of a threshold sweep: the options tried and the scores they gave.</summary>
public sealed record SweepPoint(StreamingOptions Options, ClusteringScore SubTopic, ClusteringScore Topic);

/// <summary>
/// The split policy of the story-clustering evaluation (which ECB+ split is scored, which splits teach word rarity
/// first) and the threshold sweep used for tuning on train/dev. Refusals are <see cref="ArgumentException"/>s whose
/// message is one line for the user.
/// </summary>
public static class StoryClusteringRuns
{
    public static readonly IReadOnlyList<string> Splits = ["dev", "test", "train", "all"];

    public static void CheckSplit(string split)
    {
        if (!Splits.Contains(split)) throw new ArgumentException($"unknown split '{split}' (dev, test, train, all)");
    }

    /// <summary>The splits whose documents prime word rarity: by default the training topics for dev and test, none for
    /// train itself; never the split being scored.</summary>
    public static (string Prime, IReadOnlyList<string> Splits) Background(string split, string? prime)
    {
        prime ??= split is "dev" or "test" ? "train" : "none";
        string[] splits = prime == "none" ? [] : prime.Split('+');
        if (splits.Any(p => p is not ("train" or "dev") || p == split))
            throw new ArgumentException($"--prime: '{prime}' must name train and/or dev, and not the split being scored");
        return (prime, splits);
    }

    /// <summary>Scores over a grid of thresholds (for tuning on train/dev only).</summary>
    public static IEnumerable<SweepPoint> Sweep(IReadOnlyList<StreamedDocument> docs, IReadOnlyList<StreamedDocument> background)
    {
        foreach (var join in new[] { 0.15, 0.2, 0.25, 0.3 })
            foreach (var merge in new[] { 0.5, 9.0 })
                foreach (var year in new[] { 0.5, 0.7, 1.0 })
                    foreach (var nearest in new[] { 0.0, 0.3, 0.5, 0.7, 1.0 })
                        foreach (var family in new[] { 0.1, 0.15, 0.2 })
                        {
                            var options = new StreamingOptions
                            {
                                JoinThreshold = join, MergeThreshold = merge, YearMismatchFactor = year, NearestMemberWeight = nearest, FamilyThreshold = family,
                            };
                            var (s, t, _) = StoryClusteringEvaluation.Score(docs, options, background);
                            yield return new SweepPoint(options, s, t);
                        }
    }
}
