using System.CommandLine;
using System.Globalization;
using Parallax.Eval;
using Parallax.Eval.Facts;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval facts --audit eval/ecbplus-disputes-audit.tsv [--casualties FILE] [--shared ../shared]</c>: analyses the
/// ECB+ train/dev sub-topics the audit file names (one story each, as a facts gold's corpus is analysed), matches every
/// fact shown as disputed, updated or agreed to the judged rows, and prints precision (real / judged) per side, split by
/// odd (tuning) and even (check) topic, the false ones still shown by cause, and each unjudged disagreement on one line
/// so a person can judge it and add a row.
/// </summary>
internal static class EvalFactsAuditCommand
{
    public static (Option<string?> Audit, Option<string?> Casualties, Option<string> Shared) Options() => (
        new Option<string?>("--audit") { Description = "Judge shown disputes/agreements against this audit file (eval/ecbplus-disputes-audit.tsv) instead of a gold" },
        new Option<string?>("--casualties") { Description = "With --audit: killed/injured counts per incident (default: ecbplus-casualties-audit.tsv beside the audit file, when present)" },
        EvalCommand.SharedOption());

    public static int Run(string auditPath, string? casualtiesPath, string shared, string? reportPath, string? savePath, bool listJudged)
    {
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        FactAuditFile audit;
        var problems = new List<string>();
        List<CasualtyIncident> incidents = [];
        bool polnear;
        try
        {
            audit = FactAuditFile.Parse(EvalFactsCommand.ReadAll(auditPath), auditPath);
            problems.AddRange(audit.Problems);
            polnear = PolnearFactsCorpus.Is([.. audit.Subtopics]);
            casualtiesPath ??= polnear ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(auditPath))!, "ecbplus-casualties-audit.tsv") is var beside && File.Exists(beside) ? beside : null;
            if (casualtiesPath is not null) incidents = CasualtyAudit.Parse(EvalFactsCommand.ReadAll(casualtiesPath), casualtiesPath, problems);
        }
        catch (FormatException e) { throw new UserError(e.Message); }
        var subtopics = audit.Subtopics.Concat(incidents.Select(i => i.Subtopic)).ToHashSet(StringComparer.Ordinal);

        ReportFacts report;
        string scored;
        try
        {
            if (polnear)
                (report, scored) = Polnear(subtopics, shared, auditPath, reportPath, savePath);
            else if (reportPath is not null)
            {
                report = ReportFacts.Parse(File.ReadAllBytes(EvalFactsCommand.Existing(reportPath)), reportPath);
                scored = reportPath;
            }
            else
            {
                string corpus = SharedData.Folder(shared, "events", "ecbplus");
                var names = subtopics.Order(StringComparer.Ordinal).SelectMany(s => EcbFactsCorpus.SubtopicDocuments(corpus, s, auditPath)).ToList();
                byte[] json = GoldCorpusReport.AnalyseEcb(corpus, names, auditPath);
                if (savePath is not null) File.WriteAllBytes(savePath, json);
                report = ReportFacts.Parse(json, corpus);
                scored = $"a fresh analysis of {subtopics.Count} ECB+ sub-topics ({names.Count} reports)";
            }
        }
        catch (FormatException e) { throw new UserError(e.Message); }
        catch (IOException e) { throw new UserError(e.Message); }
        foreach (var p in problems) err.MarkupLineInterpolated($"[yellow]audit:[/] {p}");

        var score = polnear
            ? FactAudit.Score(report, audit, subtopics, c => PolnearFactsCorpus.SubtopicOfFact(c.Fact), s => s == PolnearFactsCorpus.Train)
            : FactAudit.Score(report, audit, subtopics);
        var (tuningLabel, checkLabel) = polnear ? ("train (tuning)", "dev (check)") : ("odd (tuning)", "even (check)");
        if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 140) AnsiConsole.Profile.Width = 140;
        var table = new Table().Border(TableBorder.Rounded).Title($"facts audit: {Markup.Escape(auditPath)} against {Markup.Escape(scored)}");
        foreach (var c in new[] { "shown as", "topics", "shown", "judged real", "judged false", "unjudged", "precision (real / judged)" })
            table.AddColumn(c == "shown as" || c == "topics" ? new TableColumn(c) : new TableColumn(c).RightAligned());
        foreach (var (label, side) in new[] { ("disputed/updated", score.Disagreements), ("agreed", score.Agreements) })
            foreach (var (topics, t) in new[] { ("all", side.All), (tuningLabel, side.Odd), (checkLabel, side.Even) })
                table.AddRow(topics == "all" ? $"[bold]{label}[/]" : "", topics, $"{t.Shown}", $"{t.Real}", $"{t.False}", $"{t.Unjudged}",
                    topics == "all" ? $"[bold]{F(t.Precision)}[/]" : F(t.Precision));
        AnsiConsole.Write(table);

        foreach (var (label, side) in new[] { ("disputed/updated", score.Disagreements), ("agreed", score.Agreements) })
            if (side.FalseByCause.Count > 0)
                AnsiConsole.MarkupLineInterpolated($"false {label} still shown, by cause: {string.Join(", ", side.FalseByCause.Select(kv => $"{kv.Key} {kv.Value}"))}");
        if (incidents.Count > 0)
        {
            var (found, total) = CasualtyAudit.Count(incidents, report);
            var (measure, value, counts) = CasualtyRecall.Row(found, total);
            AnsiConsole.MarkupLineInterpolated($"{measure}: {value} ({counts})");
        }

        if (listJudged)
            foreach (var (fact, row) in score.Matches.Where(m => m.Fact.Status != "agreed"))
                AnsiConsole.MarkupLineInterpolated($"judged: {fact.Subtopic}\t{fact.Status}\t{TerminalText.Clean(fact.About)}\tby line {row.Line} ({(row.Real ? "real" : "false: " + row.Cause)})");
        var texts = report.Documents.DistinctBy(d => d.Id).ToDictionary(d => d.Id, d => d.Text, StringComparer.Ordinal);
        foreach (var f in score.Disagreements.Unjudged)
        {
            var values = f.Claims.Select(c => $"{c.Doc}:\"{c.Text}\"").Distinct(StringComparer.Ordinal).Take(6);
            var quotes = f.Claims.Take(6).Select(c => texts.TryGetValue(c.Doc, out var t) ? FactAudit.Quote(t, c.Start, c.End) : "");
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]unjudged:[/] {f.Subtopic}\t{f.Status}\t{TerminalText.Clean(f.About)}\t{TerminalText.Clean(string.Join(" | ", values))}\t{TerminalText.Clean(string.Join(" | ", quotes))}");
        }
        return 0;
    }

    /// <summary>The PolNeAR splits the audit names, each analysed as <c>parallax analyze</c> would (or read from
    /// <paramref name="reportPath"/> with the split in its name, as <paramref name="savePath"/> writes them), facts of
    /// multi-outlet stories only.</summary>
    private static (ReportFacts, string) Polnear(IEnumerable<string> subtopics, string shared, string auditPath, string? reportPath, string? savePath)
    {
        string? folder = null;
        var parts = new List<ReportFacts>();
        var scored = new List<string>();
        foreach (var sub in subtopics.Order(StringComparer.Ordinal).Reverse())
        {
            string split = PolnearFactsCorpus.SplitOf(sub, auditPath);
            if (reportPath is null) folder ??= SharedData.Folder(shared, "quotes", "polnear");
            string origin = reportPath is null ? Path.Combine(folder!, split) : PolnearFactsCorpus.SplitPath(reportPath, sub);
            byte[] json = reportPath is null ? PolnearFactsCorpus.Analyse(folder!, split) : File.ReadAllBytes(EvalFactsCommand.Existing(origin));
            if (savePath is not null) File.WriteAllBytes(PolnearFactsCorpus.SplitPath(savePath, sub), json);
            parts.Add(PolnearFactsCorpus.Facts(json, sub, origin));
            scored.Add(reportPath is null ? $"PolNeAR {split} ({parts[^1].Documents.Length} reports)" : origin);
        }
        return (PolnearFactsCorpus.Concat(parts), reportPath is null ? "a fresh analysis of " + string.Join(" and ", scored) : string.Join(" and ", scored));
    }

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("0.000", CultureInfo.InvariantCulture);
}
