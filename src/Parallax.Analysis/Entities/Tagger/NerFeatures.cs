using System.Buffers;
using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// Turns a sentence's tokens into hashed feature ids, a fixed <see cref="PerToken"/> of them per token: the lower-cased
/// word and its neighbours ±2, word shapes, affixes, word bigrams, gazetteer and casing flags, and the word clusters
/// and vector signs of the distilled word vectors (<see cref="VectorCodes"/>). Every string is
/// hashed from its characters in place, so extraction allocates nothing per token (three arrays per call, pooled).
/// Absent features hash to their template's "none" value so every token has the same count, which keeps the layout
/// flat and the scoring loop branch-free.
/// </summary>
public static class NerFeatures
{
    /// <summary>Bump when the features change: a model records it and refuses to load against other features.</summary>
    public const ushort Schema = 5;

    /// <summary>Features per token.</summary>
    public const int PerToken = 59 + NerDocumentIndex.Bits;

    internal const int FlagBits = 20;

    // Flag bits of one token.
    private const uint Cap = 1, AllCaps = 2, Digit = 4, FirstName = 8, Place = 16, PlaceBigramStart = 32,
        PlaceBigramEnd = 64, Title = 128, Role = 256, OrgHead = 512, NotName = 1024, SentenceStart = 2048,
        NoLetter = 4096, Lower = 8192, StateCode = 16384, Initial = 32768,
        MajorPlace = 1 << 16, Demonym = 1 << 17, Designator = 1 << 18,
        // On the first-name list but starting no PERSON name in the training data ("Northrop"): FirstName is then unset.
        RareFirstName = 1 << 19;

    internal const uint Boundary = 0x5bd1e995; // the word/shape "hash" beyond either end of a sentence

    /// <summary>Writes <c>tokens.Length * PerToken</c> bucket ids (each below <c>1 &lt;&lt; hashBits</c>) into
    /// <paramref name="output"/>. <paramref name="tokens"/> is one sentence; offsets are into <paramref name="text"/>.</summary>
    public static void Extract(string text, ReadOnlySpan<Token> tokens, EntityLexicon lexicon, int hashBits, Span<int> output) =>
        Extract(text, tokens, lexicon, VectorCodes.Nothing, hashBits, output);

