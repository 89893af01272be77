using System.Collections.Immutable;
using System.Globalization;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>Building facts from claim groups: copies, verdicts, labels and the evidence for each grouping.</summary>
public sealed partial class FactAligner
{
    // ---------------------------------------------------------------- facts

    private static ImmutableArray<Fact> BuildFacts(Dictionary<string, string> names, IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences,
        List<Cluster> clusters, StoryVocabulary vocabulary, string?[] principals, Func<string> nextFactId, out string[] factOfClaim)
    {
        var copyOf = CopiedClaims(docs, claims, sentences, clusters);
        var drafts = new List<(FactStatus Status, int Docs, int First, Cluster Cluster)>();
        var notCompared = new Dictionary<Cluster, string>();
        var speech = new Dictionary<int, bool>();   // whether a sentence reports speech, read once for all facts
        // Reports that give a running total as still provisional ("killing at least three people").
        var provisionalDocs = claims.Where(c => c.Predicate is not null && c.Q.Qualifier is Qualifier.AtLeast or Qualifier.MoreThan)
            .Select(c => c.Doc).ToHashSet();
        foreach (var c in clusters)
        {
            c.Members.Sort();
            int docCount = c.ByDoc.Count;
            // Copies are not independent agreement: documents that only repeat an earlier one's sentence do not count.
            int independent = c.Members.Where(m => copyOf[m] is null).Select(m => claims[m].Doc).Distinct().Count();
            var status = docCount < 2 ? FactStatus.Single
                : !AllOverlap(c.Members, claims, out _, out _) ? FactStatus.Disputed
                : independent < 2 ? FactStatus.Single : FactStatus.Agreed;
            // A running total revised weeks later ("at least three" then "the toll rose to 10") is still news developing.
            if (status == FactStatus.Disputed)
            {
                var why = WeakDispute(docs, claims, sentences, c, principals, speech);
                bool update = (why is null || why == WeeksApart) && IsUpdate(docs, claims, sentences, c, provisionalDocs);
                if (update) status = FactStatus.Updated;
                else if (why is not null) (status, notCompared[c]) = (FactStatus.Single, why);
            }
            if (status == FactStatus.Agreed && WeakAgreement(claims, c) is { } weak) (status, notCompared[c]) = (FactStatus.Single, weak);
            drafts.Add((status, docCount, c.Members[0], c));
        }
        static int Rank(FactStatus s) => s switch { FactStatus.Disputed => 0, FactStatus.Updated => 1, FactStatus.Agreed => 2, _ => 3 };
        drafts.Sort((x, y) => Rank(x.Status) != Rank(y.Status) ? Rank(x.Status).CompareTo(Rank(y.Status))
            : x.Docs != y.Docs ? y.Docs.CompareTo(x.Docs) : x.First.CompareTo(y.First));

        factOfClaim = new string[claims.Count];
        var facts = ImmutableArray.CreateBuilder<Fact>(drafts.Count);
        foreach (var (status, docCount, _, cluster) in drafts)
        {
            string id = nextFactId();
            var first = claims[cluster.Members[0]];
            var kind = first.Q.Kind;
            var claimList = ImmutableArray.CreateBuilder<Claim>(cluster.Members.Count);
            foreach (int m in cluster.Members)
            {
                factOfClaim[m] = id;
                var c = claims[m];
                var doc = docs[c.Doc];
                var s = sentences[c.Sentence].Sentence;
                claimList.Add(new Claim(new DocSpan(doc.Id, c.Q.Start, c.Q.End), new DocSpan(doc.Id, s.Start, s.End),
                    c.Q.Value, c.Q.Lower, c.Q.Upper, c.Q.Unit, c.Q.Qualifier, c.EntityId, c.Label, copyOf[m],
                    [.. sentences[c.Sentence].Entities], c.Measure, c.Holder ?? "event", ScopeName(c.Meaning.Scope)));
            }
            string head = cluster.Abouts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            var evidence = Evidence(names, docs, claims, sentences, cluster, status, docCount, vocabulary, notCompared.GetValueOrDefault(cluster));
            var headClaim = claims[cluster.Members.FirstOrDefault(m => claims[m].Q.About == head, cluster.Members[0])];
            var headSentence = sentences[headClaim.Sentence].Sentence;
            facts.Add(new Fact(id, FactLabels.Label(cluster.Members.Select(m => claims[m]).Select(c => (c.Q, c.Measure, c.Meaning, c.Predicate, c.Holder)).ToList(),
                head, cluster.HasObject, names, new FactLabels.Source(docs[headClaim.Doc].Text, headSentence.Span, headClaim.Q.Span)),
                kind, status, claimList.MoveToImmutable(), evidence));
        }
        return facts.MoveToImmutable();
    }

