using System.Collections.Immutable;
using Parallax.Analysis.Quotes;
using Parallax.Model;

namespace Parallax.Stories.Quotes;

/// <summary>
/// Groups the same statement printed by several documents. Two quotes are one statement when the runs of
/// <see cref="ShingleSize"/> words they share (after normalisation: case, punctuation, ellipses and square brackets
/// dropped) cover at least <see cref="MinContainment"/> of the shorter one, so cuts, "roll [the window] down" and changed
/// punctuation still match while a shared name ("Immigration and Customs Enforcement (ICE)") does not chain unrelated
/// statements together; short quotes must match whole. Candidate pairs come from an index of shingles, and shingles
/// shared by very many quotes are ignored, so cost follows overlap, not quotes squared.
/// </summary>
public static class QuoteGrouper
{
    /// <summary>Five words: long enough that two unrelated sentences rarely share a run, short enough to survive edits
    /// every few words.</summary>
    public const int ShingleSize = 5;
    private const int CommonShingleLimit = 64;
    /// <summary>Member pairs compared when two groups join; beyond it they stay apart.</summary>
    private const int MaxJoinWork = 4096;
    /// <summary>A cut printing of a statement shares nearly all its runs with the full one (seen: 0.6–1.0 on the seeds
    /// and samples); unrelated quotes that share a phrase stay under 0.15.</summary>
    public const double MinContainment = 0.3;
    /// <summary>Reported speech paraphrases: it joins a statement only when most of it is the statement's own words,
    /// so a different person's paraphrase that borrows a phrase stays apart.</summary>
    public const double MinContainmentIndirect = 0.6;

    public sealed record Occurrence(Document Doc, Quote Quote, string? SpeakerId, string? SpeakerLabel);

    public static ImmutableArray<QuoteGroup> Group(IReadOnlyList<Occurrence> occurrences, Func<string> nextId)
    {
        int n = occurrences.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Root(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }

        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shingleCount = new int[n];
        for (int i = 0; i < n; i++)
        {
            var o = occurrences[i];
            var words = Words(o.Doc.Slice(o.Quote.Content));
            foreach (var key in Shingles(words).Distinct())
            {
                shingleCount[i]++;
                if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                if (list.Count <= CommonShingleLimit) list.Add(i);
            }
        }
        var shared = new Dictionary<(int, int), int>();
        foreach (var list in index.Values)
        {
            if (list.Count < 2 || list.Count > CommonShingleLimit) continue;
            for (int a = 0; a < list.Count; a++)
                for (int b = a + 1; b < list.Count; b++)
                    shared[(list[a], list[b])] = shared.GetValueOrDefault((list[a], list[b])) + 1;
        }
        // Pairs that print the same statement, strongest first (share of the shorter one's runs), so a long statement
        // that holds several short ones joins the one it shares most with.
        var matched = new List<(int I, int J, double Strength)>();
        foreach (var ((i, j), count) in shared)
        {
            // One shared run is not enough unless both quotes are that short: a five-word phrase ("it was a warrantless
            // arrest") inside someone's long statement is an echo, not a printing of the statement.
            bool bothShort = shingleCount[i] == 1 && shingleCount[j] == 1;
            if (count < 2 && !bothShort) continue;
            int shorter = Math.Min(shingleCount[i], shingleCount[j]);
            if (count >= (occurrences[i].Quote.Kind == QuoteKind.Indirect || occurrences[j].Quote.Kind == QuoteKind.Indirect
                              ? MinContainmentIndirect : MinContainment) * shorter
                && SpeakersCompatible(occurrences[i], occurrences[j], count, (double)count / shorter))
                matched.Add((i, j, (double)count / shorter));
        }
        matched.Sort((a, b) => b.Strength != a.Strength ? b.Strength.CompareTo(a.Strength) : (a.I, a.J).CompareTo((b.I, b.J)));
        var direct = new HashSet<(int, int)>(matched.Select(m => (m.I, m.J)));
        var groupOf = new List<int>[n];
        for (int i = 0; i < n; i++) groupOf[i] = [i];
        foreach (var (i, j, _) in matched)
        {
            int ri = Root(i), rj = Root(j);
            if (ri == rj || !CanJoin(groupOf[ri], groupOf[rj], occurrences, direct)) continue;
            if (groupOf[ri].Count < groupOf[rj].Count) (ri, rj) = (rj, ri);
            parent[rj] = ri;
            groupOf[ri].AddRange(groupOf[rj]);
            groupOf[rj] = [];
        }

        var groups = new List<QuoteGroup>();
        foreach (var members in Enumerable.Range(0, n).GroupBy(Root).OrderBy(g => g.Min()))
        {
            var occ = members.Select(i => occurrences[i]).ToList();
            var text = CanonicalText(occ);
            var speakers = occ.Where(o => o.SpeakerId is not null).GroupBy(o => o.SpeakerId!)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
            var list = occ.Select(o => new QuoteOccurrence(
                new DocSpan(o.Doc.Id, o.Quote.Content.Start, o.Quote.Content.End), o.Quote.Kind, o.SpeakerId, o.SpeakerLabel,
                o.Quote.Cue is { } cue ? new DocSpan(o.Doc.Id, cue.Start, cue.End) : null,
                (o.Quote.Source ?? QuoteSource.Find(o.Doc, o.Quote)) is { } src ? new DocSpan(o.Doc.Id, src.Start, src.End) : null)).ToImmutableArray();
            groups.Add(new QuoteGroup(nextId(), text, speakers.FirstOrDefault(), speakers.Count > 1, list));
        }
        return [.. groups];
    }

