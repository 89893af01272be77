using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using Parallax.Model;

namespace Parallax.Store;

/// <summary>
/// The analysis of a document as stored, without the text (kept once, in its own column where the full-text index
/// reads it) and without the run-specific id. Rows are written in format 2: every layer and the metadata in one
/// compact binary form (span offsets as variable-length deltas, strings once per document, doubles bit-exact),
/// Brotli-compressed, in the <c>layers</c> column; the <c>analysis</c> column is left empty. JSON was about three
/// quarters of a row and of the encoding time. Rows of format 1 (JSON in <c>analysis</c>, tokens and sentences in
/// <c>layers</c>) still decode: the first byte of <c>layers</c> says which.
/// </summary>
internal static class DocumentCodec
{
    private const byte LegacyFormat = 1;
    private const byte BinaryFormat = 2;

    /// <summary>Brotli's fastest setting: on this data it compresses almost as well as the slower ones at a fraction of
    /// the time (encoding is on the ingest path, per document).</summary>
    private const int BrotliQuality = 1;
    private const int BrotliWindow = 22;

    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals }; // quantity bounds may be infinite

    /// <summary>The values for the <c>analysis</c> and <c>layers</c> columns.</summary>
    public static (string Json, byte[] Layers) Encode(Document doc) => ("", EncodeBinary(doc));

    public static Document Decode(string json, byte[] layers, string id, string text)
    {
        if (layers.Length == 0) throw new InvalidDataException($"document {id}: empty analysis");
        return layers[0] switch
        {
            BinaryFormat => DecodeBinary(layers, id, text),
            LegacyFormat => DecodeLegacy(json, layers, id, text),
            _ => throw new InvalidDataException($"document {id}: unknown analysis format {layers[0]}"),
        };
    }

    private static byte[] EncodeBinary(Document doc)
    {
        var w = new BlobWriter(doc.Tokens.Length * 5 + doc.Quantities.Length * 32 + doc.Text.Length / 4 + 256);
        w.String(doc.Origin);
        WriteMetadata(ref w, doc.Metadata);
        w.UInt((uint)doc.Removed.Length);
        foreach (var r in doc.Removed) { w.String(r.Text); w.String(r.Reason); }
        if (doc.CopyOf is { } copy) { w.Byte(1); w.String(copy.Original); w.Double(copy.Similarity); }
        else w.Byte(0);
        w.Int((int)doc.Layers);

        w.UInt((uint)doc.Tokens.Length);
        int prev = 0;
        foreach (var t in doc.Tokens)
        {
            w.Int(t.Start - prev);
            w.Int(t.End - t.Start);
            w.Byte((byte)t.Kind);
            w.Byte((byte)t.Shape);
            prev = t.End;
        }
        w.UInt((uint)doc.Sentences.Length);
        prev = 0;
        int prevToken = 0;
        foreach (var s in doc.Sentences)
        {
            w.Int(s.Start - prev);
            w.Int(s.End - s.Start);
            w.Int(s.FirstToken - prevToken);
            w.Int(s.TokenCount);
            prev = s.End;
            prevToken = s.FirstToken + s.TokenCount;
        }
        w.UInt((uint)doc.Entities.Length);
        prev = 0;
        foreach (var m in doc.Entities)
        {
            w.Int(m.Start - prev);
            w.Int(m.End - m.Start);
            w.Byte((byte)m.Type);
            w.String(m.Title);
            prev = m.Start;
        }
        w.UInt((uint)doc.Quotes.Length);
        prev = 0;
        foreach (var q in doc.Quotes)
        {
            w.Int(q.Content.Start - prev);
            w.Int(q.Content.End - q.Content.Start);
            w.Byte((byte)q.Kind);
            // Optional spans relative to the content: they sit in the same sentence, so the numbers stay small.
            w.OptionalSpan(q.Cue, q.Content.Start);
            w.OptionalSpan(q.Speaker, q.Content.Start);
            w.OptionalSpan(q.Source, q.Content.Start);
            w.String(q.SpeakerLabel);
            prev = q.Content.Start;
        }
        w.UInt((uint)doc.Citations.Length);
        prev = 0;
        foreach (var c in doc.Citations)
        {
            w.Int(c.Start - prev);
            w.Int(c.End - c.Start);
            w.String(c.Cites);
            w.Byte((byte)c.Kind);
            prev = c.Start;
        }
        w.UInt((uint)doc.Times.Length);
        prev = 0;
        foreach (var t in doc.Times)
        {
            w.Int(t.Start - prev);
            w.Int(t.End - t.Start);
            w.String(t.Iso);
            w.Byte((byte)t.Precision);
            w.Byte(t.Relative ? (byte)1 : (byte)0);
            prev = t.Start;
        }
        w.UInt((uint)doc.Quantities.Length);
        prev = 0;
        foreach (var q in doc.Quantities)
        {
            w.Int(q.Start - prev);
            w.Int(q.End - q.Start);
            w.Byte((byte)q.Kind);
            w.Byte((byte)q.Qualifier);
            // Bounds are often the value itself: a flag byte instead of 16 more bytes.
            int same = (SameBits(q.Lower, q.Value) ? 1 : 0) | (SameBits(q.Upper, q.Value) ? 2 : 0);
            w.Byte((byte)same);
            w.Double(q.Value);
            if ((same & 1) == 0) w.Double(q.Lower);
            if ((same & 2) == 0) w.Double(q.Upper);
            w.String(q.Unit);
            w.String(q.About);
            prev = q.Start;
        }
        return Compress(w.Written);
    }

    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static void WriteMetadata(ref BlobWriter w, DocumentMetadata m)
    {
        w.SourcedString(m.Title);
        w.SourcedString(m.Outlet);
        w.SourcedDay(m.Published);
        w.String(m.Url);
        w.Day(m.Retrieved);
        if (m.Authors is { } authors)
        {
            w.Byte(1);
            w.Byte((byte)authors.Source);
            var list = authors.Value.IsDefault ? [] : authors.Value;
            w.UInt((uint)list.Length);
            foreach (var a in list) w.String(a);
        }
        else w.Byte(0);
        w.SourcedDay(m.Modified);
        w.SourcedString(m.Language);
    }

    private static Document DecodeBinary(byte[] blob, string id, string text)
    {
        var raw = Decompress(blob, id);
        var r = new BlobReader(raw);
        var origin = r.String() ?? throw new InvalidDataException($"document {id}: no origin");
        var meta = ReadMetadata(ref r);
        var removed = ImmutableArray.CreateBuilder<RemovedText>(r.Count());
        for (int i = 0; i < removed.Capacity; i++) removed.Add(new RemovedText(r.String()!, r.String()!));
        CopyRelation? copy = r.Byte() == 1 ? new CopyRelation(r.String()!, r.Double()) : null;
        var layers = (Layers)r.Int();

        var tokens = ImmutableArray.CreateBuilder<Token>(r.Count());
        int prev = 0;
        for (int i = 0; i < tokens.Capacity; i++)
        {
            int start = prev + r.Int(), end = start + r.Int();
            tokens.Add(new Token(start, end, (TokenKind)r.Byte(), (TokenShape)r.Byte()));
            prev = end;
        }
        var sentences = ImmutableArray.CreateBuilder<Sentence>(r.Count());
        prev = 0;
        int prevToken = 0;
        for (int i = 0; i < sentences.Capacity; i++)
        {
            int start = prev + r.Int(), end = start + r.Int();
            int first = prevToken + r.Int(), count = r.Int();
            sentences.Add(new Sentence(start, end, first, count));
            prev = end;
            prevToken = first + count;
        }
        var entities = ImmutableArray.CreateBuilder<EntityMention>(r.Count());
        prev = 0;
        for (int i = 0; i < entities.Capacity; i++)
        {
            int start = prev + r.Int(), end = start + r.Int();
            entities.Add(new EntityMention(start, end, (EntityType)r.Byte(), r.String()));
            prev = start;
        }
        var quotes = ImmutableArray.CreateBuilder<Quote>(r.Count());
        prev = 0;
        for (int i = 0; i < quotes.Capacity; i++)
        {
            int start = prev + r.Int(), end = start + r.Int();
            var kind = (QuoteKind)r.Byte();
            var cue = r.OptionalSpan(start);
            var speaker = r.OptionalSpan(start);
            var source = r.OptionalSpan(start);
            quotes.Add(new Quote(new TextSpan(start, end), kind, cue, speaker, r.String(), source));
            prev = start;
        }
        var citations = ImmutableArray.CreateBuilder<Citation>(r.Count());
        prev = 0;
        for (int i = 0; i < citations.Capacity; i++)
        {
            int start = prev + r.Int(), end = start + r.Int();
            citations.Add(new Citation(start, end, r.String()!, (CitationKind)r.Byte()));
            prev = start;
        }
        var times = ImmutableArray.CreateBuilder<TimeExpression>(r.Count());
        prev = 0;
        for (int i = 0; i < times.Capacity; i++)
        {
            int start = prev + r.Int(), end = start + r.Int();
            times.Add(new TimeExpression(start, end, r.String(), (DatePrecision)r.Byte(), r.Byte() == 1));
            prev = start;
        }
        var quantities = ImmutableArray.CreateBuilder<Quantity>(r.Count());
        prev = 0;
        for (int i = 0; i < quantities.Capacity; i++)
        {
            int start = prev + r.Int(), end = start + r.Int();
            var kind = (QuantityKind)r.Byte();
            var qualifier = (Qualifier)r.Byte();
            int same = r.Byte();
            double value = r.Double();
            double lower = (same & 1) != 0 ? value : r.Double();
            double upper = (same & 2) != 0 ? value : r.Double();
            quantities.Add(new Quantity(start, end, kind, value, lower, upper, r.String()!, r.String()!, qualifier));
            prev = start;
        }
        if (!r.AtEnd) throw new InvalidDataException($"document {id}: trailing bytes in the stored analysis");
        return new Document
        {
            Id = id,
            Origin = origin,
            Text = text,
            Metadata = meta,
            Removed = removed.MoveToImmutable(),
            CopyOf = copy,
            Layers = layers,
            Tokens = tokens.MoveToImmutable(),
            Sentences = sentences.MoveToImmutable(),
            Entities = entities.MoveToImmutable(),
            Quotes = quotes.MoveToImmutable(),
            Citations = citations.MoveToImmutable(),
            Times = times.MoveToImmutable(),
            Quantities = quantities.MoveToImmutable(),
        };
    }

    private static DocumentMetadata ReadMetadata(ref BlobReader r)
    {
        var title = r.SourcedString();
        var outlet = r.SourcedString();
        var published = r.SourcedDay();
        var url = r.String();
        var retrieved = r.Day();
        Sourced<ImmutableArray<string>>? authors = null;
        if (r.Byte() == 1)
        {
            var source = (MetadataSource)r.Byte();
            var list = ImmutableArray.CreateBuilder<string>(r.Count());
            for (int i = 0; i < list.Capacity; i++) list.Add(r.String()!);
            authors = new Sourced<ImmutableArray<string>>(list.MoveToImmutable(), source);
        }
        var modified = r.SourcedDay();
        var language = r.SourcedString();
        return new DocumentMetadata
        {
            Title = title, Outlet = outlet, Published = published, Url = url, Retrieved = retrieved,
            Authors = authors, Modified = modified, Language = language,
        };
    }

    private static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        // Format byte, the raw length (so decoding allocates once), then the Brotli stream.
        Span<byte> header = stackalloc byte[6];
        header[0] = BinaryFormat;
        int h = 1 + BlobWriter.PutUInt(header[1..], (uint)raw.Length);
        var buffer = new byte[h + BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        header[..h].CopyTo(buffer);
        if (!BrotliEncoder.TryCompress(raw, buffer.AsSpan(h), out int written, BrotliQuality, BrotliWindow))
            throw new InvalidOperationException("Brotli compression failed");
        return buffer.AsSpan(0, h + written).ToArray();
    }

    private static byte[] Decompress(byte[] blob, string id)
    {
        var r = new BlobReader(blob.AsSpan(1));
        uint length = r.UInt();
        if (length > 1 << 30) throw new InvalidDataException($"document {id}: the stored analysis is damaged");
        var raw = new byte[length];
        if (!BrotliDecoder.TryDecompress(blob.AsSpan(1 + r.Position), raw, out int written) || written != raw.Length)
            throw new InvalidDataException($"document {id}: the stored analysis is damaged");
        return raw;
    }

    /// <summary>Format 1, as rows written before format 2 hold it; kept so such rows still decode and tests can write them.</summary>
    internal static (string Json, byte[] Layers) EncodeLegacy(Document doc) =>
        (JsonSerializer.Serialize(doc with { Text = "", Id = "", Tokens = [], Sentences = [] }, Options), EncodeLegacyLayers(doc));

    private static Document DecodeLegacy(string json, byte[] layers, string id, string text)
    {
        var doc = JsonSerializer.Deserialize<Document>(json, Options) ?? throw new InvalidDataException($"document {id}: empty analysis");
        var (tokens, sentences) = DecodeLegacyLayers(layers);
        return doc with { Id = id, Text = text, Tokens = tokens, Sentences = sentences };
    }

    private static byte[] EncodeLegacyLayers(Document doc)
    {
        using var ms = new MemoryStream(doc.Tokens.Length * 4 + doc.Sentences.Length * 6 + 8);
        using var w = new BinaryWriter(ms);
        w.Write(LegacyFormat);
        w.Write7BitEncodedInt(doc.Tokens.Length);
        int prev = 0;
        foreach (var t in doc.Tokens)
        {
            w.Write7BitEncodedInt(t.Start - prev);
            w.Write7BitEncodedInt(t.End - t.Start);
            w.Write((byte)t.Kind);
            w.Write((byte)t.Shape);
            prev = t.End;
        }
        w.Write7BitEncodedInt(doc.Sentences.Length);
        prev = 0;
        int prevToken = 0;
        foreach (var s in doc.Sentences)
        {
            w.Write7BitEncodedInt(s.Start - prev);
            w.Write7BitEncodedInt(s.End - s.Start);
            w.Write7BitEncodedInt(s.FirstToken - prevToken);
            w.Write7BitEncodedInt(s.TokenCount);
            prev = s.End;
            prevToken = s.FirstToken + s.TokenCount;
        }
        w.Flush();
        return ms.ToArray();
    }

    private static (ImmutableArray<Token>, ImmutableArray<Sentence>) DecodeLegacyLayers(byte[] blob)
    {
        using var r = new BinaryReader(new MemoryStream(blob));
        if (r.ReadByte() != LegacyFormat) throw new InvalidDataException("unknown layer format");
        var tokens = ImmutableArray.CreateBuilder<Token>(r.Read7BitEncodedInt());
        int prev = 0;
        for (int i = 0; i < tokens.Capacity; i++)
        {
            int start = prev + r.Read7BitEncodedInt(), end = start + r.Read7BitEncodedInt();
            tokens.Add(new Token(start, end, (TokenKind)r.ReadByte(), (TokenShape)r.ReadByte()));
            prev = end;
        }
        var sentences = ImmutableArray.CreateBuilder<Sentence>(r.Read7BitEncodedInt());
        prev = 0;
        int prevToken = 0;
        for (int i = 0; i < sentences.Capacity; i++)
        {
            int start = prev + r.Read7BitEncodedInt(), end = start + r.Read7BitEncodedInt();
            int first = prevToken + r.Read7BitEncodedInt(), count = r.Read7BitEncodedInt();
            sentences.Add(new Sentence(start, end, first, count));
            prev = end;
            prevToken = first + count;
        }
        return (tokens.MoveToImmutable(), sentences.MoveToImmutable());
    }

    /// <summary>Appends variable-length integers (zigzag for signed), raw doubles and strings to a growing buffer.
    /// A string seen before in the same document is written as its index (units, heads and cue words repeat).</summary>
    private struct BlobWriter(int capacity)
    {
        private byte[] buffer = new byte[Math.Max(64, capacity)];
        private int length;
        private Dictionary<string, int>? seen;

        public readonly ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

        private Span<byte> Room(int n)
        {
            if (length + n > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + n));
            return buffer.AsSpan(length, n);
        }

        public static int PutUInt(Span<byte> to, uint v)
        {
            int i = 0;
            while (v >= 0x80) { to[i++] = (byte)(v | 0x80); v >>= 7; }
            to[i++] = (byte)v;
            return i;
        }

        public void UInt(uint v) => length += PutUInt(Room(5), v);

        public void Int(int v) => UInt((uint)((v << 1) ^ (v >> 31)));

        public void Byte(byte b) { Room(1)[0] = b; length++; }

        public void Double(double d) { BinaryPrimitives.WriteDoubleLittleEndian(Room(8), d); length += 8; }

        /// <summary>0 for null; 1 and UTF-8 bytes for a string first seen, or 2 and UTF-16 units when it is not valid
        /// UTF-16 (a lone surrogate must come back as it was); 3 + its index for a repeat.</summary>
        public void String(string? s)
        {
            if (s is null) { UInt(0); return; }
            seen ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (seen.TryGetValue(s, out int index)) { UInt((uint)index + 3); return; }
            seen[s] = seen.Count;
            // Bytes first, into the room past the longest length prefix; then the prefix, and the bytes moved up to it.
            var room = Room(1 + 5 + Encoding.UTF8.GetMaxByteCount(s.Length));
            var status = Utf8.FromUtf16(s, room[6..], out _, out int n, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                UInt(2);
                UInt((uint)s.Length);
                foreach (char c in s) { BinaryPrimitives.WriteUInt16LittleEndian(Room(2), c); length += 2; }
                return;
            }
            room[0] = 1;
            int p = 1 + PutUInt(room[1..], (uint)n);
            room.Slice(6, n).CopyTo(room[p..]);
            length += p + n;
        }

        public void OptionalSpan(TextSpan? span, int anchor)
        {
            if (span is not { } s) { Byte(0); return; }
            Byte(1);
            Int(s.Start - anchor);
            Int(s.End - s.Start);
        }

        public void Day(DateOnly? d) => UInt(d is { } v ? (uint)v.DayNumber + 1 : 0);

        public void SourcedDay(Sourced<DateOnly>? d)
        {
            Day(d?.Value);
            if (d is { } v) Byte((byte)v.Source);
        }

        public void SourcedString(Sourced<string>? s)
        {
            if (s is not { } v) { Byte(0); return; }
            Byte(1);
            Byte((byte)v.Source);
            String(v.Value);
        }
    }

    private ref struct BlobReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private int pos;
        private List<string>? strings;

        public readonly int Position => pos;
        public readonly bool AtEnd => pos == data.Length;

        public uint UInt()
        {
            uint v = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (shift > 28) throw new InvalidDataException("bad number in the stored analysis");
                byte b = data[pos++];
                v |= (uint)(b & 0x7F) << shift;
                if (b < 0x80) return v;
            }
        }

        public int Int()
        {
            uint u = UInt();
            return (int)(u >> 1) ^ -(int)(u & 1);
        }

        /// <summary>A list length, checked against what is left so damage cannot ask for a huge allocation.</summary>
        public int Count()
        {
            uint n = UInt();
            return n <= (uint)(data.Length - pos) ? (int)n : throw new InvalidDataException("bad count in the stored analysis");
        }

        public byte Byte() => data[pos++];

        public double Double()
        {
            double d = BinaryPrimitives.ReadDoubleLittleEndian(data.Slice(pos, 8));
            pos += 8;
            return d;
        }

        public string? String()
        {
            uint k = UInt();
            if (k == 0) return null;
            strings ??= [];
            if (k >= 3) return (int)(k - 3) < strings.Count ? strings[(int)(k - 3)] : throw new InvalidDataException("bad string in the stored analysis");
            string s;
            if (k == 1)
            {
                int n = Count();
                s = Encoding.UTF8.GetString(data.Slice(pos, n));
                pos += n;
            }
            else
            {
                int n = Count();
                s = string.Create(n, data.Slice(pos, 2 * n).ToArray(), static (chars, bytes) =>
                {
                    for (int i = 0; i < chars.Length; i++) chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * i));
                });
                pos += 2 * n;
            }
            strings.Add(s);
            return s;
        }

        public TextSpan? OptionalSpan(int anchor)
        {
            if (Byte() == 0) return null;
            int start = anchor + Int();
            return new TextSpan(start, start + Int());
        }

        public DateOnly? Day()
        {
            uint v = UInt();
            return v == 0 ? null : DateOnly.FromDayNumber((int)(v - 1));
        }

        public Sourced<DateOnly>? SourcedDay() => Day() is { } d ? new Sourced<DateOnly>(d, (MetadataSource)Byte()) : null;

        public Sourced<string>? SourcedString()
        {
            if (Byte() == 0) return null;
            var source = (MetadataSource)Byte();
            return new Sourced<string>(String()!, source);
        }
    }
}
