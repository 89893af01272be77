using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>Collecting claims: each quantity with its sentence words, dates, entities, attribution, owner and outcome.</summary>
public sealed partial class FactAligner
{
    // ---------------------------------------------------------------- collection

    private static void Collect(IReadOnlyList<Document> docs, ClaimAttribution attribution, SentenceEntities? entitiesOf,
        Dictionary<string, string> names, StoryVocabulary vocabulary,
        List<SentenceRec> sentences, List<ClaimRec> claims)
    {
        var terms = new List<int>();
        int storyYear = StoryYear(docs);
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
            int overlap = 0;
            DocumentYears? years = null;
            foreach (var t in doc.Times)
            {
                if (t.Iso is null) continue;
                int s = doc.SentenceAt(t.Start);
                if (s < 0) continue;
                interesting[s] = true;
                // "four years ago", "41 years ago": the time is the claim's own duration counted back, not the time the
                // sentence tells of, so it makes no sentence background.
                while (overlap < doc.Quantities.Length && doc.Quantities[overlap].End <= t.Start) overlap++;
                if (overlap < doc.Quantities.Length && doc.Quantities[overlap].Start < t.End) continue;
                string iso = AnchorIso(doc, ref years, t, s);
                if (!anchorsBySentence.TryGetValue(s, out var list)) anchorsBySentence[s] = list = [];
                if (!list.Contains(iso)) list.Add(iso);
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
                var sentenceRec = sentences[recIndex[s]];
                string? owner = Owner(doc.Text, q, sentenceRec.Mentions);
                var outcome = CountOutcomes.Of(doc.Text, q);
                bool noHead = HasNoHead(doc.Text, q);
                var meaning = ClaimMeaning.Read(doc.Text, sentenceRec.Sentence.Span, q, noHead);
                if (meaning.Scope == ClaimScope.Whole && q.Kind != QuantityKind.Age && IsBackground(sentenceRec, storyYear)) meaning = meaning with { Scope = ClaimScope.Background };
                string? predicate = Predicate(outcome);
                if (predicate is not null && !meaning.Strong) meaning = meaning with { Strong = true }; // "five people injured"
                bool measuresObject = QuantityRoles.MeasuresObject(doc.Text, q);
                if (measuresObject && !noHead) meaning = meaning with { Strong = true };                // "the 32-minute video"
                claims.Add(new ClaimRec
                {
                    Meaning = meaning,
                    Predicate = predicate,
                    Holder = owner ?? meaning.HolderNoun,
                    Measure = MeasureKey(q, meaning, predicate),
                    Doc = d,
                    Q = q,
                    Sentence = recIndex[s],
                    Text = doc.Text,
                    Published = doc.PublishedDate,
                    EntityId = entity,
                    Label = label,
                    Object = measuresObject,
                    Order = claims.Count,
                    Owner = owner,
                    Outcome = outcome,
                    NoHead = noHead,
                });
            }
            CollectDates(doc, d, recIndex, sentences, claims, attribution);
        }
    }

    /// <summary>The year most of the story's dated sentences fall in, from resolved dates; 0 when none.</summary>
    private static int StoryYear(IReadOnlyList<Document> docs)
    {
        var counts = new Dictionary<int, int>();
        foreach (var d in docs)
        {
            if (d.PublishedDate is { } p) counts[p.Year] = counts.GetValueOrDefault(p.Year) + 3;
            foreach (var t in d.Times)
                if (t.Iso is { Length: >= 4 } iso && int.TryParse(iso.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y))
                    counts[y] = counts.GetValueOrDefault(y) + 1;
        }
        return counts.Count == 0 ? 0 : counts.OrderByDescending(p => p.Value).ThenByDescending(p => p.Key).First().Key;
    }

    /// <summary>A sentence dated in another year than the story's ("the 2008 raid", "in 1991") tells background.</summary>
    private static bool IsBackground(SentenceRec s, int storyYear)
    {
        if (storyYear == 0) return false;
        foreach (var a in s.Anchors)
            if (a.Length >= 4 && int.TryParse(a.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y != storyYear) return true;
        return false;
    }

    private static readonly FrozenSet<string> PersonNouns = new[]
    {
        "man", "woman", "boy", "girl", "teen", "teenager", "resident", "native", "driver", "mother", "father", "person", "youth",
        "member", "officer", "worker", "employee", "student", "veteran",
    }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonNoun = PersonNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string? Predicate(CountOutcome o) => o switch
    {
        CountOutcome.Died => "killed",
        CountOutcome.Injured => "injured",
        CountOutcome.Arrested => "arrested",
        CountOutcome.Displaced => "displaced",
        CountOutcome.Missing => "missing",
        CountOutcome.Rescued => "rescued",
        CountOutcome.Hospitalized => "hospitalized",
        CountOutcome.Shot => "shot",
        CountOutcome.Destroyed => "destroyed",
        CountOutcome.Damaged => "damaged",
        _ => null,
    };

    /// <summary>The claim's measure label: "killed:person", "pirate", "age", "negotiate:duration", "reward:money".</summary>
    private static string MeasureKey(in Quantity q, ClaimMeaning m, string? predicate) => q.Kind switch
    {
        QuantityKind.Count => predicate is null ? m.Noun : $"{predicate}:{m.Noun}",
        QuantityKind.Age => "age",
        QuantityKind.Duration => $"{m.Noun}:duration",
        QuantityKind.Length => $"{m.Noun}:distance",
        QuantityKind.Money => $"{m.Noun}:money",
        QuantityKind.Percent => $"{m.Noun}:percent",
        QuantityKind.Ordinal => $"{m.Noun}:rank",
        _ => $"{m.Noun}:{q.Unit}",
    };

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
            else if (age && m.Start >= q.End && m.Start - q.End <= 40 && OnlyTitleWords(text.AsSpan(q.End, m.Start - q.End))
                     && !ModifiesPersonNoun(text, m.End)) return m.Id;
        }
        return owner;

        static bool Describes(ReadOnlySpan<char> gap, bool age) =>
            (age && gap is ",") || gap is ", a" or ", an" or "was a" or "was an" or "is a" or "is an" or ", the";

        // "a 61-year-old Vancouver man", "29-year-old Hawaiian Gardens gang member": the name is a modifier of the person
        // noun that follows (itself perhaps after one lower-case modifier), not the holder.
        static bool ModifiesPersonNoun(string text, int end)
        {
            int stop = end;
            for (int word = 0; word < 2; word++)
            {
                int start = stop;
                while (start < text.Length && text[start] == ' ') start++;
                stop = start;
                while (stop < text.Length && char.IsLower(text[stop])) stop++;
                if (stop == start) return false;
                if (PersonNoun.Contains(text.AsSpan(start, stop - start))) return true;
            }
            return false;
        }

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
}
