using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Parallax.Stories.Streaming;

/// <summary>
/// The <c>features</c> column: the clusterer's terms of a document in a compact binary form (the day, the distinct
/// weights' exact bits, then each term in ordinal order with its weight's index), Brotli-compressed, in Base64 after a
/// "~" (the column is text in both databases). Under half the size of the plain form
/// (<see cref="StoryFeatures.Serialize"/>), which was the largest part of a row after the text, and no float formatting
/// on the ingest path. A value without the "~" is the plain form of older rows (it starts with a day or "-"); both
/// decode to the same terms in the same order.
/// </summary>
public static class FeatureCodec
{
    private const char Marker = '~';

    public static string Encode(StoryFeatures features)
    {
        var terms = features.Terms.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal); // the order Deserialize gives, so a reload interns terms alike
        // Weights are 1 + log of small counts, so a handful of values repeat: each distinct one is written once (its
        // exact bits), and a term gives its index.
        var weights = new List<float>();
        var weightIndex = new Dictionary<int, int>();
        int max = 20;
        foreach (var t in terms)
        {
            int bits = BitConverter.SingleToInt32Bits(features.Terms[t]);
            if (!weightIndex.ContainsKey(bits)) { weightIndex[bits] = weights.Count; weights.Add(features.Terms[t]); }
            max += 10 + Encoding.UTF8.GetMaxByteCount(t.Length) + 4;
        }
        var raw = new byte[max];
        int n = PutUInt(raw, 0, features.Day is { } d ? (uint)d.DayNumber + 1 : 0);
        n += PutUInt(raw, n, (uint)weights.Count);
        foreach (var w in weights) { BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(n), w); n += 4; }
        n += PutUInt(raw, n, (uint)terms.Length);
        foreach (var t in terms)
        {
            int len = Encoding.UTF8.GetByteCount(t);
            n += PutUInt(raw, n, (uint)len);
            n += Encoding.UTF8.GetBytes(t, raw.AsSpan(n));
            n += PutUInt(raw, n, (uint)weightIndex[BitConverter.SingleToInt32Bits(features.Terms[t])]);
        }
        var packed = new byte[4 + BrotliEncoder.GetMaxCompressedLength(n)];
        BinaryPrimitives.WriteInt32LittleEndian(packed, n); // the raw length, so decoding allocates once
        if (!BrotliEncoder.TryCompress(raw.AsSpan(0, n), packed.AsSpan(4), out int written, quality: 1, window: 22))
            throw new InvalidOperationException("Brotli compression failed");
        return Marker + Convert.ToBase64String(packed, 0, 4 + written);
    }

    public static StoryFeatures Decode(string stored)
    {
        if (stored.Length == 0 || stored[0] != Marker) return StoryFeatures.Deserialize(stored);
        byte[] packed;
        try { packed = Convert.FromBase64String(stored[1..]); }
        catch (FormatException e) { throw new InvalidDataException("damaged story features", e); }
        if (packed.Length < 4) throw new InvalidDataException("damaged story features");
        int length = BinaryPrimitives.ReadInt32LittleEndian(packed);
        if (length is < 0 or > 1 << 24) throw new InvalidDataException("damaged story features");
        var raw = new byte[length];
        if (!BrotliDecoder.TryDecompress(packed.AsSpan(4), raw, out int written) || written != length)
            throw new InvalidDataException("damaged story features");
        try
        {
            int pos = 0;
            uint day = GetUInt(raw, ref pos);
            var weights = new float[checked((int)GetUInt(raw, ref pos))];
            for (int i = 0; i < weights.Length; i++, pos += 4) weights[i] = BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(pos, 4));
            int count = checked((int)GetUInt(raw, ref pos));
            var terms = new Dictionary<string, float>(count, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                int len = checked((int)GetUInt(raw, ref pos));
                var term = Encoding.UTF8.GetString(raw, pos, len);
                pos += len;
                terms[term] = weights[GetUInt(raw, ref pos)];
            }
            if (pos != raw.Length) throw new InvalidDataException("damaged story features");
            return new StoryFeatures(terms, day == 0 ? null : DateOnly.FromDayNumber(checked((int)(day - 1))));
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException("damaged story features", e);
        }
    }

    private static int PutUInt(byte[] to, int at, uint v)
    {
        int i = at;
        while (v >= 0x80) { to[i++] = (byte)(v | 0x80); v >>= 7; }
        to[i++] = (byte)v;
        return i - at;
    }

    private static uint GetUInt(byte[] from, ref int pos)
    {
        uint v = 0;
        for (int shift = 0; shift <= 28; shift += 7)
        {
            byte b = from[pos++];
            v |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
        throw new InvalidDataException("damaged story features");
    }
}
