using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// The tagging path of a loaded (int16) model: the same emission scores as <see cref="NerFeatures.Extract"/> followed by
/// <see cref="NerModel.Score"/>, computed with far fewer weight gathers. 33 of a token's 65 features depend on the word
/// alone (its form, shape, affixes, lexicon flags, clusters), 4 on it as the previous word of the next token, 4 as the
/// next word of the previous one and 2 as the word two away: their rows are summed once per distinct word form and kept
/// in a per-thread direct-mapped cache of 192-byte entries keyed by the exact characters, so a known word costs one hash,
/// one compare and a few loads from its own entry instead of 43 hashed gathers, ten lexicon probes and the vector-code
/// probe. The 12 features that pair a token with its neighbours (or its flags with theirs) are hashed for the whole
/// sentence first and gathered after, so their cache misses overlap. Sums are exact integers: the scores equal the
/// unfolded path's bit for bit, whatever the cache holds. No allocation per token or per sentence.
/// </summary>
internal sealed class NerFoldedScorer
{
    private const int S = NerLabels.Stride;

    /// <summary>Tokens longer than this skip the cache (computed each time); almost no word is.</summary>
    internal const int MaxCachedLength = 16;

    private const int CacheBits = 14; // 16,384 entries of 192 bytes per thread (3 MB): ~90 % hits on news text

    private readonly short[] _q;
    private readonly uint _mask;
    private readonly VectorCodes _codes;
    private readonly EntityLexicon _lexicon;
    private readonly NerGazetteer? _gazetteer;
    private readonly int[] _fixedRows; // [0] left boundary (as previous), [1] right boundary (as next), [2..9] context-bit combinations
    private readonly int _prev2Boundary, _next2Boundary;
    private readonly int[] _docRows; // per value of the document bits: its own feature and one per bit, summed

    [ThreadStatic] private static WordCache? t_cache;

    public NerFoldedScorer(short[] quantised, int hashBits, VectorCodes codes, EntityLexicon lexicon, NerGazetteer? gazetteer = null)
    {
        _gazetteer = gazetteer;
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
        _docRows = new int[(1 << NerDocumentIndex.Bits) * S];
        Span<int> docIds = stackalloc int[1 + NerDocumentIndex.Bits];
        for (int v = 0; v < 1 << NerDocumentIndex.Bits; v++)
        {
            docIds[0] = Id(62, (uint)v);
            for (int b = 0; b < NerDocumentIndex.Bits; b++) docIds[1 + b] = Id(64 + (uint)b, ((uint)v >> b) & 1);
            Add(_docRows.AsSpan(v * S, S), docIds);
        }
        _prev2Boundary = Id(5, B);
        _next2Boundary = Id(6, B);
    }

    private int Id(uint template, uint value) => NerFeatures.Id(template, value, _mask);

    private void Add(Span<int> row, ReadOnlySpan<int> ids) => Sum(ids).CopyTo(row);

