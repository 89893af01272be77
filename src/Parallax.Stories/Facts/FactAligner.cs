using System.Collections.Immutable;
using System.Globalization;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Groups the quantities of a story's documents into <see cref="Fact"/>s (claims that measure the same thing, with a
/// verdict) and their sentences into <see cref="Account"/>s (sentences of different documents telling the same moment).
/// </summary>
/// <remarks>
/// Claims are blocked by dimension (kind and unit), then by head (<see cref="Quantity.About"/>) and by their sentence's
/// rarest words; only pairs inside a block are scored, at most <see cref="FactAlignerOptions.CandidateCap"/> per claim
/// and block, so the work grows linearly with the story. Pairs scoring above the threshold are merged best first,
/// refusing merges that would make one document contradict itself in one voice or mix an object's size with other
/// durations. Verdicts follow from the qualifier bounds (<see cref="QuantityBounds"/>): intervals that pairwise overlap
/// share a common point, so one pass over the extreme bounds decides a group of any size.
/// </remarks>
public sealed class FactAligner(FactAlignerOptions? options = null)
{
    private readonly FactAlignerOptions options = options ?? FactAlignerOptions.Default;

    private sealed class SentenceRec
    {
        public required int Doc;
        public required Sentence Sentence;
        public required int[] Terms;        // distinct term ids, sorted
        public required string[] Anchors;   // resolved dates and years in the sentence
        public required ulong Hash;         // of the letters and digits, for copy detection
        public string[] Entities = [];      // story entity ids mentioned, sorted
        public required EntityRef[] Mentions; // the same, with spans, in text order
        public int Account = -1;
    }

    private sealed class ClaimRec
    {
        public required int Doc;
        public required Quantity Q;
        public required int Sentence;
        public required string? EntityId;
        public required string? Label;
        public required bool Object;
        public required int Order;
        public bool NoHead;        // its About is only its own unit ("three years", "82 percent"): no evidence of what it measures
        public CountOutcome Outcome; // what happened to what a count counts ("five people died")
        public string? Owner;      // the entity the number describes ("Scott Russell, 46"), when the text says
        public int HeadTerm = -1;  // the About word's id in the story vocabulary, if it occurs as a word
        public bool ScaleUnique;   // its document states no other event quantity of this dimension at this scale
    }

    private sealed class Cluster
    {
        public List<int> Members = [];
        public Dictionary<int, List<int>> ByDoc = [];
        public Dictionary<string, int> Abouts = new(StringComparer.Ordinal);
        public bool HasObject;
        public double Min = double.PositiveInfinity, Max = double.NegativeInfinity;
        public double MinScore = double.PositiveInfinity;
        public HashSet<int> SharedTerms = [];
        public HashSet<string> SharedEntities = new(StringComparer.Ordinal);
        public HashSet<string> Owners = new(StringComparer.Ordinal);
        public HashSet<CountOutcome> Outcomes = [];
        public bool Copy;
    }

    /// <summary>
    /// Aligns the quantities of one story's documents (each run through the quantity and time stages). Every quantity
    /// ends up in exactly one fact; a quantity no other document confirms or contradicts is a <see cref="FactStatus.Single"/>
    /// fact. Facts come disputed first, then agreed, then single; ids are drawn from the given functions in that order.
    /// </summary>
    public FactAlignment Align(IReadOnlyList<Document> docs, ClaimAttribution attribution, Func<string> nextFactId, Func<string> nextAccountId,
        SentenceEntities? entitiesOf = null)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentNullException.ThrowIfNull(attribution);
        var vocabulary = new StoryVocabulary();
        var sentences = new List<SentenceRec>();
        var claims = new List<ClaimRec>();
        // Display names of the entities met, for evidence; local so one aligner can serve several threads.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(docs, attribution, entitiesOf, names, vocabulary, sentences, claims);
        vocabulary.Freeze();
        foreach (var c in claims) c.HeadTerm = vocabulary.Find(c.Q.About);