    /// <summary>As above, with the vector codes the model was trained with (<see cref="NerModel.Codes"/>), and the text
    /// whose document evidence (<see cref="NerDocumentIndex"/>) the tokens get (default: <paramref name="text"/>), and
    /// the model's <see cref="NerGazetteer"/> (none: no known organisations, every listed first name common).</summary>
    public static void Extract(string text, ReadOnlySpan<Token> tokens, EntityLexicon lexicon, VectorCodes codes, int hashBits, Span<int> output,
        string? documentText = null, NerGazetteer? gazetteer = null)
    {
        int n = tokens.Length;
        if (output.Length < n * PerToken) throw new ArgumentException("output too short", nameof(output));
        var pool = ArrayPool<uint>.Shared;
        var lw = pool.Rent(n);
        var sh = pool.Rent(n);
        var fl = pool.Rent(n);
        var cl = pool.Rent(n);
        var dir = pool.Rent(n);
        var doc = pool.Rent(n);
        try
        {
            var index = NerDocumentIndex.For(documentText ?? text, lexicon, gazetteer);
            for (int i = 0; i < n; i++)
            {
                var w = text.AsSpan(tokens[i].Start, tokens[i].Length);
                lw[i] = LowerHash(w);
                sh[i] = ShapeHash(w);
                fl[i] = Flags(text, tokens, i, lexicon, gazetteer);
                codes.Of(w, lw[i], out cl[i], out dir[i]);
                doc[i] = index.Of(w);
            }
            uint mask = (1u << hashBits) - 1;
            for (int i = 0; i < n; i++)
            {
                var o = output.Slice(i * PerToken, PerToken);
                uint lPrev = i > 0 ? lw[i - 1] : Boundary, lPrev2 = i > 1 ? lw[i - 2] : Boundary;
                uint lNext = i + 1 < n ? lw[i + 1] : Boundary, lNext2 = i + 2 < n ? lw[i + 2] : Boundary;
                uint sPrev = i > 0 ? sh[i - 1] : Boundary, sNext = i + 1 < n ? sh[i + 1] : Boundary;
                uint fPrev = i > 0 ? fl[i - 1] : 0xFFFF_FFFF, fNext = i + 1 < n ? fl[i + 1] : 0xFFFF_FFFF;
                uint c = cl[i], cPrev = i > 0 ? cl[i - 1] : Boundary, cNext = i + 1 < n ? cl[i + 1] : Boundary;
                int k = 0;
                o[k++] = Id(1, 0, mask);
                o[k++] = Id(2, lw[i], mask);
                o[k++] = Id(3, lPrev, mask);
                o[k++] = Id(4, lNext, mask);
                o[k++] = Id(5, lPrev2, mask);
                o[k++] = Id(6, lNext2, mask);
                o[k++] = Id(7, sh[i], mask);
                o[k++] = Id(8, sPrev, mask);
                o[k++] = Id(9, sNext, mask);
                o[k++] = Id(10, Pair(sPrev, sh[i]), mask);
                o[k++] = Id(11, Pair(sh[i], sNext), mask);
                o[k++] = Id(12, Pair(lPrev, lw[i]), mask);
                o[k++] = Id(13, Pair(lw[i], lNext), mask);
                o[k++] = Id(14, Pair(lPrev, sh[i]), mask);
                o[k++] = Id(15, Pair(sh[i], lNext), mask);
                var w = text.AsSpan(tokens[i].Start, tokens[i].Length);
                for (int a = 1; a <= 3; a++)
                    o[k++] = Id(15 + (uint)a, w.Length > a ? LowerHash(w[..a]) : 0, mask);
                for (int a = 1; a <= 4; a++)
                    o[k++] = Id(18 + (uint)a, w.Length > a ? LowerHash(w[^a..]) : 0, mask);
                o[k++] = Id(23, fl[i], mask);
                o[k++] = Id(24, fPrev, mask);
                o[k++] = Id(25, fNext, mask);
                // One feature per flag bit, set or not, so single facts generalise beyond the full combination.
                for (int b = 0; b < FlagBits; b++)
                    o[k++] = Id(26 + (uint)b, (fl[i] >> b) & 1, mask);
                // Word clusters of the distilled vectors (lower-case forms, see VectorCodes): words near each other
                // ("boeing", "airbus", "lockheed") share them, so what training saw of one carries to another it never saw.
                o[k++] = Id(50, Level(c, 0), mask);
                o[k++] = Id(51, Level(c, 1), mask);
                o[k++] = Id(52, Level(c, 2), mask);
                o[k++] = Id(53, Level(cPrev, 1), mask);
                o[k++] = Id(54, Level(cNext, 1), mask);
                o[k++] = Id(55, Level(cPrev, 2), mask);
                o[k++] = Id(56, Level(cNext, 2), mask);
                o[k++] = Id(57, Pair(Level(c, 2), sh[i]), mask);
                o[k++] = Id(58, Pair(Level(cPrev, 1), Level(c, 1)), mask);
                o[k++] = Id(59, Pair(Level(c, 1), Level(cNext, 1)), mask);
                // The vector's coarse direction (signs of its first principal components), alone and with the word's shape.
                o[k++] = Id(60, dir[i], mask);
                o[k++] = Id(61, Pair(dir[i], sh[i]), mask);
                // What the rest of the document says of the same word (NerDocumentIndex), alone and with its shape.
                o[k++] = Id(62, doc[i], mask);
                o[k++] = Id(63, Pair(doc[i], sh[i]), mask);
                for (int b = 0; b < NerDocumentIndex.Bits; b++)
                    o[k++] = Id(64 + (uint)b, (doc[i] >> b) & 1, mask);
                System.Diagnostics.Debug.Assert(k == PerToken);
            }
        }
        finally
        {
            pool.Return(lw);
            pool.Return(sh);
            pool.Return(fl);
            pool.Return(cl);
            pool.Return(dir);
            pool.Return(doc);
        }
    }

    internal static uint Level(uint packed, int level) => VectorCodes.Level(packed, level, Boundary);

    private static uint Flags(string text, ReadOnlySpan<Token> tokens, int i, EntityLexicon lexicon, NerGazetteer? gazetteer)
    {
        var t = tokens[i];
        uint f = WordFlags(text.AsSpan(t.Start, t.Length), lexicon, gazetteer) | (i == 0 ? SentenceStart : 0);
        if ((f & Cap) != 0)
        {
            if (i + 1 < tokens.Length && PlaceBigram(text, tokens[i], tokens[i + 1], lexicon)) f |= PlaceBigramStart;
            if (i > 0 && PlaceBigram(text, tokens[i - 1], t, lexicon)) f |= PlaceBigramEnd;
        }
        return f;
    }

