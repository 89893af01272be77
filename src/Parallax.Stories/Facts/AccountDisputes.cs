using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Disagreements in words inside one account row: two sentences of different documents that tell the same moment and
/// use key words that cannot both be true of it ("ordered him out of the country" vs "granted him voluntary departure",
/// "suspended his credential" vs "surrendered his credential"). Precision over recall:
/// <list type="bullet">
/// <item>only a fixed list of outcome contrasts counts (antonyms and incompatible outcomes, not any two verbs);</item>
/// <item>a sentence takes one side only: it has a word of that side and none of the other (a sentence that tells
/// both, "arrested and later released", is a sequence, not a dispute);</item>
/// <item>a word right after a negation ("not guilty", "never confirmed") takes no side;</item>
/// <item>some contrasts need their context in the sentence ("ordered" only with removal words, "granted" only with
/// "voluntary departure"), because "ordered a new trial" and "granted a new trial" agree;</item>
/// <item>the two sentences share at least <see cref="MinShared"/> content words (names, numbers, rare nouns) beyond
/// the account's own linking, or two when both sides carry their context words.</item>
/// </list>
/// Cost: at most <see cref="MaxSentences"/> sentences of an account are compared, pairwise.
/// </summary>
public static class AccountDisputes
{
    /// <summary>Shared content words two tellings need for their contrasting words to be compared.</summary>
    public const int MinShared = 3;
    /// <summary>Sentences of one account that are compared (pairwise), so the cost per account is bounded.</summary>
    public const int MaxSentences = 16;

    private sealed record Side(string Label, FrozenSet<string> Words, FrozenSet<string>? Context);
    private sealed record Contrast(Side A, Side B)
    {
        public string Name => A.Label + " vs " + B.Label;
        public bool Contextual => A.Context is not null && B.Context is not null;
    }

    private static Side S(string label, string[] words, string[]? context = null) =>
        new(label, words.ToFrozenSet(StringComparer.Ordinal), context?.ToFrozenSet(StringComparer.Ordinal));

    private static readonly Contrast[] Contrasts =
    [
        new(S("ordered", ["ordered"], ["out", "deported", "deportation", "removal", "removed", "leave", "depart"]),
            S("granted", ["granted"], ["voluntary", "departure"])),
        new(S("suspended", ["suspended", "revoked", "suspension", "revocation"]),
            S("surrendered", ["surrendered", "relinquished", "surrender"])),
        new(S("arrested", ["arrested", "detained", "jailed"]), S("released", ["released", "freed"])),
        new(S("guilty", ["guilty", "convicted"]), S("acquitted", ["acquitted", "exonerated", "cleared"])),
        new(S("died", ["died", "killed", "dead"]), S("survived", ["survived", "alive"])),
        new(S("confirmed", ["confirmed"]), S("denied", ["denied"])),
        new(S("approved", ["approved"]), S("rejected", ["rejected", "vetoed"])),
        new(S("resigned", ["resigned", "quit"]), S("fired", ["fired", "dismissed", "ousted", "sacked"])),
    ];

