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
        // Short headers so the table fits an 80-column terminal; the caption spells them out.
        table.AddColumn(new TableColumn("story").NoWrap());
        foreach (var header in new[] { "src", "disp", "agr", "sgl", "quotes", "confl", "ent" })
            table.AddColumn(new TableColumn(header).RightAligned());
        foreach (var s in report.Stories.OrderByDescending(s => s.Documents.Length).Take(20))
        {
            table.AddRow(
                Markup.Escape($"{s.Id} {Shorten(TerminalText.Clean(s.Title), 24)}"),
                s.Documents.Length.ToString(),
                s.Facts.Count(f => f.Status == FactStatus.Disputed).ToString(),
                s.Facts.Count(f => f.Status == FactStatus.Agreed).ToString(),
                s.Facts.Count(f => f.Status == FactStatus.Single).ToString(),
                s.Quotes.Length.ToString(),
                s.Quotes.Count(q => q.SpeakerConflict).ToString(),
                s.Entities.Length.ToString());
        }
        var caption = "src sources · disp/agr/sgl disputed, agreed, single-source facts · confl quotes credited to different speakers · ent entities";
        if (report.Stories.Length > 20) caption += $" · +{report.Stories.Length - 20} smaller stories in the report";
        table.Caption(caption);
        AnsiConsole.Write(table);
        double seconds = Math.Max(analysis.TotalSeconds, 1e-6);
        AnsiConsole.MarkupLineInterpolated(
            $"{Plural.Count(report.Documents.Length, "document", "documents")} ({Plural.Count(words, "word", "words")}), {report.Skipped.Length} skipped, {Plural.Count(report.Stories.Length, "story", "stories")}; read {read.TotalMilliseconds:N0} ms, analysed {analysis.TotalMilliseconds:N0} ms ({words / seconds:N0} words/s), stories {stories.TotalMilliseconds:N0} ms");
        if (report.Skipped.Length > 0)
        {
            // Grouped by the reason's stem ("truncated record (Content-Length 512, 40 bytes left)" → "truncated record").
            var reasons = report.Skipped.GroupBy(r => ReasonStem(TerminalText.Clean(r.Reason))).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}: {g.Count()}");
            AnsiConsole.MarkupLineInterpolated($"skipped: {string.Join(", ", reasons)}");
        }
        int copies = report.Documents.Count(d => d.CopyOf is not null);
        if (copies > 0) AnsiConsole.MarkupLineInterpolated($"{(copies == 1 ? "1 document is a near-copy of an earlier one" : $"{copies} documents are near-copies of earlier ones")} (copyOf in report.json)");
        AnsiConsole.MarkupLineInterpolated($"wrote {json} and {html}");
    }

    private static string ReasonStem(string reason)
    {
        int cut = reason.IndexOfAny(['(', ':']);
        var stem = (cut > 0 ? reason[..cut] : reason).Trim();
        // "3 response records without a page skipped" and "12 files with unsupported extensions skipped" group by kind.
        int space = stem.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && stem[..space].All(char.IsAsciiDigit) ? stem[(space + 1)..] : stem;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
