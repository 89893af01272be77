using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Disputes with weak evidence that the differing numbers are the same quantity, found by auditing shown disputes on
/// unlabelled ECB+ events (eval/ecbplus-disputes-audit.tsv): such a fact is not shown as disputed. Causes read: every
/// claim is background or a wider total (earlier events, season or city totals, which different reports need not
/// share); or no claim has a holder and (a) the differing numbers sit right after different people's names ("Manning
/// completed 17 passes", "Garrard completed 28 passes") while claims after the same name agree, or (b) the measure is a
/// bare noun with no verb ("20 points", "12 magazines"); or one report itself gives two different values among the
/// claims in one voice, so the words name several quantities there. A named person's own figure differing between
/// reports stands unless that last rule applies; so does an organisation's or a team's named as the number's subject.
/// </summary>
public sealed partial class FactAligner
{
    /// <summary>Words between a name and its number that make the name a speaker or a source, not the subject.</summary>
    private static readonly string[] SpeakerWords = ["said", "says", "say", "told", "tells", "according"];

    /// <summary>Null when the dispute stands; else why its claims are not compared, for the fact's evidence.</summary>
    /// <param name="speech">Whether each sentence reports speech, filled in as sentences are first read, shared by all the
    /// story's facts so that each sentence is read once however many facts its numbers fall in.</param>
    private static string? WeakDispute(IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences, Cluster cluster, string?[] principals,
        Dictionary<int, bool> speech) =>
        // Reports weeks apart are checked last: their reason lets a revised running total show as updated, which must not
        // lift a fact that another reason leaves uncompared.
        WeakEvidence(docs, claims, sentences, cluster, principals, speech)
        ?? (DifferOnlyWeeksApart(docs, cluster.Members, claims) ? WeeksApart : null);

    /// <summary><see cref="WeakDispute"/> without the weeks-apart reason.</summary>
    private static string? WeakEvidence(IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences, Cluster cluster, string?[] principals,
        Dictionary<int, bool> speech)
    {
        var members = cluster.Members;
        if (members.TrueForAll(m => claims[m].Meaning.Scope is ClaimScope.Background or ClaimScope.Roundup))
            return "not compared: every number is background or a wider total (an earlier event, a season or area total), which reports need not share";
        if (SharesOfDifferentThings(members, claims))
            return "not compared: percentages under different words, so nothing says they are shares of the same thing";
        if (members.Exists(m => claims[m].Holder is not null)) return null;

        // One report itself gives differing values under this fact's words in one voice (its own, or one source's): the
        // words name several quantities in that story (one player's points and another's, the bullets a gun held and the
        // bullets that hit), so a difference between reports says nothing. A report that sets its own figure beside a
        // source's ("about 20 minutes" vs police's "about 25 minutes") speaks in two voices and still disputes. Ages are
        // left to the holder rules.
        if (members.TrueForAll(m => claims[m].Q.Kind != QuantityKind.Age) && OneVoiceGivesTwoValues(docs, members, claims, sentences, speech))
            return "not compared: one report itself gives differing numbers under these words, so they name several quantities, not one";

        // Claims grouped by the named subject of their verb: the person, organisation or team named just before the
        // number ("Thomas rushed for 63 yards", "the Chiefs rushed for 352 yards"; "" when none).
        var bySubject = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var untied = new HashSet<int>();   // no subject, and the nearest name before it is not its report's principal
        foreach (int m in members)
        {
            string key = NamedSubject(docs[claims[m].Doc], claims[m], sentences[claims[m].Sentence], out string? nearest) ?? "";
            if (key.Length == 0 && nearest is not null && nearest != principals[claims[m].Doc]) untied.Add(m);
            if (!bySubject.TryGetValue(key, out var list)) bySubject[key] = list = [];
            list.Add(m);
        }
        // One named subject's own figure differs between reports ("Manning completed 29 passes" / "… 23 passes"): the
        // strongest evidence that the numbers are one quantity, so the dispute stands.
        foreach (var (key, group) in bySubject)
            if (key.Length > 0 && !AllOverlap(group, claims, out _, out _)) return null;
        bySubject.TryGetValue("", out var unnamed);
        if (bySubject.Count - (unnamed is null ? 0 : 1) > 0 && (unnamed is null || AllOverlap(unnamed, claims, out _, out _)))
        {
            // Every difference is between a named subject's figure and another subject's, or a figure with no named
            // subject. The latter is that subject's only in a report mainly about it (the entity it names most), and
            // when no other name comes nearer before it: a player's "he had 55 yards" in a story about that player, but
            // not "… edging Duke great J.J. Redick for the record (2,769 points)". Each unnamed claim joins only its
            // report's principal, so this is one pass over the members.
            var byPrincipal = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (int m in unnamed ?? [])
                if (!untied.Contains(m) && principals[claims[m].Doc] is { } p && bySubject.TryGetValue(p, out var group))
                {
                    if (!byPrincipal.TryGetValue(p, out var joined)) byPrincipal[p] = joined = [.. group];
                    joined.Add(m);
                }
            foreach (var joined in byPrincipal.Values)
                if (!AllOverlap(joined, claims, out _, out _)) return null;
            return "not compared: the differing numbers belong to different named subjects (or to none named), so they are likely different holders' figures";
        }

        // No holder, and a bare measure: a counted noun with no verb ("20 points", "12 magazines"). Nothing says the
        // numbers count the same things (a player's points or the team's, this seizure's magazines or another's):
        // auditing unlabelled events found 41 such false alarms against 1 real dispute. Ages are left to the holder
        // rules ("Jose Orozco, 27" vs "…, 29" names whose age it is even where no entity was tagged).
        if (members.TrueForAll(m => !claims[m].Measure.Contains(':') && claims[m].Q.Kind != QuantityKind.Age))
            return "not compared: the numbers count a bare noun with no verb and no holder, so nothing says they are the same quantity";

        return null;
    }

