using System.Diagnostics;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Eval.Sentences;

/// <summary>A boundary the splitter missed or invented, with the text around it ("⟂" marks the offset).</summary>
public sealed record BoundaryError(bool Missed, string Context);

/// <summary>One evaluated document.</summary>
public sealed record DocumentResult(string Id, string Genre, int Sentences, SentenceScore Score, IReadOnlyList<BoundaryError> Errors);

/// <summary>Throughput of tokenizer + sentence splitter on one core.</summary>
/// <param name="Tokens">Tokens produced over all timed passes.</param>
/// <param name="Characters">Characters read over all timed passes.</param>
/// <param name="Seconds">Wall time of the timed passes.</param>
/// <param name="CpuSeconds">Processor time the process used meanwhile: on a busy machine wall time also counts the
/// waits for a core, so this is the fairer per-core figure (it includes GC and JIT threads, so it errs low).</param>
public readonly record struct Throughput(long Tokens, long Characters, double Seconds, double CpuSeconds)
{
    /// <summary>Tokens produced per second of wall time.</summary>
    public double TokensPerSecond => Seconds <= 0 ? 0 : Tokens / Seconds;
    /// <summary>Tokens produced per second of processor time.</summary>
    public double TokensPerCpuSecond => CpuSeconds <= 0 ? 0 : Tokens / CpuSeconds;
    /// <summary>Characters read per second of wall time.</summary>
    public double CharactersPerSecond => Seconds <= 0 ? 0 : Characters / Seconds;
}

/// <summary>The whole evaluation: documents scored, those skipped, and the speed figures.</summary>
public sealed record SentenceEvaluationResult(
    string Split, IReadOnlyList<DocumentResult> Documents, IReadOnlyList<string> Skipped, Throughput Speed, Throughput NewsSpeed)
{
    /// <summary>Scores summed per genre (micro-averaged), in genre order.</summary>
    public IEnumerable<(string Genre, int Documents, int Sentences, SentenceScore Score)> ByGenre() =>
        Documents.GroupBy(d => d.Genre, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Sum(d => d.Sentences), g.Aggregate(default(SentenceScore), (s, d) => s + d.Score)));

    /// <summary>Scores summed over every document.</summary>
    public SentenceScore Overall => Documents.Aggregate(default(SentenceScore), (s, d) => s + d.Score);
}

/// <summary>
/// Scores Parallax's tokenizer and sentence splitter on GUM (../shared/data/ner/gum): each document of a split is
/// rebuilt as text from its CoNLL-U (<see cref="ConlluText"/>), run through <see cref="TokenizerStage"/> and
/// <see cref="SentenceStage"/>, and compared with the gold sentences and tokens. Documents whose text is redacted
/// (GUM's reddit part ships "_" for every word) are skipped.
/// </summary>
public static class SentenceEvaluation
{
    /// <summary>Runs the evaluation on <paramref name="split"/> (train, dev, test or test2 as named in splits.md).</summary>
    public static SentenceEvaluationResult Run(string shared, string split, double minSeconds = 1.0)
    {
        var gum = SharedData.Folder(shared, "ner", "gum");
        var splits = ReadSplits(File.ReadAllText(Path.Combine(gum, "splits.md")));
        if (!splits.TryGetValue(split, out var names))
            throw new ArgumentException($"unknown split '{split}' (splits.md has: {string.Join(", ", splits.Keys)})");

        var docs = new List<GoldDocument>();
        var skipped = new List<string>();
        foreach (var name in names)
        {
            var path = Path.Combine(gum, "dep", name + ".conllu");
            if (!File.Exists(path)) { skipped.Add($"{name} (missing)"); continue; }
            foreach (var doc in ConlluText.Read(File.ReadAllText(path), name))
                if (doc.Redacted) skipped.Add($"{doc.Id} (redacted text)");
                else docs.Add(doc);
        }

        var results = docs.Select(Evaluate).ToList();

        // Speed: the split's texts, and separately every GUM news document (the pipeline's own genre).
        var news = Directory.EnumerateFiles(Path.Combine(gum, "dep"), "GUM_news_*.conllu").Order(StringComparer.Ordinal)
            .SelectMany(p => ConlluText.Read(File.ReadAllText(p), Path.GetFileNameWithoutExtension(p)))
            .Select(d => d.Text).ToList();
        var speed = MeasureThroughput(docs.Select(d => d.Text).ToList(), minSeconds);
        var newsSpeed = MeasureThroughput(news, minSeconds);
        return new SentenceEvaluationResult(split, results, skipped, speed, newsSpeed);
    }

