using System.Diagnostics;
using Parallax.Analysis.Entities;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Quotes;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Eval.Quotes;

/// <summary>A span one side has and the other lacks, for error analysis.</summary>
/// <param name="Document">The text's name.</param>
/// <param name="What">"missed direct", "invented indirect", …</param>
/// <param name="Text">The span's text (shortened), with the words around it.</param>
public sealed record QuoteError(string Document, string What, string Text);

/// <summary>One scored text.</summary>
/// <param name="Name">The text's file name without extension.</param>
/// <param name="Annotator">The annotator whose .ann file was scored.</param>
/// <param name="Publisher">The outlet, from the file name's prefix.</param>
/// <param name="Score">The document's counts.</param>
/// <param name="Errors">Misses and inventions, in document order.</param>
public sealed record QuoteDocumentResult(string Name, string Annotator, string Publisher, QuoteScore Score, IReadOnlyList<QuoteError> Errors);

/// <summary>Words per second of the quote stage alone, on documents already tokenized, split and tagged.</summary>
/// <param name="Words">Word tokens processed over all timed passes.</param>
/// <param name="Seconds">Wall time of the timed passes.</param>
/// <param name="CpuSeconds">Processor time the process used meanwhile.</param>
public readonly record struct QuoteThroughput(long Words, double Seconds, double CpuSeconds)
{
    /// <summary>Words per second of wall time.</summary>
    public double WordsPerSecond => Seconds <= 0 ? 0 : Words / Seconds;
    /// <summary>Words per second of processor time.</summary>
    public double WordsPerCpuSecond => CpuSeconds <= 0 ? 0 : Words / CpuSeconds;
}

/// <summary>The whole evaluation.</summary>
public sealed record QuoteEvaluationResult(string Split, IReadOnlyList<QuoteDocumentResult> Documents, IReadOnlyList<string> Skipped, QuoteThroughput Speed)
{
    /// <summary>Counts summed over every document.</summary>
    public QuoteScore Overall => Documents.Aggregate(default(QuoteScore), (s, d) => s + d.Score);

    /// <summary>Counts summed per publisher, in name order.</summary>
    public IEnumerable<(string Publisher, int Documents, QuoteScore Score)> ByPublisher() =>
        Documents.GroupBy(d => d.Publisher, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Aggregate(default(QuoteScore), (s, d) => s + d.Score)));
}

/// <summary>
/// Scores the quote extractor on PolNeAR (../shared/data/quotes/polnear, brat standoff): each text of a split runs
/// through tokens, sentences, entities and quotes, and its attributions are compared with one annotator's (see
/// <see cref="QuoteScorer"/> for the matching rules). Some texts were annotated by several people; the evaluation
/// takes the annotator file whose name sorts first (ordinal), so the figures do not depend on directory order.
/// </summary>
public static class QuoteEvaluation
{
    private static readonly DocumentPipeline Upstream = DocumentPipeline.Build(
        new TokenizerStage(), new SentenceStage(), new EntityStage(EntityLexicon.Default));
    private static readonly QuoteStage Quotes = new();

    /// <summary>Runs the evaluation on <paramref name="split"/> (train or dev; the test split is kept back).</summary>
    public static QuoteEvaluationResult Run(string shared, string split, double minSeconds = 1.0)
    {
        if (split is not ("train" or "dev")) throw new ArgumentException($"unknown split '{split}' (use dev or train)");
        var folder = SharedData.Folder(shared, "quotes", "polnear", split);
        var texts = Path.Combine(folder, "text");
        var anns = Path.Combine(folder, "attributions");

        var byText = Directory.EnumerateFiles(anns, "*.ann")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(n => n!)
            .Where(n => n.LastIndexOf('_') > 0)
            .GroupBy(n => n[..n.LastIndexOf('_')], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);

        var results = new List<QuoteDocumentResult>();
        var skipped = new List<string>();
        var upstream = new List<Document>();
        foreach (var path in Directory.EnumerateFiles(texts, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!byText.TryGetValue(name, out var annName)) { skipped.Add($"{name} (no annotation)"); continue; }
            var text = File.ReadAllText(path);
            var gold = BratAttributions.Read(File.ReadAllText(Path.Combine(anns, annName + ".ann")), text.Length);
            var doc = Upstream.Run(new Document { Id = $"d{results.Count + 1}", Origin = name, Text = text });
            upstream.Add(doc);
            var predicted = Predicted(Quotes.Run(doc, CancellationToken.None));
            var score = QuoteScorer.Score(text, gold, predicted);
            int us = name.IndexOf('_');
            results.Add(new QuoteDocumentResult(name, annName[(annName.LastIndexOf('_') + 1)..], us > 0 ? name[..us] : name,
                score, Errors(name, text, gold, predicted)));
        }
        return new QuoteEvaluationResult(split, results, skipped, MeasureThroughput(upstream, minSeconds));
    }

    /// <summary>
    /// Our quotes in the scorer's shape: the source is <see cref="Quote.Source"/> (the phrase next to the cue), and
    /// the speakers credited are that phrase and the resolved speaker mention.
    /// </summary>
    public static List<PredictedAttribution> Predicted(Document doc)
    {
        var result = new List<PredictedAttribution>(doc.Quotes.Length);
        foreach (var q in doc.Quotes)
        {
            var source = q.Source ?? QuoteSource.Find(doc, q);
            var speakers = new List<TextSpan>(2);
            if (q.Speaker is { } sp) speakers.Add(sp);
            if (source is { } src && src != q.Speaker) speakers.Add(src);
            result.Add(new PredictedAttribution(q.Content, q.Kind == QuoteKind.Direct, q.Cue, source, speakers));
        }
        return result;
    }

