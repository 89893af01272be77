using System.Numerics;
using Parallax.Analysis.Vectors;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// What the tagger reads of the distilled word vectors, computed once at training time and stored in ner.bin, so tagging
/// never loads the vectors: for every lower-case vocabulary entry, its cluster ids at the three levels packed in one value
/// and the signs of the first <see cref="DirectionBits"/> principal components, in an open-addressing table keyed by the
/// tagger's own lower-case word hash (<see cref="NerFeatures.LowerHash"/>, already computed per token), so a token's
/// code costs one probe. A word without an entry falls back as the vectors' lookup does: its form without punctuation
/// ("u.s." → "us"), then the entry standing for its shape. Immutable; shared across threads.
/// </summary>
public sealed class VectorCodes
{
    public const int DirectionBits = 8;

    /// <summary>The packed value of a token without an entry (punctuation).</summary>
    public const uint None = 0xFFFF_FFFF;

    private const ulong Empty = ulong.MaxValue;

    /// <summary>No codes: every token reads <see cref="None"/> (a model trained without vectors).</summary>
    public static VectorCodes Nothing { get; } = new([], [], [], new ulong[WordShapes.Count]);

    private readonly uint[] _hashes;     // per entry, in vocabulary order (what Save writes)
    private readonly uint[] _clusters;
    private readonly byte[] _signs;
    private readonly ulong[] _shapes;    // per WordShape: clusters | signs << 32, or None
    private readonly ulong[] _table;     // hash | clusters << 32, Empty = free
    private readonly byte[] _tableSigns;
    private readonly int _mask;

