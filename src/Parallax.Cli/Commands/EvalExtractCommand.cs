using System.CommandLine;
using System.Globalization;
using Parallax.Eval.Extraction;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval extract</c>: main-text extraction on the trafilatura evaluation set — must-keep / must-drop snippet
/// precision, recall and F1 (<see cref="SnippetCounts"/>), pages/s on one core — for Parallax and, in the same run,
/// SmartReader alone and Mozilla Readability through Node when available, with the ratios.
/// </summary>
internal static class EvalExtractCommand
{
    public static Command Create()
    {
        var shared = EvalCommand.SharedOption();
        var limit = new Option<int>("--limit") { Description = "Score only the first N pages", DefaultValueFactory = _ => int.MaxValue };
        var readability = new Option<string?>("--readability")
        {
            Description = "Folder where `npm install @mozilla/readability linkedom` was run (default: $PARALLAX_READABILITY); skipped when absent",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PARALLAX_READABILITY"),
        };
        var noPeers = new Option<bool>("--no-peers") { Description = "Score Parallax only" };
        var errors = new Option<int>("--errors") { Description = "Print up to N pages of the tuning half (even pages) with missed or leaked snippets", DefaultValueFactory = _ => 0 };
        var command = new Command("extract", "Main-text extraction P/R/F1 and pages/s on trafilatura-eval, beside SmartReader and Readability")
            { shared, limit, readability, noPeers, errors };
        command.SetAction(r => Run(r.GetValue(shared)!, r.GetValue(limit), r.GetValue(readability), r.GetValue(noPeers), r.GetValue(errors)));
        return command;
    }

