using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parallax.Stories.Streaming;

namespace Parallax.Store;

/// <summary>
/// The <c>features</c> column: the clusterer's terms of a document, as <see cref="StoryFeatures.Serialize"/> writes
/// them, Brotli-compressed and in Base64 (the column is text in both databases): "~", the text's UTF-8 length, ":",
/// then the Base64. About half the size of the plain form, which was the largest part of a row after the text. A value
/// without the "~" is the plain form of older rows (it starts with a day or "-").
/// </summary>
internal static class FeatureCodec
{
    private const char Marker = '~';

    public static string Encode(StoryFeatures features)
    {
        var raw = Encoding.UTF8.GetBytes(features.Serialize());
        var packed = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (!BrotliEncoder.TryCompress(raw, packed, out int written, quality: 1, window: 22))
            throw new InvalidOperationException("Brotli compression failed");
        return string.Create(CultureInfo.InvariantCulture, $"{Marker}{raw.Length}:{Convert.ToBase64String(packed, 0, written)}");
    }

    public static StoryFeatures Decode(string stored)
    {
        if (stored.Length == 0 || stored[0] != Marker) return StoryFeatures.Deserialize(stored);
        int colon = stored.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(stored.AsSpan(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int length) || length > 1 << 24)
            throw new InvalidDataException("damaged story features");
        var raw = new byte[length];
        byte[] packed;
        try { packed = Convert.FromBase64String(stored[(colon + 1)..]); }
        catch (FormatException e) { throw new InvalidDataException("damaged story features", e); }
        if (!BrotliDecoder.TryDecompress(packed, raw, out int written) || written != length)
            throw new InvalidDataException("damaged story features");
        return StoryFeatures.Deserialize(Encoding.UTF8.GetString(raw));
    }
}