    /// <summary>
    /// A percentage is a share of some population answering some question, and its number names neither: "27 percent of
    /// likely Republican voters", "a state that is 95 percent white", "turnout was a record 39%", "46 percent to 40
    /// percent" in a poll. Only the measure's own word (the same verb or noun for every claim) ties two
    /// reports' shares to one thing; percentages merged as related measures are not compared. Auditing PolNeAR election
    /// news (train) found every such dispute false: poll shares of different candidates, questions, states and polls.
    /// </summary>
    private static bool SharesOfDifferentThings(List<int> members, List<ClaimRec> claims)
    {
        if (!members.TrueForAll(m => claims[m].Q.Kind == QuantityKind.Percent)) return false;
        string measure = claims[members[0]].Measure;
        return members.Exists(m => !string.Equals(claims[m].Measure, measure, StringComparison.Ordinal));
    }

    /// <summary>Reports further apart than this many days speak of different moments: the story clusterer's own window
    /// (StreamingOptions.WindowDays).</summary>
    private const int SameTimeDays = 7;

    /// <summary>Why <see cref="DifferOnlyWeeksApart"/> holds; a revised running total still shows as updated.</summary>
    private const string WeeksApart =
        "not compared: the numbers differ only between reports more than a week apart, so they may be one quantity at different times (a running tally, a new poll), not a disagreement";

    /// <summary>
    /// Every report is dated and the numbers conflict only between reports more than <see cref="SameTimeDays"/> apart:
    /// claims within any week agree. A campaign's delegate tally two weeks later, a state's result against an earlier
    /// one, a poll a month on: a story that runs for months states different moments' figures, and a difference across
    /// weeks is no evidence that the reports disagree about one. Only dates the input or the page states as the
    /// publication date count: a date guessed from a dateline or other text can be another event's (an ECB+ report of
    /// a 2010 shooting read as 2003 lost a real dispute this way). Ages are left out (they are already read at each
    /// report's date), and a report without such a date keeps the dispute. Each claim is looked at in at most eight
    /// windows (one per distinct day that starts a window holding it).
    /// </summary>
    private static bool DifferOnlyWeeksApart(IReadOnlyList<Document> docs, List<int> members, List<ClaimRec> claims)
    {
        if (members.Exists(m => claims[m].Published is null || claims[m].Q.Kind == QuantityKind.Age
            || docs[claims[m].Doc].Metadata.Published?.Source is not (MetadataSource.Input or MetadataSource.Markup or MetadataSource.Header)))
            return false;
        var byDay = members.OrderBy(m => claims[m].Published!.Value).ToList();
        var window = new List<int>();
        int end = 0;
        for (int start = 0; start < byDay.Count;)
        {
            var from = claims[byDay[start]].Published!.Value;
            var to = from.AddDays(SameTimeDays);
            while (end < byDay.Count && claims[byDay[end]].Published!.Value <= to) end++;
            window.Clear();
            for (int i = start; i < end; i++) window.Add(byDay[i]);
            if (!AllOverlap(window, claims, out _, out _)) return false;
            while (start < byDay.Count && claims[byDay[start]].Published!.Value == from) start++;
        }
        return true;
    }

    /// <summary>True when one document gives two different values among the members from one voice: the same attributed
    /// source; or none, where a sentence that reports speech ("…, police said", a quotation) counts as another voice even
    /// when its speaker is not known. One pass over the members; each sentence is read once per story.</summary>
    private static bool OneVoiceGivesTwoValues(IReadOnlyList<Document> docs, List<int> members, List<ClaimRec> claims, List<SentenceRec> sentences,
        Dictionary<int, bool> speech)
    {
        var first = new Dictionary<(int Doc, string Voice), double>();
        foreach (int m in members)
        {
            var c = claims[m];
            if (!speech.TryGetValue(c.Sentence, out bool reported))
                speech[c.Sentence] = reported = ReportsSpeech(docs[c.Doc].Text, sentences[c.Sentence].Sentence);
            var key = (c.Doc, c.EntityId ?? c.Label ?? (reported ? "\u0001speech" : ""));
            if (!first.TryAdd(key, c.Q.Value) && first[key] != c.Q.Value) return true;
        }
        return false;
    }

