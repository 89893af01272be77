using System.CommandLine;
using System.Globalization;
using Parallax.Eval;
using Parallax.Eval.Coreference;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval entities</c>: cross-document named-entity coreference on ECB+ (gold named mentions, the merger's
/// entities against the gold CROSS_DOC_COREF clusters), B-cubed per topic and pooled over the split's mentions, with an
/// exact-string baseline beside it.
/// </summary>
internal static class EvalEntitiesCommand
{
    public static Command Create()
    {
        var shared = EvalCommand.SharedOption();
        var split = new Option<string>("--split") { Description = "dev, test, train or all", DefaultValueFactory = _ => "dev" };
        var allSentences = new Option<bool>("--all-sentences")
        {
            Description = "Score mentions in every sentence, not only the sentences the corpus authors validated for evaluation",
        };
        var errors = new Option<int>("--errors") { Description = "Print up to N merging mistakes (split and mixed clusters)", DefaultValueFactory = _ => 0 };
        var command = new Command("entities", "Cross-document named-entity coreference (B-cubed) on ECB+") { shared, split, allSentences, errors };
        command.SetAction(r => Run(r.GetValue(shared)!, r.GetValue(split)!, r.GetValue(allSentences), r.GetValue(errors)));
        return command;
    }

    private static int Run(string shared, string split, bool allSentences, int maxErrors)
    {
        if (split is not ("dev" or "test" or "train" or "all")) throw new UserError($"unknown split '{split}' (dev, test, train, all)");
        var corpus = EcbPlusCorpus.Open(SharedData.Folder(shared, "events", "ecbplus"));
        var eval = new EntityCoreferenceEvaluation(corpus, validatedSentencesOnly: !allSentences);
        var topics = corpus.Topics(split);
        var errors = maxErrors > 0 ? new List<CoreferenceError>() : null;
        var scores = topics.Select(t => eval.Score(t, errors)).ToList();
        var (merger, baseline) = EntityCoreferenceEvaluation.Pool(scores);

        // Redirected output would be cut to 80 columns; the table needs about 110.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"ECB+ {split}: cross-document named-entity coreference, B-cubed ({(allSentences ? "all sentences" : "validated sentences")})");
        table.AddColumn("topic");
        foreach (var c in new[] { "docs", "mentions", "gold clusters", "P", "R", "F1", "baseline P", "baseline R", "baseline F1" })
            table.AddColumn(new TableColumn(c).RightAligned());
        static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        foreach (var s in scores)
            table.AddRow(s.Topic.ToString(CultureInfo.InvariantCulture), s.Documents.ToString(CultureInfo.InvariantCulture),
                s.Merger.Mentions.ToString(CultureInfo.InvariantCulture), s.GoldClusters.ToString(CultureInfo.InvariantCulture),
                F(s.Merger.Precision), F(s.Merger.Recall), F(s.Merger.F1), F(s.Baseline.Precision), F(s.Baseline.Recall), F(s.Baseline.F1));
        table.AddEmptyRow();
        table.AddRow("[bold]all[/]", scores.Sum(s => s.Documents).ToString(CultureInfo.InvariantCulture),
            merger.Mentions.ToString(CultureInfo.InvariantCulture), scores.Sum(s => s.GoldClusters).ToString(CultureInfo.InvariantCulture),
            F(merger.Precision), F(merger.Recall), $"[bold]{F(merger.F1)}[/]", F(baseline.Precision), F(baseline.Recall), F(baseline.F1));
        AnsiConsole.Write(table);

        AnsiConsole.MarkupLineInterpolated(
            $"merger speed: {eval.MentionsPerSecond(topics):N0} mentions/s on one core (every topic merged 20 times; reading the XML excluded)");

        if (errors is not null)
            foreach (var e in errors.Take(maxErrors))
                Console.WriteLine($"{e.Topic} {e.Kind}: {string.Join("  ||  ", e.Groups)}");
        return 0;
    }
}