    private static List<QuoteError> Errors(string name, string text, IReadOnlyList<GoldAttribution> gold, IReadOnlyList<PredictedAttribution> predicted)
    {
        var errors = new List<(int At, QuoteError Error)>();
        foreach (var g in gold)
        {
            if (g.Content is null) continue;
            bool direct = QuoteScorer.IsDirect(text, g.Content.Extent);
            if (!predicted.Any(p => QuoteScorer.Exact(text, g.Content, p.Content)))
            {
                bool overlapped = predicted.Any(p => QuoteScorer.Overlaps(g.Content, p.Content));
                errors.Add((g.Content.Extent.Start, new QuoteError(name,
                    $"{(overlapped ? "boundary" : "missed")} {(direct ? "direct" : "indirect")}",
                    $"[{(g.Cue is { } cue ? text[cue.Extent.Start..cue.Extent.End] : "")}] {Show(text, g.Content.Extent)}")));
            }
        }
        foreach (var g in gold)
        {
            // The source we give a content we found, when it is not the gold source: the boundary or the referent is off.
            if (g.Content is null || g.Source is null) continue;
            var found = predicted.FirstOrDefault(p => QuoteScorer.Overlaps(g.Content, p.Content));
            if (found is null || found.Source is { } src && QuoteScorer.Exact(text, g.Source, src)) continue;
            var ours = found.Source is { } o ? text[o.Start..o.End] : "(none)";
            errors.Add((g.Source.Extent.Start, new QuoteError(name, "source", $"gold ⟦{text[g.Source.Extent.Start..g.Source.Extent.End]}⟧ ours ⟦{ours}⟧ {Show(text, g.Source.Extent)}")));
        }
        foreach (var g in gold)
        {
            // Direct quotes credited to the wrong person, for the speaker-accuracy column.
            if (g.Content is null || g.Source is null || !QuoteScorer.IsDirect(text, g.Content.Extent)) continue;
            var found = predicted.Where(p => QuoteScorer.Overlaps(g.Content, p.Content)).ToList();
            if (found.Count == 0 || found.Any(p => p.Speakers.Any(sp => QuoteScorer.Overlaps(g.Source, sp)))) continue;
            var ours = string.Join(" / ", found.SelectMany(p => p.Speakers).Distinct().Select(sp => text[sp.Start..sp.End]));
            errors.Add((g.Content.Extent.Start, new QuoteError(name, "speaker",
                $"gold ⟦{text[g.Source.Extent.Start..g.Source.Extent.End]}⟧ ours ⟦{(ours.Length == 0 ? "(none)" : ours)}⟧ {Show(text, g.Content.Extent)}")));
        }
        foreach (var p in predicted)
        {
            // A source phrase that is no gold source at all: what costs source precision.
            if (p.Source is { } ps && !gold.Any(g => g.Source is not null && QuoteScorer.Exact(text, g.Source, ps)))
                errors.Add((ps.Start, new QuoteError(name, "invented source", $"⟦{text[ps.Start..ps.End]}⟧ {Show(text, ps)}")));
            if (!gold.Any(g => g.Content is not null && QuoteScorer.Overlaps(g.Content, p.Content)))
                errors.Add((p.Content.Start, new QuoteError(name, $"invented {(p.Direct ? "direct" : "indirect")}", Show(text, p.Content))));
            else if (p.Direct && !gold.Any(g => g.Content is not null && QuoteScorer.IsDirect(text, g.Content.Extent) && QuoteScorer.Overlaps(g.Content, p.Content)))
                // A quoted phrase inside reported speech ("said he would 'build a wall'"): a false direct quote.
                errors.Add((p.Content.Start, new QuoteError(name, "direct in indirect", Show(text, p.Content))));
        }
        return errors.OrderBy(e => e.At).Select(e => e.Error).ToList();
    }

    private static string Show(string text, TextSpan span)
    {
        int from = Math.Max(0, span.Start - 40), to = Math.Min(text.Length, span.End + 40);
        var inner = span.Length > 160 ? text[span.Start..(span.Start + 70)] + " … " + text[(span.End - 70)..span.End] : text[span.Start..span.End];
        return (text[from..span.Start] + "⟦" + inner + "⟧" + text[span.End..to]).Replace('\n', '¶');
    }

    /// <summary>
    /// Words per second of the quote stage alone on the current thread, given documents already through tokens,
    /// sentences and entities: a warm-up pass, then whole passes until <paramref name="minSeconds"/> have gone by.
    /// </summary>
    public static QuoteThroughput MeasureThroughput(IReadOnlyList<Document> docs, double minSeconds)
    {
        if (docs.Count == 0) return default;
        long wordsPerPass = docs.Sum(d => (long)d.Tokens.Count(t => t.Kind == TokenKind.Word));
        for (int warm = 0; warm < 3; warm++)
            foreach (var d in docs) Quotes.Run(d, CancellationToken.None);

        long words = 0;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var d in docs) Quotes.Run(d, CancellationToken.None);
            words += wordsPerPass;
        }
        while (clock.Elapsed.TotalSeconds < minSeconds);
        clock.Stop();
        process.Refresh();
        return new QuoteThroughput(words, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }
}
