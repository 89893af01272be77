using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Parallax.Ingest.Decoding;

/// <summary>What a byte buffer turned out to be.</summary>
public enum DecodeStatus : byte
{
    /// <summary>Text was decoded.</summary>
    Text,
    /// <summary>The bytes look like a binary file (NUL bytes, or mostly control characters); no text was produced.</summary>
    Binary,
}

/// <summary>The result of <see cref="TextDecoder.Decode"/>: the text with line ends normalised to "\n" and the
/// name of the encoding used, so a caller can report how a file was read.</summary>
public readonly record struct DecodedText(DecodeStatus Status, string Text, string EncodingName)
{
    /// <summary>True when <see cref="Text"/> holds decoded text.</summary>
    public bool IsText => Status == DecodeStatus.Text;
}

/// <summary>
/// Turns the bytes of a text file into a string without ever throwing: BOMs first (UTF-8, UTF-16, UTF-32),
/// then a strict UTF-8 check, then Windows-1252, which is what non-UTF-8 English news text almost always is.
/// Line ends are normalised to "\n".
/// </summary>
public static class TextDecoder
{
    /// <summary>How much of the start of a buffer is inspected to call it binary (the same window `file` and git use).</summary>
    public const int SniffBytes = 8 * 1024;

    /// <summary>Share of control characters above which a buffer is called binary. Text never gets near it
    /// (tabs and line ends do not count); compressed and image data sit far above it.</summary>
    public const double MaxControlShare = 0.30;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    static TextDecoder()
    {
        // .NET Core ships only the Unicode encodings and Latin-1; Windows-1252 and friends come from this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    /// <summary>Windows-1252 (the code-pages provider is registered by this type's static constructor).</summary>
    public static Encoding Windows1252 { get; }

    /// <summary>Decodes <paramref name="bytes"/>. Never throws; undecodable sequences become U+FFFD or their
    /// Windows-1252 reading.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, declaredCharset: null);

    /// <summary>Decodes an HTML page: as <see cref="Decode(ReadOnlySpan{byte}, string?)"/> with the meta charset the
    /// page declares in its first kilobyte.</summary>
    public static DecodedText DecodeHtml(ReadOnlySpan<byte> bytes) => DecodeHtml(bytes, httpCharset: null);

    /// <summary>Decodes an HTML page: the charset of its HTTP header (<paramref name="httpCharset"/>), else the meta
    /// charset in its first kilobyte, is used when there is no BOM and the bytes are not UTF-8. The meta charset is
    /// looked for only then, so UTF-8 pages (nearly all) never pay for it.</summary>
    public static DecodedText DecodeHtml(ReadOnlySpan<byte> bytes, string? httpCharset) => Decode(bytes, httpCharset, sniffMeta: httpCharset is null);

    /// <summary>Decodes <paramref name="bytes"/>, using <paramref name="declaredCharset"/> (for instance an HTML
    /// meta charset) when there is no BOM and the bytes are not valid UTF-8.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset) => Decode(bytes, declaredCharset, sniffMeta: false);

    private static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, bool sniffMeta)
    {
        var (encoding, bomLength) = DetectBom(bytes);
        var body = bytes[bomLength..];

        if (encoding is null)
        {
            // Without a BOM, NUL bytes mean binary data or BOM-less UTF-16; nothing else writes them into text.
            var sniff = body[..Math.Min(body.Length, SniffBytes)];
            if (sniff.IndexOf((byte)0) >= 0)
            {
                encoding = GuessUtf16WithoutBom(sniff);
                if (encoding is null) return new DecodedText(DecodeStatus.Binary, "", "binary");
            }
        }

        bool pooled = body.Length <= MaxPooledBytes;
        if (encoding is null)
        {
            if (pooled)
            {
                // The common case, valid UTF-8, in one pass: transcoding stops at the first invalid byte.
                var buffer = ArrayPool<char>.Shared.Rent(Math.Max(body.Length, 1));
                try
                {
                    if (Utf8.ToUtf16(body, buffer, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
                        return Finish(buffer.AsSpan(0, written), "utf-8");
                }
                finally { ArrayPool<char>.Shared.Return(buffer); }
            }
            else if (Utf8.IsValid(body)) encoding = StrictUtf8;
            if (encoding is null)
            {
                if (sniffMeta) declaredCharset = Readers.HtmlReader.DeclaredCharset(bytes);
                encoding = ChooseFallback(body, declaredCharset);
            }
        }
        if (!pooled)
        {
            // A huge file: decoded as a string and normalised by copying, so no pooled buffer of its size lingers.
            var text = encoding.GetString(body);
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            if (LooksBinary(text.AsSpan(0, Math.Min(text.Length, SniffBytes)))) return new DecodedText(DecodeStatus.Binary, "", encoding.WebName);
            return new DecodedText(DecodeStatus.Text, NormalizeNewlines(text), encoding.WebName);
        }
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(encoding.GetMaxCharCount(body.Length), 1));
        try
        {
            int n = encoding.GetChars(body, chars);
            return Finish(chars.AsSpan(0, n), encoding.WebName);
        }
        finally { ArrayPool<char>.Shared.Return(chars); }
    }

    /// <summary>Inputs up to this many bytes are decoded into a pooled buffer and normalised there, so a page becomes
    /// one string instead of two (a 150 KB page's text is two large-object-heap strings otherwise).</summary>
    private const int MaxPooledBytes = 2 * 1024 * 1024;

    /// <summary>The text of decoded characters: a leading BOM dropped, the binary check, line ends normalised in place.</summary>
    private static DecodedText Finish(Span<char> chars, string name)
    {
        if (chars.Length > 0 && chars[0] == '\uFEFF') chars = chars[1..];
        if (LooksBinary(chars[..Math.Min(chars.Length, SniffBytes)])) return new DecodedText(DecodeStatus.Binary, "", name);
        return new DecodedText(DecodeStatus.Text, new string(chars[..NormalizeNewlinesInPlace(chars)]), name);
    }

    /// <summary>"\r\n" and lone "\r" become "\n" within <paramref name="chars"/>; returns the new length.</summary>
    private static int NormalizeNewlinesInPlace(Span<char> chars)
    {
        int read = chars.IndexOf('\r');
        if (read < 0) return chars.Length;
        int write = read;
        while (read < chars.Length)
        {
            // Copy the run up to the next CR, then the CR as a line feed (swallowing a following LF).
            int next = chars[read..].IndexOf('\r');
            int end = next < 0 ? chars.Length : read + next;
            if (end > read)
            {
                chars[read..end].CopyTo(chars[write..]);
                write += end - read;
            }
            if (next < 0) break;
            chars[write++] = '\n';
            read = end + 1;
            if (read < chars.Length && chars[read] == '\n') read++;
        }
        return write;
    }

    /// <summary>Replaces "\r\n" and lone "\r" by "\n". Returns the same instance when there is nothing to do.</summary>
    public static string NormalizeNewlines(string text)
    {
        int first = text.IndexOf('\r');
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\r') { sb.Append(c); continue; }
            sb.Append('\n');
            if (i + 1 < text.Length && text[i + 1] == '\n') i++;
        }
        return sb.ToString();
    }

