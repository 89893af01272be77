using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// The weights of the sequence tagger: one row of <see cref="NerLabels.Stride"/> floats per hashed feature bucket, and a
/// label-to-label transition matrix (row <see cref="Start"/> is the sentence start). Decoding is exact Viterbi under BIO
/// constraints. Immutable once built; shared read-only across threads.
/// </summary>
public sealed class NerModel
{
    /// <summary>The pseudo-label of the position before a sentence's first token (a row of <see cref="Transitions"/>).</summary>
    public const int Start = NerLabels.Stride - 1;

    private static ReadOnlySpan<byte> Magic => "PXNER\0"u8;
    private const ushort FormatVersion = 3;

    public int HashBits { get; }

    /// <summary>(1 &lt;&lt; HashBits) rows of <see cref="NerLabels.Stride"/> weights; the eighth column is unused.</summary>
    internal float[] Weights { get; }

    /// <summary>[previous * Stride + current]; previous = <see cref="Start"/> at a sentence start.</summary>
    internal float[] Transitions { get; }

    private short[]? _quantised; // a loaded model's rows as stored (int16 × _scale); null for a model being trained
    private float _scale;

    /// <summary>A loaded model's int16 rows (null for a model in training) and their one scale.</summary>
    internal short[]? Quantised => _quantised;

    internal float Scale => _scale;

    /// <summary>The word-vector codes the features read (stored in the model, so tagging never loads the vectors).</summary>
    public VectorCodes Codes { get; }

    /// <summary>The names the features look up (stored in the model, built from the training data); null when trained without.</summary>
    public NerGazetteer? Gazetteer { get; }

    public NerModel(int hashBits, float[] weights, float[] transitions, VectorCodes? codes = null, NerGazetteer? gazetteer = null)
    {
        if (hashBits is < 8 or > 24) throw new ArgumentOutOfRangeException(nameof(hashBits));
        if (weights.Length != (1 << hashBits) * NerLabels.Stride) throw new ArgumentException("weights do not match hashBits", nameof(weights));
        if (transitions.Length != NerLabels.Stride * NerLabels.Stride) throw new ArgumentException("transitions must be 8×8", nameof(transitions));
        HashBits = hashBits;
        Weights = weights;
        Transitions = transitions;
        Codes = codes ?? VectorCodes.Nothing;
        Gazetteer = gazetteer;
    }

    /// <summary>Sums each token's feature rows into <paramref name="scores"/> (n × Stride).</summary>
    internal void Score(ReadOnlySpan<int> features, int n, Span<float> scores)
    {
        if (_quantised is not null) { ScoreQuantised(features, n, scores); return; }
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(Weights);
        ref float s0 = ref MemoryMarshal.GetReference(scores);
        for (int i = 0; i < n; i++)
        {
            var acc = Vector256<float>.Zero;
            var f = features.Slice(i * NerFeatures.PerToken, NerFeatures.PerToken);
            for (int k = 0; k < f.Length; k++)
                acc += Vector256.LoadUnsafe(ref w0, (nuint)f[k] * NerLabels.Stride);
            acc.StoreUnsafe(ref s0, (nuint)(i * NerLabels.Stride));
        }
    }

    /// <summary>
    /// The same sums over the int16 rows a loaded model keeps (as stored in the file, one global scale): a row is 16
    /// bytes instead of 32, so the table takes half the cache and each feature half the memory traffic. Integer sums
    /// cannot overflow (65 × 32767 ≪ 2^31), scaled once per token.
    /// </summary>
    private void ScoreQuantised(ReadOnlySpan<int> features, int n, Span<float> scores)
    {
        ref short q0 = ref MemoryMarshal.GetArrayDataReference(_quantised!);
        ref float s0 = ref MemoryMarshal.GetReference(scores);
        var scale = Vector128.Create(_scale);
        for (int i = 0; i < n; i++)
        {
            var lo = Vector128<int>.Zero;
            var hi = Vector128<int>.Zero;
            var f = features.Slice(i * NerFeatures.PerToken, NerFeatures.PerToken);
            for (int k = 0; k < f.Length; k++)
            {
                var (a, b) = Vector128.Widen(Vector128.LoadUnsafe(ref q0, (nuint)f[k] * NerLabels.Stride));
                lo += a;
                hi += b;
            }
            (Vector128.ConvertToSingle(lo) * scale).StoreUnsafe(ref s0, (nuint)(i * NerLabels.Stride));
            (Vector128.ConvertToSingle(hi) * scale).StoreUnsafe(ref s0, (nuint)(i * NerLabels.Stride + 4));
        }
    }

    /// <summary>Best BIO-valid label sequence for one sentence's features (n × <see cref="NerFeatures.PerToken"/>).</summary>
    public void Decode(ReadOnlySpan<int> features, int n, Span<byte> labels)
    {
        if (n == 0) return;
        var scores = ArrayPool<float>.Shared.Rent(n * NerLabels.Stride);
        try
        {
            Score(features, n, scores);
            Viterbi(scores, n, Transitions, labels);
        }
        finally { ArrayPool<float>.Shared.Return(scores); }
    }