        var clusters = GroupClaims(claims, sentences, vocabulary);
        var facts = BuildFacts(names, docs, claims, sentences, clusters, vocabulary, nextFactId, out var factOfClaim);
        var accounts = BuildAccounts(names, docs, claims, sentences, vocabulary, facts, factOfClaim, nextAccountId);
        return new FactAlignment(facts, accounts);
    }

    // ---------------------------------------------------------------- collection

    private static void Collect(IReadOnlyList<Document> docs, ClaimAttribution attribution, SentenceEntities? entitiesOf,
        Dictionary<string, string> names, StoryVocabulary vocabulary,
        List<SentenceRec> sentences, List<ClaimRec> claims)
    {
        var terms = new List<int>();
        var skip = new List<TextSpan>();
        for (int d = 0; d < docs.Count; d++)
        {
            var doc = docs[d];
            if (doc.Sentences.IsEmpty) continue;
            // Which sentences hold a quantity or a date: only those keep their words; the rest only count towards rarity.
            var quantitySentence = new int[doc.Quantities.Length];
            var interesting = new bool[doc.Sentences.Length];
            for (int i = 0; i < doc.Quantities.Length; i++)
            {
                int s = doc.SentenceAt(doc.Quantities[i].Start);
                quantitySentence[i] = s;
                if (s >= 0) interesting[s] = true;
            }
            var anchorsBySentence = new Dictionary<int, List<string>>();
            foreach (var t in doc.Times)
            {
                if (t.Iso is null) continue;
                int s = doc.SentenceAt(t.Start);
                if (s < 0) continue;
                interesting[s] = true;
                if (!anchorsBySentence.TryGetValue(s, out var list)) anchorsBySentence[s] = list = [];
                if (!list.Contains(t.Iso)) list.Add(t.Iso);
            }
            skip.Clear();
            foreach (var q in doc.Quantities) skip.Add(q.Span);
            foreach (var t in doc.Times) skip.Add(t.Span);
            skip.Sort((a, b) => a.Start.CompareTo(b.Start));

            var recIndex = new int[doc.Sentences.Length];
            int p = 0;
            for (int s = 0; s < doc.Sentences.Length; s++)
            {
                var sentence = doc.Sentences[s];
                while (p < skip.Count && skip[p].End <= sentence.Start) p++;
                int q = p;
                while (q < skip.Count && skip[q].Start < sentence.End) q++;
                var local = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(skip)[p..q];
                recIndex[s] = -1;
                if (!interesting[s])
                {
                    vocabulary.AddSentence(doc, sentence, local, null);
                    continue;
                }
                terms.Clear();
                vocabulary.AddSentence(doc, sentence, local, terms);
                terms.Sort();
                recIndex[s] = sentences.Count;
                sentences.Add(new SentenceRec
                {
                    Doc = d,
                    Sentence = sentence,
                    Terms = [.. terms],
                    Anchors = anchorsBySentence.TryGetValue(s, out var a) ? [.. a] : [],
                    Hash = HashLetters(doc.Text.AsSpan(sentence.Start, sentence.End - sentence.Start)),
                    Mentions = entitiesOf is null ? [] : [.. entitiesOf(doc, sentence.Span)],
                });
                var rec = sentences[^1];
                rec.Entities = EntitiesIn(rec.Mentions, names);
            }
            for (int i = 0; i < doc.Quantities.Length; i++)
            {
                int s = quantitySentence[i];
                if (s < 0) continue;
                var q = doc.Quantities[i];
                var (entity, label) = attribution(doc, q);
                claims.Add(new ClaimRec
                {
                    Doc = d,
                    Q = q,
                    Sentence = recIndex[s],
                    EntityId = entity,
                    Label = label,
                    Object = QuantityRoles.MeasuresObject(doc.Text, q),
                    Order = claims.Count,
                    Owner = Owner(doc.Text, q, sentences[recIndex[s]].Mentions),
                    Outcome = CountOutcomes.Of(doc.Text, q),
                    NoHead = HasNoHead(doc.Text, q),
                });
            }
        }
    }

    private static string[] EntitiesIn(EntityRef[] found, Dictionary<string, string> names)
    {
        if (found.Length == 0) return [];
        var ids = new string[found.Length];
        for (int i = 0; i < found.Length; i++)
        {
            ids[i] = found[i].Id;
            names.TryAdd(found[i].Id, found[i].Name);
        }
        Array.Sort(ids, StringComparer.Ordinal);
        return ids.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// True when a measure's head is only its own unit word ("over three years" → "year", "82 percent" → "percent"): the
    /// extractor found nothing it measures, so two such claims sharing that head is no evidence at all. Counts are
    /// different: their unit is the counted noun ("23 pirates").
    /// </summary>
    private static bool HasNoHead(string text, in Quantity q) =>
        q.Kind != QuantityKind.Count && q.Kind != QuantityKind.Age && q.Kind != QuantityKind.Ordinal
        && (q.About is "percent" or "money" || text.AsSpan(q.Start, q.End - q.Start).Contains(q.About, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whom a number describes, when the text ties it to a name: an age in apposition ("Scott Russell, 46,") or before
    /// the name, titles allowed ("51-year-old Senior Trooper William Hakim"), and any measure of a person in apposition
    /// or after a copula ("Russell, a 20-year veteran", "Tennant was a 28-year veteran"). Two such numbers about
    /// different people are never one fact.
    /// </summary>
    private static string? Owner(string text, in Quantity q, EntityRef[] mentions)
    {
        bool age = q.Kind == QuantityKind.Age;
        string? owner = null;
        foreach (var m in mentions)
        {
            if (m.End <= q.Start && Describes(text.AsSpan(m.End, q.Start - m.End).Trim(), age)) owner = m.Id; // the nearest one before wins
            else if (age && m.Start >= q.End && m.Start - q.End <= 40 && OnlyTitleWords(text.AsSpan(q.End, m.Start - q.End))) return m.Id;
        }
        return owner;

        static bool Describes(ReadOnlySpan<char> gap, bool age) =>
            (age && gap is ",") || gap is ", a" or ", an" or "was a" or "was an" or "is a" or "is an" or ", the";

        // Blanks and capitalised words such as "Senior Trooper" or "Capt.": at most three of them.
        static bool OnlyTitleWords(ReadOnlySpan<char> gap)
        {
            int words = 0;
            bool inWord = false;
            foreach (var c in gap)
            {
                if (char.IsWhiteSpace(c)) { inWord = false; continue; }
                if (!inWord)
                {
                    if (!char.IsUpper(c)) return false;
                    words++;
                    inWord = true;
                }
                else if (!char.IsLetter(c) && c != '.') return false;
            }
            return words <= 3;
        }
    }

    /// <summary>FNV-1a over lower-cased letters and digits: equal for a sentence copied with different quotes or spacing.</summary>
    private static ulong HashLetters(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037;
        foreach (var c in s)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211;
        }
        return h;
    }

    // ---------------------------------------------------------------- grouping

    private List<Cluster> GroupClaims(List<ClaimRec> claims, List<SentenceRec> sentences, StoryVocabulary vocabulary)
    {
        var parent = new int[claims.Count];
        var clusterOf = new Cluster[claims.Count];
        for (int i = 0; i < claims.Count; i++)
        {
            parent[i] = i;
            var c = claims[i];
            var cluster = new Cluster { HasObject = c.Object };
            if (c.Owner is not null) cluster.Owners.Add(c.Owner);
            if (c.Outcome != CountOutcome.None) cluster.Outcomes.Add(c.Outcome);
            cluster.Members.Add(i);
            cluster.ByDoc[c.Doc] = [i];
            cluster.Abouts[c.Q.About] = 1;
            Track(cluster, c.Q.Value);
            clusterOf[i] = cluster;
        }
        int Find(int x)
        {
            while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
            return x;
        }

        foreach (var dimension in claims.GroupBy(c => (c.Q.Kind, c.Q.Unit)))
        {
            var members = dimension.ToList();
            bool sparse = IsSparse(members);
            MarkScaleUnique(members);
            var edges = new List<(double Score, int A, int B, bool Copy)>();
            foreach (var (a, b) in CandidatePairs(members, sentences, vocabulary))
            {
                double score = Score(claims[a], claims[b], sentences, vocabulary, sparse, out bool copy);
                if (score >= options.GroupThreshold) edges.Add((score, a, b, copy));
            }
            // Best first, ties in text order, so the result does not depend on hash order.
            edges.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
            foreach (var (score, a, b, copy) in edges)
            {
                int ra = Find(a), rb = Find(b);
                if (ra == rb)
                {
                    clusterOf[ra].Copy |= copy;
                    continue;
                }
                var ca = clusterOf[ra];
                var cb = clusterOf[rb];
                if (!CanMerge(ca, cb, claims)) continue;
                if (ca.Members.Count < cb.Members.Count) { (ra, rb) = (rb, ra); (ca, cb) = (cb, ca); }
                parent[rb] = ra;
                Absorb(ca, cb);
                ca.MinScore = Math.Min(ca.MinScore, score);
                ca.Copy |= copy;
                if (ca.SharedTerms.Count < 12)
                    foreach (var t in SharedTerms(sentences[claims[a].Sentence].Terms, sentences[claims[b].Sentence].Terms))
                        ca.SharedTerms.Add(t);
                if (ca.SharedEntities.Count < 8)
                    ca.SharedEntities.UnionWith(sentences[claims[a].Sentence].Entities.Intersect(sentences[claims[b].Sentence].Entities, StringComparer.Ordinal));
                clusterOf[rb] = ca;
            }
        }
        var result = new List<Cluster>();
        for (int i = 0; i < claims.Count; i++) if (Find(i) == i) result.Add(clusterOf[i]);
        return result;
    }

    /// <summary>
    /// Marks event claims (not an object's size) that are alone at their scale in their document: no other sentence of
    /// the document states this dimension within <see cref="FactAlignerOptions.MagnitudeRatio"/> of the value. The
    /// sparse-dimension reasoning per scale: "about 40 minutes" in one outlet and "after about 25 minutes" in another,
    /// each outlet's only minutes-long duration, most likely time the same thing, even when a 90-day suspension or a
    /// 32-minute video sits in the same reports. Linear per document after sorting by value.
    /// </summary>
    private void MarkScaleUnique(List<ClaimRec> members)
    {
        foreach (var doc in members.Where(c => !c.Object && c.Q.Value > 0 && double.IsFinite(c.Q.Value)).GroupBy(c => c.Doc))
        {
            var sorted = doc.OrderBy(c => c.Q.Value).ToList();
            for (int i = 0; i < sorted.Count; i++)
            {
                var c = sorted[i];
                bool alone = true;
                for (int j = i - 1; j >= 0 && c.Q.Value / sorted[j].Q.Value <= options.MagnitudeRatio && alone; j--)
                    if (sorted[j].Sentence != c.Sentence) alone = false;
                for (int j = i + 1; j < sorted.Count && sorted[j].Q.Value / c.Q.Value <= options.MagnitudeRatio && alone; j++)
                    if (sorted[j].Sentence != c.Sentence) alone = false;
                c.ScaleUnique = alone;
            }
        }
    }

    /// <summary>True when no document has claims of this dimension in two different sentences.</summary>
    private static bool IsSparse(List<ClaimRec> members)
    {
        var seen = new Dictionary<int, int>();
        foreach (var c in members)
        {
            if (seen.TryGetValue(c.Doc, out int s) && s != c.Sentence) return false;
            seen[c.Doc] = c.Sentence;
        }
        return seen.Count >= 2;
    }

    private static void Track(Cluster c, double value)
    {
        if (!(value > 0) || !double.IsFinite(value)) return;
        c.Min = Math.Min(c.Min, value);
        c.Max = Math.Max(c.Max, value);
    }

    /// <summary>
    /// Merge rules that no score can override: an object's size only groups with the same object's size; a group with
    /// different heads may not span values more than <see cref="FactAlignerOptions.MagnitudeRatio"/> apart; and a
    /// document does not contradict itself about the same head in the same voice (two such numbers are two things:
    /// "two more officers" and "four officers").
    /// </summary>
    private bool CanMerge(Cluster a, Cluster b, List<ClaimRec> claims)
    {
        // Numbers describing different people never merge, even through a claim whose owner is unknown.
        if (a.Owners.Count > 0 && b.Owners.Count > 0 && !a.Owners.SetEquals(b.Owners)) return false;
        // The dead and the injured are never one count, even through a count whose verb is unknown.
        if (a.Outcomes.Count > 0 && b.Outcomes.Count > 0 && !a.Outcomes.SetEquals(b.Outcomes)) return false;
        bool sameSingleHead = a.Abouts.Count == 1 && b.Abouts.Count == 1 && a.Abouts.Keys.First() == b.Abouts.Keys.First();
        if ((a.HasObject || b.HasObject) && !sameSingleHead) return false;
        if (!sameSingleHead)
        {
            double min = Math.Min(a.Min, b.Min), max = Math.Max(a.Max, b.Max);
            if (min > 0 && max / min > options.MagnitudeRatio) return false;
        }
        var (small, large) = a.ByDoc.Count <= b.ByDoc.Count ? (a, b) : (b, a);
        foreach (var (doc, list) in small.ByDoc)
        {
            if (!large.ByDoc.TryGetValue(doc, out var other)) continue;
            foreach (int x in list)
                foreach (int y in other)
                {
                    var cx = claims[x];
                    var cy = claims[y];
                    if (cx.Q.About == cy.Q.About && cx.EntityId == cy.EntityId && cx.Label == cy.Label && !QuantityBounds.Overlap(cx.Q, cy.Q))
                        return false;
                }
        }
        return true;
    }

    private static void Absorb(Cluster into, Cluster from)
    {
        into.Members.AddRange(from.Members);
        foreach (var (doc, list) in from.ByDoc)
        {
            if (into.ByDoc.TryGetValue(doc, out var existing)) existing.AddRange(list);
            else into.ByDoc[doc] = list;
        }
        foreach (var (about, count) in from.Abouts)
            into.Abouts[about] = into.Abouts.GetValueOrDefault(about) + count;
        into.HasObject |= from.HasObject;
        into.Owners.UnionWith(from.Owners);
        into.Outcomes.UnionWith(from.Outcomes);
        into.Min = Math.Min(into.Min, from.Min);
        into.Max = Math.Max(into.Max, from.Max);
        into.MinScore = Math.Min(into.MinScore, from.MinScore);
        into.Copy |= from.Copy;
        foreach (var t in from.SharedTerms) if (into.SharedTerms.Count < 12) into.SharedTerms.Add(t);
        foreach (var e in from.SharedEntities) if (into.SharedEntities.Count < 8) into.SharedEntities.Add(e);
    }

    /// <summary>Pairs worth scoring: claims sharing a head, or sharing one of their sentences' rarest words. Each block
    /// compares a claim with at most <see cref="FactAlignerOptions.CandidateCap"/> followers, so big stories stay linear.</summary>
    private IEnumerable<(int A, int B)> CandidatePairs(List<ClaimRec> members, List<SentenceRec> sentences, StoryVocabulary vocabulary)
    {
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var termBlocks = new Dictionary<int, List<int>>();
        var keyBuffer = new List<int>();
        foreach (var c in members)
        {
            if (!blocks.TryGetValue(c.Q.About, out var list)) blocks[c.Q.About] = list = [];
            list.Add(c.Order);
            if (c.Object) continue; // an object's size only groups by its head
            keyBuffer.Clear();
            keyBuffer.AddRange(sentences[c.Sentence].Terms);
            keyBuffer.Sort((x, y) => vocabulary.SentenceCount(x) != vocabulary.SentenceCount(y)
                ? vocabulary.SentenceCount(x).CompareTo(vocabulary.SentenceCount(y)) : x.CompareTo(y));
            int keys = 0;
            foreach (var t in keyBuffer)
            {
                if (keys == options.KeyTerms) break;
                if (vocabulary.SentenceCount(t) > Math.Max(2, vocabulary.Sentences * 0.25)) break;
                if (!termBlocks.TryGetValue(t, out var tl)) termBlocks[t] = tl = [];
                tl.Add(c.Order);
                keys++;
            }
        }
        // Value blocks: claims within a factor 1.5 of each other (each claim joins its bucket and the next one up).
        var valueBlocks = new Dictionary<long, List<int>>();
        foreach (var c in members)
        {
            if (c.Object || !(c.Q.Value > 0) || !double.IsFinite(c.Q.Value)) continue;
            long bucket = (long)Math.Floor(Math.Log(c.Q.Value) / Math.Log(1.5));
            for (long b = bucket; b <= bucket + 1; b++)
            {
                if (!valueBlocks.TryGetValue(b, out var vl)) valueBlocks[b] = vl = [];
                vl.Add(c.Order);
            }
        }
        // A sparse dimension is one block: each document has at most one sentence of it.
        var all = IsSparse(members) ? [members.Select(c => c.Order).ToList()] : new List<List<int>>();
        // (int, int) hashes both halves well; a long key would hash as a ^ b and collide for every nearby pair.
        var seen = new HashSet<(int, int)>();
        foreach (var list in blocks.Values.Concat(termBlocks.Values).Concat(valueBlocks.Values).Concat(all))
        {
            for (int i = 0; i < list.Count; i++)
                for (int j = i + 1; j < list.Count && j <= i + options.CandidateCap; j++)
                {
                    int a = list[i], b = list[j];
                    if (a == b) continue;
                    var key = (Math.Min(a, b), Math.Max(a, b));
                    if (seen.Add(key)) yield return key;
                }
        }
    }

    private double Score(ClaimRec a, ClaimRec b, List<SentenceRec> sentences, StoryVocabulary vocabulary, bool sparse, out bool copy)
    {
        var sa = sentences[a.Sentence];
        var sb = sentences[b.Sentence];
        bool sameAbout = a.Q.About == b.Q.About && !a.NoHead;
        copy = a.Doc != b.Doc && sa.Hash == sb.Hash && sa.Terms.Length >= 4;
        if ((a.Object || b.Object) && !sameAbout) return 0;
        if (a.Owner is not null && b.Owner is not null && a.Owner != b.Owner) return 0;
        if (a.Outcome != CountOutcome.None && b.Outcome != CountOutcome.None && a.Outcome != b.Outcome) return 0;
        // Two different numbers in one sentence are two things ("at least two more officers ... four officers").
        if (a.Sentence == b.Sentence && a.Q.Value != b.Q.Value) return 0;
        if (copy) return 1;
        double context = Context(sa.Terms, sb.Terms, vocabulary);
        double score = (sameAbout ? options.AboutWeight : 0) + options.ContextWeight * context;
        if (!sameAbout && (Mentions(sb, a.HeadTerm) || Mentions(sa, b.HeadTerm))) score += options.AboutMentionBonus;
        if (SharesAnchor(sa, sb)) score += options.AnchorBonus;
        if (a.Owner is not null && a.Owner == b.Owner) score += options.SameOwnerBonus;
        bool aloneAtScale = a.ScaleUnique && b.ScaleUnique
                            && Math.Max(a.Q.Value, b.Q.Value) / Math.Min(a.Q.Value, b.Q.Value) <= options.MagnitudeRatio;
        if ((sparse || aloneAtScale) && a.Doc != b.Doc && context > 0) score += options.SparseDimensionBonus;
        double va = Math.Abs(a.Q.Value), vb = Math.Abs(b.Q.Value);
        double ratio = va > 0 && vb > 0 ? Math.Min(va, vb) / Math.Max(va, vb) : va == vb ? 1 : 0;
        if (va == vb) score += options.SameValueBonus;
        else if (ratio >= options.NearRatio) score += options.NearValueBonus;
        if (ratio < 1 / options.MagnitudeRatio) score *= 0.5;
        return score;
    }

    /// <summary>True when a head word (a lemma such as "return") occurs among the sentence's words.</summary>
    private static bool Mentions(SentenceRec s, int headTerm) => headTerm >= 0 && Array.BinarySearch(s.Terms, headTerm) >= 0;

    /// <summary>Rarity-weighted Dice overlap of two sorted term sets, in [0, 1].</summary>
    private static double Context(int[] x, int[] y, StoryVocabulary vocabulary)
    {
        double shared = 0, wx = 0, wy = 0;
        int i = 0, j = 0;
        while (i < x.Length || j < y.Length)
        {
            if (j >= y.Length || i < x.Length && x[i] < y[j]) { wx += vocabulary.Weight(x[i]); i++; }
            else if (i >= x.Length || y[j] < x[i]) { wy += vocabulary.Weight(y[j]); j++; }
            else
            {
                double w = vocabulary.Weight(x[i]);
                shared += w;
                wx += w;
                wy += w;
                i++;
                j++;
            }
        }
        return wx + wy == 0 ? 0 : 2 * shared / (wx + wy);
    }

    private static IEnumerable<int> SharedTerms(int[] x, int[] y)
    {
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] < y[j]) i++;
            else if (y[j] < x[i]) j++;
            else { yield return x[i]; i++; j++; }
        }
    }

    private static bool SharesAnchor(SentenceRec a, SentenceRec b)
    {
        foreach (var x in a.Anchors)
            foreach (var y in b.Anchors)
                if (x == y) return true;
        return false;
    }

    // ---------------------------------------------------------------- facts

    private static ImmutableArray<Fact> BuildFacts(Dictionary<string, string> names, IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences,
        List<Cluster> clusters, StoryVocabulary vocabulary, Func<string> nextFactId, out string[] factOfClaim)
    {
        var copyOf = CopiedClaims(docs, claims, sentences, clusters);
        var drafts = new List<(FactStatus Status, int Docs, int First, Cluster Cluster)>();
        foreach (var c in clusters)
        {
            c.Members.Sort();
            int docCount = c.ByDoc.Count;
            // Copies are not independent agreement: documents that only repeat an earlier one's sentence do not count.
            int independent = c.Members.Where(m => copyOf[m] is null).Select(m => claims[m].Doc).Distinct().Count();
            var status = docCount < 2 ? FactStatus.Single
                : !AllOverlap(c.Members, claims, out _, out _) ? FactStatus.Disputed
                : independent < 2 ? FactStatus.Single : FactStatus.Agreed;
            drafts.Add((status, docCount, c.Members[0], c));
        }
        static int Rank(FactStatus s) => s switch { FactStatus.Disputed => 0, FactStatus.Agreed => 1, _ => 2 };
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
                    [.. sentences[c.Sentence].Entities]));
            }
            string head = cluster.Abouts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            var evidence = Evidence(names, docs, claims, sentences, cluster, status, docCount, vocabulary);
            facts.Add(new Fact(id, Label(head, first.Q, cluster.HasObject), kind, status, claimList.MoveToImmutable(), evidence));
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

    private static string Label(string head, Quantity q, bool measuresObject) => q.Kind switch
    {
        QuantityKind.Duration => measuresObject ? $"{head} length (duration)" : $"{head} (duration)",
        QuantityKind.Length => measuresObject ? $"{head} size (length)" : $"{head} (length)",
        QuantityKind.Age => head == "age" ? "age" : $"{head} (age)",
        QuantityKind.Count => head == q.Unit ? $"{head} (count)" : $"{head} (count of {q.Unit}s)",
        QuantityKind.Money => $"{head} ({q.Unit})",
        QuantityKind.Percent => $"{head} (percent)",
        QuantityKind.Ordinal => $"{head} (ordinal)",
        _ => $"{head} ({q.Unit})",
    };

    private static ImmutableArray<string> Evidence(Dictionary<string, string> names, IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences,
        Cluster cluster, FactStatus status, int docCount, StoryVocabulary vocabulary)
    {
        var first = claims[cluster.Members[0]];
        var e = ImmutableArray.CreateBuilder<string>();
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

    // ---------------------------------------------------------------- accounts

    private ImmutableArray<Account> BuildAccounts(Dictionary<string, string> names, IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences,
        StoryVocabulary vocabulary, ImmutableArray<Fact> facts, string[] factOfClaim, Func<string> nextAccountId)
    {
        // Blocks: sentences sharing a resolved date, and sentences whose claims landed in the same multi-document fact.
        var multiDoc = new HashSet<string>(facts.Where(f => f.Status != FactStatus.Single).Select(f => f.Id), StringComparer.Ordinal);
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int s = 0; s < sentences.Count; s++)
            foreach (var a in sentences[s].Anchors)
                Block(blocks, "t:" + a, s);
        foreach (var c in claims)
            if (factOfClaim[c.Order] is { } f && multiDoc.Contains(f))
                Block(blocks, "f:" + f, c.Sentence);

        int rareLimit = Math.Max(2, (int)(vocabulary.Sentences * options.RareFraction));
        var parent = Enumerable.Range(0, sentences.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
            return x;
        }
        var linkWords = new Dictionary<int, HashSet<int>>();
        var linkAnchors = new Dictionary<int, HashSet<string>>();
        var linkEntities = new Dictionary<int, HashSet<string>>();
        foreach (var (key, list) in blocks)
        {
            for (int i = 0; i < list.Count; i++)
                for (int j = i + 1; j < list.Count && j <= i + options.CandidateCap; j++)
                {
                    var a = sentences[list[i]];
                    var b = sentences[list[j]];
                    if (a.Doc == b.Doc) continue;
                    int ra = Find(list[i]), rb = Find(list[j]);
                    if (ra == rb) continue; // already one account: nothing new to learn from this pair
                    if (CountRare(a.Terms, b.Terms, vocabulary, rareLimit) < options.AccountMinShared) continue;
                    parent[rb] = ra;
                    if (!linkWords.TryGetValue(ra, out var words)) linkWords[ra] = words = [];
                    if (words.Count < 12)
                        foreach (var t in SharedTerms(a.Terms, b.Terms))
                            if (vocabulary.SentenceCount(t) <= rareLimit) words.Add(t);
                    int root = ra;
                    if (!linkEntities.TryGetValue(root, out var shared)) linkEntities[root] = shared = new(StringComparer.Ordinal);
                    if (shared.Count < 8) shared.UnionWith(a.Entities.Intersect(b.Entities, StringComparer.Ordinal));
                    if (key.StartsWith("t:", StringComparison.Ordinal))
                    {
                        if (!linkAnchors.TryGetValue(root, out var anchors)) linkAnchors[root] = anchors = [];
                        anchors.Add(key[2..]);
                    }
                }
        }
        // Gather groups; words and anchors recorded under an old root move to the final root.
        var groups = new Dictionary<int, List<int>>();
        for (int s = 0; s < sentences.Count; s++)
        {
            int r = Find(s);
            if (!groups.TryGetValue(r, out var g)) groups[r] = g = [];
            g.Add(s);
        }
        var wordsOf = new Dictionary<int, HashSet<int>>();
        var anchorsOf = new Dictionary<int, HashSet<string>>();
        foreach (var (root, w) in linkWords) { var r = Find(root); if (!wordsOf.TryGetValue(r, out var set)) wordsOf[r] = set = []; set.UnionWith(w); }
        foreach (var (root, a) in linkAnchors) { var r = Find(root); if (!anchorsOf.TryGetValue(r, out var set)) anchorsOf[r] = set = []; set.UnionWith(a); }
        var entitiesOfGroup = new Dictionary<int, HashSet<string>>();
        foreach (var (root, e) in linkEntities) { var r = Find(root); if (!entitiesOfGroup.TryGetValue(r, out var set)) entitiesOfGroup[r] = set = new(StringComparer.Ordinal); set.UnionWith(e); }

        var claimsBySentence = claims.GroupBy(c => c.Sentence).ToDictionary(g => g.Key, g => g.ToList());
        var drafts = groups.Where(g => g.Value.Select(s => sentences[s].Doc).Distinct().Count() >= 2)
            .Select(g => (Root: g.Key, Members: g.Value.OrderBy(s => s).ToList()))
            .OrderByDescending(g => g.Members.Select(s => sentences[s].Doc).Distinct().Count())
            .ThenBy(g => g.Members[0])
            .ToList();
        var result = ImmutableArray.CreateBuilder<Account>(drafts.Count);
        foreach (var (root, members) in drafts)
        {
            var spans = members.Select(s => new DocSpan(docs[sentences[s].Doc].Id, sentences[s].Sentence.Start, sentences[s].Sentence.End)).ToImmutableArray();
            var factIds = members.Where(claimsBySentence.ContainsKey).SelectMany(s => claimsBySentence[s])
                .Select(c => factOfClaim[c.Order]).Distinct(StringComparer.Ordinal).ToImmutableArray();
            var ranked = wordsOf.TryGetValue(root, out var w)
                ? w.OrderByDescending(vocabulary.Weight).ThenBy(t => t).Select(vocabulary.Surface).ToList()
                : [];
            string about = string.Join(", ", ranked.Take(3));
            var evidence = ImmutableArray.CreateBuilder<string>();
            if (anchorsOf.TryGetValue(root, out var anchors) && anchors.Count > 0)
            {
                string dates = string.Join(", ", anchors.Order(StringComparer.Ordinal));
                about = $"{dates}: {about}";
                evidence.Add($"same date: {dates}");
            }
            if (ranked.Count > 0) evidence.Add("shared rare words: " + string.Join(", ", ranked.Take(8)));
            if (entitiesOfGroup.TryGetValue(root, out var ents) && ents.Count > 0)
                evidence.Add("shared entities: " + string.Join(", ", ents.Order(StringComparer.Ordinal).Select(id => names.GetValueOrDefault(id, id))));
            if (!factIds.IsEmpty) evidence.Add("numbers in facts: " + string.Join(", ", factIds));
            int docCount = members.Select(s => sentences[s].Doc).Distinct().Count();
            evidence.Add($"{docCount} documents, {members.Count} sentences");
            result.Add(new Account(nextAccountId(), about, spans, factIds, evidence.ToImmutable()));
        }
        return result.MoveToImmutable();
    }

    private static int CountRare(int[] x, int[] y, StoryVocabulary vocabulary, int rareLimit)
    {
        int i = 0, j = 0, count = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] < y[j]) i++;
            else if (y[j] < x[i]) j++;
            else
            {
                if (vocabulary.SentenceCount(x[i]) <= rareLimit) count++;
                i++;
                j++;
            }
        }
        return count;
    }

    private static void Block(Dictionary<string, List<int>> blocks, string key, int sentence)
    {
        if (!blocks.TryGetValue(key, out var list)) blocks[key] = list = [];
        if (list.Count == 0 || list[^1] != sentence) list.Add(sentence);
    }
}
