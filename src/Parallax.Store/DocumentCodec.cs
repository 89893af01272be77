using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Model;

namespace Parallax.Store;

/// <summary>
/// The analysis of a document as stored, without the text (kept once, in its own column where the full-text index
/// reads it) and without the run-specific id. Tokens and sentences, nine tenths of the layers by count, go to a compact
/// binary form (deltas as variable-length integers, about 4 bytes a token); the other layers, small and varied, to JSON.
/// </summary>
internal static class DocumentCodec
{
    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals }; // quantity bounds may be infinite

    public static (string Json, byte[] Layers) Encode(Document doc) =>
        (JsonSerializer.Serialize(doc with { Text = "", Id = "", Tokens = [], Sentences = [] }, Options), EncodeLayers(doc));

    public static Document Decode(string json, byte[] layers, string id, string text)
    {
        var doc = JsonSerializer.Deserialize<Document>(json, Options) ?? throw new InvalidDataException($"document {id}: empty analysis");
        var (tokens, sentences) = DecodeLayers(layers);
        return doc with { Id = id, Text = text, Tokens = tokens, Sentences = sentences };
    }

    private static byte[] EncodeLayers(Document doc)
    {
        using var ms = new MemoryStream(doc.Tokens.Length * 4 + doc.Sentences.Length * 6 + 8);
        using var w = new BinaryWriter(ms);
        w.Write((byte)1); // format version of this blob
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

    private static (ImmutableArray<Token>, ImmutableArray<Sentence>) DecodeLayers(byte[] blob)
    {
        using var r = new BinaryReader(new MemoryStream(blob));
        if (r.ReadByte() != 1) throw new InvalidDataException("unknown layer format");
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
}
