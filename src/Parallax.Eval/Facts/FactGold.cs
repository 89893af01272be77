using System.Collections.Immutable;
using System.Text.Json;

namespace Parallax.Eval.Facts;

/// <summary>One claim a human marked: a phrase in one document, with optional words that pick the right occurrence.</summary>
/// <param name="Doc">A document's file name (or path suffix, <c>wire.jsonl#L1</c> for a JSON Lines record), URL or report id.</param>
/// <param name="Phrase">The words of the claim as printed, e.g. "about 25 minutes".</param>
/// <param name="Context">Words from the same paragraph, when the phrase occurs more than once.</param>
/// <param name="Occurrence">1-based, among the occurrences that fit <paramref name="Context"/>; the first by default.</param>
public sealed record GoldClaim(string Doc, string Phrase, string? Context, int Occurrence);

/// <summary>A group of claims that measure one thing, with the verdict a careful reader gives it.</summary>
public sealed record GoldFact(string Id, string About, string Status, ImmutableArray<GoldClaim> Claims);

/// <summary>A phrase that holds a number but states no fact (a street number, a section number): no claim may cover it.</summary>
public sealed record GoldNonClaim(string Doc, string Phrase);

/// <summary>
/// A facts gold file (<c>parallax.facts-gold/1</c>, documented in docs/facts-gold.md): the facts a careful reader finds
/// in a corpus, by phrase and document rather than by offsets, so the file survives changes to text cleaning.
/// </summary>
public sealed record FactGold(string? Corpus, ImmutableArray<GoldFact> Facts, ImmutableArray<GoldNonClaim> NonClaims)
{
    public const string Schema = "parallax.facts-gold/1";
    public static readonly ImmutableArray<string> Statuses = ["agreed", "disputed", "updated", "single"];

    /// <summary>Reads and validates a gold file; a malformed one raises <see cref="FormatException"/> naming the place.</summary>
    public static FactGold Parse(string json, string origin)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e) { throw new FormatException($"{origin}: not valid JSON (line {e.LineNumber + 1}): {e.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"{origin}: the top level must be an object");
            string schema = OptionalString(root, "schema", origin, "") ?? "";
            if (schema != Schema) throw new FormatException($"{origin}: \"schema\" must be \"{Schema}\"");
            string? corpus = OptionalString(root, "corpus", origin, "");

            if (!root.TryGetProperty("facts", out var factsElement) || factsElement.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{origin}: \"facts\" must be an array");
            var facts = ImmutableArray.CreateBuilder<GoldFact>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            int i = 0;
            foreach (var f in factsElement.EnumerateArray())
            {
                string where = $"facts[{i}]";
                string id = OptionalString(f, "id", origin, where) ?? $"g{i + 1}";
                if (!ids.Add(id)) throw new FormatException($"{origin}: {where}: duplicate id \"{id}\"");
                string about = OptionalString(f, "about", origin, where) ?? id;
                string status = RequiredString(f, "status", origin, where);
                if (!Statuses.Contains(status)) throw new FormatException($"{origin}: {where}: status must be agreed, disputed, updated or single, not \"{status}\"");
                if (!f.TryGetProperty("claims", out var claimsElement) || claimsElement.ValueKind != JsonValueKind.Array || claimsElement.GetArrayLength() == 0)
                    throw new FormatException($"{origin}: {where}: \"claims\" must be a non-empty array");
                var claims = ImmutableArray.CreateBuilder<GoldClaim>();
                int j = 0;
                foreach (var c in claimsElement.EnumerateArray())
                {
                    string cw = $"{where}.claims[{j++}]";
                    int occurrence = 1;
                    if (c.ValueKind == JsonValueKind.Object && c.TryGetProperty("occurrence", out var o))
                    {
                        if (o.ValueKind != JsonValueKind.Number || !o.TryGetInt32(out occurrence) || occurrence < 1)
                            throw new FormatException($"{origin}: {cw}: \"occurrence\" must be a whole number ≥ 1");
                    }
                    claims.Add(new GoldClaim(RequiredString(c, "doc", origin, cw), RequiredString(c, "phrase", origin, cw),
                        OptionalString(c, "context", origin, cw), occurrence));
                }
                facts.Add(new GoldFact(id, about, status, claims.ToImmutable()));
                i++;
            }

            var nonClaims = ImmutableArray.CreateBuilder<GoldNonClaim>();
            if (root.TryGetProperty("nonClaims", out var nc))
            {
                if (nc.ValueKind != JsonValueKind.Array) throw new FormatException($"{origin}: \"nonClaims\" must be an array");
                int k = 0;
                foreach (var n in nc.EnumerateArray())
                {
                    string nw = $"nonClaims[{k++}]";
                    nonClaims.Add(new GoldNonClaim(RequiredString(n, "doc", origin, nw), RequiredString(n, "phrase", origin, nw)));
                }
            }
            return new FactGold(corpus, facts.ToImmutable(), nonClaims.ToImmutable());
        }
    }

    private static string RequiredString(JsonElement e, string name, string origin, string where) =>
        OptionalString(e, name, origin, where) is { Length: > 0 } s ? s
            : throw new FormatException($"{origin}: {where}: \"{name}\" must be a non-empty string");

    private static string? OptionalString(JsonElement e, string name, string origin, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"{origin}: {(where.Length == 0 ? "top level" : where)}: must be an object");
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString()
            : throw new FormatException($"{origin}: {(where.Length == 0 ? "" : where + ": ")}\"{name}\" must be a string");
    }
}