    private static readonly FrozenSet<string> Negations = new[]
    {
        "not", "never", "no", "nor", "neither", "without", "deny", "denies", "didn", "wasn", "weren", "isn", "hasn", "hadn",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Stop = new[]
    {
        "that", "this", "with", "from", "have", "been", "were", "they", "their", "there", "when", "what", "which", "would",
        "could", "should", "about", "after", "before", "into", "over", "under", "than", "then", "them", "said", "says",
        "also", "while", "where", "will", "just", "more", "most", "some", "such", "only", "other", "being", "because",
        "told", "according", "his", "her", "him", "she", "had", "has", "was", "the", "and", "for", "out",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly record struct Word(string Key, int Start, int End, bool Negated);

    /// <summary>The word disputes among <paramref name="tellings"/> (each a document and a sentence span in it); empty
    /// when none holds.</summary>
    public static ImmutableArray<WordDispute> Find(IReadOnlyList<(Document Doc, TextSpan Sentence)> tellings)
    {
        int n = Math.Min(tellings.Count, MaxSentences);
        if (n < 2) return [];
        var words = new List<Word>[n];
        var content = new HashSet<string>[n];
        for (int i = 0; i < n; i++)
        {
            words[i] = Words(tellings[i].Doc.Text, tellings[i].Sentence);
            content[i] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var w in words[i])
                if ((w.Key.Length >= 4 || char.IsDigit(w.Key[0])) && !Stop.Contains(w.Key)) content[i].Add(w.Key);
        }
        var result = ImmutableArray.CreateBuilder<WordDispute>();
        foreach (var contrast in Contrasts)
        {
            var a = new Word?[n];
            var b = new Word?[n];
            for (int i = 0; i < n; i++)
            {
                var wa = Taken(words[i], contrast.A);
                var wb = Taken(words[i], contrast.B);
                // One side only: a sentence that tells both is a sequence ("arrested and later released").
                if (wa is not null && wb is null && !Mentions(words[i], contrast.B)) a[i] = wa;
                if (wb is not null && wa is null && !Mentions(words[i], contrast.A)) b[i] = wb;
            }
            var inA = new bool[n];
            var inB = new bool[n];
            int need = contrast.Contextual ? 2 : MinShared;
            for (int i = 0; i < n; i++)
            {
                if (a[i] is null) continue;
                for (int j = 0; j < n; j++)
                {
                    if (b[j] is null || tellings[i].Doc.Id == tellings[j].Doc.Id) continue;
                    if (SharedCount(content[i], content[j], a[i]!.Value.Key, b[j]!.Value.Key) < need) continue;
                    inA[i] = inB[j] = true;
                }
            }
            if (!inA.Contains(true)) continue;
            var list = ImmutableArray.CreateBuilder<DisputedWord>();
            for (int i = 0; i < n; i++)
            {
                var sentence = new DocSpan(tellings[i].Doc.Id, tellings[i].Sentence.Start, tellings[i].Sentence.End);
                if (inA[i]) list.Add(new DisputedWord(new DocSpan(tellings[i].Doc.Id, a[i]!.Value.Start, a[i]!.Value.End), sentence, 0));
                if (inB[i]) list.Add(new DisputedWord(new DocSpan(tellings[i].Doc.Id, b[i]!.Value.Start, b[i]!.Value.End), sentence, 1));
            }
            result.Add(new WordDispute(contrast.Name, list.ToImmutable()));
        }
        return result.ToImmutable();
    }

    /// <summary>The first word of <paramref name="side"/> in the sentence that no negation governs, when the side's
    /// context (if any) is in the sentence too.</summary>
    private static Word? Taken(List<Word> words, Side side)
    {
        if (side.Context is { } context && !words.Exists(w => context.Contains(w.Key))) return null;
        foreach (var w in words)
            if (!w.Negated && side.Words.Contains(w.Key)) return w;
        return null;
    }

    /// <summary>Whether the sentence uses a word of <paramref name="side"/> at all, negated or not.</summary>
    private static bool Mentions(List<Word> words, Side side) => words.Exists(w => side.Words.Contains(w.Key));

    private static int SharedCount(HashSet<string> x, HashSet<string> y, string skipA, string skipB)
    {
        int count = 0;
        foreach (var w in x)
            if (w != skipA && w != skipB && y.Contains(w)) count++;
        return count;
    }

    /// <summary>Lower-cased words of a span with their offsets; a word is negated when one of the two words before it
    /// is a negation ("not guilty", "was never confirmed", "didn't survive").</summary>
    private static List<Word> Words(string text, TextSpan span)
    {
        var list = new List<Word>();
        int i = span.Start;
        int lastNegation = -10;
        while (i < span.End)
        {
            while (i < span.End && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < span.End && char.IsLetterOrDigit(text[i])) i++;
            if (i <= start) continue;
            var key = text[start..i].ToLowerInvariant();
            if (key == "t" && list.Count > 0 && start > 0 && text[start - 1] is '\'' or '\u2019') { lastNegation = list.Count; continue; }
            list.Add(new Word(key, start, i, list.Count - lastNegation <= 2));
            if (Negations.Contains(key)) lastNegation = list.Count;
        }
        return list;
    }
}