    /// <summary>The flag bits that depend on the token's own characters only (not <c>SentenceStart</c> nor the
    /// two place-bigram bits, see <see cref="ContextBits"/>).</summary>
    internal static uint WordFlags(ReadOnlySpan<char> w, EntityLexicon lexicon, NerGazetteer? gazetteer = null)
    {
        uint f = 0;
        int letters = 0, upper = 0;
        bool digit = false;
        foreach (var c in w)
        {
            if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
            else if (char.IsDigit(c)) digit = true;
        }
        if (digit) f |= Digit;
        if (letters == 0) return f | NoLetter;
        bool cap = char.IsUpper(w[0]);
        if (cap) f |= Cap;
        else if (char.IsLower(w[0])) f |= Lower;
        if (letters >= 2 && upper == letters) f |= AllCaps;
        if (letters == 1 && cap && (w.Length == 1 || (w.Length == 2 && w[1] == '.'))) f |= Initial;
        if (EntityLexicon.NotNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) f |= NotName;
        if (EntityLexicon.PersonTitles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) f |= Title;
        if (EntityLexicon.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) f |= Role;
        if (cap)
        {
            if (lexicon.FirstNameLookup.Contains(w))
                f |= gazetteer is null || gazetteer.IsCommonFirstName(NerGazetteer.WordKey(w)) ? FirstName : RareFirstName;
            if (lexicon.PlaceLookup.Contains(w)) f |= Place;
            if (EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) f |= OrgHead;
            if (EntityLexicon.UsStateCodes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) f |= StateCode;
            if (lexicon.MajorPlaceLookup.Contains(w)) f |= MajorPlace;
            if (lexicon.DemonymLookup.Contains(w)) f |= Demonym;
            if (lexicon.DesignatorLookup.Contains(w)) f |= Designator;
        }
        return f;
    }

    /// <summary>Two capitalised tokens one space apart that form a place as written ("New York", "Kansas City").
    /// Callers check that <paramref name="first"/> is capitalised.</summary>
    internal static bool PlaceBigram(string text, Token first, Token second, EntityLexicon lexicon) =>
        second.Start == first.End + 1 && char.IsUpper(text[second.Start]) && char.IsUpper(text[first.Start])
        && lexicon.PlaceLookup.Contains(text.AsSpan(first.Start, second.End - first.Start));

    /// <summary>The flag bits that depend on the token's position and neighbours.</summary>
    internal const uint ContextBits = SentenceStart | PlaceBigramStart | PlaceBigramEnd;

    internal const uint RareFirstNameBit = RareFirstName, FirstNameBit = FirstName;

    internal const uint CapBit = Cap, SentenceStartBit = SentenceStart, BigramStartBit = PlaceBigramStart, BigramEndBit = PlaceBigramEnd;

    /// <summary>FNV-1a over the lower-cased characters.</summary>
    internal static uint LowerHash(ReadOnlySpan<char> w)
    {
        uint h = 2166136261;
        foreach (var c in w) h = (h ^ char.ToLowerInvariant(c)) * 16777619;
        return h;
    }

    /// <summary>Word shape with repeats collapsed: "Millan-Vazquez" → "Xx-Xx", "U.S." → "X.X.", "2011" → "d".
    /// Capped at 8 shape characters so a pathological token costs its length, not more.</summary>
    internal static uint ShapeHash(ReadOnlySpan<char> w)
    {
        uint h = 2166136261;
        char last = '\0';
        int emitted = 0;
        foreach (var c in w)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c < 128 ? c : 'o';
            if (s == last) continue;
            last = s;
            h = (h ^ s) * 16777619;
            if (++emitted == 8) break;
        }
        return h;
    }

    internal static uint Pair(uint a, uint b) => Mix(a * 0x9E3779B1u + b);

    internal static int Id(uint template, uint value, uint mask) => (int)(Mix(value ^ (template * 0x85EBCA77u)) & mask);

    /// <summary>A 32-bit finaliser (from "hash prospector"): spreads every input bit over the bucket index.</summary>
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x7feb352d;
        h ^= h >> 15;
        h *= 0x846ca68b;
        h ^= h >> 16;
        return h;
    }
}
