using System.Collections.Immutable;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Parts and roundups beside the fact they belong to: a fact whose claims are a part ("three other victims", "two more
/// officers"), a wider total ("across the city this weekend") or an earlier event's figure ("the 2008 raid") is listed
/// under the story's whole fact of the same measure and holder, never counted against it. One pass after the facts are
/// built; it only links facts (<see cref="Fact.PartOf"/>), so grouping and verdicts stay as they are.
/// </summary>
public sealed partial class FactAligner
{
    /// <summary>
    /// Links each part, roundup or background fact to the whole fact of its story with the same measure and holder. Both
    /// must name what they measure specifically (a counted noun with what happened to it, or a head the words give; not
    /// "people" or a bare "three years"): two loose measures being one quantity is too weak a reading to show one under the
    /// other. Of several wholes, the one more documents state wins, then the first listed. Linear in the claims.
    /// </summary>
    private static ImmutableArray<Fact> AttachParts(ImmutableArray<Fact> facts, List<ClaimRec> claims, string[] factOfClaim)
    {
        // A fact is specific when every claim of it is.
        var loose = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < claims.Count; i++)
            if (factOfClaim[i] is { } id && !Specific(claims[i])) loose.Add(id);

        var wholes = new Dictionary<(string Measure, string Holder), int>();
        for (int f = 0; f < facts.Length; f++)
        {
            var fact = facts[f];
            if (loose.Contains(fact.Id) || Key(fact) is not { } key || fact.Claims[0].Scope != "whole") continue;
            if (!wholes.TryGetValue(key, out int best) || Documents(fact) > Documents(facts[best])) wholes[key] = f;
        }
        if (wholes.Count == 0) return facts;

        ImmutableArray<Fact>.Builder? linked = null;
        for (int f = 0; f < facts.Length; f++)
        {
            var fact = facts[f];
            if (loose.Contains(fact.Id) || fact.Claims[0].Scope is "whole" or null || Key(fact) is not { } key
                || !wholes.TryGetValue(key, out int w)) continue;
            linked ??= facts.ToBuilder();
            var whole = facts[w];
            string relation = fact.Claims[0].Scope switch
            {
                "part" => "a part of its total",
                "roundup" => "a wider total than it",
                _ => "an earlier event's figure",
            };
            linked[f] = fact with
            {
                PartOf = whole.Id,
                Evidence = fact.Evidence.Add($"listed beside {whole.Id} ({whole.About}): {relation}, never counted against it"),
            };
        }
        return linked?.ToImmutable() ?? facts;

        static (string, string)? Key(Fact f) =>
            f.Claims.IsDefaultOrEmpty || f.Claims[0].Measure is not { } m ? null : (m, f.Claims[0].Holder ?? "event");

        static int Documents(Fact f) => f.Claims.Select(c => c.Span.Doc).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>The claim says what it measures: a strong reading with a head of its own, and for a count a noun more
    /// specific than people in general unless the verb says what happened to them ("five people killed").</summary>
    private static bool Specific(ClaimRec c) =>
        c.Meaning.Strong && !c.NoHead && c.Q.Unit != "date"
        && !(c.Q.Kind == QuantityKind.Count && c.Predicate is null && c.Meaning.Noun is "person" or "time" or "other" or "thing");
}