    /// <summary>Integer emission sums (n × Stride) of one sentence, as <see cref="NerModel"/>'s int16 path computes them.</summary>
    public void Score(string text, ReadOnlySpan<Token> tokens, Span<int> sums, string? documentText = null)
    {
        int n = tokens.Length;
        var cache = t_cache;
        if (cache is null || !ReferenceEquals(cache.Owner, this)) t_cache = cache = new WordCache(this);
        cache.Begin();
        if (n > NerTagger.MaxPiece) throw new ArgumentException("more tokens than a piece", nameof(tokens));
        var slot = cache.Slots;
        var flags = cache.Flags;
        var ids = cache.Ids;
        var docBits = cache.Doc;
        var index = NerDocumentIndex.For(documentText ?? text, _lexicon, _gazetteer);
        {
            var entries = cache.Entries;
            for (int i = 0; i < n; i++)
            {
                slot[i] = cache.Find(text.AsSpan(tokens[i].Start, tokens[i].Length));
                flags[i] = (int)entries[slot[i]].WordFlags;
                docBits[i] = (flags[i] & NerFeatures.CapBit) != 0 ? index.Of(text.AsSpan(tokens[i].Start, tokens[i].Length)) : 0;
            }
            // Context bits: the sentence start, and two capitalised words forming a place one space apart.
            if (n > 0) flags[0] |= (int)NerFeatures.SentenceStartBit;
            for (int i = 0; i + 1 < n; i++)
                if ((flags[i] & flags[i + 1] & NerFeatures.CapBit) != 0 && NerFeatures.PlaceBigram(text, tokens[i], tokens[i + 1], _lexicon))
                {
                    flags[i] |= (int)NerFeatures.BigramStartBit;
                    flags[i + 1] |= (int)NerFeatures.BigramEndBit;
                }

            // First every token's pair and context feature ids (hashing only, no memory reads), then the sums: the
            // gathers of many tokens are then in flight together instead of each token waiting on its own.
            const int G = 12;
            const uint B = NerFeatures.Boundary;
            ref int ids0 = ref MemoryMarshal.GetArrayDataReference(ids);
            for (int i = 0; i < n; i++)
            {
                ref readonly var cur = ref entries[slot[i]];
                uint lw = cur.Lower, sh = cur.Shape, c1 = NerFeatures.Level(cur.Clusters, 1), ctx = (uint)flags[i];
                uint lPrev = B, sPrev = B, cPrev1 = B, fPrev = 0xFFFF_FFFF;
                uint lNext = B, sNext = B, cNext1 = B, fNext = 0xFFFF_FFFF;
                if (i > 0)
                {
                    ref readonly var p = ref entries[slot[i - 1]];
                    lPrev = p.Lower; sPrev = p.Shape; cPrev1 = NerFeatures.Level(p.Clusters, 1); fPrev = (uint)flags[i - 1];
                }
                if (i + 1 < n)
                {
                    ref readonly var x = ref entries[slot[i + 1]];
                    lNext = x.Lower; sNext = x.Shape; cNext1 = NerFeatures.Level(x.Clusters, 1); fNext = (uint)flags[i + 1];
                }
                ref int o = ref Unsafe.Add(ref ids0, i * G);
                Unsafe.Add(ref o, 0) = Id(10, NerFeatures.Pair(sPrev, sh));
                Unsafe.Add(ref o, 1) = Id(11, NerFeatures.Pair(sh, sNext));
                Unsafe.Add(ref o, 2) = Id(12, NerFeatures.Pair(lPrev, lw));
                Unsafe.Add(ref o, 3) = Id(13, NerFeatures.Pair(lw, lNext));
                Unsafe.Add(ref o, 4) = Id(14, NerFeatures.Pair(lPrev, sh));
                Unsafe.Add(ref o, 5) = Id(15, NerFeatures.Pair(sh, lNext));
                Unsafe.Add(ref o, 6) = Id(23, ctx);
                Unsafe.Add(ref o, 7) = Id(24, fPrev);
                Unsafe.Add(ref o, 8) = Id(25, fNext);
                Unsafe.Add(ref o, 9) = Id(58, NerFeatures.Pair(cPrev1, c1));
                Unsafe.Add(ref o, 10) = Id(59, NerFeatures.Pair(c1, cNext1));
                Unsafe.Add(ref o, 11) = Id(63, NerFeatures.Pair(docBits[i], sh));
            }

            ref short q = ref MemoryMarshal.GetArrayDataReference(_q);
            ref int fixedRows = ref MemoryMarshal.GetArrayDataReference(_fixedRows);
            ref int docRows = ref MemoryMarshal.GetArrayDataReference(_docRows);
            ref int out0 = ref MemoryMarshal.GetReference(sums);
            var prevBoundary = Vector256.LoadUnsafe(ref fixedRows, 0);
            var nextBoundary = Vector256.LoadUnsafe(ref fixedRows, S);
            var prev2Boundary = Row(ref q, _prev2Boundary);
            var next2Boundary = Row(ref q, _next2Boundary);
            for (int i = 0; i < n; i++)
            {
                ref int o = ref Unsafe.Add(ref ids0, i * G);
                var acc = Row(ref q, Unsafe.Add(ref o, 0)) + Row(ref q, Unsafe.Add(ref o, 1)) + Row(ref q, Unsafe.Add(ref o, 2))
                    + Row(ref q, Unsafe.Add(ref o, 3)) + Row(ref q, Unsafe.Add(ref o, 4)) + Row(ref q, Unsafe.Add(ref o, 5))
                    + Row(ref q, Unsafe.Add(ref o, 6)) + Row(ref q, Unsafe.Add(ref o, 7)) + Row(ref q, Unsafe.Add(ref o, 8))
                    + Row(ref q, Unsafe.Add(ref o, 9)) + Row(ref q, Unsafe.Add(ref o, 10)) + Row(ref q, Unsafe.Add(ref o, 11));
                acc += Vector256.LoadUnsafe(ref docRows, (nuint)(docBits[i] * S));
                acc += entries[slot[i]].Self;
                uint ctx = (uint)flags[i];
                int combo = (int)(((ctx & NerFeatures.BigramStartBit) != 0 ? 1u : 0) | ((ctx & NerFeatures.BigramEndBit) != 0 ? 2u : 0)
                    | ((ctx & NerFeatures.SentenceStartBit) != 0 ? 4u : 0));
                acc += Vector256.LoadUnsafe(ref fixedRows, (nuint)((2 + combo) * S));
                acc += i > 0 ? entries[slot[i - 1]].Prev : prevBoundary;
                acc += i + 1 < n ? entries[slot[i + 1]].Next : nextBoundary;
                acc += i > 1 ? Vector256.WidenLower(entries[slot[i - 2]].Prev2.ToVector256Unsafe()) : prev2Boundary;
                acc += i + 2 < n ? Vector256.WidenLower(entries[slot[i + 2]].Next2.ToVector256Unsafe()) : next2Boundary;
                acc.StoreUnsafe(ref out0, (nuint)(i * S));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Row(ref short q, int id) =>
        Vector256.WidenLower(Vector128.LoadUnsafe(ref q, (nuint)id * S).ToVector256Unsafe());

    /// <summary>16 characters inline: the cached word's form, compared on every hit.</summary>
    [InlineArray(MaxCachedLength)]
    internal struct Chars
    {
        private char _first;
    }

    /// <summary>
    /// One cached word form, 192 bytes (three cache lines): its characters, what its neighbours' pair features read
    /// (hashes, flags, clusters), and its folded rows: itself, as the previous / next word of a token, and the single
    /// rows it gives the tokens two to its right / left.
    /// </summary>
    internal struct Entry
    {
        public Chars Form;
        public int Length, Stamp; // Length 0 = empty slot; Stamp = the sentence that last read it
        public uint Lower, Shape, WordFlags, Clusters;
        private long _padding;
        public Vector256<int> Self, Prev, Next;
        public Vector128<short> Prev2, Next2;
    }

    /// <summary>Fills <paramref name="entry"/> (all but its form, length and stamp) for the form <paramref name="w"/>.</summary>
    internal void Compute(ReadOnlySpan<char> w, ref Entry entry)
    {
        uint lw = NerFeatures.LowerHash(w), sh = NerFeatures.ShapeHash(w);
        uint wf = NerFeatures.WordFlags(w, _lexicon, _gazetteer);
        _codes.Of(w, lw, out var c, out var dir);
        entry.Lower = lw;
        entry.Shape = sh;
        entry.WordFlags = wf;
        entry.Clusters = c;
        Span<int> ids = stackalloc int[48];
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
        entry.Self = Sum(ids[..k]);
        entry.Prev = Sum([Id(3, lw), Id(8, sh), Id(53, NerFeatures.Level(c, 1)), Id(55, NerFeatures.Level(c, 2))]);
        entry.Next = Sum([Id(4, lw), Id(9, sh), Id(54, NerFeatures.Level(c, 1)), Id(56, NerFeatures.Level(c, 2))]);
        ref short q = ref MemoryMarshal.GetArrayDataReference(_q);
        entry.Prev2 = Vector128.LoadUnsafe(ref q, (nuint)Id(5, lw) * S);
        entry.Next2 = Vector128.LoadUnsafe(ref q, (nuint)Id(6, lw) * S);
    }

    private Vector256<int> Sum(ReadOnlySpan<int> ids)
    {
        ref short q = ref MemoryMarshal.GetArrayDataReference(_q);
        var acc = Vector256<int>.Zero;
        foreach (var id in ids) acc += Row(ref q, id);
        return acc;
    }

    /// <summary>
    /// One thread's direct-mapped cache of word forms (exact characters, verified), plus spare entries at the end for
    /// the forms of the current sentence that miss into a slot the sentence already uses, or are too long.
    /// </summary>
    private sealed class WordCache
    {
        private const int Size = 1 << CacheBits;
        private const int Spare = NerTagger.MaxPiece;

        public readonly NerFoldedScorer Owner;
        public readonly Entry[] Entries = new Entry[Size + Spare];
        public readonly int[] Slots = new int[NerTagger.MaxPiece], Flags = new int[NerTagger.MaxPiece], Ids = new int[NerTagger.MaxPiece * 12];
        public readonly uint[] Doc = new uint[NerTagger.MaxPiece];
        private int _spareUsed;
        private int _sentence = 1;

        public WordCache(NerFoldedScorer owner) => Owner = owner;

        /// <summary>The entry index holding <paramref name="w"/>, filling it on a miss. Within one
        /// <see cref="NerFoldedScorer.Score"/> call an entry returned earlier is never overwritten by a later word.</summary>
        public int Find(ReadOnlySpan<char> w)
        {
            if (w.Length == 0 || w.Length > MaxCachedLength) return Uncached(w);
            int s = (int)(Hash(w) >> (64 - CacheBits));
            ref var e = ref Entries[s];
            Span<char> stored = e.Form;
            if (e.Length == w.Length && stored[..w.Length].SequenceEqual(w)) { e.Stamp = _sentence; return s; }
            if (e.Stamp == _sentence) return Uncached(w); // read earlier in this sentence: keep it
            w.CopyTo(stored);
            e.Length = w.Length;
            e.Stamp = _sentence;
            Owner.Compute(w, ref e);
            return s;
        }

        /// <summary>A hash of 1-16 characters from two overlapping word reads (the first and last 8 bytes).</summary>
        private static ulong Hash(ReadOnlySpan<char> w)
        {
            var b = MemoryMarshal.AsBytes(w);
            ulong first, last;
            if (b.Length >= 8) { first = MemoryMarshal.Read<ulong>(b); last = MemoryMarshal.Read<ulong>(b[^8..]); }
            else if (b.Length >= 4) { first = MemoryMarshal.Read<uint>(b); last = MemoryMarshal.Read<uint>(b[^4..]); }
            else { first = w[0]; last = w[^1]; }
            ulong h = (first * 0x9E3779B97F4A7C15ul) ^ ((last + (ulong)b.Length) * 0xC2B2AE3D27D4EB4Ful);
            h ^= h >> 29;
            return h * 0xBF58476D1CE4E5B9ul;
        }

        private int Uncached(ReadOnlySpan<char> w)
        {
            int s = Size + _spareUsed++;
            Owner.Compute(w, ref Entries[s]);
            return s;
        }

        /// <summary>Starts a sentence: spare entries free again, entries read from now on are this sentence's.</summary>
        public void Begin()
        {
            _spareUsed = 0;
            if (++_sentence == int.MaxValue)
            {
                for (int i = 0; i < Size; i++) Entries[i].Stamp = 0;
                _sentence = 1;
            }
        }
    }
}