    /// <summary>Tokenizes and splits one gold document and scores it.</summary>
    public static DocumentResult Evaluate(GoldDocument gold)
    {
        var doc = RunStages(gold.Text);
        var predictedEnds = doc.Sentences.Select(s => s.End).ToList();
        var predictedTokens = doc.Tokens.Select(t => t.Span).ToList();
        var score = SentenceScorer.Score(gold.Text, gold.SentenceEnds, predictedEnds, gold.Tokens, predictedTokens);
        return new DocumentResult(gold.Id, gold.Genre, gold.SentenceEnds.Length, score, Errors(gold.Text, gold.SentenceEnds, predictedEnds));
    }

    /// <summary>Boundaries in one list and not the other, for error analysis (the text's end is never an error).</summary>
    private static List<BoundaryError> Errors(string text, IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        var g = gold.ToHashSet();
        var p = predicted.ToHashSet();
        var errors = new List<BoundaryError>();
        int contentEnd = text.AsSpan().TrimEnd().Length;
        foreach (var o in g.Union(p).Where(o => o < contentEnd).Order())
            if (g.Contains(o) != p.Contains(o)) errors.Add(new BoundaryError(g.Contains(o), Context(text, o)));
        return errors;
    }

    private static string Context(string text, int offset)
    {
        int from = Math.Max(0, offset - 50), to = Math.Min(text.Length, offset + 40);
        return (text[from..offset] + "⟂" + text[offset..to]).Replace('\n', '¶');
    }

    private static readonly TokenizerStage Tokens = new();
    private static readonly SentenceStage Sentences = new();

    private static Document RunStages(string text)
    {
        var doc = new Document { Id = "d1", Origin = "gum", Text = text };
        return Sentences.Run(Tokens.Run(doc, CancellationToken.None), CancellationToken.None);
    }

    /// <summary>
    /// Tokens per second of the two stages on the current thread: a warm-up pass (so the JIT has done its tiers), then
    /// whole passes over the texts until <paramref name="minSeconds"/> have gone by.
    /// </summary>
    public static Throughput MeasureThroughput(IReadOnlyList<string> texts, double minSeconds)
    {
        if (texts.Count == 0) return default;
        var docs = texts.Select((t, i) => new Document { Id = $"d{i + 1}", Origin = "gum", Text = t }).ToArray();
        for (int warm = 0; warm < 5; warm++)
            foreach (var d in docs) Sentences.Run(Tokens.Run(d, CancellationToken.None), CancellationToken.None);

        long tokens = 0, chars = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var d in docs)
            {
                var done = Sentences.Run(Tokens.Run(d, CancellationToken.None), CancellationToken.None);
                tokens += done.Tokens.Length;
                chars += d.Text.Length;
            }
        }
        while (clock.Elapsed.TotalSeconds < minSeconds);
        clock.Stop();
        process.Refresh();
        return new Throughput(tokens, chars, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    /// <summary>Reads GUM's splits.md: "## name" headings, each followed by "* DOC" lines.</summary>
    public static Dictionary<string, List<string>> ReadSplits(string markdown)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        List<string>? current = null;
        foreach (var raw in markdown.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = [];
                result[line[3..].Trim().ToString()] = current;
            }
            else if (current is not null && line.StartsWith("* ", StringComparison.Ordinal))
                current.Add(line[2..].Trim().ToString());
        }
        return result;
    }

    /// <summary>The predicted tokens of <paramref name="text"/> as spans (for tests and error analysis).</summary>
    public static (IReadOnlyList<TextSpan> Tokens, IReadOnlyList<int> SentenceEnds) Predict(string text)
    {
        var doc = RunStages(text);
        return (doc.Tokens.Select(t => t.Span).ToList(), doc.Sentences.Select(s => s.End).ToList());
    }
}
