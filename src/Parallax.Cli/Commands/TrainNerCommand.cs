using System.CommandLine;
using System.Diagnostics;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Eval.Ner;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax train ner</c>: trains the named-entity tagger on the shippable training corpora (see
/// <see cref="NerDataSets.Training"/>) and writes the model file the analysis assembly embeds. Wiring only: the work is
/// <see cref="NerTraining.Run"/>. Same data, epochs and seed give the same bytes.
/// </summary>
internal static class TrainNerCommand
{
    public static Command Create()
    {
        var shared = EvalCommand.SharedOption();
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => "src/Parallax.Analysis/Entities/Models/ner.bin" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed", DefaultValueFactory = _ => NerTraining.DefaultSeed };
        var hashBits = new Option<int>("--hash-bits") { Description = "log2 of the feature buckets", DefaultValueFactory = _ => new NerTrainingOptions().HashBits };
        var runs = new Option<int>("--runs") { Description = "Training runs (seeds --seed, --seed+1, …) averaged into one model", DefaultValueFactory = _ => NerTraining.DefaultRuns };
        var sources = new Option<string?>("--sources") { Description = $"Comma-separated training sources (default {string.Join(",", NerDataSets.DefaultSources)}; known: {string.Join(",", NerDataSets.Sources)})" };
        var command = new Command("ner", "Train the named-entity tagger (GUM train, BTC, WNUT17 train, SEC FIN5, re3d public parts)") { shared, output, epochs, seed, hashBits, runs, sources };
        command.SetAction(r => Run(r.GetValue(shared)!, r.GetValue(output)!, r.GetValue(epochs), r.GetValue(seed), r.GetValue(hashBits), r.GetValue(runs), r.GetValue(sources)));
        return command;
    }

    private static int Run(string shared, string output, int epochs, int seed, int hashBits, int runs, string? sources)
    {
        if (epochs < 1) throw new UserError("--epochs must be at least 1");
        if (runs is < 1 or > 30) throw new UserError("--runs must be between 1 and 30");
        if (hashBits is < 8 or > 24) throw new UserError("--hash-bits must be between 8 and 24");
        var clock = Stopwatch.StartNew();
        var picked = sources?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        NerTrainingResult result;
        try
        {
            result = NerTraining.Run(shared, output, new NerTrainingOptions { Epochs = epochs, Seed = seed, HashBits = hashBits, Runs = runs }, picked,
                line => AnsiConsole.MarkupLine($"{Markup.Escape(line)} ({clock.Elapsed.TotalSeconds:F1} s)"));
        }
        catch (FileNotFoundException e) { throw new UserError(e.Message); }
        catch (DirectoryNotFoundException e) { throw new UserError(e.Message); }
        catch (ArgumentException e) { throw new UserError(e.Message); }
        AnsiConsole.MarkupLine($"wrote {Markup.Escape(output)} ({result.Bytes / 1024.0:N0} KB) in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
