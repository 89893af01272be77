using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// The tagging path of a loaded (int16) model: the same emission scores as <see cref="NerFeatures.Extract"/> followed by
/// <see cref="NerModel.Score"/>, computed with far fewer weight gathers. 32 of a token's 56 features depend on the word
/// alone (its form, shape, affixes, lexicon flags, clusters), 4 on it as the left neighbour of the next token and 4 as
/// the right neighbour of the previous one: their rows are summed once per distinct word form into three int32 rows and
/// kept in a small per-thread cache keyed by the exact characters, so a known word costs one hash pass, one compare and
/// three row loads instead of 40 hashed gathers, the lexicon probes and the vector-code probe. The 16 features that pair
/// a token with its neighbours are gathered as before. Sums are exact integers, so the scores equal the unfolded path's
/// bit for bit and the cache state never changes a label. No allocation per token.
/// </summary>
internal sealed class NerFoldedScorer
{
    private const int S = NerLabels.Stride;

    /// <summary>Tokens longer than this skip the cache (computed each time); almost no word is.</summary>
    internal const int MaxCachedLength = 24;

    private const int CacheBits = 14; // 16,384 entries per thread, ~2.6 MB: ~90 % hits on news text

    private readonly short[] _q;
    private readonly uint _mask;
    private readonly VectorCodes _codes;
    private readonly EntityLexicon _lexicon;
    private readonly int[] _fixedRows; // [0] left boundary (as previous), [1] right boundary (as next), [2..9] context-bit combinations
    private readonly int _prev2Boundary, _next2Boundary;

    [ThreadStatic] private static WordCache? t_cache;

    public NerFoldedScorer(short[] quantised, int hashBits, VectorCodes codes, EntityLexicon lexicon)
    {
        _q = quantised;
        _mask = (1u << hashBits) - 1;
        _codes = codes;
        _lexicon = lexicon;
        _fixedRows = new int[10 * S];
        const uint B = NerFeatures.Boundary;
        Add(_fixedRows.AsSpan(0, S), [Id(3, B), Id(8, B), Id(53, B), Id(55, B)]);
        Add(_fixedRows.AsSpan(S, S), [Id(4, B), Id(9, B), Id(54, B), Id(56, B)]);
        for (int combo = 0; combo < 8; combo++)
            Add(_fixedRows.AsSpan((2 + combo) * S, S), [Id(26 + 5, (uint)combo & 1), Id(26 + 6, (uint)(combo >> 1) & 1), Id(26 + 11, (uint)(combo >> 2) & 1)]);
        _prev2Boundary = Id(5, B);
        _next2Boundary = Id(6, B);
    }

    private int Id(uint template, uint value) => NerFeatures.Id(template, value, _mask);

    private void Add(Span<int> row, ReadOnlySpan<int> ids)
    {
        ref short q = ref MemoryMarshal.GetArrayDataReference(_q);
        var acc = Vector256<int>.Zero;
        foreach (var id in ids) acc += Row(ref q, id);
        acc.CopyTo(row);
    }

