using System.Collections.Immutable;

namespace Parallax.Eval.Facts;

/// <summary>How one gold fact fared: where its claims landed and the verdict of the report fact holding most of them.</summary>
public sealed record FactOutcome(
    GoldFact Gold,
    int Found,
    string? PredictedFact,
    string? PredictedStatus,
    int PredictedFacts)
{
    public bool StatusCorrect => PredictedStatus == Gold.Status;
}

/// <summary>The figures of a facts evaluation.</summary>
public sealed record FactScore(
    int ClaimsTotal,
    int ClaimsFound,
    long GoldPairs,
    long PredictedPairs,
    long TruePairs,
    ImmutableArray<FactOutcome> Facts,
    int NonClaimsTotal,
    ImmutableArray<GoldNonClaim> NonClaimsReported,
    ImmutableArray<string> Problems)
{
    /// <summary>Report facts shown as disputed that hold at least one gold claim (the ones the gold can judge).</summary>
    public int DisputesShown { get; init; }
    /// <summary>Of <see cref="DisputesShown"/>: those whose gold fact (the one holding most of their gold claims) is disputed.</summary>
    public int DisputesReal { get; init; }
    /// <summary>Report facts shown as disputed that hold no gold claim: not judged.</summary>
    public int DisputesUnjudged { get; init; }
    /// <summary>Gold status → predicted status ("missing" when no claim was found) → number of gold facts.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, int>> Confusion { get; init; } =
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, int>>.Empty;
    /// <summary>Report claims (over the gold's documents) in total, and those with no measure or no holder field value.</summary>
    public int ReportClaims { get; init; }
    public int ClaimsWithoutMeasure { get; init; }
    public int ClaimsWithoutHolder { get; init; }
    /// <summary>Incidents (gold facts joined by shared documents) whose reports state a killed or injured count, and
    /// those where Parallax read each such count with its casualty measure (<see cref="CasualtyRecall"/>).</summary>
    public int CasualtyIncidents { get; init; }
    public int CasualtyIncidentsFound { get; init; }

    /// <summary>Share of shown (gold-touching) disputes that are real; 1 when none is shown.</summary>
    public double DisputedPrecision => DisputesShown == 0 ? 1 : (double)DisputesReal / DisputesShown;
    /// <summary>Share of gold disputed facts the report shows as disputed; 1 when the gold has none.</summary>
    public int GoldDisputes => Facts.Count(f => f.Gold.Status == "disputed");
    public int GoldDisputesShown => Facts.Count(f => f.Gold.Status == "disputed" && f.PredictedStatus == "disputed");
    public double DisputedRecall => GoldDisputes == 0 ? 1 : (double)GoldDisputesShown / GoldDisputes;

    /// <summary>Share of predicted same-fact pairs (among gold claims) that a human also put together; 1 when nothing was paired.</summary>
    public double PairPrecision => PredictedPairs == 0 ? 1 : (double)TruePairs / PredictedPairs;
    /// <summary>Share of gold same-fact pairs the report put in one fact; 1 when the gold has no pairs.</summary>
    public double PairRecall => GoldPairs == 0 ? 1 : (double)TruePairs / GoldPairs;
    public double PairF1 => PairPrecision + PairRecall == 0 ? 0 : 2 * PairPrecision * PairRecall / (PairPrecision + PairRecall);
    public int StatusCorrect => Facts.Count(f => f.StatusCorrect);
    public double StatusAccuracy => Facts.IsEmpty ? 0 : (double)StatusCorrect / Facts.Length;
    public double ClaimRecall => ClaimsTotal == 0 ? 0 : (double)ClaimsFound / ClaimsTotal;
}