    /// <summary>
    /// For each claim whose sentence repeats, letter for letter, a sentence of another document in the same fact: the id
    /// of the earliest such document (publication date, then input order), which is the original. Short sentences
    /// (under four content words) are never called copies: "He was 32." is said independently.
    /// </summary>
    private static string?[] CopiedClaims(IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences, List<Cluster> clusters)
    {
        var copyOf = new string?[claims.Count];
        foreach (var cluster in clusters)
            foreach (var same in cluster.Members.Where(m => sentences[claims[m].Sentence].Terms.Length >= 4)
                         .GroupBy(m => sentences[claims[m].Sentence].Hash))
            {
                var byAge = same.OrderBy(m => docs[claims[m].Doc].PublishedDate ?? DateOnly.MaxValue).ThenBy(m => claims[m].Doc).ToList();
                int original = claims[byAge[0]].Doc;
                foreach (int m in byAge)
                    if (claims[m].Doc != original) copyOf[m] = docs[original].Id;
            }
        return copyOf;
    }

    /// <summary>Intervals on a line that pairwise overlap have a common point (Helly), so comparing the claim with the
    /// highest lower bound against the one with the lowest upper bound decides the whole group.</summary>
    private static bool AllOverlap(List<int> members, List<ClaimRec> claims, out int high, out int low)
    {
        high = low = members[0];
        foreach (int m in members)
        {
            var q = claims[m].Q;
            var h = claims[high].Q;
            var l = claims[low].Q;
            if (q.Lower > h.Lower || q.Lower == h.Lower && q.Qualifier == Qualifier.MoreThan) high = m;
            if (q.Upper < l.Upper || q.Upper == l.Upper && q.Qualifier == Qualifier.LessThan) low = m;
        }
        return QuantityBounds.Overlap(claims[high].Q, claims[low].Q);
    }

    private static string ScopeName(ClaimScope scope) => scope switch
    {
        ClaimScope.Part => "part",
        ClaimScope.Roundup => "roundup",
        ClaimScope.Background => "background",
        _ => "whole",
    };

    /// <summary>
    /// A disputed running total is news developing, not a disagreement, when every document is dated, the latest day's
    /// claims agree with each other, every claim that conflicts with them comes from an earlier day, and the earlier
    /// figure was provisional or the later report says it changed ("at least three killed" on the 27th, "10 killed" on
    /// the 28th).
    /// </summary>
    private static bool IsUpdate(IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences, Cluster c, HashSet<int> provisionalDocs)
    {
        // Only running totals are revised as news develops: counts of the dead, injured, arrested, missing...
        if (claims[c.Members[0]].Q.Kind != QuantityKind.Count || c.Outcomes.Count != 1) return false;
        DateOnly latest = DateOnly.MinValue;
        foreach (int m in c.Members)
        {
            if (docs[claims[m].Doc].PublishedDate is not { } d) return false;
            if (d > latest) latest = d;
        }
        var last = c.Members.Where(m => docs[claims[m].Doc].PublishedDate == latest).ToList();
        if (!AllOverlap(last, claims, out int high, out int low)) return false;
        bool revised = false, provisional = false;
        foreach (int m in c.Members)
        {
            var q = claims[m].Q;
            if (docs[claims[m].Doc].PublishedDate == latest)
            {
                provisional |= RevisionCue(docs[claims[m].Doc].Text, sentences[claims[m].Sentence].Sentence);
                continue;
            }
            if (!QuantityBounds.Overlap(q, claims[high].Q) || !QuantityBounds.Overlap(q, claims[low].Q)) revised = true;
            // "at least three killed": a toll still being counted, in this fact or another of the same report.
            if (q.Qualifier is Qualifier.AtLeast or Qualifier.MoreThan || provisionalDocs.Contains(claims[m].Doc)) provisional = true;
        }
        // A plain "three" on one day and "five" the next is a disagreement unless the earlier figure was provisional or
        // the later report says the count changed ("the death toll rose to 10").
        return revised && provisional;
    }

    private static readonly string[] RevisionWords = [" rose ", " risen ", " rises ", " climbed ", " jumped ", " increased ", " revised ", " updated ", " toll rose"];

