using System.CommandLine;
using Parallax.Eval.Bench;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax bench</c>: throughput of the whole per-document pipeline on real news text (the workloads are
/// <see cref="PipelineBench"/>'s; this command parses and prints). The corpus is PolNeAR's
/// article texts from ../shared/data (read at run time, never copied), replayed with fresh ids until it holds
/// <c>--words</c> words. Prints words/s and documents/s per stage and in total on one core, then story building
/// (clustering, merging, quote grouping, fact alignment) on the distinct documents, and the process's peak memory.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var shared = new Option<string>("--shared") { Description = "The shared folder holding data/", DefaultValueFactory = _ => "../shared" };
        var words = new Option<long>("--words") { Description = "Words to analyse (the texts are replayed to reach it)", DefaultValueFactory = _ => 2_000_000 };
        var threads = new Option<int>("--threads") { Description = "Cores for the pipeline run (1 = the per-core figure)", DefaultValueFactory = _ => 1 };
        var streamMb = new Option<int>("--stream-mb")
        {
            Description = "Instead: stream this many MB of replayed text through tokens, sentences and entities one document at a time, and print peak memory (it should not grow with the size)",
        };
        var ingestMb = new Option<int>("--ingest-mb")
        {
            Description = "Instead: build an N MB web archive from the extraction-set pages and measure WARC reading (MB/s), ingest (pages/s) and peak memory",
        };
        var command = new Command("bench", "Measure pipeline throughput (words/s) and peak memory on real news text")
        {
            shared, words, threads, streamMb, ingestMb,
            BenchFactsCommand.Create(),
            BenchStoreCommand.Create(),
            BenchServeCommand.Create(),
        };
        command.SetAction(r => r.GetValue(ingestMb) > 0 ? BenchIngestPrint.Run(r.GetValue(shared)!, r.GetValue(ingestMb))
            : r.GetValue(streamMb) > 0
            ? Stream(r.GetValue(shared)!, r.GetValue(streamMb))
            : Run(r.GetValue(shared)!, r.GetValue(words), r.GetValue(threads)));
        return command;
    }

    private static int Run(string shared, long targetWords, int threads)
    {
        var r = PipelineBench.Run(shared, targetWords, threads);
        AnsiConsole.MarkupLineInterpolated($"corpus: {r.Documents:N0} documents, {r.Words:N0} words (PolNeAR train texts: {r.DistinctDocuments:N0} distinct, {r.DistinctWords:N0} words, replayed)");
        var table = new Table().Border(TableBorder.Rounded).Title($"per-document pipeline, {threads} core(s)");
        table.AddColumn("stage");
        table.AddColumn(new TableColumn("ms").RightAligned());
        table.AddColumn(new TableColumn("words/s").RightAligned());
        table.AddColumn(new TableColumn("docs/s").RightAligned());
        foreach (var s in r.Stages)
            table.AddRow(s.Stage, $"{s.Milliseconds:N0}", $"{r.Words / (s.Milliseconds / 1000):N0}", $"{r.Documents / (s.Milliseconds / 1000):N0}");
        double total = r.TotalMilliseconds / 1000;
        table.AddRow("[bold]all stages[/]", $"{r.TotalMilliseconds:N0}", $"[bold]{r.Words / total:N0}[/]", $"{r.Documents / total:N0}");
        AnsiConsole.Write(table);
        double story = r.StoryMilliseconds / 1000;
        AnsiConsole.MarkupLineInterpolated(
            $"stories: {r.Stories:N0} stories from {r.DistinctDocuments:N0} documents in {r.StoryMilliseconds:N0} ms ({r.DistinctDocuments / story:N0} docs/s; {r.DistinctWords / story:N0} words/s)");
        AnsiConsole.MarkupLineInterpolated($"peak memory (working set): {r.PeakMb:N0} MB; GC heap now {r.HeapMb:N0} MB");
        return 0;
    }

    /// <summary>Tokens, sentences and entities streamed one document at a time; peak memory at every quarter.</summary>
    private static int Stream(string shared, int megabytes)
    {
        foreach (var q in PipelineBench.Stream(shared, megabytes))
            AnsiConsole.MarkupLineInterpolated(
                $"{q.Megabytes:N0} MB, {q.Documents:N0} documents, {q.Tokens:N0} tokens, {q.Mentions:N0} mentions: {q.TokensPerSecond:N0} tokens/s, peak working set {q.PeakMb:N0} MB");
        return 0;
    }
}