/// <summary>
/// Scores a report's facts against a gold file. Each gold claim is located by document and phrase and matched to the
/// report claim that overlaps it most. Grouping is scored pairwise over gold claims: a pair is predicted when both
/// claims sit in one report fact, and true when the gold puts them in one fact too; a gold claim the report missed
/// pairs with nothing, which costs recall. Report claims the gold does not mention are not scored (the gold lists
/// what it cares about), except that none may cover a gold non-claim. A gold fact's verdict is compared with the
/// status of the report fact holding most of its claims; a fact with no claim found counts as wrong.
/// </summary>
public static class FactScorer
{
    public static FactScore Score(FactGold gold, ReportFacts report)
    {
        var problems = new List<string>();
        var claimsByDoc = report.Claims.GroupBy(c => c.Doc).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var docCache = new Dictionary<string, ReportDocument?>(StringComparer.Ordinal);

        ReportDocument? Resolve(string name)
        {
            if (docCache.TryGetValue(name, out var cached)) return cached;
            var found = ResolveDocument(report.Documents, name, out string? why);
            if (found is null) problems.Add($"document \"{name}\": {why}");
            docCache[name] = found;
            return found;
        }

        // Flattened gold claims: (gold fact index, predicted fact or null).
        var labels = new List<(int Gold, string? Predicted)>();
        var matched = new List<List<(string? Doc, ReportClaim? Match)>>(gold.Facts.Length);
        var outcomes = ImmutableArray.CreateBuilder<FactOutcome>(gold.Facts.Length);
        int total = 0, found = 0;
        for (int g = 0; g < gold.Facts.Length; g++)
        {
            var fact = gold.Facts[g];
            var predicted = new List<ReportClaim>();
            var factMatches = new List<(string? Doc, ReportClaim? Match)>(fact.Claims.Length);
            matched.Add(factMatches);
            foreach (var claim in fact.Claims)
            {
                total++;
                ReportClaim? match = null;
                var resolved = Resolve(claim.Doc);
                if (resolved is { } doc)
                {
                    if (Locate(doc.Text, claim.Phrase, claim.Context, claim.Occurrence) is { } at)
                        match = BestOverlap(claimsByDoc.GetValueOrDefault(doc.Id), at.Start, at.End);
                    else problems.Add($"{fact.Id}: \"{claim.Phrase}\" not found in {claim.Doc}" + (claim.Context is null ? "" : $" near \"{claim.Context}\""));
                }
                labels.Add((g, match?.Fact));
                factMatches.Add((resolved?.Id, match));
                if (match is null) continue;
                found++;
                predicted.Add(match);
            }
            // The report fact holding most of this fact's claims decides the verdict (ties: the first claim's).
            var majority = predicted.GroupBy(c => c.Fact).OrderByDescending(x => x.Count()).FirstOrDefault();
            outcomes.Add(new FactOutcome(fact, predicted.Count, majority?.Key, majority?.First().Status, predicted.Select(c => c.Fact).Distinct().Count()));
        }

        var (goldPairs, predictedPairs, truePairs) = Pairs(labels);

        var reported = ImmutableArray.CreateBuilder<GoldNonClaim>();
        foreach (var non in gold.NonClaims)
        {
            if (Resolve(non.Doc) is not { } doc) continue;
            var spans = AllOccurrences(doc.Text, non.Phrase);
            if (spans.Count == 0) { problems.Add($"non-claim \"{non.Phrase}\" not found in {non.Doc}"); continue; }
            var claims = claimsByDoc.GetValueOrDefault(doc.Id);
            if (spans.Any(s => BestOverlap(claims, s.Start, s.End) is not null)) reported.Add(non);
        }

        var facts = outcomes.MoveToImmutable();
        var (shown, real, unjudged) = Disputes(gold, report, labels);
        var confusion = facts.GroupBy(f => f.Gold.Status, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key,
            g => g.GroupBy(f => f.PredictedStatus ?? "missing", StringComparer.Ordinal).ToImmutableSortedDictionary(x => x.Key, x => x.Count(), StringComparer.Ordinal),
            StringComparer.Ordinal);
        var goldDocs = new HashSet<string>(docCache.Values.Where(d => d is not null).Select(d => d!.Id), StringComparer.Ordinal);
        var scoredClaims = report.Claims.Where(c => goldDocs.Contains(c.Doc)).ToList();
        var (casualtiesFound, casualtyIncidents) = CasualtyRecall.Count(gold, matched);
        return new FactScore(total, found, goldPairs, predictedPairs, truePairs, facts,
            gold.NonClaims.Length, reported.ToImmutable(), [.. problems])
        {
            DisputesShown = shown,
            DisputesReal = real,
            DisputesUnjudged = unjudged,
            Confusion = confusion,
            ReportClaims = scoredClaims.Count,
            ClaimsWithoutMeasure = scoredClaims.Count(c => string.IsNullOrWhiteSpace(c.Measure)),
            ClaimsWithoutHolder = scoredClaims.Count(c => string.IsNullOrWhiteSpace(c.Holder)),
            CasualtyIncidents = casualtyIncidents,
            CasualtyIncidentsFound = casualtiesFound,
        };
    }

    /// <summary>
    /// Disputes shown by the report, judged against the gold: each report fact with status disputed that holds at least
    /// one matched gold claim is real when the gold fact holding most of its gold claims is disputed (ties: any disputed
    /// one). Disputed facts holding no gold claim are counted apart (unjudged). Linear in the claims.
    /// </summary>
    private static (int Shown, int Real, int Unjudged) Disputes(FactGold gold, ReportFacts report, List<(int Gold, string? Predicted)> labels)
    {
        var disputed = report.Claims.Where(c => c.Status == "disputed").Select(c => c.Fact).ToHashSet(StringComparer.Ordinal);
        var goldByFact = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        foreach (var (g, p) in labels)
        {
            if (p is null || !disputed.Contains(p)) continue;
            if (!goldByFact.TryGetValue(p, out var counts)) goldByFact[p] = counts = [];
            counts[g] = counts.GetValueOrDefault(g) + 1;
        }
        int real = 0;
        foreach (var counts in goldByFact.Values)
        {
            int best = counts.Values.Max();
            if (counts.Where(kv => kv.Value == best).Any(kv => gold.Facts[kv.Key].Status == "disputed")) real++;
        }
        return (goldByFact.Count, real, disputed.Count - goldByFact.Count);
    }

