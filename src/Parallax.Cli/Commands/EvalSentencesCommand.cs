using System.CommandLine;
using Parallax.Eval.Sentences;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval sentences</c>: sentence-boundary and token F1 of the tokenizer and sentence splitter on GUM, per
/// genre and overall, and their speed on one core. Text is rebuilt from the CoNLL-U with one space between sentences
/// and a line break between paragraphs (see <see cref="ConlluText"/>); the "inside paragraphs" column scores only the
/// boundaries no line break gives away.
/// </summary>
internal static class EvalSentencesCommand
{
    public static Command Create()
    {
        var shared = EvalCommand.SharedOption();
        var split = new Option<string>("--split") { Description = "GUM split: train, dev, test or test2", DefaultValueFactory = _ => "test" };
        var errors = new Option<int>("--errors") { Description = "Print up to N missed and invented boundaries per genre, with context", DefaultValueFactory = _ => 0 };
        var command = new Command("sentences", "Sentence-boundary and token F1 on GUM, and tokenizer + splitter tokens/s") { shared, split, errors };
        command.SetAction(r => Run(r.GetValue(shared)!, r.GetValue(split)!, r.GetValue(errors)));
        return command;
    }

    private static int Run(string shared, string split, int errors)
    {
        SentenceEvaluationResult result;
        try { result = SentenceEvaluation.Run(shared, split); }
        catch (ArgumentException e) { throw new UserError(e.Message); }

        if (errors > 0)
            foreach (var genre in result.Documents.GroupBy(d => d.Genre, StringComparer.Ordinal))
                foreach (var e in genre.SelectMany(d => d.Errors).Take(errors))
                    Console.WriteLine($"{genre.Key,-12} {(e.Missed ? "missed " : "invented")}  {e.Context}");

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"GUM {split}: sentence boundaries and tokens ({result.Documents.Count} documents)");
        table.AddColumn("genre");
        table.AddColumn(new TableColumn("docs").RightAligned());
        table.AddColumn(new TableColumn("sentences").RightAligned());
        table.AddColumn(new TableColumn("sent P").RightAligned());
        table.AddColumn(new TableColumn("sent R").RightAligned());
        table.AddColumn(new TableColumn("sent F1").RightAligned());
        table.AddColumn(new TableColumn("inside ¶ F1").RightAligned());
        table.AddColumn(new TableColumn("token F1").RightAligned());
        foreach (var (genre, docs, sentences, score) in result.ByGenre())
            table.AddRow(Markup.Escape(genre), $"{docs}", $"{sentences:N0}", F(score.Boundaries.Precision), F(score.Boundaries.Recall),
                F(score.Boundaries.F1), F(score.InnerBoundaries.F1), F(score.Tokens.F1));
        var all = result.Overall;
        table.AddRow("[bold]overall[/]", $"{result.Documents.Count}", $"{result.Documents.Sum(d => d.Sentences):N0}",
            F(all.Boundaries.Precision), F(all.Boundaries.Recall), $"[bold]{F(all.Boundaries.F1)}[/]", F(all.InnerBoundaries.F1), F(all.Tokens.F1));
        AnsiConsole.Write(table);

        AnsiConsole.MarkupLineInterpolated(
            $"boundaries: {all.Boundaries.Correct:N0} right of {all.Boundaries.Gold:N0} gold, {all.Boundaries.Predicted:N0} predicted; inside paragraphs: {all.InnerBoundaries.Correct:N0} of {all.InnerBoundaries.Gold:N0} gold, {all.InnerBoundaries.Predicted:N0} predicted");
        AnsiConsole.MarkupLineInterpolated(
            $"tokens: {all.Tokens.Correct:N0} exact of {all.Tokens.Gold:N0} gold, {all.Tokens.Predicted:N0} predicted (P {F(all.Tokens.Precision)}, R {F(all.Tokens.Recall)})");
        foreach (var s in result.Skipped) AnsiConsole.MarkupLineInterpolated($"[grey]skipped {s}[/]");
        AnsiConsole.MarkupLineInterpolated(
            $"speed, tokenizer + sentence splitter, one core: {result.Speed.TokensPerSecond:N0} tokens/s wall, {result.Speed.TokensPerCpuSecond:N0} tokens/s CPU ({result.Speed.CharactersPerSecond / 1e6:N1} M chars/s wall) on GUM {split}");
        AnsiConsole.MarkupLineInterpolated(
            $"speed on GUM news: {result.NewsSpeed.TokensPerSecond:N0} tokens/s wall, {result.NewsSpeed.TokensPerCpuSecond:N0} tokens/s CPU (target 5,000,000)");
        return 0;
    }

    private static string F(double v) => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