    /// <summary>
    /// Whether two groups may become one statement: two different quotes of one document stay apart unless they
    /// print the same words themselves (a document that quotes two sentences of one press release quotes two
    /// statements, even when another document prints the release whole: the "8 printings" chain), and a document's
    /// quotes in one group share their speaker. Cost: the smaller group's members times the larger's in the same
    /// document, and groups are few per document.
    /// </summary>
    private static bool CanJoin(List<int> a, List<int> b, IReadOnlyList<Occurrence> occurrences, HashSet<(int, int)> direct)
    {
        // A bound on the work per join: groups this large are repeated boilerplate, better left apart than compared.
        if ((long)a.Count * b.Count > MaxJoinWork) return false;
        foreach (var x in a)
            foreach (var y in b)
            {
                var ox = occurrences[x];
                var oy = occurrences[y];
                if (ox.Doc.Id != oy.Doc.Id) continue;
                if (!direct.Contains((Math.Min(x, y), Math.Max(x, y)))) return false;
                if (ox.SpeakerId != oy.SpeakerId || ox.SpeakerLabel != oy.SpeakerLabel) return false;
            }
        return true;
    }

    /// <summary>
    /// Two printings credited to two different named people are two statements, unless they share a long run of the
    /// same words (at least <see cref="MinSharedForConflict"/> runs and most of the shorter one): then it is one
    /// statement whose speaker the outlets dispute. A person and an organisation (a spokesperson and the agency) or an
    /// unnamed speaker are compatible.
    /// </summary>
    private static bool SpeakersCompatible(Occurrence x, Occurrence y, int shared, double strength)
    {
        if (x.SpeakerId is null || y.SpeakerId is null || x.SpeakerId == y.SpeakerId) return true;
        if (!(SpeakerType(x) == EntityType.Person && SpeakerType(y) == EntityType.Person)) return true;
        return shared >= MinSharedForConflict && strength >= MinContainmentIndirect;
    }

    /// <summary>Shared five-word runs two printings credited to different people need to be one statement.</summary>
    public const int MinSharedForConflict = 6;

    private static EntityType? SpeakerType(Occurrence o)
    {
        if (o.Quote.Speaker is not { } sp) return null;
        var mentions = o.Doc.Entities;
        int lo = 0, hi = mentions.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (mentions[mid].Start < sp.Start) lo = mid + 1; else hi = mid; }
        return lo < mentions.Length && mentions[lo].Start == sp.Start ? mentions[lo].Type : null;
    }

    /// <summary>The text most documents print; the longest among equals, so a cut printing is not chosen.</summary>
    private static string CanonicalText(List<Occurrence> occ) =>
        occ.Select(o => o.Doc.Slice(o.Quote.Content))
           .GroupBy(t => string.Join(' ', Words(t)))
           .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
           .First().First();

    /// <summary>Lower-cased words: letters and digits, apostrophes unified and dropped, everything else a separator.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var sb = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (ch is '\'' or '\u2019' && sb.Length > 0) continue; // "don’t" = "dont"
            else if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    private static IEnumerable<string> Shingles(List<string> words)
    {
        if (words.Count < ShingleSize)
        {
            if (words.Count > 0) yield return string.Join(' ', words);
            yield break;
        }
        for (int i = 0; i + ShingleSize <= words.Count; i++)
            yield return string.Join(' ', words.GetRange(i, ShingleSize));
    }
}
