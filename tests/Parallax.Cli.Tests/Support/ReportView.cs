using System.Text.Json;

namespace Parallax.Cli.Tests.Support;

/// <summary>Read-only helpers over a parsed report.json, so tests read like the findings they check.</summary>
public sealed class ReportView(JsonDocument json)
{
    public JsonElement Root => json.RootElement;

    public static ReportView Load(string path) => new(JsonDocument.Parse(File.ReadAllBytes(path)));

    public IEnumerable<JsonElement> Documents => Root.GetProperty("documents").EnumerateArray();
    public IEnumerable<JsonElement> Stories => Root.GetProperty("stories").EnumerateArray();

    public string DocIdOf(string fileName) =>
        Documents.First(d => d.GetProperty("path").GetString()!.Replace('\\', '/').Split('#')[0].EndsWith("/" + fileName, StringComparison.Ordinal)).GetProperty("id").GetString()!;

    public string Text(string docId) => Documents.First(d => d.GetProperty("id").GetString() == docId).GetProperty("text").GetString()!;

    public static IEnumerable<JsonElement> Facts(JsonElement story) => story.GetProperty("facts").EnumerateArray();
    public static IEnumerable<JsonElement> Claims(JsonElement fact) => fact.GetProperty("claims").EnumerateArray();
    public static string Status(JsonElement fact) => fact.GetProperty("status").GetString()!;

    /// <summary>The fact holding a claim whose sentence or text contains <paramref name="phrase"/>.</summary>
    public static JsonElement? FactWith(JsonElement story, string phrase) =>
        Facts(story).Cast<JsonElement?>().FirstOrDefault(f => Claims(f!.Value).Any(c => ClaimContext(c).Contains(phrase, StringComparison.Ordinal)));

    public static string ClaimContext(JsonElement claim) =>
        claim.TryGetProperty("sentence", out var s) && s.ValueKind == JsonValueKind.Object ? s.GetProperty("text").GetString()! : claim.GetProperty("text").GetString()!;

    public static IEnumerable<string> Names(JsonElement entity) =>
        entity.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Append(entity.GetProperty("name").GetString()!);

    /// <summary>Every span in the report (mentions, quotes, claims, citations, timeline) with the document text it points into.</summary>
    public IEnumerable<(string Doc, int Start, int End, string Text)> AllSpans()
    {
        foreach (var story in Stories)
        {
            foreach (var e in story.GetProperty("entities").EnumerateArray())
                foreach (var m in e.GetProperty("mentions").EnumerateArray()) yield return Span(m);
            foreach (var q in story.GetProperty("quotes").EnumerateArray())
                foreach (var o in q.GetProperty("occurrences").EnumerateArray()) yield return Span(o);
            foreach (var f in Facts(story))
                foreach (var c in Claims(f)) yield return Span(c);
            foreach (var c in story.GetProperty("citations").EnumerateArray()) yield return Span(c);
            foreach (var t in story.GetProperty("timeline").EnumerateArray()) yield return Span(t);
        }
    }

    private static (string, int, int, string) Span(JsonElement e) =>
        (e.GetProperty("doc").GetString()!, e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(), e.GetProperty("text").GetString()!);
}