    /// <summary>Share of C0 control characters (tab, line feed, vertical tab, form feed and carriage return are text),
    /// DEL and U+FFFD above which a buffer is called binary: text has next to none (a stray form feed or escape), while
    /// random or compressed bytes decoded as Windows-1252 give about 11 %.</summary>
    public const double MaxNoiseShare = 0.02;

    /// <summary>True when a decoded sample holds a NUL, more than <see cref="MaxNoiseShare"/> control characters and
    /// replacement characters (at least two), or more than <see cref="MaxControlShare"/> counting C1 controls too
    /// (C1 controls alone can be text: cp1252 quotes read as ISO-8859-1).</summary>
    public static bool LooksBinary(ReadOnlySpan<char> sample)
    {
        if (sample.IsEmpty) return false;
        int noise = 0, c1 = 0;
        foreach (char c in sample)
        {
            if (c == '\0') return true;
            if (c < 0x20 ? c is not ('\t' or '\n' or '\v' or '\f' or '\r') : c is '\u007F' or '\uFFFD') noise++;
            else if (c is >= '\u0080' and <= '\u009F') c1++;
        }
        return noise >= 2 && noise > sample.Length * MaxNoiseShare || noise + c1 > sample.Length * MaxControlShare;
    }

    private static (Encoding? Encoding, int BomLength) DetectBom(ReadOnlySpan<byte> b)
    {
        // UTF-32 LE shares its first two bytes with UTF-16 LE, so it is tested first.
        if (b.StartsWith([(byte)0xFF, (byte)0xFE, (byte)0, (byte)0])) return (new UTF32Encoding(false, false, false), 4);
        if (b.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF])) return (new UTF32Encoding(true, false, false), 4);
        if (b.StartsWith([(byte)0xEF, (byte)0xBB, (byte)0xBF])) return (StrictUtf8, 3);
        if (b.StartsWith([(byte)0xFF, (byte)0xFE])) return (new UnicodeEncoding(false, false, false), 2);
        if (b.StartsWith([(byte)0xFE, (byte)0xFF])) return (new UnicodeEncoding(true, false, false), 2);
        return (null, 0);
    }

    /// <summary>BOM-less UTF-16 of mostly Latin text has a zero in every other byte; binary data does not.</summary>
    private static Encoding? GuessUtf16WithoutBom(ReadOnlySpan<byte> sniff)
    {
        int pairs = sniff.Length / 2;
        if (pairs < 2) return null;
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i + 1 < sniff.Length; i += 2)
        {
            if (sniff[i] == 0) evenZeros++;
            if (sniff[i + 1] == 0) oddZeros++;
        }
        // 0.9 / 0.02: ASCII-heavy UTF-16 scores ~1.0 / 0.0; anything less clear-cut is treated as binary.
        if (oddZeros >= pairs * 0.9 && evenZeros <= pairs * 0.02) return new UnicodeEncoding(false, false, false);
        if (evenZeros >= pairs * 0.9 && oddZeros <= pairs * 0.02) return new UnicodeEncoding(true, false, false);
        return null;
    }

    /// <summary>
    /// Picks the encoding for bytes that are not valid UTF-8. A file that is mostly valid UTF-8 with a few broken
    /// sequences (a truncated or concatenated file) stays UTF-8, since Windows-1252 would garble every valid
    /// character. Otherwise a declared charset wins, then a confident detector hint for non-Latin scripts, then
    /// Windows-1252.
    /// </summary>
    private static Encoding ChooseFallback(ReadOnlySpan<byte> body, string? declaredCharset)
    {
        var (validMultiByte, invalid) = CountUtf8Sequences(body);
        if (validMultiByte > 0 && validMultiByte >= invalid * 4) return StrictUtf8;

        if (declaredCharset is not null && TryGetEncoding(declaredCharset) is { } declared
            && declared.CodePage != Encoding.UTF8.CodePage)
            return declared;

        return DetectorHint(body) ?? Windows1252;
    }

    private static (int ValidMultiByte, int Invalid) CountUtf8Sequences(ReadOnlySpan<byte> body)
    {
        int valid = 0, invalid = 0;
        while (!body.IsEmpty)
        {
            // ASCII runs are skipped in bulk; only the bytes around non-ASCII need rune decoding.
            int skip = body.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (skip < 0) break;
            body = body[skip..];
            var status = System.Text.Rune.DecodeFromUtf8(body, out _, out int consumed);
            if (status == OperationStatus.Done) valid++; else invalid++;
            body = body[Math.Max(consumed, 1)..];
        }
        return (valid, invalid);
    }

    /// <summary>
    /// UTF.Unknown is asked only for a hint, and the hint is taken only for non-Latin scripts at high confidence:
    /// on short English text it confuses Windows-1252 with Windows-1250 (measured: a 1252 sentence with curly quotes
    /// and accents came back as windows-1250 at 0.80), so Latin-family answers are ignored in favour of 1252.
    /// </summary>
    private static Encoding? DetectorHint(ReadOnlySpan<byte> body)
    {
        const int HintBytes = 64 * 1024; // plenty for a statistical guess; keeps huge files cheap
        var sample = body[..Math.Min(body.Length, HintBytes)].ToArray();
        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(sample).Detected;
        if (detected is null || detected.Confidence < 0.8f || detected.EncodingName is null) return null;
        var name = detected.EncodingName.ToLowerInvariant();
        bool latinFamily = name.StartsWith("windows-125", StringComparison.Ordinal) && name is not ("windows-1251" or "windows-1253" or "windows-1255" or "windows-1256")
            || name.StartsWith("iso-8859", StringComparison.Ordinal) && name is not ("iso-8859-5" or "iso-8859-7" or "iso-8859-8")
            || name.StartsWith("utf", StringComparison.Ordinal) || name is "ascii" or "us-ascii" or "x-mac-ce" or "mac";
        return latinFamily ? null : TryGetEncoding(name);
    }

    private static Encoding? TryGetEncoding(string name)
    {
        try { return Encoding.GetEncoding(name.Trim().Trim('"', '\'')); }
        catch (ArgumentException) { return null; } // unknown or unsupported charset names are only hints
    }
}
