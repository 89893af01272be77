using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;

namespace Parallax.Analysis.Vectors;

/// <summary>
/// Word vectors distilled at build time from a sentence encoder (all-MiniLM-L6-v2, see docs/word-vectors.md): every
/// entry of a 100k–200k vocabulary has a small quantised vector, a frequency weight and a cluster id at three
/// granularities. Lookup is a hash probe over the keys (cased → lower-case → punctuation-stripped → word shape) with no
/// allocation; a phrase vector is the frequency-weighted average of its words' vectors. Immutable and thread-safe.
/// </summary>
public sealed partial class WordVectors
{
    /// <summary>The number of cluster granularities (0 coarse, 1 medium, 2 fine).</summary>
    public const int Levels = 3;

    private const string ResourceName = "Parallax.Analysis.Vectors.Models.wordvectors.pxv";
    private static readonly Lazy<WordVectors> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly char[] _keyChars;
    private readonly int[] _keyStarts;     // Count + 1 offsets into _keyChars
    private readonly sbyte[] _vectors;     // Count × Dimensions
    private readonly float[] _scales;      // per dimension: value = q × scale
    private readonly byte[] _weights;      // frequency weight × 255
    private readonly ushort[] _clusters;   // Count × Levels
    private readonly int[] _clusterCounts; // per level
    private readonly int[] _shapeEntries;  // per WordShape value: an entry index or -1
    private readonly int[] _table;         // open addressing: entry index + 1, 0 = empty
    private readonly int _mask;

    /// <summary>The model shipped with the analysis assembly, loaded once on first use.</summary>
    public static WordVectors Default => LazyDefault.Value;

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Number of entries (words, names and one entry per word shape).</summary>
    public int Count => _keyStarts.Length - 1;

    /// <summary>What the model was built from (teacher, vocabulary size, seed, format version).</summary>
    public string Description { get; }

