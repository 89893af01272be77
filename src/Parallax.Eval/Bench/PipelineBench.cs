using System.Diagnostics;
using Parallax.Analysis.Entities;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Text;
using Parallax.Model;
using Parallax.Stories;

namespace Parallax.Eval.Bench;

/// <summary>One stage's time over the whole replayed corpus (milliseconds).</summary>
public sealed record StageTime(string Stage, double Milliseconds);

/// <summary>The pipeline benchmark's figures: the corpus, per-stage times (one core only), the total, and story
/// building over the distinct documents.</summary>
public sealed record PipelineBenchResult(int Documents, long Words, int DistinctDocuments, long DistinctWords, int Threads,
    IReadOnlyList<StageTime> Stages, double TotalMilliseconds, int Stories, double StoryMilliseconds, double PeakMb, double HeapMb);

/// <summary>One quarter of the streaming benchmark: MB, documents, tokens, mentions, tokens/s and peak memory so far.</summary>
public sealed record StreamQuarter(double Megabytes, int Documents, long Tokens, long Mentions, double TokensPerSecond, double PeakMb);

/// <summary>
/// <c>parallax bench</c>'s workloads on PolNeAR's article texts from ../shared/data (read at run time, never copied):
/// the per-document pipeline on a corpus replayed to a number of words, stage by stage on one core, then story
/// building on the distinct documents; and a constant-memory stream through tokens, sentences and entities.
/// </summary>
public static class PipelineBench
{
    private static string[] Texts(string shared, out string[] paths)
    {
        var textDir = SharedData.Folder(shared, "quotes", "polnear", "train", "text");
        paths = [.. Directory.EnumerateFiles(textDir, "*.txt").Order(StringComparer.Ordinal)];
        return [.. paths.Select(File.ReadAllText)];
    }

    public static PipelineBenchResult Run(string shared, long targetWords, int threads)
    {
        var texts = Texts(shared, out var paths);
        var distinct = texts.Select((text, i) => new Document { Id = $"d{i + 1}", Origin = paths[i], Text = text })
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

        var pipeline = StandardPipeline.Create();
        // Warm-up on a slice so JIT and lexicon loading are not timed.
        foreach (var d in distinct.Take(50)) pipeline.Run(d);

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
        var stages = threads == 1 ? pipeline.Stages.Select((s, i) => new StageTime(s.Name, stageTimes[i])).ToList() : [];

        // Story building over the distinct documents (replayed copies would all cluster into giant stories).
        var analysed = pipeline.RunAll(distinct, threads);
        var storyClock = Stopwatch.StartNew();
        var report = new StoryBuilder().Build(analysed, []);
        storyClock.Stop();
        using var self = Process.GetCurrentProcess();
        return new PipelineBenchResult(corpus.Count, words, distinct.Count, distinctWords, threads, stages, total.Elapsed.TotalMilliseconds,
            report.Stories.Length, storyClock.Elapsed.TotalMilliseconds, self.PeakWorkingSet64 / (1024.0 * 1024), GC.GetTotalMemory(false) / (1024.0 * 1024));
    }

    /// <summary>
    /// Entity recognition over a large corpus in constant memory: texts are replayed one document at a time (never all
    /// held), each analysed by tokens, sentences and entities and then dropped. Reports each quarter, so a reader sees
    /// whether memory grows with the corpus.
    /// </summary>
    public static IEnumerable<StreamQuarter> Stream(string shared, int megabytes)
    {
        var texts = Texts(shared, out _).Where(t => t.Length > 0).ToArray();
        var pipeline = DocumentPipeline.Build(new TokenizerStage(), new SentenceStage(), new EntityStage(EntityLexicon.Default));
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
                yield return new StreamQuarter(chars / (1024.0 * 1024), docs, words, mentions, words / clock.Elapsed.TotalSeconds, self.PeakWorkingSet64 / (1024.0 * 1024));
                quarter++;
            }
        }
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