    private VectorCodes(uint[] hashes, uint[] clusters, byte[] signs, ulong[] shapes)
    {
        _hashes = hashes;
        _clusters = clusters;
        _signs = signs;
        _shapes = shapes;
        if (hashes.Length == 0) Array.Fill(_shapes, None);
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, hashes.Length * 2));
        _table = new ulong[size];
        _tableSigns = new byte[size];
        _mask = size - 1;
        Array.Fill(_table, Empty);
        for (int i = 0; i < hashes.Length; i++)
        {
            int slot = Slot(hashes[i]);
            while (_table[slot] != Empty && (uint)_table[slot] != hashes[i]) slot = (slot + 1) & _mask;
            if (_table[slot] != Empty) continue; // two forms with one hash: the first (more frequent) keeps it
            _table[slot] = hashes[i] | (ulong)clusters[i] << 32;
            _tableSigns[slot] = signs[i];
        }
    }

    /// <summary>Number of word forms with a code.</summary>
    public int Count => _hashes.Length;

    /// <summary>The codes of every lower-case entry of <paramref name="vectors"/> (the training path).</summary>
    public static VectorCodes From(WordVectors vectors)
    {
        var hashes = new List<uint>();
        var clusters = new List<uint>();
        var signs = new List<byte>();
        Span<char> lower = stackalloc char[256];
        for (int i = 0; i < vectors.Count; i++)
        {
            var key = vectors.KeyOf(i);
            if (key.Length == 0 || key.Length > lower.Length || key[0] == '\u0001') continue;
            key.AsSpan().ToLowerInvariant(lower);
            if (!lower[..key.Length].SequenceEqual(key)) continue; // a cased entry: the tagger looks up lower-case forms
            hashes.Add(Key(NerFeatures.LowerHash(key), key.Length));
            clusters.Add(Pack(vectors, i));
            signs.Add((byte)vectors.SignBits(i, DirectionBits));
        }
        var shapes = new ulong[WordShapes.Count];
        for (int s = 0; s < shapes.Length; s++)
        {
            int entry = vectors.Lookup(WordVectors.ShapeKey((WordShape)s));
            shapes[s] = entry < 0 || vectors.KeyOf(entry) != WordVectors.ShapeKey((WordShape)s)
                ? None : Pack(vectors, entry) | (ulong)vectors.SignBits(entry, DirectionBits) << 32;
        }
        return new VectorCodes([.. hashes], [.. clusters], [.. signs], shapes);
    }

    // 10, 10 and 12 bits: the model has 64, 512 and 4096 clusters.
    private static uint Pack(WordVectors v, int i) =>
        (uint)(v.Cluster(i, 0) & 0x3FF) | (uint)(v.Cluster(i, 1) & 0x3FF) << 10 | (uint)(v.Cluster(i, 2) & 0xFFF) << 20;

    /// <summary>
    /// The packed clusters and sign bits of a token, given <paramref name="lowerHash"/> = <see cref="NerFeatures.LowerHash"/>
    /// of it: one probe for a known word. Capitalisation is the shape features' job. No allocation.
    /// </summary>
    public void Of(ReadOnlySpan<char> token, uint lowerHash, out uint clusters, out uint signs)
    {
        if (Find(Key(lowerHash, token.Length), out clusters, out signs)) return;
        uint stripped = 2166136261;
        int kept = 0;
        foreach (var c in token)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            stripped = (stripped ^ char.ToLowerInvariant(c)) * 16777619;
            kept++;
        }
        if (kept < token.Length && Find(Key(stripped, kept), out clusters, out signs)) return;
        ulong shape;
        if (token.IsEmpty) shape = None;
        else if (token.Length > 64) shape = _shapes[(int)WordShapes.Of(token)];
        else
        {
            Span<char> lower = stackalloc char[token.Length];
            token.ToLowerInvariant(lower);
            shape = _shapes[(int)WordShapes.Of(lower)];
        }
        clusters = (uint)shape;
        signs = clusters == None ? 0 : (uint)(shape >> 32);
    }

    private bool Find(uint hash, out uint clusters, out uint signs)
    {
        if (_hashes.Length > 0)
        {
            for (int slot = Slot(hash); _table[slot] != Empty; slot = (slot + 1) & _mask)
            {
                if ((uint)_table[slot] != hash) continue;
                clusters = (uint)(_table[slot] >> 32);
                signs = _tableSigns[slot];
                return true;
            }
        }
        clusters = None;
        signs = 0;
        return false;
    }

    /// <summary>The table key of a form: its FNV hash with its length folded in, so forms of different lengths never
    /// collide (over the 100k-entry vocabulary the keys are then unique in practice).</summary>
    private static uint Key(uint hash, int length) => hash ^ (uint)length * 0x9E3779B9u;

    private int Slot(uint hash) => (int)((hash * 0x9E3779B1u) >> 8) & _mask;

    /// <summary>One level's cluster id out of a packed value (the packed value itself for <see cref="None"/> and for
    /// <paramref name="outside"/>, the value beyond a sentence's ends, so those stay distinct).</summary>
    public static uint Level(uint packed, int level, uint outside) =>
        packed == None || packed == outside ? packed : level switch { 0 => packed & 0x3FF, 1 => (packed >> 10) & 0x3FF, _ => packed >> 20 };

    /// <summary>Writes the codes (entry count, then hash, clusters and signs per entry, then the shape codes).</summary>
    internal void Write(BinaryWriter bw)
    {
        bw.Write(_hashes.Length);
        for (int i = 0; i < _hashes.Length; i++)
        {
            bw.Write(_hashes[i]);
            bw.Write(_clusters[i]);
            bw.Write(_signs[i]);
        }
        foreach (var s in _shapes) bw.Write(s);
    }

    internal static VectorCodes Read(BinaryReader br)
    {
        int n = br.ReadInt32();
        if (n is < 0 or > 1 << 22) throw new InvalidDataException("NER model vector codes are inconsistent");
        var hashes = new uint[n];
        var clusters = new uint[n];
        var signs = new byte[n];
        for (int i = 0; i < n; i++)
        {
            hashes[i] = br.ReadUInt32();
            clusters[i] = br.ReadUInt32();
            signs[i] = br.ReadByte();
        }
        var shapes = new ulong[WordShapes.Count];
        for (int s = 0; s < shapes.Length; s++) shapes[s] = br.ReadUInt64();
        return new VectorCodes(hashes, clusters, signs, shapes);
    }
}
