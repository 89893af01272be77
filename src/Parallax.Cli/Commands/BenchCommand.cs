using System.CommandLine;
using System.Diagnostics;
using Parallax.Analysis;
using Parallax.Analysis.Pipeline;
using Parallax.Model;
using Parallax.Stories;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax bench</c>: throughput of the whole per-document pipeline on real news text. The corpus is PolNeAR's
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
        var textDir = Path.Combine(shared, "data", "quotes", "polnear", "train", "text");
        if (!Directory.Exists(textDir))
            throw new UserError($"benchmark corpus not found: {textDir} (run from the repository with ../shared beside it, or pass --shared)");

        var distinct = Directory.EnumerateFiles(textDir, "*.txt").Order(StringComparer.Ordinal)
            .Select((path, i) => new Document { Id = $"d{i + 1}", Origin = path, Text = File.ReadAllText(path) })
            .Where(d => d.Text.Length > 0).ToList();
        long distinctWords = distinct.Sum(d => (long)CountWords(d.Text));
        var corpus = new List<Document>();
        long words = 0;
        for (int round = 0; words < targetWords; round++)
            foreach (var d in distinct)
            {
                if (words >= targetWords) break;
                corpus.Add(d with { Id = $"d{corpus.Count + 1}", Origin = $"{d.Origin}#replay{round}" });
                words += CountWords(d.Text);
            }
        AnsiConsole.MarkupLineInterpolated($"corpus: {corpus.Count:N0} documents, {words:N0} words (PolNeAR train texts: {distinct.Count:N0} distinct, {distinctWords:N0} words, replayed)");

        var pipeline = StandardPipeline.Create();
        // Warm-up on a slice so JIT and lexicon loading are not timed.
        foreach (var d in distinct.Take(50)) pipeline.Run(d);

        var table = new Table().Border(TableBorder.Rounded).Title($"per-document pipeline, {threads} core(s)");
        table.AddColumn("stage");
        table.AddColumn(new TableColumn("ms").RightAligned());
        table.AddColumn(new TableColumn("words/s").RightAligned());
        table.AddColumn(new TableColumn("docs/s").RightAligned());
        var stageTimes = new double[pipeline.Stages.Length];
        var total = Stopwatch.StartNew();
        if (threads == 1)
        {
            // Stage by stage on one core, so each stage's share is known.
            var sw = new Stopwatch();
            foreach (var doc in corpus)
            {
                var d = doc;
                for (int s = 0; s < pipeline.Stages.Length; s++)
                {
                    sw.Restart();
                    d = pipeline.Stages[s].Run(d, CancellationToken.None);
                    stageTimes[s] += sw.Elapsed.TotalMilliseconds;
                }
            }
        }
        else pipeline.RunAll(corpus, threads);
        total.Stop();
        if (threads == 1)
            for (int s = 0; s < pipeline.Stages.Length; s++)
                table.AddRow(pipeline.Stages[s].Name, $"{stageTimes[s]:N0}", $"{words / (stageTimes[s] / 1000):N0}", $"{corpus.Count / (stageTimes[s] / 1000):N0}");
        table.AddRow("[bold]all stages[/]", $"{total.Elapsed.TotalMilliseconds:N0}", $"[bold]{words / total.Elapsed.TotalSeconds:N0}[/]", $"{corpus.Count / total.Elapsed.TotalSeconds:N0}");
        AnsiConsole.Write(table);

        // Story building over the distinct documents (replayed copies would all cluster into giant stories).
        var analysed = pipeline.RunAll(distinct, threads);
        var storyClock = Stopwatch.StartNew();
        var report = new StoryBuilder().Build(analysed, []);
        storyClock.Stop();
        AnsiConsole.MarkupLineInterpolated(
            $"stories: {report.Stories.Length:N0} stories from {distinct.Count:N0} documents in {storyClock.Elapsed.TotalMilliseconds:N0} ms ({distinct.Count / storyClock.Elapsed.TotalSeconds:N0} docs/s; {distinctWords / storyClock.Elapsed.TotalSeconds:N0} words/s)");
        using var self = Process.GetCurrentProcess();
        AnsiConsole.MarkupLineInterpolated($"peak memory (working set): {self.PeakWorkingSet64 / (1024.0 * 1024):N0} MB; GC heap now {GC.GetTotalMemory(false) / (1024.0 * 1024):N0} MB");
        return 0;
    }

    /// <summary>
    /// Entity recognition over a large corpus in constant memory: PolNeAR texts are replayed one document at a time
    /// (never all held), each analysed by tokens, sentences and entities and then dropped. Prints throughput and the
    /// process's peak working set at every quarter, so a reader sees whether memory grows with the corpus.
    /// </summary>
    private static int Stream(string shared, int megabytes)
    {
        var textDir = Path.Combine(shared, "data", "quotes", "polnear", "train", "text");
        if (!Directory.Exists(textDir))
            throw new UserError($"benchmark corpus not found: {textDir} (run from the repository with ../shared beside it, or pass --shared)");
        var texts = Directory.EnumerateFiles(textDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).Where(t => t.Length > 0).ToArray();
        var pipeline = DocumentPipeline.Build(new Analysis.Text.TokenizerStage(), new Analysis.Text.SentenceStage(),
            new Analysis.Entities.EntityStage(Analysis.Entities.EntityLexicon.Default));
        long target = (long)megabytes * 1024 * 1024, chars = 0, words = 0, mentions = 0;
        int docs = 0, quarter = 1;
        var clock = Stopwatch.StartNew();
        using var self = Process.GetCurrentProcess();
        while (chars < target)
        {
            var text = texts[docs % texts.Length];
            var doc = pipeline.Run(new Document { Id = $"d{docs + 1}", Origin = "replay", Text = text });
            mentions += doc.Entities.Length;
            words += doc.Tokens.Length;
            chars += System.Text.Encoding.UTF8.GetByteCount(text); // UTF-8 bytes: the size of the corpus on disk
            docs++;
            if (chars >= target * quarter / 4)
            {
                self.Refresh();
                AnsiConsole.MarkupLineInterpolated(
                    $"{chars / (1024.0 * 1024):N0} MB, {docs:N0} documents, {words:N0} tokens, {mentions:N0} mentions: {words / clock.Elapsed.TotalSeconds:N0} tokens/s, peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):N0} MB");
                quarter++;
            }
        }
        return 0;
    }

    private static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }
}
