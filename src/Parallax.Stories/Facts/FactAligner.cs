using System.Collections.Frozen;
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
public sealed partial class FactAligner(FactAlignerOptions? options = null)
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
        public string Text = "";  // its document's text (a reference, not a copy)
        public DateOnly? Published; // its document's date, when known: ages are read at that time
        public required string? EntityId;
        public required string? Label;
        public required bool Object;
        public required int Order;
        public bool NoHead;        // its About is only its own unit ("three years", "82 percent"): no evidence of what it measures
        public CountOutcome Outcome; // what happened to what a count counts ("five people died")
        public string? Owner;      // the entity the number describes ("Scott Russell, 46"), when the text says
        public int HeadTerm = -1;  // the About word's id in the story vocabulary, if it occurs as a word
        public bool ScaleUnique;   // its document states no other event quantity of this dimension at this scale
        public bool ValueUnique;   // its document states this exact value of this dimension in no other sentence
        public ClaimMeaning Meaning; // counted noun, holder noun and scope read from its words
        public string? Predicate;  // what happened to what it counts ("killed"), from its outcome verb
        public string? Holder;     // whose quantity: the owner entity, else the holder noun of an age
        public string Measure = ""; // "killed:person", "age", "negotiate:duration"
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
        public HashSet<string> Nouns = new(StringComparer.Ordinal);     // strong measure nouns of its members
        public bool AnyWeak;                                           // a member whose measure is only a fallback
        public HashSet<string> Holders = new(StringComparer.Ordinal);   // known holders of its members
        public bool AnyNoHolder;
        public bool DescribedHolder;                                   // a member's holder is a noun ("the driver"), not a name
        public ClaimScope Scope;
        public int HighLower = -1, LowUpper = -1;                       // members with the highest lower and lowest upper bound
        public bool Conflicted;                                        // a dispute was accepted into it
        public MergeIndex Index = null!;                               // what the merge rules compare, per sentence and voice
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
        // A weight's word in its sentence is the verb ("weighing 130 pounds"), not "weight".
        foreach (var c in claims) c.HeadTerm = vocabulary.Find(c.Q.About == "weight" ? "weigh" : c.Q.About);

        var clusters = GroupClaims(claims, sentences, vocabulary);
        var principals = Principals(docs, entitiesOf);
        var facts = AttachParts(BuildFacts(names, docs, claims, sentences, clusters, vocabulary, principals, nextFactId, out var factOfClaim), claims, factOfClaim);
        var accounts = BuildAccounts(names, docs, claims, sentences, vocabulary, facts, factOfClaim, nextAccountId);
        return new FactAlignment(facts, accounts);
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
            if (c.Meaning.Strong) cluster.Nouns.Add(c.Meaning.Noun); else cluster.AnyWeak = true;
            if (c.Holder is not null) cluster.Holders.Add(c.Holder); else cluster.AnyNoHolder = true;
            cluster.DescribedHolder = c.Owner is null && c.Holder is not null;
            cluster.Scope = c.Meaning.Scope;
            cluster.HighLower = cluster.LowUpper = i;
            cluster.Index = MergeIndex.Of(i, c);
            Track(cluster, c.Q.Value);
            clusterOf[i] = cluster;
        }
        int Find(int x)
        {
            while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
            return x;
        }

        // Counts meet by their normalised noun: "one man", "two people" and "three victims" count the same kind of thing.
        // Near-synonym nouns ("sons", "boys") share one dimension, so they are compared at all; SameQuantity decides.
        var countNouns = NounSynonyms.Representatives(claims.Where(c => c.Q.Kind == QuantityKind.Count).Select(c => ClaimMeaning.Normal(c.Q.Unit)));
        foreach (var dimension in claims.GroupBy(c => (c.Q.Kind, c.Q.Kind == QuantityKind.Count ? countNouns[ClaimMeaning.Normal(c.Q.Unit)] : c.Q.Unit)))
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
                if (!CanMerge(ca, cb, claims) || !SameQuantity(ca, cb, claims, sentences, score, QuantityBounds.Overlap(claims[a].Q, claims[b].Q))) continue;
                if (ca.Members.Count < cb.Members.Count) { (ra, rb) = (rb, ra); (ca, cb) = (cb, ca); }
                parent[rb] = ra;
                Absorb(ca, cb, claims);
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
            // A window of the claims within the ratio of each value, slid by two pointers, with a count of its sentences:
            // linear even when thousands of one sentence's numbers share a scale.
            var inWindow = new Dictionary<int, int>();
            int lo = 0, hi = 0;
            for (int i = 0; i < sorted.Count; i++)
            {
                double value = sorted[i].Q.Value;
                for (; hi < sorted.Count && sorted[hi].Q.Value / value <= options.MagnitudeRatio; hi++)
                    inWindow[sorted[hi].Sentence] = inWindow.GetValueOrDefault(sorted[hi].Sentence) + 1;
                for (; lo < i && value / sorted[lo].Q.Value > options.MagnitudeRatio; lo++)
                    if (--inWindow[sorted[lo].Sentence] == 0) inWindow.Remove(sorted[lo].Sentence);
                sorted[i].ScaleUnique = inWindow.Count == 1;
            }
            // Runs of one value: unique when the whole run sits in one sentence.
            for (int start = 0, end; start < sorted.Count; start = end)
            {
                bool oneSentence = true;
                for (end = start + 1; end < sorted.Count && sorted[end].Q.Value == sorted[start].Q.Value; end++)
                    oneSentence &= sorted[end].Sentence == sorted[start].Sentence;
                for (int k = start; k < end; k++) sorted[k].ValueUnique = oneSentence;
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
        // Two different numbers of one sentence are two things, even when other documents link them ("sentenced to 2
        // years, with 9 months to serve"); and one document does not state two disjoint values in one voice.
        if (MergeIndex.Conflict(a.Index, b.Index, claims)) return false;
        return true;
    }

    /// <summary>
    /// Measure, holder and scope rules: claims are compared only within one scope (a part or a wider total is never
    /// counted against the whole); counts of different nouns ("pirates" and "Yemeni pirates") or ages of different
    /// holders never merge; and a merge that would make the group disputed needs strong evidence that both sides are one
    /// quantity: for counts the same specific noun and outcome, for ages the same known holder, for other measures the
    /// same head or a pairing score of at least <see cref="FactAlignerOptions.DisputeScore"/>. When that evidence is weak
    /// the two stay apart rather than show a false dispute.
    /// </summary>
    private bool SameQuantity(Cluster a, Cluster b, List<ClaimRec> claims, List<SentenceRec> sentences, double score, bool edgeAgrees)
    {
        if (a.Scope != b.Scope) return false;
        var first = claims[a.Members[0]].Q;
        // "struck it 10 times": a count of times is read by its verb, as noisy as a duration's head, and judged like one.
        var kind = first.Kind == QuantityKind.Count && first.Unit == "time" ? QuantityKind.Other : first.Kind;
        int high = claims[a.HighLower].Q.Lower >= claims[b.HighLower].Q.Lower ? a.HighLower : b.HighLower;
        int low = claims[a.LowUpper].Q.Upper <= claims[b.LowUpper].Q.Upper ? a.LowUpper : b.LowUpper;
        bool agree = QuantityBounds.Overlap(claims[high].Q, claims[low].Q);
        // Counts of different nouns never meet, except near-synonyms whose values agree ("two sons" and "two boys"):
        // such a group has two nouns, so it can never be disputed.
        if (kind == QuantityKind.Count && a.Nouns.Count > 0 && b.Nouns.Count > 0 && !a.Nouns.Overlaps(b.Nouns)
            && !(agree && NounSynonyms.Meet(a.Nouns, b.Nouns))) return false;
        // Ages of different holders never meet, except a named holder and a described one whose ages agree ("Anthony
        // LaSalle, 36" and "the 36-year-old driver"); such a group has two holders, so it can never be disputed.
        if (kind == QuantityKind.Age && a.Holders.Count > 0 && b.Holders.Count > 0 && !a.Holders.Overlaps(b.Holders)
            && !(agree && (OneNamed(a) && OnlyDescribed(b) || OnlyDescribed(a) && OneNamed(b)))) return false;
        if (agree) return true;
        // A claim agreeing with a member of a group already judged disputed joins it ("roughly 45 minutes" beside
        // "about 40 minutes" when another outlet says 90).
        if (edgeAgrees && (a.Conflicted || b.Conflicted)) return a.Conflicted = b.Conflicted = true;
        // The merge would be a dispute: demand strong evidence. The two claims that conflict must both have a specific
        // measure, and the groups one and the same.
        if (kind == QuantityKind.Age && AgedBetween(claims[high], claims[low])) return false;
        if (!MayDispute(claims[high], claims[low], a, b, sentences)) return false;
        bool oneNoun = a.Nouns.Count == 1 && b.Nouns.SetEquals(a.Nouns) && claims[high].Meaning.Strong && claims[low].Meaning.Strong
                       || SynonymNouns(claims[high], claims[low], a, b);
        bool otherHeads = a.Nouns.Count > 0 && b.Nouns.Count > 0 && !a.Nouns.Overlaps(b.Nouns);
        bool strong = kind switch
        {
            QuantityKind.Count => oneNoun && a.Outcomes.SetEquals(b.Outcomes),
            // Ages: the same known holder, or a holder known on one side only and a strong pairing ("Sixty-year-old
            // Sharron Smith" and "Smith, age 61").
            QuantityKind.Age => a.Holders.Count == 1 && b.Holders.SetEquals(a.Holders) && !a.AnyNoHolder && !b.AnyNoHolder
                                || (a.Holders.Count + b.Holders.Count <= 1 || a.Holders.SetEquals(b.Holders)) && score >= options.DisputeScore,
            // Durations, lengths, money, times: heads read from verbs are noisy ("lasted 40 minutes before police entered"
            // reads "enter"), so the pairing score decides, but a number with no head at all ("three days", "20 feet")
            // never disputes, and two verbs tied to their times by "for" ("locked down for three hours", "negotiated for
            // two hours") or far apart values ("2 years", "9 months") need a strong pairing.
            _ => oneNoun || !claims[high].NoHead && !claims[low].NoHead
                 && (NearValues(claims[high].Q, claims[low].Q) ? !otherHeads || score >= options.DisputeScore : score >= options.FarDisputeScore),
        };
        if (strong) a.Conflicted = b.Conflicted = true;
        return strong;
    }

    /// <summary>Two ages read at different times: the older figure comes from a report at least half a year later and
    /// differs by no more than the years between ("Orozco, 27" in June 2005, "Orozco, 29" in March 2007). The person
    /// aged; the two are different quantities (ages at two times), never a dispute.</summary>
    private static bool AgedBetween(ClaimRec older, ClaimRec younger)
    {
        if (older.Published is not { } later || younger.Published is not { } earlier) return false;
        double years = (later.DayNumber - earlier.DayNumber) / 365.25;
        double gap = older.Q.Value - younger.Q.Value;
        return years >= 0.5 && gap > 0 && gap <= Math.Ceiling(years);
    }

    /// <summary>The two conflicting claims count one strong noun, and every other noun of both groups is a near-synonym
    /// of it ("three other rifles" and "two other rifles", with "three other weapons" agreeing beside them).</summary>
    private static bool SynonymNouns(ClaimRec high, ClaimRec low, Cluster a, Cluster b)
    {
        if (!high.Meaning.Strong || !low.Meaning.Strong || high.Meaning.Noun != low.Meaning.Noun) return false;
        string noun = high.Meaning.Noun;
        foreach (var n in a.Nouns) if (n != noun && !NounSynonyms.Similar(n, noun)) return false;
        foreach (var n in b.Nouns) if (n != noun && !NounSynonyms.Similar(n, noun)) return false;
        return true;
    }

    /// <summary>A group naming one person, perhaps also described ("Ortiz, 35" with "the 35-year-old deputy"): a described
    /// holder whose age agrees ("the 35-year-old sheriff") may join it; it has two holders then and never disputes.</summary>
    private static bool OneNamed(Cluster c) => c.Owners.Count == 1;
    private static bool OnlyDescribed(Cluster c) => c.DescribedHolder && c.Owners.Count == 0;

    /// <summary>
    /// Claims that may never stand on opposite sides of a dispute, whatever the pairing score: a part picked out of a
    /// group ("eight of the jurors") against anything, since which members are meant is open; an ordinal of time ("the
    /// sixth straight day", "for the first time"), which moves on as the news develops; and a claim whose verb says
    /// what it measures ("locked down for almost three hours") against a group that measures something else.
    /// </summary>
    private bool MayDispute(ClaimRec high, ClaimRec low, Cluster a, Cluster b, List<SentenceRec> sentences)
    {
        if (high.Meaning.Partitive || low.Meaning.Partitive) return false;
        if (high.Q.Kind == QuantityKind.Ordinal && (TimeOrdinal(high) || TimeOrdinal(low))) return false;
        if (FirstPerson(high, sentences) || FirstPerson(low, sentences)) return false;
        // A day resolved from "Friday" or "June 24" leans on the report's date for what the text leaves out (the year,
        // the week): two such days that differ are too weak to call a dispute, so dates only ever agree.
        if (high.Q.Unit == "date" || low.Q.Unit == "date") return false;
        // "the fourth floor of the building" and "the 3rd floors" of another: an ordinal says which one of a series, and
        // which series is open unless the two sentences share a word besides the ordinal's noun.
        if (high.Q.Kind == QuantityKind.Ordinal && !ShareTerm(sentences[high.Sentence].Terms, sentences[low.Sentence].Terms, high.HeadTerm, low.HeadTerm))
            return false;
        // "weighing 130 pounds" and "135 pounds": whose weight the sentence says, if anywhere, in what else it tells (a
        // height, a name, the tattoos), so two weights dispute only when their sentences share such a word; a
        // suspect's weight in one report and a victim's in another stay apart.
        if (high.Meaning.Noun == "weight" && !ShareTerm(sentences[high.Sentence].Terms, sentences[low.Sentence].Terms, high.HeadTerm, low.HeadTerm))
            return false;
        return Tied(high, low, a, b) && Tied(low, high, a, b);

        static bool TimeOrdinal(ClaimRec c) => TimeWords.Contains(c.Q.About) || TimeWords.Contains(c.Meaning.Noun);

        // A verb-tied claim meets only a group measuring the same, or a claim whose sentence uses that verb or a
        // synonym ("negotiated for 25 minutes" and "talked to officers for about 20 minutes").
        bool Tied(ClaimRec t, ClaimRec other, Cluster x, Cluster y)
        {
            if (!t.Meaning.TiedHead) return true;
            var opposite = x.Nouns.Contains(t.Meaning.Noun) ? y : x;
            if (opposite.Nouns.Contains(t.Meaning.Noun)) return true;
            var s = sentences[other.Sentence].Sentence;
            return ClaimMeaning.Names(other.Text.AsSpan(s.Start, s.End - s.Start), t.Meaning.Noun);
        }
    }

    /// <summary>A claim in a first-person clause ("We're on the third floor, barricaded in", "I waited 20 minutes") tells
    /// of the speaker's own place or wait, not necessarily the event's: it never stands in a dispute.</summary>
    private static bool FirstPerson(ClaimRec c, List<SentenceRec> sentences)
    {
        var s = sentences[c.Sentence].Sentence;
        int from = s.Start;
        var before = c.Text.AsSpan(from, Math.Max(0, c.Q.Start - from));
        foreach (var range in before.Split(' '))
        {
            var w = before[range].Trim("\"'\u201C\u2018");
            if (w is "I" or "I'm" or "I've" or "I'd" or "We" or "we" or "We're" or "we're" or "We've" or "we've" or "my" or "My" or "our" or "Our")
                return true;
        }
        return false;
    }

    /// <summary>Two sorted term lists share a term other than the given heads (linear merge).</summary>
    private static bool ShareTerm(int[] x, int[] y, int headX, int headY)
    {
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] < y[j]) i++;
            else if (x[i] > y[j]) j++;
            else
            {
                if (x[i] != headX && x[i] != headY) return true;
                i++;
                j++;
            }
        }
        return false;
    }

    private static readonly FrozenSet<string> TimeWords = new[]
    {
        "time", "day", "night", "week", "month", "year", "season", "round", "straight", "consecutive", "hour", "minute", "anniversary",
        // Periods of a game or a year: "in the third quarter" tells when something happened, and each period comes in turn.
        "quarter", "half", "period", "inning",
    }.ToFrozenSet(StringComparer.Ordinal);

    private bool NearValues(in Quantity x, in Quantity y)
    {
        double a = Math.Abs(x.Value), b = Math.Abs(y.Value);
        return a > 0 && b > 0 && Math.Min(a, b) / Math.Max(a, b) >= options.DisputeNearRatio;
    }

    private static void Absorb(Cluster into, Cluster from, List<ClaimRec> claims)
    {
        into.Nouns.UnionWith(from.Nouns);
        into.AnyWeak |= from.AnyWeak;
        into.Holders.UnionWith(from.Holders);
        into.AnyNoHolder |= from.AnyNoHolder;
        into.DescribedHolder |= from.DescribedHolder;
        into.Conflicted |= from.Conflicted;
        if (claims[from.HighLower].Q.Lower > claims[into.HighLower].Q.Lower) into.HighLower = from.HighLower;
        if (claims[from.LowUpper].Q.Upper < claims[into.LowUpper].Q.Upper) into.LowUpper = from.LowUpper;
        into.Members.AddRange(from.Members);
        into.Index.Absorb(from.Index);
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
        // Heads meet through their normal form too: "deliberated for 40 hours" and "30 hours of deliberation".
        bool sameAbout = (a.Q.About == b.Q.About || a.Q.Kind != QuantityKind.Count && a.Meaning.Noun == b.Meaning.Noun)
                         && !a.NoHead;
        copy = a.Doc != b.Doc && sa.Hash == sb.Hash && sa.Terms.Length >= 4;
        if ((a.Object || b.Object) && !sameAbout) return 0;
        if (a.Owner is not null && b.Owner is not null && a.Owner != b.Owner) return 0;
        if (a.Outcome != CountOutcome.None && b.Outcome != CountOutcome.None && a.Outcome != b.Outcome) return 0;
        if (a.Meaning.Scope != b.Meaning.Scope) return 0;
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
        if (va == vb && a.Doc != b.Doc && a.ValueUnique && b.ValueUnique && a.Q.Kind is QuantityKind.Duration or QuantityKind.Length)
            score += options.OneValueBonus;
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
}
