using System.Text.Json;
using Parallax.Model;

namespace Parallax.Store;

/// <summary>The analysis of a document as stored: every layer as JSON, without the text (kept once, in its own column
/// where the full-text index reads it) and without the run-specific id.</summary>
internal static class DocumentCodec
{
    private static readonly JsonSerializerOptions Options = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }; // quantity bounds may be infinite

    public static string Encode(Document doc) => JsonSerializer.Serialize(doc with { Text = "", Id = "" }, Options);

    public static Document Decode(string json, string id, string text) =>
        (JsonSerializer.Deserialize<Document>(json, Options) ?? throw new InvalidDataException($"document {id}: empty analysis")) with { Id = id, Text = text };
}
