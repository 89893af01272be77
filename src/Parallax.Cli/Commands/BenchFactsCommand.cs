using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Analysis.Entities;
using Parallax.Analysis.Facts;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Quotes;
using Parallax.Analysis.Citations;
using Parallax.Analysis.Text;
using Parallax.Analysis.Time;
using Parallax.Eval.Coreference;
using Parallax.Model;
using Parallax.Stories.Facts;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax bench facts</c>: fact extraction (the date and quantity stages) and cross-document alignment for one story
/// of 10, 50, 200 … documents, on one core. The story is ECB+ news reports (../shared/data/events/ecbplus, read at run
/// time) taken in topic order, so a story of up to ~980 documents holds distinct real reports about a few related
/// events; larger sizes replay them with fresh ids. Each size runs several times and the median is printed, with time
/// per document so a reader sees whether cost grows linearly.
/// </summary>
internal static class BenchFactsCommand
{
    public static Command Create()
    {
        var shared = new Option<string>("--shared") { Description = "The shared folder holding data/", DefaultValueFactory = _ => "../shared" };
        var sizes = new Option<string>("--sizes") { Description = "Story sizes in documents, comma-separated", DefaultValueFactory = _ => "10,50,200,1000,10000" };
        var runs = new Option<int>("--runs") { Description = "Timed runs per size (the median is printed)", DefaultValueFactory = _ => 5 };
        var command = new Command("facts", "Fact extraction + alignment time for one story of 10, 50, 200 … documents (target: 50 in ≤ 100 ms)") { shared, sizes, runs };
        command.SetAction(r => Run(r.GetValue(shared)!, ParseSizes(r.GetValue(sizes)!), Math.Max(1, r.GetValue(runs))));
        return command;
    }

    private static int[] ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
                throw new UserError($"--sizes: '{parts[i]}' is not a positive whole number");
        return sizes;
    }

    private static int Run(string shared, int[] sizes, int runs)
    {
        var folder = Path.Combine(shared, "data", "events", "ecbplus");
        if (!Directory.Exists(Path.Combine(folder, "ECB+")))
            throw new UserError($"benchmark corpus not found: {folder} (run from the repository with ../shared beside it, or pass --shared)");
        var corpus = EcbPlusCorpus.Open(folder);
        var texts = corpus.Topics("all").SelectMany(corpus.ReadTopic).Select(d => d.Text).Where(t => t.Length > 0).ToList();
        int largest = sizes.Max();

        // Everything before the fact stages runs once, untimed: the benchmark is about facts.
        var before = DocumentPipeline.Build(new TokenizerStage(), new SentenceStage(), new EntityStage(EntityLexicon.Default),
            new QuoteStage(), new CitationStage());
        var timeStage = new TimeStage();
        var quantityStage = new QuantityStage();
        var prepared = new Document[largest];
        for (int i = 0; i < largest; i++)
            prepared[i] = before.Run(new Document { Id = $"d{i + 1}", Origin = $"ecbplus#{i}", Text = texts[i % texts.Count] });
        AnsiConsole.MarkupLineInterpolated(
            $"story: ECB+ reports in topic order ({texts.Count:N0} distinct; larger stories replay them with fresh ids), one core, median of {runs} runs");

        // Warm-up, long enough for tiered JIT to settle, so compilation is not timed.
        for (int i = 0; i < 5; i++) Measure(prepared.AsSpan(0, Math.Min(200, largest)).ToArray(), timeStage, quantityStage);
        if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 120) AnsiConsole.Profile.Width = 120;

        var table = new Table().Border(TableBorder.Rounded).Title("fact extraction and alignment, one story");
        foreach (var c in new[] { "documents", "tokens", "claims", "facts", "accounts", "extract ms", "align ms", "total ms", "µs per doc" })
            table.AddColumn(new TableColumn(c).RightAligned());
        foreach (int n in sizes)
        {
            var docs = prepared.AsSpan(0, n).ToArray();
            var samples = Enumerable.Range(0, n >= 5000 ? 1 : runs).Select(_ => Measure(docs, timeStage, quantityStage)).ToList();
            var median = samples.OrderBy(s => s.Extract + s.Align).ElementAt(samples.Count / 2);
            long words = docs.Sum(d => (long)d.Tokens.Length);
            double total = median.Extract + median.Align;
            table.AddRow($"{n:N0}", $"{words:N0}", $"{median.Claims:N0}", $"{median.Facts:N0}", $"{median.Accounts:N0}",
                $"{median.Extract:N1}", $"{median.Align:N1}", n == 50 ? $"[bold]{total:N1}[/]" : $"{total:N1}", $"{total * 1000 / n:N0}");
        }
        AnsiConsole.Write(table);
        using var self = Process.GetCurrentProcess();
        AnsiConsole.MarkupLineInterpolated($"peak memory (working set): {self.PeakWorkingSet64 / (1024.0 * 1024):N0} MB; target: 50 documents in ≤ 100 ms");
        return 0;
    }

    private readonly record struct Sample(double Extract, double Align, int Claims, int Facts, int Accounts);

    private static Sample Measure(Document[] docs, TimeStage time, QuantityStage quantities)
    {
        var clock = Stopwatch.StartNew();
        var analysed = new Document[docs.Length];
        for (int i = 0; i < docs.Length; i++)
            analysed[i] = quantities.Run(time.Run(docs[i], CancellationToken.None), CancellationToken.None);
        double extract = clock.Elapsed.TotalMilliseconds;
        int fact = 0, account = 0;
        clock.Restart();
        // No entity merging here: claims carry no speaker, which only removes a dictionary lookup per claim.
        var result = new FactAligner().Align(analysed, (_, _) => (null, null), () => $"f{++fact}", () => $"a{++account}");
        double align = clock.Elapsed.TotalMilliseconds;
        return new Sample(extract, align, analysed.Sum(d => d.Quantities.Length), result.Facts.Length, result.Accounts.Length);
    }
}
