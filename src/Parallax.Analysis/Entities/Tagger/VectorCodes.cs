using Parallax.Analysis.Vectors;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// What the tagger reads of the distilled word vectors, per vocabulary entry, in two flat arrays built once on first use
/// (about 1 ms and 0.5 MB for 100k entries): the cluster ids at the three levels packed in one value, and the signs of
/// the first <see cref="DirectionBits"/> principal components. One array read per token instead of four, so the
/// features cost a hash probe and two loads. Loaded only when the tagger first runs (the vectors load with it).
/// </summary>
internal sealed class VectorCodes
{
    public const int DirectionBits = 8;

    /// <summary>The packed value of a token without an entry (punctuation).</summary>
    public const uint None = 0xFFFF_FFFF;

    private static readonly Lazy<VectorCodes> LazyDefault = new(() => new VectorCodes(WordVectors.Default));

    public static VectorCodes Default => LazyDefault.Value;

    private readonly WordVectors _vectors;
    private readonly uint[] _clusters;
    private readonly byte[] _signs;

    private VectorCodes(WordVectors vectors)
    {
        _vectors = vectors;
        _clusters = new uint[vectors.Count];
        _signs = new byte[vectors.Count];
        for (int i = 0; i < vectors.Count; i++)
        {
            // 10, 10 and 12 bits: the model has 64, 512 and 4096 clusters.
            _clusters[i] = (uint)(vectors.Cluster(i, 0) & 0x3FF) | (uint)(vectors.Cluster(i, 1) & 0x3FF) << 10
                | (uint)(vectors.Cluster(i, 2) & 0xFFF) << 20;
            _signs[i] = (byte)vectors.SignBits(i, DirectionBits);
        }
    }

    /// <summary>
    /// The packed clusters and the sign bits of a token's lower-case form: the distilled vocabulary is mostly lower case,
    /// and its cased entries ("Apple", "Ford", "John") share one "capitalised word" cluster, while "boeing" sits with
    /// "airbus". Capitalisation is the shape features' job. No allocation.
    /// </summary>
    public void Of(ReadOnlySpan<char> token, out uint clusters, out uint signs)
    {
        int entry;
        if (token.Length > 64) entry = _vectors.Lookup(token);
        else
        {
            Span<char> lower = stackalloc char[token.Length];
            token.ToLowerInvariant(lower);
            entry = _vectors.Lookup(lower);
        }
        if (entry < 0) { clusters = None; signs = 0; return; }
        clusters = _clusters[entry];
        signs = _signs[entry];
    }

    /// <summary>One level's cluster id out of a packed value (the packed value itself for <see cref="None"/> and for
    /// <paramref name="outside"/>, the value beyond a sentence's ends, so those stay distinct).</summary>
    public static uint Level(uint packed, int level, uint outside) =>
        packed == None || packed == outside ? packed : level switch { 0 => packed & 0x3FF, 1 => (packed >> 10) & 0x3FF, _ => packed >> 20 };
}
