using System.Diagnostics;
using System.Security.Cryptography;
using Parallax.Analysis.Vectors;

namespace Parallax.Distill;

/// <summary>
/// The distill command: vocabulary → teacher vectors (cached, resumable) → PCA to <c>--dims</c> → int8 per-dimension
/// quantisation → nested k-means (64 / 512 / 4,096) → one model file. Same inputs and seed, same bytes.
/// </summary>
internal static class Distiller
{
    /// <summary>Smooth-inverse-frequency constant: weight = a / (a + p(word)).</summary>
    public const double SifA = 1e-3;

    /// <summary>The weight of the rarest words is capped: a word the corpora barely know has a noisy vector (the teacher
    /// saw it as word pieces out of context), and uncapped it outweighs the rest of its sentence.</summary>
    public const double MaxWeight = 1.0;

    /// <summary>Scale every reduced word vector to unit length, so only the frequency weight sets a word's share of a phrase vector.</summary>
    public const bool UnitLength = false;

    private static float[] Unit(float[] y)
    {
        double norm = Math.Sqrt(y.Sum(x => (double)x * x));
        if (norm > 0) for (int d = 0; d < y.Length; d++) y[d] = (float)(y[d] / norm);
        return y;
    }

    public static int Run(Options o)
    {
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(o.Work);
        var log = Console.Error;
        var (entries, tokens) = Step.Time("vocabulary", () =>
        {
            var counts = Vocabulary.FromSharedData(o.Shared, log);
            using var teacherVocab = Teacher.OpenVocabulary();
            var list = counts.Build(o.Shared, Vocabulary.TeacherWords(teacherVocab).ToList(), o.Size, o.MinCount, log);
            return (list, counts.Tokens);
        });
        File.WriteAllLines(Path.Combine(o.Work, "vocabulary.tsv"), entries.Select(e => $"{e.Key}\t{e.Text}\t{e.Count}").Prepend($"#tokens\t{tokens}"));
        log.WriteLine($"  {entries.Count:N0} entries (list in {Path.Combine(o.Work, "vocabulary.tsv")})");

        var teacher = new Teacher(Path.Combine(o.Work, "teacher-words.cache"));
        if (o.CachedOnly)
        {
            entries = entries.Where(e => teacher.Contains(e.Text)).ToList();
            log.WriteLine($"  --cached-only: {entries.Count:N0} entries already have teacher vectors (a trial model, not the release one)");
        }
        else Step.Time("teacher vectors", () => teacher.Embed(entries.Select(e => e.Text).ToList(), o.Threads, log, "vocabulary entries"));

        var model = Step.Time("reduce, quantise, cluster", () => Build(entries, teacher, tokens, o.Dimensions, o.Seed, log));
        Directory.CreateDirectory(Path.GetDirectoryName(o.Model)!);
        using (var file = File.Create(o.Model)) model.Save(file);
        var bytes = File.ReadAllBytes(o.Model);
        log.WriteLine($"wrote {o.Model}: {bytes.Length / 1048576.0:F1} MB, {model.Count:N0} entries × {model.Dimensions} dims, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}");
        log.WriteLine($"distill: {total.Elapsed.TotalMinutes:F1} min");
        return 0;
    }

    /// <summary>The components are fitted on the words the corpora use (seen at least <see cref="PcaMinCount"/> times),
    /// so the dimensions go to the variance of news words rather than to the many gazetteer names.</summary>
    public const int PcaMinCount = 2;

    public static Pca FitPca(List<VocabularyEntry> entries, Teacher teacher, int dims, int minCount = PcaMinCount) =>
        Pca.Fit(entries.Where(e => e.Count >= minCount).Select(e => teacher[e.Text]).ToList(), dims);

    public static WordVectors Build(List<VocabularyEntry> entries, Teacher teacher, long tokens, int dims, int seed, TextWriter log,
        double sifA = SifA, bool cluster = true, Pca? fitted = null, bool unitLength = UnitLength, double maxWeight = MaxWeight)
    {
        var rows = entries.Select(e => teacher[e.Text]).ToList();
        var pca = fitted is null ? FitPca(entries, teacher, dims) : fitted.Truncate(dims);
        log.WriteLine($"  PCA: {dims} components keep {pca.Variances.Sum() / pca.TotalVariance:P1} of the variance");
        var keys = entries.Select(e => e.Key).ToList();
        var reduced = rows.Select(r => { var y = new float[dims]; pca.Project(r, y); return unitLength ? Unit(y) : y; }).ToList();
        var counts = entries.Select(e => e.Count).ToList();

        // One entry per word shape: the mean of the rare words of that shape, standing for unknown words.
        for (int s = 1; s < WordShapes.Count; s++)
        {
            var shape = (WordShape)s;
            var members = Enumerable.Range(0, entries.Count).Where(i => WordShapes.Of(keys[i]) == shape).ToList();
            var rare = members.Where(i => counts[i] <= 2).ToList();
            if (rare.Count >= 20) members = rare;
            if (members.Count == 0) continue;
            var mean = new float[dims];
            foreach (var i in members) for (int d = 0; d < dims; d++) mean[d] += reduced[i][d] / members.Count;
            keys.Add(WordVectors.ShapeKey(shape));
            reduced.Add(mean);
            counts.Add(0);
        }

        int n = keys.Count;
        var scales = new float[dims];
        for (int d = 0; d < dims; d++)
        {
            double sq = 0, max = 0;
            foreach (var y in reduced) { sq += y[d] * y[d]; max = Math.Max(max, Math.Abs(y[d])); }
            double limit = Math.Min(max, 6 * Math.Sqrt(sq / n));
            scales[d] = (float)(limit / 127);
        }
        var q = new sbyte[n * dims];
        for (int i = 0; i < n; i++)
            for (int d = 0; d < dims; d++)
                q[i * dims + d] = (sbyte)Math.Clamp(Math.Round(reduced[i][d] / scales[d]), -127, 127);

        var weights = counts.Select(c => (byte)Math.Clamp(Math.Round(255 * Math.Min(maxWeight, sifA / (sifA + (double)c / tokens))), 1, 255)).ToArray();

        // Cluster the quantised vectors as the run time sees them, at unit length.
        var unit = new float[n][];
        for (int i = 0; i < n; i++)
        {
            var u = new float[dims];
            double norm = 0;
            for (int d = 0; d < dims; d++) { u[d] = q[i * dims + d] * scales[d]; norm += u[d] * u[d]; }
            norm = Math.Sqrt(norm);
            if (norm > 0) for (int d = 0; d < dims; d++) u[d] = (float)(u[d] / norm);
            unit[i] = u;
        }
        const int Coarse = 64, Branch = 8;
        var levels = cluster ? KMeans.Hierarchy(unit, Coarse, Branch, WordVectors.Levels, seed) : new int[WordVectors.Levels][].Select(_ => new int[n]).ToArray();
        var clusters = new ushort[n * WordVectors.Levels];
        for (int i = 0; i < n; i++)
            for (int l = 0; l < WordVectors.Levels; l++) clusters[i * WordVectors.Levels + l] = (ushort)levels[l][i];
        int[] clusterCounts = [Coarse, Coarse * Branch, Coarse * Branch * Branch];
        var description = $"word vectors distilled from all-MiniLM-L6-v2 (Apache-2.0): {n} entries, PCA {dims} dims, int8, " +
                          $"SIF a={sifA} max {maxWeight}, k-means {clusterCounts[0]}/{clusterCounts[1]}/{clusterCounts[2]} seed {seed}";
        return WordVectors.Create(keys, q, scales, weights, clusters, clusterCounts, description);
    }
}
