using Parallax.Analysis.Vectors;

namespace Parallax.Analysis.Tests.Vectors;

public class WordVectorsTests
{
    // A tiny invented model: 4 dims, words on axes so expected cosines and averages are known exactly.
    private static WordVectors Tiny()
    {
        string[] keys = ["airbus", "boeing", "us", "US", "us-led", "ceasefire", WordVectors.ShapeKey(WordShape.Capitalized), WordVectors.ShapeKey(WordShape.Digits)];
        sbyte[] v =
        [
            100, 10, 0, 0,   // airbus
            100, 0, 0, 0,    // boeing
            0, 0, 100, 0,    // us (pronoun)
            0, 0, 0, 100,    // US (the country)
            0, 50, 50, 0,    // us-led
            0, 100, 0, 0,    // ceasefire
            0, 0, 0, 50,     // unknown capitalised word
            0, 0, 60, 60,    // unknown number
        ];
        byte[] weights = [255, 255, 10, 255, 255, 255, 255, 255];
        var clusters = new ushort[keys.Length * WordVectors.Levels];
        for (int i = 0; i < keys.Length; i++) { clusters[i * 3] = (ushort)(i % 2); clusters[i * 3 + 1] = (ushort)(i % 4); clusters[i * 3 + 2] = (ushort)i; }
        return WordVectors.Create(keys, v, [0.01f, 0.01f, 0.01f, 0.01f], weights, clusters, [2, 4, 8], "tiny test model");
    }

    [Fact]
    public void Shape_entries_are_told_apart_from_words()
    {
        var m = Tiny();
        Assert.True(m.IsShapeEntry(m.Lookup("Kowalczyk")));
        Assert.True(m.IsShapeEntry(m.Lookup("1987")));
        Assert.False(m.IsShapeEntry(m.Lookup("Boeing")));
        Assert.False(m.IsShapeEntry(m.Lookup("US")));
    }

    [Fact]
    public void Lookup_prefers_the_cased_key_then_lower_case_then_stripped_then_shape()
    {
        var m = Tiny();
        Assert.Equal("US", m.KeyOf(m.Lookup("US")));
        Assert.Equal("us", m.KeyOf(m.Lookup("us")));
        Assert.Equal("boeing", m.KeyOf(m.Lookup("Boeing")));
        Assert.Equal("boeing", m.KeyOf(m.Lookup("BOEING")));
        Assert.Equal("US", m.KeyOf(m.Lookup("U.S.")));            // punctuation stripped, case kept
        Assert.Equal("ceasefire", m.KeyOf(m.Lookup("Cease-Fire")));  // stripped and lower-cased
        Assert.Equal("us-led", m.KeyOf(m.Lookup("US-led")));        // lower-cased before stripping
        Assert.Equal(WordVectors.ShapeKey(WordShape.Capitalized), m.KeyOf(m.Lookup("Kowalczyk")));
        Assert.Equal(WordVectors.ShapeKey(WordShape.Digits), m.KeyOf(m.Lookup("1987")));
        Assert.Equal(-1, m.Lookup("quarry"));                       // lower-case shape has no entry in this model
        Assert.Equal(-1, m.Lookup("..."));
        Assert.Equal(-1, m.Lookup(""));
    }

    [Fact]
    public void Cluster_is_minus_one_for_an_unknown_word_and_checks_the_level()
    {
        var m = Tiny();
        int boeing = m.Lookup("boeing");
        Assert.Equal(1, m.Cluster(boeing, 0));
        Assert.Equal(1, m.Cluster(boeing, 1));
        Assert.Equal(1, m.Cluster(boeing, 2));
        Assert.Equal(-1, m.Cluster(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Cluster(boeing, 3));
        Assert.Equal(8, m.ClusterCount(2));
    }

    [Fact]
    public void Similarity_is_the_cosine_and_zero_for_unknown_words()
    {
        var m = Tiny();
        Assert.Equal(100 / MathF.Sqrt(100 * 100 + 10 * 10), m.Similarity("Airbus", "Boeing"), 4);
        Assert.Equal(0f, m.Similarity("US", "us"), 4);
        Assert.Equal(0f, m.Similarity("boeing", "!!"));
        Assert.Equal(1f, m.Similarity("U.S.", "US"), 4);
    }

    [Fact]
    public void Phrase_vector_is_the_weighted_average_at_unit_length()
    {
        var m = Tiny();
        var v = new float[m.Dimensions];
        m.PhraseVector("boeing, ceasefire!", v);
        Assert.Equal(1 / MathF.Sqrt(2), v[0], 4);
        Assert.Equal(1 / MathF.Sqrt(2), v[1], 4);
        // A frequent word (weight 10/255) barely moves the average.
        m.PhraseVector("boeing us", v);
        Assert.True(v[0] > 0.99f && v[2] > 0f && v[2] < 0.05f, string.Join(",", v));
        // Nothing known: all zeros, and the destination is overwritten, not added to.
        m.PhraseVector("... ?? --", v);
        Assert.All(v, x => Assert.Equal(0f, x));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.PhraseVector("boeing", new float[2]));
    }