    private static bool RevisionCue(string text, Sentence s)
    {
        var span = text.AsSpan(s.Start, s.End - s.Start);
        foreach (var w in RevisionWords) if (span.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static ImmutableArray<string> Evidence(Dictionary<string, string> names, IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences,
        Cluster cluster, FactStatus status, int docCount, StoryVocabulary vocabulary, string? notCompared)
    {
        var first = claims[cluster.Members[0]];
        var e = ImmutableArray.CreateBuilder<string>();
        if (cluster.Members.Count > 1) e.Add(FactLabels.WhyCompared(cluster.Members.Select(m => claims[m]).Select(c => (c.Measure, c.Holder, c.Meaning.Scope)).ToList(), names));
        e.Add($"same unit: {UnitName(first.Q)}");
        if (cluster.Abouts.Count == 1) e.Add($"same head: {cluster.Abouts.Keys.First()}");
        else e.Add("heads: " + string.Join(", ", cluster.Abouts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Value > 1 ? $"{p.Key} ×{p.Value}" : p.Key)));
        if (cluster.HasObject) e.Add("measures an object, grouped by its noun only");
        if (cluster.Outcomes.Count == 1) e.Add($"same outcome: {cluster.Outcomes.First().ToString().ToLowerInvariant()}");
        if (cluster.Owners.Count == 1) e.Add($"describes {names.GetValueOrDefault(cluster.Owners.First(), cluster.Owners.First())}");
        if (cluster.SharedTerms.Count > 0)
        {
            var words = cluster.SharedTerms.OrderByDescending(vocabulary.Weight).ThenBy(t => t).Take(6).Select(vocabulary.Surface);
            e.Add("shared words: " + string.Join(", ", words));
        }
        if (cluster.SharedEntities.Count > 0)
            e.Add("shared entities: " + string.Join(", ", cluster.SharedEntities.Order(StringComparer.Ordinal).Select(id => names.GetValueOrDefault(id, id))));
        if (cluster.Members.Count > 1 && double.IsFinite(cluster.MinScore))
            e.Add(string.Create(CultureInfo.InvariantCulture, $"score {cluster.MinScore:0.00}"));
        if (cluster.Copy)
        {
            var copies = cluster.Members.GroupBy(m => sentences[claims[m].Sentence].Hash).Where(g => g.Select(m => claims[m].Doc).Distinct().Count() > 1)
                .Select(g => g.Select(m => docs[claims[m].Doc].Id).Distinct().ToList())
                .Select(ids => ids.Count <= 6 ? string.Join(", ", ids) : $"{string.Join(", ", ids.Take(5))} and {ids.Count - 5} more");
            foreach (var c in copies.Take(3)) e.Add($"copy: the same sentence in {c}");
        }
        switch (status)
        {
            case FactStatus.Single when notCompared is not null:
                e.Add(notCompared);
                break;
            case FactStatus.Single when docCount >= 2:
                e.Add($"single source: {docCount} documents, but all after the first only copy its sentence");
                break;
            case FactStatus.Single:
                e.Add($"single document: {docs[first.Doc].Id}");
                break;
            case FactStatus.Agreed:
                e.Add($"agreed: {docCount} documents, every pair of bounds overlaps");
                break;
            case FactStatus.Disputed:
                AllOverlap(cluster.Members, claims, out int high, out int low);
                e.Add($"disputed: {Describe(docs, claims[high])} and {Describe(docs, claims[low])} cannot both hold");
                e.Add(FactLabels.WhyConflict(claims[high].Q, claims[low].Q));
                break;
            case FactStatus.Updated:
                AllOverlap(cluster.Members, claims, out int h2, out int l2);
                var (older, newer) = docs[claims[h2].Doc].PublishedDate < docs[claims[l2].Doc].PublishedDate ? (h2, l2) : (l2, h2);
                e.Add($"updated: {Describe(docs, claims[older])} on {docs[claims[older].Doc].PublishedDate:yyyy-MM-dd}, then "
                      + $"{Describe(docs, claims[newer])} on {docs[claims[newer].Doc].PublishedDate:yyyy-MM-dd}: a later report revises the count");
                break;
        }
        return e.ToImmutable();
    }

    private static string Describe(IReadOnlyList<Document> docs, ClaimRec c)
    {
        var doc = docs[c.Doc];
        return string.Create(CultureInfo.InvariantCulture,
            $"\"{doc.Text.AsSpan(c.Q.Start, c.Q.End - c.Q.Start)}\" ({doc.Id}) [{Show(c.Q.Lower)}, {Show(c.Q.Upper)}]");
    }

    private static string Show(double v) => double.IsPositiveInfinity(v) ? "∞" : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string UnitName(Quantity q) => q.Kind switch
    {
        QuantityKind.Duration => "duration (s)",
        QuantityKind.Age => "age (years)",
        QuantityKind.Count => $"count of {q.Unit}",
        QuantityKind.Ordinal => "ordinal",
        _ => q.Unit,
    };
}
