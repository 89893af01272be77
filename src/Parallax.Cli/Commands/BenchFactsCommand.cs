using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Eval.Bench;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax bench facts</c>: fact extraction (the date and quantity stages) and cross-document alignment for one story
/// of 10, 50, 200 … documents, on one core. The story is ECB+ news reports (../shared/data/events/ecbplus, read at run
/// time) taken in topic order, so a story of up to ~980 documents holds distinct real reports about a few related
/// events; larger sizes replay them with fresh ids. Each size runs several times and the median is printed, with time
/// per document so a reader sees whether cost grows linearly. The workload is <see cref="FactsBench"/>'s.
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
        var bench = new FactsBench(shared, sizes.Max());
        AnsiConsole.MarkupLineInterpolated(
            $"story: ECB+ reports in topic order ({bench.DistinctTexts:N0} distinct; larger stories replay them with fresh ids), one core, median of {runs} runs");
        if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 120) AnsiConsole.Profile.Width = 120;

        var table = new Table().Border(TableBorder.Rounded).Title("fact extraction and alignment, one story");
        foreach (var c in new[] { "documents", "tokens", "claims", "facts", "accounts", "extract ms", "align ms", "total ms", "µs per doc" })
            table.AddColumn(new TableColumn(c).RightAligned());
        foreach (int n in sizes)
        {
            var m = bench.Run(n, runs);
            double total = m.ExtractMs + m.AlignMs;
            table.AddRow($"{n:N0}", $"{m.Tokens:N0}", $"{m.Claims:N0}", $"{m.Facts:N0}", $"{m.Accounts:N0}",
                $"{m.ExtractMs:N1}", $"{m.AlignMs:N1}", n == 50 ? $"[bold]{total:N1}[/]" : $"{total:N1}", $"{total * 1000 / n:N0}");
        }
        AnsiConsole.Write(table);
        using var self = Process.GetCurrentProcess();
        AnsiConsole.MarkupLineInterpolated($"peak memory (working set): {self.PeakWorkingSet64 / (1024.0 * 1024):N0} MB; target: 50 documents in ≤ 100 ms");
        return 0;
    }
}
