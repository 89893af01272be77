using Parallax.Model;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>The table that ends an analyze run: what was read, what was found, how fast.</summary>
internal static class Summary
{
    public static void Print(CorpusAnalysis report, TimeSpan read, TimeSpan analysis, TimeSpan stories, string json, string html)
    {
        long words = report.Documents.Sum(d => (long)d.Tokens.Count(t => t.Kind != TokenKind.Punctuation));
        var table = new Table().Border(TableBorder.Rounded).Title("Parallax");
        table.AddColumn("story");
        table.AddColumn(new TableColumn("sources").RightAligned());
        table.AddColumn(new TableColumn("disputed").RightAligned());
        table.AddColumn(new TableColumn("agreed").RightAligned());
        table.AddColumn(new TableColumn("single").RightAligned());
        table.AddColumn(new TableColumn("quotes").RightAligned());
        table.AddColumn(new TableColumn("conflicts").RightAligned());
        table.AddColumn(new TableColumn("entities").RightAligned());
        foreach (var s in report.Stories.OrderByDescending(s => s.Documents.Length).Take(20))
        {
            table.AddRow(
                Markup.Escape($"{s.Id} {Shorten(s.Title, 50)}"),
                s.Documents.Length.ToString(),
                s.Facts.Count(f => f.Status == FactStatus.Disputed).ToString(),
                s.Facts.Count(f => f.Status == FactStatus.Agreed).ToString(),
                s.Facts.Count(f => f.Status == FactStatus.Single).ToString(),
                s.Quotes.Length.ToString(),
                s.Quotes.Count(q => q.SpeakerConflict).ToString(),
                s.Entities.Length.ToString());
        }
        if (report.Stories.Length > 20) table.Caption($"(+{report.Stories.Length - 20} smaller stories in the report)");
        AnsiConsole.Write(table);
        double seconds = Math.Max(analysis.TotalSeconds, 1e-6);
        AnsiConsole.MarkupLineInterpolated(
            $"{report.Documents.Length:N0} documents ({words:N0} words), {report.Skipped.Length} skipped, {report.Stories.Length} stories; read {read.TotalMilliseconds:N0} ms, analysed {analysis.TotalMilliseconds:N0} ms ({words / seconds:N0} words/s), stories {stories.TotalMilliseconds:N0} ms");
        AnsiConsole.MarkupLineInterpolated($"wrote {json} and {html}");
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
