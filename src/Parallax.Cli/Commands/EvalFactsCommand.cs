using System.CommandLine;
using System.Globalization;
using Parallax.Eval.Facts;
using Parallax.Workflow;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval facts GOLD [--report report.json]</c>: pairwise grouping precision/recall/F1 and verdict accuracy of a
/// report's facts against a gold file (docs/facts-gold.md). Without <c>--report</c> the gold's corpus is analysed first and
/// scored through the same report.json contract, so a stored report and a fresh run are judged alike.
/// </summary>
internal static class EvalFactsCommand
{
    public static Command Create()
    {
        var gold = new Argument<string?>("gold") { Description = "A facts gold file (parallax.facts-gold/1, see docs/facts-gold.md)", Arity = ArgumentArity.ZeroOrOne };
        var report = new Option<string?>("--report") { Description = "Score this report.json instead of analysing the gold's corpus" };
        var verbose = new Option<bool>("--facts") { Description = "List every gold fact with where its claims landed" };
        var save = new Option<string?>("--save") { Description = "Also write the fresh analysis to this report.json" };
        var (audit, casualties, shared) = EvalFactsAuditCommand.Options();
        var command = new Command("facts", "Fact grouping P/R/F1 (pairwise over claims) and verdict accuracy against a gold file") { gold, report, verbose, save, audit, casualties, shared };
        command.SetAction(r => r.GetValue(audit) is { } auditPath
            ? EvalFactsAuditCommand.Run(auditPath, r.GetValue(casualties), r.GetValue(shared)!, r.GetValue(report), r.GetValue(save), r.GetValue(verbose))
            : Run(r.GetValue(gold) ?? throw new UserError("eval facts: give a gold file, or --audit FILE"), r.GetValue(report), r.GetValue(verbose), r.GetValue(save)));
        return command;
    }

    private static int Run(string goldPath, string? reportPath, bool listFacts, string? savePath)
    {
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        FactGold gold;
        try { gold = FactGold.Parse(ReadAll(goldPath), goldPath); }
        catch (FormatException e) { throw new UserError(e.Message); }

        ReportFacts facts;
        string scored;
        try
        {
            if (reportPath is not null)
            {
                facts = ReportFacts.Parse(File.ReadAllBytes(Existing(reportPath)), reportPath);
                scored = reportPath;
            }
            else
            {
                var corpus = GoldCorpusReport.CorpusPath(gold, goldPath) ?? throw new UserError($"{goldPath}: names no \"corpus\"; pass --report report.json");
                byte[] json;
                try
                {
                    json = GoldCorpusReport.Analyse(gold, goldPath, corpus, rej =>
                        err.MarkupLineInterpolated($"[yellow]warning:[/] skipped {TerminalText.Clean(rej.Origin)}: {TerminalText.Clean(rej.Reason)}"));
                }
                catch (NothingReadException e) { throw new UserError(e.Message, 1); }
                if (savePath is not null) File.WriteAllBytes(savePath, json);
                facts = ReportFacts.Parse(json, corpus);
                scored = $"a fresh analysis of {gold.Corpus}";
            }
        }
        catch (FormatException e) { throw new UserError(e.Message); }
        catch (IOException e) { throw new UserError(e.Message); }

        var score = FactScorer.Score(gold, facts);
        foreach (var p in score.Problems) err.MarkupLineInterpolated($"[yellow]gold:[/] {p}");

        if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 140) AnsiConsole.Profile.Width = 140;
        if (listFacts)
        {
            var list = new Table().Border(TableBorder.Rounded).Title("gold facts");
            foreach (var c in new[] { "gold fact", "gold", "report", "fact", "claims found", "split over" }) list.AddColumn(c);
            foreach (var f in score.Facts)
                list.AddRow(Markup.Escape(f.Gold.Id), f.Gold.Status, f.StatusCorrect ? f.PredictedStatus! : $"[red]{f.PredictedStatus ?? "missing"}[/]",
                    Markup.Escape(f.PredictedFact ?? "-"), $"{f.Found}/{f.Gold.Claims.Length}", $"{f.PredictedFacts}");
            AnsiConsole.Write(list);
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"facts: {Markup.Escape(goldPath)} against {Markup.Escape(scored)}");
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn("counts");
        table.AddRow("grouping precision (pairwise)", F(score.PairPrecision), $"{score.TruePairs:N0} of {score.PredictedPairs:N0} predicted pairs");
        table.AddRow("grouping recall (pairwise)", F(score.PairRecall), $"{score.TruePairs:N0} of {score.GoldPairs:N0} gold pairs");
        table.AddRow("[bold]grouping F1[/]", F(score.PairF1), "");
        table.AddRow("[bold]status accuracy[/]", F(score.StatusAccuracy), $"{score.StatusCorrect} of {score.Facts.Length} gold facts");
        table.AddRow("claims found", F(score.ClaimRecall), $"{score.ClaimsFound} of {score.ClaimsTotal} gold claims");
        foreach (var (measure, value, counts) in FactFigures.Rows(score)) table.AddRow(Markup.Escape(measure), value, Markup.Escape(counts));
        table.AddRow("non-claims reported as facts", $"{score.NonClaimsReported.Length}", $"of {score.NonClaimsTotal} marked");
        AnsiConsole.Write(table);
        foreach (var line in FactFigures.ConfusionLines(score)) AnsiConsole.MarkupLineInterpolated($"{line}");
        foreach (var n in score.NonClaimsReported) AnsiConsole.MarkupLineInterpolated($"[red]non-claim reported:[/] \"{n.Phrase}\" in {n.Doc}");
        return 0;
    }

    internal static string Existing(string path) =>
        File.Exists(path) || Directory.Exists(path) ? path : throw new UserError($"not found: {path}");

    internal static string ReadAll(string path)
    {
        try { return File.ReadAllText(Existing(path)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UserError($"cannot read {path}: {e.Message}"); }
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