    private WordVectors(string description, int dimensions, char[] keyChars, int[] keyStarts, sbyte[] vectors, float[] scales,
        byte[] weights, ushort[] clusters, int[] clusterCounts)
    {
        Description = description;
        Dimensions = dimensions;
        _keyChars = keyChars;
        _keyStarts = keyStarts;
        _vectors = vectors;
        _scales = scales;
        _weights = weights;
        _clusters = clusters;
        _clusterCounts = clusterCounts;
        _shapeEntries = new int[WordShapes.Count];
        Array.Fill(_shapeEntries, -1);
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, Count * 2));
        _table = new int[size];
        _mask = size - 1;
        for (int i = 0; i < Count; i++)
        {
            var key = Key(i);
            int slot = (int)Hash(key, Fold.None) & _mask;
            while (_table[slot] != 0)
            {
                if (Matches(_table[slot] - 1, key, Fold.None)) break; // duplicate key: the first (most frequent) wins
                slot = (slot + 1) & _mask;
            }
            if (_table[slot] == 0) _table[slot] = i + 1;
        }
        for (int s = 0; s < WordShapes.Count; s++) _shapeEntries[s] = Find(ShapeKey((WordShape)s), Fold.None);
    }

    /// <summary>Builds a model from its parts (the distiller's path; <see cref="Save"/> writes it).</summary>
    /// <param name="keys">Entry keys, unique; shape entries have keys from <see cref="ShapeKey"/>.</param>
    /// <param name="vectors">Quantised vectors, <paramref name="keys"/>.Length × <paramref name="scales"/>.Length.</param>
    /// <param name="scales">Per-dimension scale: a component is q × scale.</param>
    /// <param name="weights">Per-entry frequency weight × 255 (used by <see cref="PhraseVector"/>).</param>
    /// <param name="clusters">Per-entry cluster id at each of the <see cref="Levels"/> levels, entry-major.</param>
    /// <param name="clusterCounts">Number of clusters at each level.</param>
    /// <param name="description">What the model was built from.</param>
    public static WordVectors Create(IReadOnlyList<string> keys, sbyte[] vectors, float[] scales, byte[] weights, ushort[] clusters,
        int[] clusterCounts, string description)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(clusterCounts);
        int n = keys.Count, d = scales.Length;
        if (vectors.Length != n * d || weights.Length != n || clusters.Length != n * Levels || clusterCounts.Length != Levels)
            throw new ArgumentException("model parts disagree in length");
        var starts = new int[n + 1];
        for (int i = 0; i < n; i++) starts[i + 1] = starts[i] + keys[i].Length;
        var chars = new char[starts[n]];
        for (int i = 0; i < n; i++) keys[i].CopyTo(0, chars, starts[i], keys[i].Length);
        return new WordVectors(description, d, chars, starts, vectors, scales, weights, clusters, clusterCounts);
    }

    /// <summary>The key of the entry standing for unknown words of a shape (a control character keeps it apart from any token).</summary>
    public static string ShapeKey(WordShape shape) => "\u0001" + shape.ToString();

    /// <summary>Number of clusters at a level (0 coarse, 1 medium, 2 fine).</summary>
    public int ClusterCount(int level) => _clusterCounts[CheckLevel(level)];

    /// <summary>Whether an entry stands for unknown words of a shape (<see cref="ShapeKey"/>) rather than for a word:
    /// two words that both fall back to it share it, which says nothing about their meaning. No allocation.</summary>
    public bool IsShapeEntry(int index) => Key(index) is ['\u0001', ..];

    /// <summary>The key of an entry (allocates; for display and tests).</summary>
    public string KeyOf(int index) => new(Key(index));

    /// <summary>
    /// The entry of a token: the exact (cased) key, else its lower-case form, else with punctuation removed ("U.S." →
    /// "US"), else the entry standing for words of its shape; -1 when there is none (punctuation). No allocation.
    /// </summary>
    public int Lookup(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty) return -1;
        // One pass computes the exact and the lower-case hash and notes upper case and punctuation.
        uint exact = 2166136261, lower = 2166136261;
        bool upper = false, punct = false;
        foreach (char c in token)
        {
            exact = (exact ^ c) * 16777619;
            char l = c;
            if (char.IsAsciiLetterUpper(c)) { l = (char)(c | 0x20); upper = true; }
            else if (c >= 0x80)
            {
                if (char.IsUpper(c)) { l = char.ToLowerInvariant(c); upper = true; }
                else punct |= !char.IsLetterOrDigit(c);
            }
            else punct |= !char.IsAsciiLetterOrDigit(c);
            lower = (lower ^ l) * 16777619;
        }
        int found = Probe(Mix(exact), token, Fold.None);
        if (found >= 0) return found;
        if (upper && (found = Probe(Mix(lower), token, Fold.Lower)) >= 0) return found;
        if (punct)
        {
            if ((found = Find(token, Fold.Strip)) >= 0) return found;
            if (upper && (found = Find(token, Fold.Lower | Fold.Strip)) >= 0) return found;
        }
        return _shapeEntries[(int)WordShapes.Of(token)];
    }

    /// <summary>The cluster of an entry at a level (0 coarse, 1 medium, 2 fine); -1 for index -1.</summary>
    public int Cluster(int index, int level)
    {
        CheckLevel(level);
        if (index < 0) return -1;
        return _clusters[index * Levels + level];
    }

    /// <summary>The frequency weight of an entry in [0, 1]: rare words weigh more (smooth inverse frequency).</summary>
    public float Weight(int index) => _weights[index] / 255f;

    /// <summary>Writes an entry's vector into <paramref name="destination"/> (at least <see cref="Dimensions"/> long).</summary>
    public void Vector(int index, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Dimensions, nameof(destination));
        var q = Row(index);
        for (int d = 0; d < q.Length; d++) destination[d] = q[d] * _scales[d];
    }

    /// <summary>Cosine between the vectors of two entries; 0 when either is -1.</summary>
    public float Similarity(int a, int b)
    {
        if (a < 0 || b < 0) return 0f;
        ReadOnlySpan<sbyte> x = Row(a), y = Row(b);
        float dot = 0, nx = 0, ny = 0;
        for (int d = 0; d < x.Length; d++)
        {
            float s = _scales[d], u = x[d] * s, v = y[d] * s;
            dot += u * v;
            nx += u * u;
            ny += v * v;
        }
        return nx > 0 && ny > 0 ? dot / MathF.Sqrt(nx * ny) : 0f;
    }

    /// <summary>Cosine of the two words' vectors, 0 when either is unknown.</summary>
    public float Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Similarity(Lookup(a), Lookup(b));

    /// <summary>
    /// The frequency-weighted average of the vectors of the words of <paramref name="text"/> (maximal runs of letters and
    /// digits), scaled to unit length; all zeros when no word is known. <paramref name="destination"/> must hold
    /// <see cref="Dimensions"/> values. No allocation.
    /// </summary>
    public void PhraseVector(ReadOnlySpan<char> text, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Dimensions, nameof(destination));
        // Integer sums of weight × quantised component, exact and order-free; scaled to floats once at the end.
        Span<int> sum = Dimensions <= 512 ? stackalloc int[Dimensions] : new int[Dimensions];
        sum.Clear();
        int pos = 0;
        while (NextWord(text, ref pos, out var start, out var length))
        {
            int index = Lookup(text.Slice(start, length));
            if (index >= 0) Accumulate(sum, Row(index), _weights[index]);
        }
        var output = destination[..Dimensions];
        float norm = 0;
        for (int d = 0; d < output.Length; d++)
        {
            output[d] = sum[d] * _scales[d];
            norm += output[d] * output[d];
        }
        if (norm <= 0) return;
        float inv = 1f / MathF.Sqrt(norm);
        for (int d = 0; d < output.Length; d++) output[d] *= inv;
    }

    /// <summary>
    /// The next word of <paramref name="text"/> at or after <paramref name="position"/>: a maximal run of letters and
    /// digits (the unit <see cref="PhraseVector"/> and the distiller's vocabulary share). False at the end.
    /// </summary>
    public static bool NextWord(ReadOnlySpan<char> text, ref int position, out int start, out int length)
    {
        int i = position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
        start = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
        length = i - start;
        position = i;
        return length > 0;
    }

    private static void Accumulate(Span<int> sum, ReadOnlySpan<sbyte> q, int weight)
    {
        int d = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // 32 components at a time: sbyte → short (× weight, at most 127 × 255, fits) → int.
            var w = Vector256.Create((short)weight);
            ref sbyte source = ref MemoryMarshal.GetReference(q);
            ref int target = ref MemoryMarshal.GetReference(sum);
            for (; d + 32 <= q.Length; d += 32)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref source, (nuint)d));
                var (a, b) = Vector256.Widen(low * w);
                var (c, e) = Vector256.Widen(high * w);
                (Vector256.LoadUnsafe(ref target, (nuint)d) + a).StoreUnsafe(ref target, (nuint)d);
                (Vector256.LoadUnsafe(ref target, (nuint)(d + 8)) + b).StoreUnsafe(ref target, (nuint)(d + 8));
                (Vector256.LoadUnsafe(ref target, (nuint)(d + 16)) + c).StoreUnsafe(ref target, (nuint)(d + 16));
                (Vector256.LoadUnsafe(ref target, (nuint)(d + 24)) + e).StoreUnsafe(ref target, (nuint)(d + 24));
            }
        }
        for (; d < q.Length; d++) sum[d] += weight * q[d];
    }

    private ReadOnlySpan<sbyte> Row(int index) => _vectors.AsSpan(index * Dimensions, Dimensions);

    private ReadOnlySpan<char> Key(int index) => _keyChars.AsSpan(_keyStarts[index], _keyStarts[index + 1] - _keyStarts[index]);

    private static int CheckLevel(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, Levels);
        return level;
    }

    [Flags]
    private enum Fold { None = 0, Lower = 1, Strip = 2 }

    private static char Normalize(char c, Fold fold) => (fold & Fold.Lower) != 0 ? char.ToLowerInvariant(c) : c;

    private static bool Skipped(char c, Fold fold) => (fold & Fold.Strip) != 0 && !char.IsLetterOrDigit(c);

    private static uint Hash(ReadOnlySpan<char> s, Fold fold)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            if (Skipped(c, fold)) continue;
            h = (h ^ Normalize(c, fold)) * 16777619;
        }
        return Mix(h);
    }

    private static uint Mix(uint h) => h ^ (h >> 15);

    private int Find(ReadOnlySpan<char> token, Fold fold) => Probe(Hash(token, fold), token, fold);

    private int Probe(uint hash, ReadOnlySpan<char> token, Fold fold)
    {
        int slot = (int)hash & _mask;
        while (true)
        {
            int entry = _table[slot] - 1;
            if (entry < 0) return -1;
            if (Matches(entry, token, fold)) return entry;
            slot = (slot + 1) & _mask;
        }
    }

    private bool Matches(int entry, ReadOnlySpan<char> token, Fold fold)
    {
        var key = Key(entry);
        if (fold == Fold.None) return key.SequenceEqual(token);
        int k = 0;
        foreach (char c in token)
        {
            if (Skipped(c, fold)) continue;
            if (k >= key.Length || key[k] != Normalize(c, fold)) return false;
            k++;
        }
        return k == key.Length;
    }

    private static WordVectors LoadDefault()
    {
        using var stream = typeof(WordVectors).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded word-vector model {ResourceName} is missing from the analysis assembly");
        return Load(stream);
    }

    internal static T[] ReadArray<T>(Stream stream, int length) where T : unmanaged
    {
        var array = new T[length];
        stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }
}