    [Fact]
    public void Phrase_vector_matches_the_weighted_average_computed_by_hand_in_wide_vectors()
    {
        // 40 dims: the vectorised path (32 at a time) and the scalar tail both run.
        const int dims = 40;
        var rng = new Random(7);
        string[] keys = ["alpha", "beta", "gamma"];
        var q = new sbyte[keys.Length * dims];
        for (int i = 0; i < q.Length; i++) q[i] = (sbyte)rng.Next(-127, 128);
        var scales = Enumerable.Range(0, dims).Select(d => 0.001f * (d + 1)).ToArray();
        byte[] weights = [255, 40, 3];
        var m = WordVectors.Create(keys, q, scales, weights, new ushort[keys.Length * WordVectors.Levels], [1, 1, 1], "wide");
        var expected = new double[dims];
        foreach (var (word, times) in new[] { ("alpha", 1), ("beta", 2), ("gamma", 1) })
        {
            int i = Array.IndexOf(keys, word);
            for (int d = 0; d < dims; d++) expected[d] += times * weights[i] * q[i * dims + d] * (double)scales[d];
        }
        double norm = Math.Sqrt(expected.Sum(x => x * x));
        var v = new float[dims];
        m.PhraseVector("Alpha beta, BETA and gamma.", v);
        for (int d = 0; d < dims; d++) Assert.Equal(expected[d] / norm, v[d], 4);
    }

    [Fact]
    public void Saved_model_loads_to_the_same_bytes_and_answers()
    {
        var m = Tiny();
        var first = new MemoryStream();
        m.Save(first);
        var loaded = WordVectors.Load(new MemoryStream(first.ToArray()));
        var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        foreach (var word in new[] { "US", "us", "Boeing", "U.S.", "Kowalczyk", "1987", "..." })
        {
            Assert.Equal(m.Lookup(word), loaded.Lookup(word));
            Assert.Equal(m.Similarity(word, "airbus"), loaded.Similarity(word, "airbus"));
        }
        Assert.Equal("tiny test model", loaded.Description);
    }

    [Fact]
    public void The_analysis_assembly_does_not_carry_the_teacher()
    {
        var references = typeof(WordVectors).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("SentenceTransformers", StringComparison.Ordinal) || n.StartsWith("Microsoft.ML", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_names_a_bad_file()
    {
        var e = Assert.Throws<InvalidDataException>(() => WordVectors.Load(new MemoryStream("NOTAMODEL......................."u8.ToArray())));
        Assert.Contains("magic", e.Message);
    }

    [Fact]
    public void Lookup_and_phrase_vector_allocate_nothing()
    {
        var m = WordVectors.Default;
        var v = new float[m.Dimensions];
        const string text = "Boeing said the U.S.-led inquiry into the 737 MAX crash, which killed 157 people, was over.";
        m.PhraseVector(text, v);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            sum += m.Lookup("Boeing") + m.Lookup("BOEING") + m.Lookup("U.S.") + m.Lookup("Kowalczykowski") + m.Cluster(m.Lookup("crash"), 2);
            m.PhraseVector(text, v);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, sum);
    }

    [Fact]
    public void Shipped_model_knows_news_words_and_their_neighbours()
    {
        var m = WordVectors.Default;
        Assert.InRange(m.Count, 80_000, 200_000);
        Assert.InRange(m.Dimensions, 64, 128);
        foreach (var word in new[] { "the", "passengers", "Boeing", "earthquake", "Obama" })
            Assert.False(m.KeyOf(m.Lookup(word)).StartsWith('\u0001'), word);
        // Meaning, not spelling: a word is nearer its kin than an unrelated word.
        Assert.True(m.Similarity("wounded", "injured") > m.Similarity("wounded", "guitar"));
        Assert.True(m.Similarity("passengers", "commuters") > m.Similarity("passengers", "senate"));
        Assert.Equal(m.Cluster(m.Lookup("Boeing"), 0), m.Cluster(m.Lookup("boeing"), 0));
    }
}
