using System.CommandLine;
using System.Diagnostics;
using Parallax.Analysis.Pipeline;
using Parallax.Report;
using Parallax.Workflow;
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
        var err = Consoles.Error();

        // The output folder is checked first so a long run never ends in "cannot write".
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserError($"cannot create output folder '{outDir}': {e.Message}");
        }

        var progress = new ProgressLine(err, quiet);
        var analyzer = new CorpusAnalyzer(StandardPipeline.Create(), threads)
        {
            Skipped = rej => err.MarkupLineInterpolated($"[yellow]warning:[/] skipped {TerminalText.Clean(rej.Origin)}: {TerminalText.Clean(rej.Reason)}"),
            Progress = progress.Report,
        };
        AnalyzeResult run;
        try { run = analyzer.Run(CorpusSource.Paths(paths)); }
        catch (NothingReadException e) { throw new UserError(e.Message, 1); }
        progress.Finish();
        var report = run.Report;

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

        if (!quiet) Summary.Print(report, run.Reading, run.Analysis, run.Stories, jsonPath, htmlPath);
        return 0;
    }

    /// <summary>A progress line on stderr, only for runs long enough to need one (over two seconds).</summary>
    private sealed class ProgressLine(IAnsiConsole console, bool quiet)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private long lastTicks;
        private bool shown;

        public void Report(int done, int total)
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