    /// <summary>Pair counts from cluster sizes, linear in the number of claims: Σ n(n-1)/2 per gold group, per predicted
    /// group, and per (gold, predicted) intersection.</summary>
    public static (long Gold, long Predicted, long True) Pairs(IReadOnlyList<(int Gold, string? Predicted)> labels)
    {
        static long Choose2(int n) => (long)n * (n - 1) / 2;
        var byGold = new Dictionary<int, int>();
        var byPredicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var byBoth = new Dictionary<(int, string), int>();
        foreach (var (g, p) in labels)
        {
            byGold[g] = byGold.GetValueOrDefault(g) + 1;
            if (p is null) continue;
            byPredicted[p] = byPredicted.GetValueOrDefault(p) + 1;
            byBoth[(g, p)] = byBoth.GetValueOrDefault((g, p)) + 1;
        }
        return (byGold.Values.Sum(Choose2), byPredicted.Values.Sum(Choose2), byBoth.Values.Sum(Choose2));
    }

    /// <summary>
    /// A gold <c>doc</c> names a report document by id, URL, path, or path suffix after a '/' (so "kxrv.txt" finds
    /// "samples/reports/kxrv.txt"). A JSON Lines record is "file.jsonl#L3"; the bare file name will do when the file
    /// holds one record. Two documents fitting one name is an error in the gold, not a guess.
    /// </summary>
    public static ReportDocument? ResolveDocument(IReadOnlyList<ReportDocument> docs, string name, out string? why)
    {
        why = null;
        string wanted = name.Replace('\\', '/');
        foreach (Func<ReportDocument, bool> rule in new Func<ReportDocument, bool>[]
        {
            d => d.Id == name || d.Url == name,
            d => PathMatches(d.Path, wanted),
            d => PathMatches(StripRecord(d.Path), wanted),
        })
        {
            var hits = docs.Where(rule).Take(2).ToList();
            if (hits.Count == 1) return hits[0];
            if (hits.Count > 1)
            {
                why = $"ambiguous: {hits[0].Path} and {hits[1].Path} both fit";
                return null;
            }
        }
        why = "no document of the report fits (name it by file name, path, URL or report id)";
        return null;

        static bool PathMatches(string path, string wanted)
        {
            path = path.Replace('\\', '/');
            return path == wanted || path.EndsWith("/" + wanted, StringComparison.Ordinal);
        }
        static string StripRecord(string path) => path.IndexOf('#') is int i and >= 0 ? path[..i] : path;
    }

    /// <summary>
    /// Finds the phrase: exactly, then ignoring case, curly against straight quotes, no-break against plain spaces and dash variants. With a
    /// context, only occurrences whose paragraph (the text between line breaks) holds the context count.
    /// </summary>
    public static (int Start, int End)? Locate(string text, string phrase, string? context, int occurrence)
    {
        var all = AllOccurrences(text, phrase);
        if (context is not null)
        {
            string ctx = Fold(context);
            all = all.Where(s => Fold(Paragraph(text, s.Start, s.End)).Contains(ctx, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        return occurrence >= 1 && occurrence <= all.Count ? all[occurrence - 1] : null;
    }

    internal static List<(int Start, int End)> AllOccurrences(string text, string phrase)
    {
        var result = new List<(int, int)>();
        if (phrase.Length == 0) return result;
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            // Folding quotes maps one char to one char, so offsets in the folded text are offsets in the original.
            string haystack = comparison == StringComparison.Ordinal ? text : Fold(text);
            string needle = comparison == StringComparison.Ordinal ? phrase : Fold(phrase);
            for (int i = haystack.IndexOf(needle, comparison); i >= 0; i = haystack.IndexOf(needle, i + 1, comparison))
                result.Add((i, i + needle.Length));
            if (result.Count > 0) break;
        }
        return result;
    }

    /// <summary>One char for one char: curly quotes to straight, no-break and thin spaces to spaces, dashes to hyphens.</summary>
    private static string Fold(string s) => string.Create(s.Length, s, static (dst, src) =>
    {
        for (int i = 0; i < src.Length; i++)
            dst[i] = src[i] switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u00A0' or '\u2007' or '\u2009' or '\u202F' => ' ',
                '\u2010' or '\u2011' or '\u2013' or '\u2014' => '-',
                var c => c,
            };
    });

    private static string Paragraph(string text, int start, int end)
    {
        int from = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        int to = text.IndexOf('\n', end);
        return text[from..(to < 0 ? text.Length : to)];
    }

    private static ReportClaim? BestOverlap(List<ReportClaim>? claims, int start, int end)
    {
        if (claims is null) return null;
        ReportClaim? best = null;
        int bestOverlap = 0;
        foreach (var c in claims)
        {
            int overlap = Math.Min(end, c.End) - Math.Max(start, c.Start);
            if (overlap > bestOverlap || overlap == bestOverlap && overlap > 0 && best is not null && c.Start < best.Start)
            {
                best = c;
                bestOverlap = overlap;
            }
        }
        return best;
    }
}