    /// <summary>Integer emission sums (n × Stride) of one sentence, as <see cref="NerModel"/>'s int16 path computes them.</summary>
    public void Score(string text, ReadOnlySpan<Token> tokens, Span<int> sums)
    {
        int n = tokens.Length;
        var cache = t_cache;
        if (cache is null || !ReferenceEquals(cache.Owner, this)) t_cache = cache = new WordCache(this);
        cache.Begin();
        var pool = ArrayPool<int>.Shared;
        var slot = pool.Rent(n);
        var flags = pool.Rent(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                slot[i] = cache.Find(text.AsSpan(tokens[i].Start, tokens[i].Length));
                flags[i] = (int)cache.Info[slot[i]].WordFlags;
            }
            // Context bits: the sentence start, and two capitalised words forming a place one space apart.
            if (n > 0) flags[0] |= (int)NerFeatures.SentenceStartBit;
            for (int i = 0; i + 1 < n; i++)
                if ((flags[i] & flags[i + 1] & NerFeatures.CapBit) != 0 && NerFeatures.PlaceBigram(text, tokens[i], tokens[i + 1], _lexicon))
                {
                    flags[i] |= (int)NerFeatures.BigramStartBit;
                    flags[i + 1] |= (int)NerFeatures.BigramEndBit;
                }

            ref int rows = ref MemoryMarshal.GetArrayDataReference(cache.Rows);
            ref short q = ref MemoryMarshal.GetArrayDataReference(_q);
            ref int fixedRows = ref MemoryMarshal.GetArrayDataReference(_fixedRows);
            ref int out0 = ref MemoryMarshal.GetReference(sums);
            const uint B = NerFeatures.Boundary;
            for (int i = 0; i < n; i++)
            {
                ref readonly var cur = ref cache.Info[slot[i]];
                int e = slot[i] * WordCache.RowInts;
                var acc = Vector256.LoadUnsafe(ref rows, (nuint)e);
                acc += i > 0 ? Vector256.LoadUnsafe(ref rows, (nuint)(slot[i - 1] * WordCache.RowInts + S)) : Vector256.LoadUnsafe(ref fixedRows, 0);
                acc += i + 1 < n ? Vector256.LoadUnsafe(ref rows, (nuint)(slot[i + 1] * WordCache.RowInts + 2 * S)) : Vector256.LoadUnsafe(ref fixedRows, S);
                uint ctx = (uint)flags[i];
                int combo = (int)(((ctx & NerFeatures.BigramStartBit) != 0 ? 1u : 0) | ((ctx & NerFeatures.BigramEndBit) != 0 ? 2u : 0)
                    | ((ctx & NerFeatures.SentenceStartBit) != 0 ? 4u : 0));
                acc += Vector256.LoadUnsafe(ref fixedRows, (nuint)((2 + combo) * S));

                uint lw = cur.Lower, sh = cur.Shape, c1 = NerFeatures.Level(cur.Clusters, 1);
                uint lPrev = B, sPrev = B, cPrev1 = B, fPrev = 0xFFFF_FFFF;
                uint lNext = B, sNext = B, cNext1 = B, fNext = 0xFFFF_FFFF;
                int prev2 = i > 1 ? cache.Info[slot[i - 2]].Prev2 : _prev2Boundary;
                int next2 = i + 2 < n ? cache.Info[slot[i + 2]].Next2 : _next2Boundary;
                if (i > 0)
                {
                    ref readonly var p = ref cache.Info[slot[i - 1]];
                    lPrev = p.Lower; sPrev = p.Shape; cPrev1 = NerFeatures.Level(p.Clusters, 1); fPrev = (uint)flags[i - 1];
                }
                if (i + 1 < n)
                {
                    ref readonly var x = ref cache.Info[slot[i + 1]];
                    lNext = x.Lower; sNext = x.Shape; cNext1 = NerFeatures.Level(x.Clusters, 1); fNext = (uint)flags[i + 1];
                }
                acc += Row(ref q, prev2) + Row(ref q, next2)
                    + Row(ref q, Id(10, NerFeatures.Pair(sPrev, sh))) + Row(ref q, Id(11, NerFeatures.Pair(sh, sNext)))
                    + Row(ref q, Id(12, NerFeatures.Pair(lPrev, lw))) + Row(ref q, Id(13, NerFeatures.Pair(lw, lNext)))
                    + Row(ref q, Id(14, NerFeatures.Pair(lPrev, sh))) + Row(ref q, Id(15, NerFeatures.Pair(sh, lNext)))
                    + Row(ref q, Id(23, ctx)) + Row(ref q, Id(24, fPrev)) + Row(ref q, Id(25, fNext))
                    + Row(ref q, Id(58, NerFeatures.Pair(cPrev1, c1))) + Row(ref q, Id(59, NerFeatures.Pair(c1, cNext1)));
                acc.StoreUnsafe(ref out0, (nuint)(i * S));
            }
        }
        finally
        {
            pool.Return(slot);
            pool.Return(flags);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Row(ref short q, int id) =>
        Vector256.WidenLower(Vector128.LoadUnsafe(ref q, (nuint)id * S).ToVector256Unsafe());

    /// <summary>What a word form contributes by itself: its hashes and flags, and its three folded rows.</summary>
    internal struct WordInfo
    {
        public uint Lower, Shape, WordFlags, Clusters;
        public int Prev2, Next2; // the single feature ids of the word two to the left / right of a token
    }

    /// <summary>Fills <paramref name="info"/> and the three rows (self, as previous word, as next word) of one form.</summary>
    internal void Compute(ReadOnlySpan<char> w, ref WordInfo info, Span<int> rows)
    {
        uint lw = NerFeatures.LowerHash(w), sh = NerFeatures.ShapeHash(w);
        uint wf = NerFeatures.WordFlags(w, _lexicon);
        _codes.Of(w, lw, out var c, out var dir);
        info = new WordInfo { Lower = lw, Shape = sh, WordFlags = wf, Clusters = c, Prev2 = Id(5, lw), Next2 = Id(6, lw) };
        rows.Clear();
        Span<int> ids = stackalloc int[32];
        int k = 0;
        ids[k++] = Id(1, 0);
        ids[k++] = Id(2, lw);
        ids[k++] = Id(7, sh);
        for (int a = 1; a <= 3; a++) ids[k++] = Id(15 + (uint)a, w.Length > a ? NerFeatures.LowerHash(w[..a]) : 0);
        for (int a = 1; a <= 4; a++) ids[k++] = Id(18 + (uint)a, w.Length > a ? NerFeatures.LowerHash(w[^a..]) : 0);
        for (int b = 0; b < NerFeatures.FlagBits; b++)
            if (((1u << b) & NerFeatures.ContextBits) == 0) ids[k++] = Id(26 + (uint)b, (wf >> b) & 1);
        ids[k++] = Id(50, NerFeatures.Level(c, 0));
        ids[k++] = Id(51, NerFeatures.Level(c, 1));
        ids[k++] = Id(52, NerFeatures.Level(c, 2));
        ids[k++] = Id(57, NerFeatures.Pair(NerFeatures.Level(c, 2), sh));
        ids[k++] = Id(60, dir);
        ids[k++] = Id(61, NerFeatures.Pair(dir, sh));
        Add(rows[..S], ids[..k]);
        Add(rows.Slice(S, S), [Id(3, lw), Id(8, sh), Id(53, NerFeatures.Level(c, 1)), Id(55, NerFeatures.Level(c, 2))]);
        Add(rows.Slice(2 * S, S), [Id(4, lw), Id(9, sh), Id(54, NerFeatures.Level(c, 1)), Id(56, NerFeatures.Level(c, 2))]);
    }

    /// <summary>
    /// One thread's direct-mapped cache of word forms (exact characters, verified), plus spare slots at the end for
    /// the forms of the current sentence that miss or are too long, so one sentence never evicts its own words.
    /// </summary>
    private sealed class WordCache
    {
        public const int RowInts = 3 * S;
        private const int Size = 1 << CacheBits;
        private const int Spare = NerTagger.MaxPiece;

        public readonly NerFoldedScorer Owner;
        public readonly WordInfo[] Info = new WordInfo[Size + Spare];
        public readonly int[] Rows = new int[(Size + Spare) * RowInts];
        private readonly char[] _chars = new char[Size * MaxCachedLength];
        private readonly byte[] _length = new byte[Size]; // 0 = empty
        private int _spareUsed;

        public WordCache(NerFoldedScorer owner) => Owner = owner;

        /// <summary>The slot holding <paramref name="w"/>'s info and rows, filling it on a miss. Within one
        /// <see cref="NerFoldedScorer.Score"/> call a slot returned earlier is never overwritten by a later word.</summary>
        public int Find(ReadOnlySpan<char> w)
        {
            if (w.Length == 0 || w.Length > MaxCachedLength) return Uncached(w);
            uint h = 2166136261;
            foreach (var c in w) h = (h ^ c) * 16777619;
            int s = (int)((h * 0x9E3779B1u) >> (32 - CacheBits));
            var stored = _chars.AsSpan(s * MaxCachedLength, w.Length);
            if (_length[s] == w.Length && stored.SequenceEqual(w)) { _stamp[s] = _sentence; return s; }
            if (_stamp[s] == _sentence) return Uncached(w); // used earlier in this sentence: keep it
            w.CopyTo(stored);
            _length[s] = (byte)w.Length;
            _stamp[s] = _sentence;
            Owner.Compute(w, ref Info[s], Rows.AsSpan(s * RowInts, RowInts));
            return s;
        }

        private int Uncached(ReadOnlySpan<char> w)
        {
            int s = Size + _spareUsed++;
            Owner.Compute(w, ref Info[s], Rows.AsSpan(s * RowInts, RowInts));
            return s;
        }

        private readonly int[] _stamp = new int[Size];
        private int _sentence = 1;

        /// <summary>Starts a sentence: spare slots free again, slots filled from now on are this sentence's.</summary>
        public void Begin()
        {
            _spareUsed = 0;
            if (++_sentence == int.MaxValue) { Array.Clear(_stamp); _sentence = 1; }
        }
    }
}
