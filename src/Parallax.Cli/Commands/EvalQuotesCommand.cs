using System.CommandLine;
using System.Globalization;
using Parallax.Eval.Quotes;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval quotes</c>: content, cue and source P/R/F1 and direct-quote speaker accuracy of the quote extractor
/// on PolNeAR, per publisher and overall, and the quote stage's words/s on one core. Matching rules (exact after
/// trimming marks and edge punctuation, what counts as direct, one annotator per text) are in
/// <see cref="QuoteScorer"/> and <see cref="QuoteEvaluation"/>.
/// </summary>
internal static class EvalQuotesCommand
{
    public static Command Create()
    {
        var shared = EvalCommand.SharedOption();
        var split = new Option<string>("--split") { Description = "PolNeAR split: dev or train", DefaultValueFactory = _ => "dev" };
        var errors = new Option<int>("--errors") { Description = "Print up to N missed, invented and misbounded contents", DefaultValueFactory = _ => 0 };
        var command = new Command("quotes", "Attribution content/cue/source F1 and speaker accuracy on PolNeAR, and quote-stage words/s") { shared, split, errors };
        command.SetAction(r => Run(r.GetValue(shared)!, r.GetValue(split)!, r.GetValue(errors)));
        return command;
    }

    private static int Run(string shared, string split, int errors)
    {
        QuoteEvaluationResult result;
        try { result = QuoteEvaluation.Run(shared, split); }
        catch (ArgumentException e) { throw new UserError(e.Message); }

        if (errors > 0)
            foreach (var e in result.Documents.SelectMany(d => d.Errors).Take(errors))
                Console.WriteLine($"{e.What,-18} {e.Document[..Math.Min(40, e.Document.Length)],-40} {e.Text}");

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"PolNeAR {split}: attributions ({result.Documents.Count} texts, first annotator file by name)");
        table.AddColumn("publisher");
        table.AddColumn(new TableColumn("texts").RightAligned());
        foreach (var c in new[] { "content ovl P/R/F1", "content exact F1", "direct ovl P/R/F1", "direct exact F1", "cue F1", "source exact P/R/F1", "source ovl F1", "speaker acc" })
            table.AddColumn(new TableColumn(c).RightAligned());
        foreach (var (publisher, docs, s) in result.ByPublisher()) AddRow(table, Markup.Escape(publisher), docs, s);
        AddRow(table, "[bold]overall[/]", result.Documents.Count, result.Overall);
        // Ten columns do not fit 80 characters: a redirected run (a log, a closing note) gets the width a terminal would.
        if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 180) AnsiConsole.Profile.Width = 180;
        AnsiConsole.Write(table);

        var all = result.Overall;
        AnsiConsole.MarkupLineInterpolated(
            $"gold: {all.ContentOverlap.Gold:N0} contents ({all.DirectOverlap.Gold:N0} direct), {all.Cue.Gold:N0} cues, {all.SourceExact.Gold:N0} sources, {all.Speaker.Total:N0} direct quotes with a source; predicted: {all.ContentOverlap.Predicted:N0} contents ({all.DirectOverlap.Predicted:N0} direct), {all.Cue.Predicted:N0} cues, {all.SourceExact.Predicted:N0} sources");
        AnsiConsole.MarkupLineInterpolated(
            $"targets: direct content F1 overlap {F(all.DirectOverlap.F1)} (≥ 0.90), exact {F(all.DirectExact.F1)} (≥ 0.80); source exact {F(all.SourceExact.F1)} (≥ 0.85); all content overlap {F(all.ContentOverlap.F1)} (≥ 0.70)");
        foreach (var s in result.Skipped) AnsiConsole.MarkupLineInterpolated($"[grey]skipped {s}[/]");
        AnsiConsole.MarkupLineInterpolated(
            $"speed, quote stage alone given tokens, sentences and entities, one core: {result.Speed.WordsPerSecond:N0} words/s wall, {result.Speed.WordsPerCpuSecond:N0} words/s CPU (target 1,000,000)");
        return 0;
    }

    private static void AddRow(Table table, string name, int docs, QuoteScore s) =>
        table.AddRow(name, $"{docs}", Prf(s.ContentOverlap), F(s.ContentExact.F1), Prf(s.DirectOverlap), F(s.DirectExact.F1),
            F(s.Cue.F1), Prf(s.SourceExact), F(s.SourceOverlap.F1), F(s.Speaker.Accuracy));

    private static string Prf(SpanCounts c) => $"{F(c.Precision)}/{F(c.Recall)}/{F(c.F1)}";

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