    private static int Run(string shared, int limit, string? readabilityDir, bool noPeers, int errors)
    {
        if (limit <= 0) throw new UserError("--limit must be positive");
        ExtractionSet set;
        try { set = ExtractionSet.Open(shared, limit); }
        catch (InvalidOperationException e) { throw new UserError(e.Message); }
        using (set)
        {
            var pages = ExtractionEvaluation.Load(set);
            var outputs = new List<PageOutput>();
            var results = new List<ExtractorResult> { ExtractionEvaluation.Parallax(set, pages, outputs) };
            string? readabilityNote = null;
            if (!noPeers)
            {
                results.Add(ExtractionEvaluation.Parallax(set, pages, null, Parallax.Ingest.HtmlTextMode.SmartReader));
                results.Add(ExtractionEvaluation.SmartReaderAlone(set, pages));
                var (r, skipped) = ExtractionEvaluation.Readability(set, pages, readabilityDir);
                if (r is not null) results.Add(r); else readabilityNote = skipped;
            }

            if (errors > 0) PrintErrors(outputs, errors);

            var ours = results[0];
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"trafilatura-eval: {set.Pages.Count} pages, {set.Pages.Sum(p => p.With.Count)} must-keep and {set.Pages.Sum(p => p.Without.Count)} must-drop snippets");
            table.AddColumn("extractor");
            foreach (var c in new[] { "precision", "recall", "F1", "accuracy", "no output", "pages/s (1 core)", "Parallax speed ×" })
                table.AddColumn(new TableColumn(c).RightAligned());
            foreach (var r in results)
            {
                table.AddRow(Markup.Escape(r.Name), F(r.Counts.Precision), F(r.Counts.Recall), F(r.Counts.F1), F(r.Counts.Accuracy),
                    r.Empty.ToString(CultureInfo.InvariantCulture), r.PagesPerSecond.ToString("0.0", CultureInfo.InvariantCulture),
                    ReferenceEquals(r, ours) ? "1.00" : (ours.PagesPerSecond / r.PagesPerSecond).ToString("0.00", CultureInfo.InvariantCulture));
            }
            if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 140) AnsiConsole.Profile.Width = 140;
            AnsiConsole.Write(table);
            foreach (var r in results.Skip(1))
                AnsiConsole.MarkupLineInterpolated(
                    $"Parallax vs {r.Name}: F1 {ours.Counts.F1:0.000} vs {r.Counts.F1:0.000} ({ours.Counts.F1 - r.Counts.F1:+0.000;-0.000}), speed ×{ours.PagesPerSecond / r.PagesPerSecond:0.00}");
            var english = ExtractionSplits.English(outputs);
            int englishPages = english.Count(e => e);
            foreach (var r in results)
            {
                var c = r.Over(i => english[i]);
                AnsiConsole.MarkupLineInterpolated($"{r.Name} on the {englishPages} pages declared English: P {F(c.Precision)} R {F(c.Recall)} F1 {F(c.F1)}");
            }
            foreach (var r in results)
            {
                var train = r.Over(ExtractionSplits.Tuning);
                var held = r.Over(ExtractionSplits.HeldOut);
                AnsiConsole.MarkupLineInterpolated(
                    $"{r.Name}: tuning half (even pages) P {F(train.Precision)} R {F(train.Recall)} F1 {F(train.F1)}; held-out half (odd pages) P {F(held.Precision)} R {F(held.Recall)} F1 {F(held.F1)}");
            }
            int fallbacks = ExtractionEvaluation.BlockFallbacks(pages);
            AnsiConsole.MarkupLineInterpolated(
                $"SmartReader fallback (block text under {Parallax.Ingest.Html.HtmlExtractor.MinBlockChars} chars): {fallbacks} of {pages.Count} pages ({100.0 * fallbacks / Math.Max(1, pages.Count):0.0}%)");
            var (wall, perCpu) = ExtractionEvaluation.BlockSpeed(pages);
            AnsiConsole.MarkupLineInterpolated(
                $"block extractor alone (decoded pages, one thread, 3 rounds): {wall:0} pages/s wall, {perCpu:0} pages per CPU-second");
            if (readabilityNote is not null) AnsiConsole.MarkupLineInterpolated($"Readability skipped: {readabilityNote}");
            PrintMetadata(outputs);
        }
        return 0;
    }

    /// <summary>Parallax's metadata against the set's date, author and title annotations (<see cref="MetadataScore"/>).</summary>
    private static void PrintMetadata(List<PageOutput> outputs)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("metadata (pages annotated with the field)");
        table.AddColumn("field");
        foreach (var c in new[] { "pages", "precision", "recall", "F1" }) table.AddColumn(new TableColumn(c).RightAligned());
        void Row(string name, MetadataScore.Counts c) =>
            table.AddRow(name, c.Pages.ToString(CultureInfo.InvariantCulture), F(c.Precision), F(c.Recall), F(c.F1));
        Row("date", MetadataScore.Score(outputs.Select(o => (o.Page.Date,
            o.Metadata?.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), MetadataScore.SameText));
        Row("author", MetadataScore.Score(outputs.Select(o => (o.Page.Author,
            o.Metadata?.Authors is { } a ? string.Join("; ", a.Value) : null)), MetadataScore.SameNames));
        Row("title", MetadataScore.Score(outputs.Select(o => (o.Page.Title, o.Metadata?.Title?.Value)), MetadataScore.SameText));
        AnsiConsole.Write(table);
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static void PrintErrors(List<PageOutput> outputs, int max)
    {
        // Only the tuning half (even pages), so that looking at errors does not leak the held-out half into tuning.
        foreach (var o in outputs.Where((o, i) => i % 2 == 0 && o.Counts.FalseNegatives + o.Counts.FalsePositives > 0)
                     .OrderByDescending(o => o.Counts.FalseNegatives + o.Counts.FalsePositives).Take(max))
        {
            Console.WriteLine($"{o.Page.File} (missed {o.Counts.FalseNegatives}, leaked {o.Counts.FalsePositives}, {o.Text.Length} chars)");
            var text = SnippetCounts.CollapseWhiteSpace(o.Text);
            foreach (var s in o.Page.With.Where(s => !text.Contains(SnippetCounts.CollapseWhiteSpace(s), StringComparison.Ordinal)))
                Console.WriteLine($"   missed: {Short(s)}");
            foreach (var s in o.Page.Without.Where(s => text.Contains(SnippetCounts.CollapseWhiteSpace(s), StringComparison.Ordinal)))
                Console.WriteLine($"   leaked: {Short(s)}");
        }
    }

    private static string Short(string s) => s.Length <= 100 ? s : s[..100] + "…";
}
