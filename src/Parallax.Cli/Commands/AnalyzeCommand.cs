using System.CommandLine;
using System.Diagnostics;
using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Ingest.Copies;
using Parallax.Model;
using Parallax.Report;
using Parallax.Stories;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax analyze PATH... --out DIR</c>: reads reports, analyses them, groups them into stories and writes
/// report.json and report.html.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (read recursively): .txt, .html, .jsonl, .warc, .warc.gz, .rss, .atom; - for standard input", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Folder for report.json and report.html", Required = true };
        var threads = new Option<int>("--threads") { Description = "Cores to use for analysis", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or summary table" };
        var command = new Command("analyze", "Compare reports of the same events and write a cross-source report") { paths, output, threads, quiet };
        command.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(output)!, r.GetValue(threads), r.GetValue(quiet)));
        return command;
    }

    private static int Run(string[] paths, string outDir, int threads, bool quiet)
    {
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var clock = Stopwatch.StartNew();

        // The output folder is checked first so a long run never ends in "cannot write".
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserError($"cannot create output folder '{outDir}': {e.Message}");
        }

        var (docs, skipped) = ReadCorpus(paths, err, threads);
        var readTime = clock.Elapsed;

        var pipeline = StandardPipeline.Create();
        var progress = new ProgressLine(err, docs.Count, quiet);
        var analysed = pipeline.RunAll(docs, threads, progress.Report);
        progress.Finish();
        var analysisTime = clock.Elapsed - readTime;

        var report = new StoryBuilder().Build(analysed, skipped);
        var storyTime = clock.Elapsed - readTime - analysisTime;

        var jsonPath = Path.Combine(outDir, "report.json");
        var htmlPath = Path.Combine(outDir, "report.html");
        try
        {
            using (var json = File.Create(jsonPath)) ReportJsonWriter.Write(report, json);
            using (var html = new StreamWriter(htmlPath)) HtmlReportWriter.Write(report, html);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot write the report to '{outDir}': {e.Message}");
        }

        if (!quiet) Summary.Print(report, readTime, analysisTime, storyTime, jsonPath, htmlPath);
        return 0;
    }

    /// <summary>
    /// Reads every input (HTML extraction on <paramref name="threads"/> cores, in input order), warning on stderr for each
    /// one skipped. Exact duplicates are left out and listed as skipped; near-copies stay, marked with the document they
    /// copy. A user error when nothing could be read.
    /// </summary>
    internal static (List<Document> Docs, List<Rejection> Skipped) ReadCorpus(IReadOnlyList<string> paths, IAnsiConsole err, int threads)
    {
        var docs = new List<Document>();
        var skipped = new List<Rejection>();
        foreach (var item in new CorpusReader(new IngestOptions { Threads = Math.Max(1, threads) }).Read(paths))
        {
            if (item.Document is { } d) docs.Add(d);
            else if (item.Rejection is { } rej)
            {
                skipped.Add(rej);
                err.MarkupLineInterpolated($"[yellow]warning:[/] skipped {TerminalText.Clean(rej.Origin)}: {TerminalText.Clean(rej.Reason)}");
            }
        }
        var copies = CopyDetector.Default.Find(docs);
        docs = [.. copies.Documents];
        foreach (var dup in copies.Duplicates)
        {
            skipped.Add(dup);
            err.MarkupLineInterpolated($"[yellow]warning:[/] skipped {TerminalText.Clean(dup.Origin)}: {TerminalText.Clean(dup.Reason)}");
        }
        if (docs.Count == 0)
            throw new UserError(skipped.Count == 0 ? "no input documents found" : $"nothing could be read ({skipped.Count} inputs skipped)", 1);
        return (docs, skipped);
    }

    /// <summary>A progress line on stderr, only for runs long enough to need one (over two seconds).</summary>
    private sealed class ProgressLine(IAnsiConsole console, int total, bool quiet)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private long lastTicks;
        private bool shown;

        public void Report(int done)
        {
            if (quiet || clock.ElapsedMilliseconds < 2000) return;
            long now = clock.ElapsedTicks;
            long last = Interlocked.Read(ref lastTicks);
            if (now - last < Stopwatch.Frequency || Interlocked.CompareExchange(ref lastTicks, now, last) != last) return;
            shown = true;
            double rate = done / clock.Elapsed.TotalSeconds;
            console.Markup($"\ranalysed {done:N0}/{total:N0} documents ({rate:N0}/s)   ");
        }

        public void Finish()
        {
            if (shown) console.WriteLine();
        }
    }
}
