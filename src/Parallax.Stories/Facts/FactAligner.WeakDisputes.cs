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
/// reports stands unless that last rule applies.
/// </summary>
public sealed partial class FactAligner
{
    /// <summary>Words between a name and its number that make the name a speaker or a source, not the subject.</summary>
    private static readonly string[] SpeakerWords = ["said", "says", "say", "told", "tells", "according"];

    /// <summary>Null when the dispute stands; else why its claims are not compared, for the fact's evidence.</summary>
    private static string? WeakDispute(IReadOnlyList<Document> docs, List<ClaimRec> claims, List<SentenceRec> sentences, Cluster cluster)
    {
        var members = cluster.Members;
        if (members.TrueForAll(m => claims[m].Meaning.Scope is ClaimScope.Background or ClaimScope.Roundup))
            return "not compared: every number is background or a wider total (an earlier event, a season or area total), which reports need not share";
        if (members.Exists(m => claims[m].Holder is not null)) return null;

        // One report itself gives differing values under this fact's words in one voice (its own, or one source's): the
        // words name several quantities in that story (one player's points and another's, the bullets a gun held and the
        // bullets that hit), so a difference between reports says nothing. A report that sets its own figure beside a
        // source's ("about 20 minutes" vs police's "about 25 minutes") speaks in two voices and still disputes. Ages are
        // left to the holder rules.
        if (members.TrueForAll(m => claims[m].Q.Kind != QuantityKind.Age) && OneVoiceGivesTwoValues(docs, members, claims, sentences))
            return "not compared: one report itself gives differing numbers under these words, so they name several quantities, not one";

        // Claims grouped by the person named just before the number ("" when none).
        var bySubject = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (int m in members)
        {
            string key = NamedSubject(docs[claims[m].Doc], claims[m], sentences[claims[m].Sentence]) ?? "";
            if (!bySubject.TryGetValue(key, out var list)) bySubject[key] = list = [];
            list.Add(m);
        }
        // One named person's own figure differs between reports ("Manning completed 29 passes" / "… 23 passes"): the
        // strongest evidence that the numbers are one quantity, so the dispute stands.
        foreach (var (key, group) in bySubject)
            if (key.Length > 0 && !AllOverlap(group, claims, out _, out _)) return null;
        int named = bySubject.Count - (bySubject.ContainsKey("") ? 1 : 0);
        if (named >= 2 && (!bySubject.TryGetValue("", out var unnamed) || AllOverlap(unnamed, claims, out _, out _)))
            return "not compared: the differing numbers follow different people's names, so they are likely different people's figures";

        // No holder, and a bare measure: a counted noun with no verb ("20 points", "12 magazines"). Nothing says the
        // numbers count the same things (a player's points or the team's, this seizure's magazines or another's):
        // auditing unlabelled events found 41 such false alarms against 1 real dispute. Ages are left to the holder
        // rules ("Jose Orozco, 27" vs "…, 29" names whose age it is even where no entity was tagged).
        if (members.TrueForAll(m => !claims[m].Measure.Contains(':') && claims[m].Q.Kind != QuantityKind.Age))
            return "not compared: the numbers count a bare noun with no verb and no holder, so nothing says they are the same quantity";

        return null;
    }

    /// <summary>True when one document gives two different values among the members from one voice: the same attributed
    /// source; or none, where a sentence that reports speech ("…, police said", a quotation) counts as another voice even
    /// when its speaker is not known. One pass over the members.</summary>
    private static bool OneVoiceGivesTwoValues(IReadOnlyList<Document> docs, List<int> members, List<ClaimRec> claims, List<SentenceRec> sentences)
    {
        var first = new Dictionary<(int Doc, string Voice), double>();
        var speech = new Dictionary<int, bool>();   // each sentence read once, however many numbers it holds
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

    /// <summary>The story entity id of a person named in the claim's sentence shortly before the number, as its subject
    /// ("Shy Ely scored 23 points", "Garrard , who completed 28 passes"); null when none, or when the words between
    /// make the person a speaker or cross a clause ("…, police said 17 …").</summary>
    private static string? NamedSubject(Document doc, ClaimRec claim, SentenceRec sentence)
    {
        EntityRef? last = null;
        foreach (var e in sentence.Mentions)
        {
            if (e.End > claim.Q.Start) break;
            last = e;
        }
        if (last is not { } subject || !IsPerson(doc, subject.Start)) return null;
        var gap = doc.Text.AsSpan(subject.End, claim.Q.Start - subject.End);
        if (gap.IndexOfAny(".;:\"“”()") >= 0) return null;
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

    private static bool IsPerson(Document doc, int start)
    {
        var mentions = doc.Entities;
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Start < start) lo = mid + 1; else hi = mid;
        }
        return lo < mentions.Length && mentions[lo].Start == start && mentions[lo].Type is EntityType.Person or EntityType.Other;
    }
}
