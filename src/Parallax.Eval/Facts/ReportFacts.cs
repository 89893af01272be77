using System.Collections.Immutable;
using System.Text.Json;

namespace Parallax.Eval.Facts;

/// <summary>A document of a report: what a gold <c>doc</c> can name, and the text its phrases are found in.</summary>
public sealed record ReportDocument(string Id, string Path, string? Url, string Text);

/// <summary>One claim of a report's fact: its span and the fact (and verdict) it was put in, with what it measures and
/// whose quantity it is when the report says (<c>measure</c>, <c>holder</c>; null when the report has no such field), its
/// words as printed (<c>text</c>) and the bounds of its value (<c>lower</c>, <c>upper</c>; null when open or absent).</summary>
public sealed record ReportClaim(string Doc, int Start, int End, string Fact, string Status, string? Measure = null, string? Holder = null,
    string? Text = null, double? Lower = null, double? Upper = null);

/// <summary>
/// The part of a <c>report.json</c> the facts evaluation reads: documents and every fact's claims, through the public
/// contract field names only, so any system writing the contract can be scored.
/// </summary>
public sealed record ReportFacts(ImmutableArray<ReportDocument> Documents, ImmutableArray<ReportClaim> Claims)
{
    /// <summary>Each fact's label (<c>about</c>) by the fact id its claims carry.</summary>
    public ImmutableDictionary<string, string> About { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Reads a report; a file that does not follow the contract raises <see cref="FormatException"/>.</summary>
    public static ReportFacts Parse(ReadOnlySpan<byte> json, string origin)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json.ToArray()); }
        catch (JsonException e) { throw new FormatException($"{origin}: not valid JSON (line {e.LineNumber + 1}): {e.Message}"); }
        using (doc)
        {
            try
            {
                var root = doc.RootElement;
                var docs = ImmutableArray.CreateBuilder<ReportDocument>();
                foreach (var d in root.GetProperty("documents").EnumerateArray())
                {
                    string? url = d.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                    string path = d.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
                    docs.Add(new ReportDocument(d.GetProperty("id").GetString()!, path, url, d.GetProperty("text").GetString()!));
                }
                var claims = ImmutableArray.CreateBuilder<ReportClaim>();
                var about = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                foreach (var story in root.GetProperty("stories").EnumerateArray())
                    foreach (var fact in story.GetProperty("facts").EnumerateArray())
                    {
                        // Fact ids are unique within a story; a story prefix keeps them apart across stories.
                        string id = $"{story.GetProperty("id").GetString()}/{fact.GetProperty("id").GetString()}";
                        string status = fact.GetProperty("status").GetString()!;
                        about[id] = OptionalString(fact, "about") ?? "";
                        foreach (var c in fact.GetProperty("claims").EnumerateArray())
                            claims.Add(new ReportClaim(c.GetProperty("doc").GetString()!, c.GetProperty("start").GetInt32(),
                                c.GetProperty("end").GetInt32(), id, status, OptionalString(c, "measure"), OptionalString(c, "holder"),
                                OptionalString(c, "text"), OptionalNumber(c, "lower"), OptionalNumber(c, "upper")));
                    }
                return new ReportFacts(docs.ToImmutable(), claims.ToImmutable()) { About = about.ToImmutable() };
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{origin}: not a Parallax report (documents, stories, facts and claims as the contract gives): {e.Message}");
            }
        }
    }

    private static double? OptionalNumber(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
