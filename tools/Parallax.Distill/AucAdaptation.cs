using Parallax.Analysis.Vectors;
using Parallax.Eval.Coreference;

namespace Parallax.Distill;

/// <summary>
/// <c>eval --adapt</c>: can a post-transform of the student's sentence vector close the same-event AUC gap to the
/// teacher? Two variants, both measured on the eval's pairs split by where their sentences come from:
/// <list type="bullet">
/// <item>common-component removal: subtract the projection on the first k principal components of student sentence
/// vectors of ECB+ TRAIN-topic sentences (unsupervised; dev pairs are held apart, train pairs overlap the fit);</item>
/// <item>a ridge map from the student vector (plus a bias) to the teacher's 384-dim embedding, fitted on TRAIN-topic
/// sentences (validated or not) whose text is in no eval pair (teacher vectors cached beside the others), λ chosen on dev pairs: every eval
/// pair is held apart from the fit.</item>
/// </list>
/// ECB+ test topics are never read (<see cref="VectorEvaluation.ReadSentences"/> reads train and dev only).
/// </summary>
internal static class AucAdaptation
{
    public static int Run(Options o, List<VectorEvaluation.Sentence> sentences, List<VectorEvaluation.Pair> pairs, Teacher teacher, WordVectors student)
    {
        var log = Console.Error;
        var dev = new HashSet<int>(EcbPlusCorpus.DevTopics);
        bool IsDev(int i) => dev.Contains(sentences[i].Topic);
        var inPairs = new HashSet<int>(pairs.SelectMany(p => new[] { p.A, p.B }));
        var pairTexts = new HashSet<string>(inPairs.Select(i => sentences[i].Text), StringComparer.Ordinal);

        // Fit sentences: any train-topic sentence (validated or not) whose text is in no eval pair.
        var rng = new Random(o.Seed + 15);
        var fitTexts = VectorEvaluation.ReadSentences(o.Shared, allSentences: true, splits: ["train"])
            .Select(s => s.Text).Where(t => !pairTexts.Contains(t)).Distinct(StringComparer.Ordinal)
            .OrderBy(t => t, StringComparer.Ordinal).OrderBy(_ => rng.Next()).Take(o.FitSentences).ToList();
        Step.Time($"teacher vectors of {fitTexts.Count:N0} fit sentences", () => teacher.Embed(fitTexts, o.Threads, log, "fit sentences"));
        int dims = student.Dimensions;
        var vectors = new float[sentences.Count][];
        for (int i = 0; i < sentences.Count; i++)
        {
            vectors[i] = new float[dims];
            student.PhraseVector(sentences[i].Text, vectors[i]);
        }

        var same = pairs.Select(p => p.SameEvent).ToArray();
        var trainPairs = pairs.Select(p => !IsDev(p.A) && !IsDev(p.B)).ToArray();
        var devPairs = pairs.Select(p => IsDev(p.A) && IsDev(p.B)).ToArray();
        var teacherScores = pairs.Select(p => (double)Pca.Dot(teacher[sentences[p.A].Text], teacher[sentences[p.B].Text])).ToArray();
        string Aucs(double[] s) =>
            $"{VectorEvaluation.Auc(s, same):F3} | {Sub(s, trainPairs):F3} | {Sub(s, devPairs):F3} | {VectorEvaluation.Spearman(s, teacherScores):F3}";
        double Sub(double[] s, bool[] keep) => VectorEvaluation.Auc(s.Where((_, i) => keep[i]).ToArray(), same.Where((_, i) => keep[i]).ToArray());
        double[] Scores(Func<int, float[]> v) => pairs.Select(p => (double)Pca.Dot(v(p.A), v(p.B))).ToArray();

        var texts = sentences.Select(s => s.Text).ToArray();
        var (words, baseSpeed) = VectorEvaluation.StudentSpeed(student, texts);
        Console.WriteLine($"same-event AUC with post-transforms of the student sentence vector; {pairs.Count:N0} pairs " +
                          $"({trainPairs.Count(x => x):N0} train–train, {devPairs.Count(x => x):N0} dev–dev, the rest cross); " +
                          $"{fitTexts.Count:N0} ridge fit sentences (train topics, in no pair)");
        Console.WriteLine();
        Console.WriteLine("| variant | AUC all | AUC train pairs | AUC dev pairs (held apart) | Spearman vs teacher | words per CPU s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| teacher | {Aucs(teacherScores)} | |");
        Console.WriteLine($"| student (PhraseVector) | {Aucs(Scores(i => vectors[i]))} | {baseSpeed:N0} |");

        // (1) Common-component removal, components from train-topic sentences' student vectors (uncentred, as the
        // removal of Arora et al.: the shared direction itself is what dominates every cosine).
        var trainRows = Enumerable.Range(0, sentences.Count).Where(i => !IsDev(i)).Select(i => vectors[i]).ToList();
        var pca = Pca.Fit(trainRows, 5, center: false);
        foreach (int k in new[] { 1, 2, 3, 5 })
        {
            var components = pca.Components.Take(k).ToArray();
            var removed = vectors.Select(v => Normalize(RemoveComponents(v, components))).ToArray();
            double speed = TransformSpeed(student, texts, words, v => Normalize(RemoveComponents(v, components)));
            Console.WriteLine($"| remove first {k} component(s) (train sentences) | {Aucs(Scores(i => removed[i]))} | {speed:N0} |");
        }

        // (2) Ridge map student → teacher, fitted on the fit sentences only.
        if (fitTexts.Count < 2 * dims)
        {
            Console.WriteLine($"| ridge map | needs ≥ {2 * dims} fit sentences, have {fitTexts.Count} | | | | |");
            return 0;
        }
        var x = fitTexts.Select(t => { var v = new float[dims]; student.PhraseVector(t, v); return v; }).ToArray();
        var y = fitTexts.Select(t => teacher[t]).ToArray();
        double bestDev = -1;
        double[,]? best = null;
        double bestLambda = 0;
        foreach (double lambda in new[] { 0.01, 0.1, 1, 10 })
        foreach (bool bias in new[] { true, false })
        {
            var w = Ridge(x, y, lambda, bias);
            var mapped = vectors.Select(v => Normalize(Map(w, v))).ToArray();
            var s = Scores(i => mapped[i]);
            double d = Sub(s, devPairs);
            Console.WriteLine($"| ridge map to teacher, λ = {lambda:G}{(bias ? "" : ", no bias (linear: could be folded into the word vectors)")} | {Aucs(s)} | |");
            if (d > bestDev) (bestDev, best, bestLambda) = (d, w, lambda);
        }
        double ridgeSpeed = TransformSpeed(student, texts, words, v => Normalize(Map(best!, v)));
        Console.WriteLine($"| ridge map, λ = {bestLambda:G} chosen on dev (speed: naive allocating 129×384 map in doubles) | | | | | {ridgeSpeed:N0} |");
        return 0;
    }