    /// <summary>Viterbi over emission <paramref name="scores"/> (n × Stride) and <paramref name="transitions"/>. One
    /// step is seven vector max-with-argmax operations over the label lanes: BIO constraints are folded into the
    /// transitions as −∞, and ties keep the lowest previous label, as a scalar loop with a strict "&gt;" would.</summary>
    internal static void Viterbi(ReadOnlySpan<float> scores, int n, ReadOnlySpan<float> transitions, Span<byte> labels)
    {
        const int L = NerLabels.Count, S = NerLabels.Stride;
        Span<float> masked = stackalloc float[L * S];
        for (int p = 0; p < L; p++)
            for (int l = 0; l < S; l++)
                masked[p * S + l] = l < L && Allowed(p, l) ? transitions[p * S + l] : float.NegativeInfinity;
        var back = ArrayPool<byte>.Shared.Rent(n * S);
        Span<float> prev = stackalloc float[S];
        Span<int> arg = stackalloc int[S];
        try
        {
            for (int l = 0; l < L; l++)
                prev[l] = NerLabels.CanFollow(NerLabels.O, (byte)l) ? scores[l] + transitions[Start * S + l] : float.NegativeInfinity;
            ref float m0 = ref MemoryMarshal.GetReference(masked);
            ref float s0 = ref MemoryMarshal.GetReference(scores);
            var negInf = Vector256.Create(float.NegativeInfinity);
            for (int i = 1; i < n; i++)
            {
                var best = negInf;
                var from = Vector256<int>.Zero;
                for (int p = 0; p < L; p++)
                {
                    var v = Vector256.Create(prev[p]) + Vector256.LoadUnsafe(ref m0, (nuint)(p * S));
                    var better = Vector256.GreaterThan(v, best);
                    best = Vector256.ConditionalSelect(better, v, best);
                    from = Vector256.ConditionalSelect(better.AsInt32(), Vector256.Create(p), from);
                }
                (best + Vector256.LoadUnsafe(ref s0, (nuint)(i * S))).StoreUnsafe(ref MemoryMarshal.GetReference(prev));
                from.StoreUnsafe(ref MemoryMarshal.GetReference(arg));
                for (int l = 0; l < L; l++) back[i * S + l] = (byte)arg[l];
            }
            int last = 0;
            for (int l = 1; l < L; l++) if (prev[l] > prev[last]) last = l;
            for (int i = n - 1; i >= 0; i--)
            {
                labels[i] = (byte)last;
                if (i > 0) last = back[i * S + last];
            }
        }
        finally { ArrayPool<byte>.Shared.Return(back); }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Allowed(int previous, int label) => NerLabels.CanFollow((byte)previous, (byte)label);

    /// <summary>
    /// Writes the model: magic "PXNER\0", format version, feature schema, hash bits, label count, the transition matrix
    /// (floats), then the kept rows as (bucket delta as a 7-bit varint, 7 × int16 quantised by one global scale), then the vector codes
    /// (<see cref="VectorCodes"/>), then the gazetteer's keys (<see cref="NerGazetteer"/>, empty lists when none). Rows
    /// whose largest weight is below <paramref name="prune"/> are dropped; they change almost no decision and are most of
    /// the file. The output depends only on the weights, so the same training gives the same bytes.
    /// </summary>
    public void Save(Stream stream, float prune)
    {
        const int L = NerLabels.Count, S = NerLabels.Stride;
        int rows = 1 << HashBits;
        float maxAbs = 0;
        foreach (var w in Weights) maxAbs = Math.Max(maxAbs, Math.Abs(w));
        float scale = maxAbs > 0 ? maxAbs / short.MaxValue : 1f;
        using var bw = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        bw.Write(Magic);
        bw.Write(FormatVersion);
        bw.Write(NerFeatures.Schema);
        bw.Write((byte)HashBits);
        bw.Write((byte)L);
        foreach (var t in Transitions) bw.Write(t);
        bw.Write(scale);
        int kept = 0;
        for (int r = 0; r < rows; r++) if (Keep(r)) kept++;
        bw.Write(kept);
        int last = -1;
        for (int r = 0; r < rows; r++)
        {
            if (!Keep(r)) continue;
            bw.Write7BitEncodedInt(r - last);
            last = r;
            for (int l = 0; l < L; l++) bw.Write((short)Math.Round(Weights[r * S + l] / scale));
        }
        Codes.Write(bw);
        (Gazetteer ?? new NerGazetteer([], [])).Write(bw);

        bool Keep(int r)
        {
            for (int l = 0; l < L; l++) if (Math.Abs(Weights[r * S + l]) >= prune) return true;
            return false;
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> on another format
    /// or feature schema.</summary>
    public static NerModel Load(Stream stream)
    {
        const int S = NerLabels.Stride;
        using var br = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (!br.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not a Parallax NER model");
        var version = br.ReadUInt16();
        if (version != FormatVersion) throw new InvalidDataException($"NER model format {version}; this build reads {FormatVersion}");
        var schema = br.ReadUInt16();
        if (schema != NerFeatures.Schema) throw new InvalidDataException($"NER model built for feature schema {schema}; this build extracts {NerFeatures.Schema} (retrain with `parallax train ner`)");
        int bits = br.ReadByte();
        int labels = br.ReadByte();
        if (labels != NerLabels.Count || bits is < 8 or > 24) throw new InvalidDataException("NER model header is inconsistent");
        var transitions = new float[S * S];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = br.ReadSingle();
        float scale = br.ReadSingle();
        int kept = br.ReadInt32();
        var weights = new float[(1 << bits) * S];
        var quantised = new short[(1 << bits) * S];
        int row = -1;
        for (int k = 0; k < kept; k++)
        {
            row += br.Read7BitEncodedInt();
            if ((uint)row >= 1u << bits) throw new InvalidDataException("NER model row out of range");
            for (int l = 0; l < labels; l++)
            {
                short q = br.ReadInt16();
                quantised[row * S + l] = q;
                weights[row * S + l] = q * scale;
            }
        }
        var codes = VectorCodes.Read(br);
        var gazetteer = NerGazetteer.Read(br);
        return new NerModel(bits, weights, transitions, codes, gazetteer.OrgCount + gazetteer.FirstNameCount > 0 ? gazetteer : null)
            { _quantised = quantised, _scale = scale };
    }
}