    private static bool ReportsSpeech(string text, Sentence sentence)
    {
        var span = text.AsSpan(sentence.Start, sentence.End - sentence.Start);
        if (span.IndexOfAny("\"“”") >= 0) return true;
        foreach (var range in span.Split(' '))
        {
            var word = span[range].TrimEnd(".,;:!?");
            foreach (var w in SpeakerWords)
                if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The story entity id of a person, organisation or team named in the claim's sentence shortly before the
    /// number, as its subject ("Shy Ely scored 23 points", "Garrard , who completed 28 passes", "the Chiefs rushed for
    /// 352 yards"); null when none, when the name is a preposition's object, or when the words between make the name a
    /// speaker or cross a clause ("…, police said 17 …"). <paramref name="nearest"/>: the nearest such name before the
    /// number in the sentence, tied or not.</summary>
    private static string? NamedSubject(Document doc, ClaimRec claim, SentenceRec sentence, out string? nearest)
    {
        EntityRef? last = null;
        nearest = null;
        foreach (var e in sentence.Mentions)
        {
            if (e.End > claim.Q.Start) break;
            last = e;
            if (IsHolderType(doc, e.Start)) nearest = e.Id;
        }
        if (last is not { } subject || !IsHolderType(doc, subject.Start) || AfterPreposition(doc.Text, subject.Start)) return null;
        var gap = doc.Text.AsSpan(subject.End, claim.Q.Start - subject.End);
        if (gap.IndexOfAny(".;:\"“”()") >= 0 || PossessesOtherNoun(gap)) return null;
        int words = 0;
        foreach (var range in gap.Split(' '))
        {
            var word = gap[range];
            if (word.IsEmpty) continue;
            if (++words > 6) return null;
            foreach (var s in SpeakerWords)
                if (word.Equals(s, StringComparison.OrdinalIgnoreCase)) return null;
        }
        return subject.Id;
    }

    /// <summary>"Nichols' fate for 40 hours", "Rodney Buford's record of 2,116 points": the name owns another noun, so it
    /// is not the number's subject; "Hansbrough's 20 points" (nothing between) is its holder.</summary>
    private static bool PossessesOtherNoun(ReadOnlySpan<char> gap)
    {
        var g = gap.TrimStart();
        if (g.IsEmpty || g[0] is not ('\'' or '’')) return false;
        g = g[1..].TrimStart();
        if (g.StartsWith("s ", StringComparison.Ordinal) || g is "s") g = g[1..];
        return !g.Trim().IsEmpty;
    }

    /// <summary>Each report's principal: the entity it names at least twice as often as any other, or null (a report
    /// naming the record holder three times and the player who broke it twice is about neither alone). One pass over
    /// each report's mentions.</summary>
    private static string?[] Principals(IReadOnlyList<Document> docs, SentenceEntities? entitiesOf)
    {
        var result = new string?[docs.Count];
        if (entitiesOf is null) return result;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int d = 0; d < docs.Count; d++)
        {
            counts.Clear();
            foreach (var e in entitiesOf(docs[d], new TextSpan(0, docs[d].Text.Length)))
                counts[e.Id] = counts.GetValueOrDefault(e.Id) + 1;
            int best = 0, second = 0;
            foreach (var (id, n) in counts)
            {
                if (n > best) { second = best; best = n; result[d] = id; }
                else if (n > second) second = n;
            }
            if (best < 2 * Math.Max(1, second)) result[d] = null;
        }
        return result;
    }

    private static readonly string[] Prepositions = ["to", "at", "for", "against", "from", "with", "by", "of", "in", "on", "over", "than"];

    /// <summary>The name is the object of a preposition ("handed the ball to the Colts", "rushed for 398 yards against
    /// Houston"), not a subject: the word before it, skipping "the", is a preposition.</summary>
    private static readonly string[] Determiners = [" the", " a", " an", " its", " their", " his", " her"];

    private static bool AfterPreposition(string text, int start)
    {
        var before = text.AsSpan(Math.Max(0, start - 24), start - Math.Max(0, start - 24)).TrimEnd();
        // "at the Sony factory", "at a Sony factory", "for its Apple unit": the determiner sits between.
        foreach (var determiner in Determiners)
            if (before.EndsWith(determiner, StringComparison.OrdinalIgnoreCase)) { before = before[..^determiner.Length].TrimEnd(); break; }
        int sp = before.LastIndexOf(' ');
        var word = sp < 0 ? before : before[(sp + 1)..];
        foreach (var p in Prepositions)
            if (word.Equals(p, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A person, an organisation or team, or another named thing; not a place ("in Houston").</summary>
    private static bool IsHolderType(Document doc, int start)
    {
        var mentions = doc.Entities;
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Start < start) lo = mid + 1; else hi = mid;
        }
        return lo < mentions.Length && mentions[lo].Start == start && mentions[lo].Type is EntityType.Person or EntityType.Org or EntityType.Other;
    }
}