    private static float[] RemoveComponents(float[] v, float[][] components)
    {
        var r = (float[])v.Clone();
        foreach (var c in components)
        {
            float dot = Pca.Dot(r, c);
            for (int d = 0; d < r.Length; d++) r[d] -= dot * c[d];
        }
        return r;
    }

    private static float[] Normalize(float[] v)
    {
        double n = Math.Sqrt(Pca.Dot(v, v));
        if (n > 0) for (int d = 0; d < v.Length; d++) v[d] = (float)(v[d] / n);
        return v;
    }

    /// <summary>Student vector (with a trailing 1 for the bias) times the (dims+1) × 384 map.</summary>
    private static float[] Map(double[,] w, float[] v)
    {
        int inDims = w.GetLength(0), outDims = w.GetLength(1);
        var r = new float[outDims];
        for (int o = 0; o < outDims; o++)
        {
            double s = w[inDims - 1, o];
            for (int d = 0; d < inDims - 1; d++) s += v[d] * w[d, o];
            r[o] = (float)s;
        }
        return r;
    }

    /// <summary>Ridge regression, W = (XᵀX + λI)⁻¹ XᵀY with a bias column (not penalised), by Cholesky in doubles.</summary>
    private static double[,] Ridge(float[][] x, float[][] y, double lambda, bool bias)
    {
        int n = x[0].Length + 1, m = y[0].Length;
        var a = new double[n, n];
        var b = new double[n, m];
        for (int r = 0; r < x.Length; r++)
        {
            var row = new double[n];
            for (int d = 0; d < n - 1; d++) row[d] = x[r][d];
            row[n - 1] = bias ? 1 : 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j <= i; j++) a[i, j] += row[i] * row[j];
                for (int o = 0; o < m; o++) b[i, o] += row[i] * y[r][o];
            }
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) a[j, i] = a[i, j];
        for (int i = 0; i < n - 1; i++) a[i, i] += lambda;
        a[n - 1, n - 1] += 1e-9;
        // Cholesky: a = L Lᵀ (in place, lower triangle).
        for (int j = 0; j < n; j++)
        {
            double s = a[j, j];
            for (int k = 0; k < j; k++) s -= a[j, k] * a[j, k];
            a[j, j] = Math.Sqrt(s);
            for (int i = j + 1; i < n; i++)
            {
                double t = a[i, j];
                for (int k = 0; k < j; k++) t -= a[i, k] * a[j, k];
                a[i, j] = t / a[j, j];
            }
        }
        var w = new double[n, m];
        var z = new double[n];
        for (int o = 0; o < m; o++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = b[i, o];
                for (int k = 0; k < i; k++) s -= a[i, k] * z[k];
                z[i] = s / a[i, i];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double s = z[i];
                for (int k = i + 1; k < n; k++) s -= a[k, i] * w[k, o];
                w[i, o] = s / a[i, i];
            }
        }
        return w;
    }

    /// <summary>Words per CPU second of PhraseVector followed by the transform (the transform allocates here: an upper
    /// bound on its cost, not what a shipped version would do).</summary>
    private static double TransformSpeed(WordVectors model, string[] texts, long words, Func<float[], float[]> transform)
    {
        var v = new float[model.Dimensions];
        for (var warm = CpuWatch.Start(); warm.ThreadSeconds < 0.3;) foreach (var text in texts) { model.PhraseVector(text, v); transform(v); }
        double best = 0;
        for (int round = 0; round < 3; round++)
        {
            var watch = CpuWatch.Start();
            long done = 0;
            while (watch.ThreadSeconds < 0.2)
            {
                foreach (var text in texts) { model.PhraseVector(text, v); transform(v); }
                done += words;
            }
            best = Math.Max(best, done / watch.ThreadSeconds);
        }
        return best;
    }
}
