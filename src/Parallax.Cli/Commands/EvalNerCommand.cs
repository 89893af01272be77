using System.CommandLine;
using System.Diagnostics;
using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Eval.Ner;
using Parallax.Model;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval ner</c>: exact span-and-type precision, recall and F1 (CoNLL style) of the named-entity tagger per
/// data set and type, on gold tokens and sentences: GUM, UNER English-EWT and WNUT17 on the chosen split, wikigold whole.
/// Also prints the tagger's tokens/s on one core and the embedded model's load time.
/// </summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var shared = EvalCommand.SharedOption();
        var split = new Option<string>("--split") { Description = "dev (for tuning) or test (the final figure)", DefaultValueFactory = _ => "test" };
        var modelPath = new Option<string?>("--model") { Description = "A model file to score instead of the embedded one" };
        var errors = new Option<int>("--errors") { Description = "Print up to this many wrong sentences per dev set (dev split only)" };
        var reportErrors = new Option<int>("--report-errors")
        {
            Description = "Print where the report differs from the tagger alone per dev set, grouped by cause, with up to this many examples per cause (dev split only)",
        };
        var casing = new Option<string>("--case") { Description = "normal, or upper / title: each sentence written in capitals / every word capitalised (headline robustness)", DefaultValueFactory = _ => "normal" };
        var command = new Command("ner", "Score the named-entity tagger on GUM, UNER EWT, wikigold and WNUT17") { shared, split, modelPath, errors, reportErrors, casing };
        command.SetAction(r => Run(r.GetValue(shared)!, r.GetValue(split)!, r.GetValue(modelPath), r.GetValue(errors), r.GetValue(reportErrors), r.GetValue(casing)!));
        return command;
    }

    private static int Run(string shared, string split, string? modelPath, int errors, int reportErrors, string casing)
    {
        if (split is not ("dev" or "test")) throw new UserError("--split must be dev or test");
        if (casing is not ("normal" or "upper" or "title")) throw new UserError("--case must be normal, upper or title");
        if ((errors > 0 || reportErrors > 0) && split != "dev") throw new UserError($"{(errors > 0 ? "--errors" : "--report-errors")} is for the dev split only (test sets are not for looking at)");
        var loadClock = Stopwatch.StartNew();
        NerModel? model;
        if (modelPath is null) model = NerModelResource.Load();
        else
        {
            if (!File.Exists(modelPath)) throw new UserError($"model not found: {modelPath}");
            using var file = File.OpenRead(modelPath);
            model = NerModel.Load(new BufferedStream(file, 1 << 16));
        }
        var loadMs = loadClock.Elapsed.TotalMilliseconds;
        if (model is null) throw new UserError("no NER model is embedded; run `parallax train ner` first");
        var tagger = new NerTagger(model, EntityLexicon.Default);

        List<NerDataSet> sets;
        try { sets = NerDataSets.Evaluation(shared, split); }
        catch (FileNotFoundException e) { throw new UserError(e.Message); }
        var mode = NerCaseVariants.Parse(casing);
        if (mode != NerCase.Normal) sets = [.. sets.Select(s => new NerDataSet($"{s.Name} ({casing})", NerCaseVariants.Of(s.Sentences, mode)))];

        var table = new Table().AddColumns("data set", "type", "P", "R", "F1", "gold");
        var confusion = new Table().AddColumns("data set", "gold \\ predicted", "PERSON", "ORG", "PLACE", "none (missed)");
        long tokens = 0;
        var tagTime = TimeSpan.Zero;
        foreach (var set in sets)
        {
            var scorer = new NerScorer();
            var clock = Stopwatch.StartNew();
            foreach (var s in set.Sentences)
            {
                var predicted = new byte[s.Tokens.Length];
                tagger.Tag(s.Text, s.Tokens, predicted);
                scorer.Add(s.Labels, predicted);
                if (errors > 0 && set.Name.Contains(" dev", StringComparison.Ordinal) && NerErrors.Describe(s, predicted) is { } line)
                {
                    errors--;
                    Console.WriteLine($"{set.Name}: {line}");
                }
                tokens += s.Tokens.Length;
            }
            tagTime += clock.Elapsed;
            foreach (var type in new[] { EntityType.Person, EntityType.Org, EntityType.Place })
                AddRow(table, set.Name, type.ToString().ToUpperInvariant(), scorer.For(type));
            AddRow(table, set.Name, "[bold]all[/]", scorer.Overall);
            foreach (EntityType? gold in new EntityType?[] { EntityType.Person, EntityType.Org, EntityType.Place, null })
                confusion.AddRow(Markup.Escape(set.Name), gold?.ToString().ToUpperInvariant() ?? "none (spurious)",
                    scorer.Confusion(gold, EntityType.Person).ToString("N0"), scorer.Confusion(gold, EntityType.Org).ToString("N0"),
                    scorer.Confusion(gold, EntityType.Place).ToString("N0"), gold is null ? "" : scorer.Confusion(gold, null).ToString("N0"));
        }
        AnsiConsole.Write(table);
        // What the report shows: the entity stage (rules + tagger) on the same sentences.
        var stage = new EntityStage(EntityLexicon.Default, model);
        var pipeline = new Table().AddColumns("data set (entity stage: rules + tagger)", "type", "P", "R", "F1", "gold");
        foreach (var set in sets)
        {
            var scorer = NerPipelineScore.Score(stage, set.Sentences);
            foreach (var type in new[] { EntityType.Person, EntityType.Org, EntityType.Place })
                AddRow(pipeline, set.Name, type.ToString().ToUpperInvariant(), scorer.For(type));
            AddRow(pipeline, set.Name, "[bold]all[/]", scorer.Overall);
        }
        AnsiConsole.Write(pipeline);
        if (reportErrors > 0) PrintReportDifferences(stage, tagger, sets, reportErrors);
        AnsiConsole.MarkupLine("Type confusion on exact spans (rows gold, columns predicted; missed = no predicted span with those boundaries):");
        AnsiConsole.Write(confusion);
        var speed = Throughput(tagger, sets);
        AnsiConsole.MarkupLine($"model load {loadMs:F0} ms; tagging {speed:N0} tokens/s on one core (gold sentences, features + Viterbi)");
        return 0;
    }

    /// <summary>Report vs tagger alone on each dev set (never wikigold or a test split), grouped by cause, largest first.</summary>
    private static void PrintReportDifferences(EntityStage stage, NerTagger tagger, List<NerDataSet> sets, int examples)
    {
        foreach (var set in sets.Where(s => s.Name.Contains(" dev", StringComparison.Ordinal)))
            foreach (var group in NerReportDiagnostics.Compare(stage, tagger, set.Sentences).GroupBy(d => d.Cause).OrderByDescending(g => g.Count()))
            {
                Console.WriteLine($"{set.Name}: {group.Key}: {group.Count()}");
                foreach (var d in group.Take(examples))
                    Console.WriteLine($"    [{d.Words}]{(d.Report.Length > 0 ? $" report [{d.Report}]" : "")} in: {d.Sentence}");
            }
    }

    private static void AddRow(Table table, string set, string type, NerCounts c) =>
        table.AddRow(Markup.Escape(set), type, $"{c.Precision:F3}", $"{c.Recall:F3}", $"{c.F1:F3}", c.Gold.ToString("N0"));

    /// <summary>Tokens/s after a warm-up pass, so the figure is the steady state rather than the JIT's first pass.</summary>
    private static double Throughput(NerTagger tagger, List<NerDataSet> sets)
    {
        var sentences = sets.SelectMany(s => s.Sentences).ToList();
        var labels = new byte[sentences.Max(s => s.Tokens.Length)];
        foreach (var s in sentences.Take(2000)) tagger.Tag(s.Text, s.Tokens, labels);
        long tokens = 0;
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < 3; round++)
            foreach (var s in sentences) { tagger.Tag(s.Text, s.Tokens, labels); tokens += s.Tokens.Length; }
        return tokens / clock.Elapsed.TotalSeconds;
    }
}
