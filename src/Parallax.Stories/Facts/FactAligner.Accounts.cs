using System.Collections.Immutable;
using System.Globalization;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>Accounts: sentences of different documents that tell the same moment, with the evidence for putting them side by side.</summary>
public sealed partial class FactAligner
{
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
        // Sentences of one block that share too few rare words may still tell the same moment in other words: their phrase
        // vectors decide (computed, and the model loaded, only when such a pair comes up).
        var vectors = options.AccountCosine <= 1 ? new AccountVectors(docs, sentences) : null;
        var parent = Enumerable.Range(0, sentences.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
            return x;
        }
        var linkWords = new Dictionary<int, HashSet<int>>();
        var linkAnchors = new Dictionary<int, HashSet<string>>();
        var linkEntities = new Dictionary<int, HashSet<string>>();
        var linkCosine = new Dictionary<int, float>(); // the best phrase-vector cosine of a link made on it alone
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
                    float cosine = 0;
                    if (CountRare(a.Terms, b.Terms, vocabulary, rareLimit) < options.AccountMinShared
                        && (vectors is null || (cosine = vectors.Cosine(list[i], list[j])) < options.AccountCosine)) continue;
                    parent[rb] = ra;
                    if (cosine > 0) linkCosine[ra] = Math.Max(cosine, linkCosine.GetValueOrDefault(ra));
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
        var cosineOf = new Dictionary<int, float>();
        foreach (var (root, c) in linkCosine) { var r = Find(root); cosineOf[r] = Math.Max(c, cosineOf.GetValueOrDefault(r)); }
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
            // The words the tellings share verbatim read best ("a federal immigration judge"); rare words otherwise.
            // Failing a shared run, the opening words of the shortest telling: a heading reads as a sentence, not as a
            // list of rare words ("handcuffed, ground").
            string about = SharedRun(docs, sentences, members) is { } run ? run : Opening(docs, sentences, members);
            var evidence = ImmutableArray.CreateBuilder<string>();
            if (anchorsOf.TryGetValue(root, out var anchors) && anchors.Count > 0)
            {
                string dates = string.Join(", ", anchors.Order(StringComparer.Ordinal));
                // "2011: a federal immigration judge, in 2011" says the date twice: the run's own date goes.
                about = $"{dates}: {WithoutDate(about, anchors)}";
                evidence.Add($"same date: {dates}");
            }
            if (ranked.Count > 0) evidence.Add("shared rare words: " + string.Join(", ", ranked.Take(8)));
            if (cosineOf.TryGetValue(root, out var bestCosine))
                evidence.Add("same moment in other words: phrase-vector cosine " + bestCosine.ToString("F2", CultureInfo.InvariantCulture));
            if (entitiesOfGroup.TryGetValue(root, out var ents) && ents.Count > 0)
                evidence.Add("shared entities: " + string.Join(", ", ents.Order(StringComparer.Ordinal).Select(id => names.GetValueOrDefault(id, id))));
            if (!factIds.IsEmpty) evidence.Add("numbers in facts: " + string.Join(", ", factIds));
            int docCount = members.Select(s => sentences[s].Doc).Distinct().Count();
            evidence.Add($"{docCount} documents, {members.Count} sentences");
            // Key words the tellings contradict each other on ("ordered" vs "granted"): a disagreement in words.
            var disputes = AccountDisputes.Find(members.Select(s => (docs[sentences[s].Doc], sentences[s].Sentence.Span)).ToList());
            if (!disputes.IsEmpty) evidence.Add("contradicting words: " + string.Join("; ", disputes.Select(d => d.Contrast)));
            result.Add(new Account(nextAccountId(), about, spans, factIds, evidence.ToImmutable(), disputes));
        }
        return result.MoveToImmutable();
    }

    /// <summary>At most ten words from the start of the shortest telling, as printed, with "…" when cut.</summary>
    private static string Opening(IReadOnlyList<Document> docs, List<SentenceRec> sentences, List<int> members)
    {
        int shortest = members.MinBy(m => sentences[m].Sentence.Span.End - sentences[m].Sentence.Span.Start);
        var words = Words(docs[sentences[shortest].Doc].Text, sentences[shortest].Sentence.Span);
        if (words.Count == 0) return "";
        var text = docs[sentences[shortest].Doc].Text;
        int take = Math.Min(words.Count, 10);
        return text[words[0].Start..words[take - 1].End] + (take < words.Count ? " …" : "");
    }

    /// <summary>The heading without a date phrase that repeats one of the anchors at its end (", in 2011") or its start
    /// ("In 2011, ").</summary>
    private static string WithoutDate(string about, HashSet<string> anchors)
    {
        var trimmed = about.TrimEnd(' ', ',', '.');
        foreach (var a in anchors)
        {
            // Anchors are ISO dates; the year is what a telling repeats.
            var year = a.Length >= 4 ? a[..4] : a;
            foreach (var tail in new[] { ", in " + year, " in " + year, ", " + year })
                if (trimmed.EndsWith(tail, StringComparison.Ordinal) && trimmed.Length > tail.Length + 3)
                    return trimmed[..^tail.Length];
            var head = "In " + year + ", ";
            if (about.StartsWith(head, StringComparison.OrdinalIgnoreCase) && about.Length > head.Length + 3)
                return about[head.Length..];
        }
        return about;
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

    /// <summary>
    /// The longest run of words (at least three, at most twelve shown) that two tellings from different documents share,
    /// compared by letters and digits only, as printed in the earlier one; null when none is that long. At most six
    /// sentences are compared, so the cost per account is bounded.
    /// </summary>
    private static string? SharedRun(IReadOnlyList<Document> docs, List<SentenceRec> sentences, List<int> members)
    {
        var picked = members.Take(6).ToList();
        var words = picked.Select(m => Words(docs[sentences[m].Doc].Text, sentences[m].Sentence.Span)).ToList();
        (int Sentence, int Start, int Length) best = (-1, 0, 0);
        for (int a = 0; a < picked.Count; a++)
            for (int b = a + 1; b < picked.Count; b++)
            {
                if (sentences[picked[a]].Doc == sentences[picked[b]].Doc) continue;
                var (start, length) = LongestCommonRun(words[a], words[b]);
                if (length > best.Length) best = (a, start, length);
            }
        if (best.Length < 3) return null;
        // The run as printed, punctuation and all, from its first word to its last (twelve at most).
        var first = words[best.Sentence][best.Start];
        var last = words[best.Sentence][best.Start + Math.Min(best.Length, 12) - 1];
        var text = docs[sentences[picked[best.Sentence]].Doc].Text;
        return text[first.Start..last.End] + (best.Length > 12 ? " …" : "");
    }

    private static List<(string Key, int Start, int End)> Words(string text, TextSpan span)
    {
        var list = new List<(string, int, int)>();
        int i = span.Start;
        while (i < span.End)
        {
            while (i < span.End && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < span.End && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '\u2019' or '-') && i + 1 < span.End && char.IsLetterOrDigit(text[i + 1]))) i++;
            if (i > start) list.Add((text[start..i].ToLowerInvariant().Replace('\u2019', '\''), start, i));
        }
        return list;
    }

    /// <summary>Longest common contiguous run of two word lists (dynamic programming over one row).</summary>
    private static (int StartInA, int Length) LongestCommonRun(List<(string Key, int Start, int End)> a, List<(string Key, int Start, int End)> b)
    {
        var row = new int[b.Count + 1];
        int bestLength = 0, bestEnd = 0;
        for (int i = 1; i <= a.Count; i++)
        {
            int diagonal = 0;
            for (int j = 1; j <= b.Count; j++)
            {
                int above = row[j];
                row[j] = a[i - 1].Key == b[j - 1].Key ? diagonal + 1 : 0;
                if (row[j] > bestLength) { bestLength = row[j]; bestEnd = i; }
                diagonal = above;
            }
        }
        return (bestEnd - bestLength, bestLength);
    }
}
