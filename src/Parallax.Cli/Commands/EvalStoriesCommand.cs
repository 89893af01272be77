using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Eval;
using Parallax.Eval.Coreference;
using Parallax.Eval.Stories;
using Parallax.Stories.Streaming;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval stories</c>: streaming story clustering on ECB+. All documents of the split's topics are streamed
/// together in one interleaved order; stories are scored against the gold sub-topics (each topic's two look-alike
/// events) and the topics, with B-cubed and the adjusted Rand index.
/// </summary>
internal static class EvalStoriesCommand
{
    public static Command Create()
    {
        var shared = EvalCommand.SharedOption();
        var split = new Option<string>("--split") { Description = "dev, test, train or all", DefaultValueFactory = _ => "test" };
        var sweep = new Option<bool>("--sweep") { Description = "Also print scores over a grid of thresholds (for tuning on train/dev)" };
        var prime = new Option<string?>("--prime")
        {
            Description = "Learn word rarity first from another split's documents (no stories from them): train, dev, train+dev or none",
            DefaultValueFactory = _ => null,
        };
        var errors = new Option<bool>("--errors") { Description = "Print each topic's documents as story ids by gold sub-topic" };
        var command = new Command("stories", "Streaming story clustering (B-cubed, adjusted Rand) on ECB+ sub-topics and topics") { shared, split, sweep, prime, errors };
        command.SetAction(r => Run(r.GetValue(shared)!, r.GetValue(split)!, r.GetValue(sweep), r.GetValue(prime), r.GetValue(errors)));
        return command;
    }

    private static int Run(string shared, string split, bool sweep, string? prime, bool errors)
    {
        IReadOnlyList<string> primeSplits;
        try
        {
            StoryClusteringRuns.CheckSplit(split);
            (prime, primeSplits) = StoryClusteringRuns.Background(split, prime);
        }
        catch (ArgumentException e) { throw new UserError(e.Message); }
        var corpus = EcbPlusCorpus.Open(SharedData.Folder(shared, "events", "ecbplus"));
        var topics = corpus.Topics(split);
        var docs = StoryClusteringEvaluation.Prepare(corpus, topics, Environment.ProcessorCount);
        var background = StoryClusteringEvaluation.Prepare(corpus, primeSplits.SelectMany(corpus.Topics).ToList(), Environment.ProcessorCount);
        static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var (sub, topic, stories) = StoryClusteringEvaluation.Score(docs, new StreamingOptions(), background);
        double rate = docs.Count / clock.Elapsed.TotalSeconds;

        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"ECB+ {split} (topics {string.Join(',', topics)}): {docs.Count} documents streamed together; word rarity primed on: {prime}");
        table.AddColumn("level");
        foreach (var c in new[] { "gold clusters", "stories", "B3 P", "B3 R", "B3 F1", "ARI" }) table.AddColumn(new TableColumn(c).RightAligned());
        foreach (var (name, s) in new[] { ("sub-topic", sub), ("topic", topic) })
            table.AddRow(name, s.GoldClusters.ToString(CultureInfo.InvariantCulture), s.PredictedClusters.ToString(CultureInfo.InvariantCulture),
                F(s.BCubed.Precision), F(s.BCubed.Recall), $"[bold]{F(s.BCubed.F1)}[/]", F(s.AdjustedRand));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"clustering: {rate:N0} documents/s (features precomputed; analysis excluded)");
        var pairs = StoryClusteringEvaluation.Pairs(docs, stories);
        static string R((int Pairs, int Together) x) => $"{F(PairFigures.Rate(x))} ({x.Together:N0} of {x.Pairs:N0})";
        AnsiConsole.MarkupLineInterpolated(
            $"pairs in one story: follow-ups (one sub-topic, texts dated on different days) {R(pairs.FollowUps)}; other same-event pairs {R(pairs.SameDay)}; look-alikes (the topic's other sub-topic) {R(pairs.LookAlikes)}");

        if (errors)
            foreach (var g in docs.Select((d, i) => (d, s: stories[i])).GroupBy(x => x.d.Topic).OrderBy(g => g.Key))
                Console.WriteLine($"{g.Key}: " + string.Join("  ", g.GroupBy(x => x.d.SubTopic).OrderBy(x => x.Key, StringComparer.Ordinal)
                    .Select(x => x.Key.Split('/')[1] + "=" + string.Join(',', x.Select(y => y.s).Order()))));

        if (sweep)
            foreach (var (o, sub2, top2) in StoryClusteringRuns.Sweep(docs, background))
                Console.WriteLine(FormattableString.Invariant($"sweep {sub2.BCubed.F1:0.000} {top2.BCubed.F1:0.000} join {o.JoinThreshold:0.00} merge {o.MergeThreshold:0.00} year {o.YearMismatchFactor:0.0} nearest {o.NearestMemberWeight:0.0} family {o.FamilyThreshold:0.00}: sub P {sub2.BCubed.Precision:0.000} R {sub2.BCubed.Recall:0.000} topic P {top2.BCubed.Precision:0.000} R {top2.BCubed.Recall:0.000}"));
        return 0;
    }
}
