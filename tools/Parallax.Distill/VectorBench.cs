using System.Diagnostics;
using Parallax.Analysis.Vectors;

namespace Parallax.Distill;

/// <summary>
/// The bench command: one core, the model file as committed. Load time (best of 5 and the first <see
/// cref="WordVectors.Default"/>), lookups per second over the words of ECB+ dev texts (a mix of known, cased, unknown
/// words as news has them), and words per second for sentence vectors.
/// </summary>
internal static class VectorBench
{
    public static int Run(Options o)
    {
        var watch = Stopwatch.StartNew();
        var first = WordVectors.Default;
        double defaultMs = watch.Elapsed.TotalMilliseconds;
        var bytes = File.Exists(o.Model) ? File.ReadAllBytes(o.Model) : null;
        double bestMs = double.MaxValue;
        for (int i = 0; bytes is not null && i < 5; i++)
        {
            watch.Restart();
            using var stream = new MemoryStream(bytes, writable: false);
            WordVectors.Load(stream);
            bestMs = Math.Min(bestMs, watch.Elapsed.TotalMilliseconds);
        }

        var sentences = VectorEvaluation.ReadSentences(o.Shared).Select(s => s.Text).ToArray();
        var words = new List<(string Text, int Start, int Length)>();
        foreach (var text in sentences)
        {
            int pos = 0;
            while (WordVectors.NextWord(text, ref pos, out var start, out var length)) words.Add((text, start, length));
        }
        var wordArray = words.ToArray();
        int known = wordArray.Count(w => first.Lookup(w.Text.AsSpan(w.Start, w.Length)) >= 0);
        long checksum = 0, lookups = 0;
        watch.Restart();
        while (watch.Elapsed.TotalSeconds < 1.5)
        {
            foreach (var (text, start, length) in wordArray) checksum += first.Lookup(text.AsSpan(start, length));
            lookups += wordArray.Length;
        }
        double lookupRate = lookups / watch.Elapsed.TotalSeconds;
        var (perSentence, wordRate) = VectorEvaluation.StudentSpeed(first, sentences);

        Console.WriteLine($"word vectors: {first.Count:N0} entries × {first.Dimensions} dims; {first.Description}");
        Console.WriteLine("| measure | value | target |");
        Console.WriteLine("|---|---:|---|");
        Console.WriteLine($"| model size | {(bytes?.Length ?? 0) / 1048576.0:F1} MB | ≤ 20 MB |");
        Console.WriteLine($"| first load (WordVectors.Default, embedded) | {defaultMs:F0} ms | ≤ 100 ms |");
        Console.WriteLine($"| load from bytes, best of 5 | {bestMs:F0} ms | |");
        Console.WriteLine($"| lookups/s, one core ({wordArray.Length:N0} ECB+ words, {known * 100.0 / wordArray.Length:F1}% found) | {lookupRate:N0} | ≥ 20,000,000 |");
        Console.WriteLine($"| words/s for sentence vectors, one core ({sentences.Length:N0} sentences, {perSentence:N0} words) | {wordRate:N0} | ≥ 2,000,000 |");
        return checksum == long.MinValue ? 1 : 0;
    }
}
