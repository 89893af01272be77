using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Content words of a story's sentences as small integer ids, with how many sentences hold each one, so rarity within
/// the story ("judge" in 8 of 250 sentences) weighs shared words. Words are folded to a crude stem ("removing" and
/// "removed" → "remov") so inflections match. One dictionary probe per token on a span; a string is made once per
/// distinct word.
/// </summary>
internal sealed class StoryVocabulary
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<int> sentenceCounts = [];
    private readonly List<string> surface = [];
    private readonly List<bool> capitalised = [];
    private readonly List<int> stamps = [];

    public StoryVocabulary() => lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many sentences were added.</summary>
    public int Sentences { get; private set; }

    /// <summary>The word as first seen, for evidence strings.</summary>
    public string Surface(int term) => surface[term];

    /// <summary>True when the word was seen capitalised inside a sentence: a name or an organisation.</summary>
    public bool IsEntityLike(int term) => capitalised[term];

    public int SentenceCount(int term) => sentenceCounts[term];

    /// <summary>The id of a word (stemmed the same way as sentence words), or -1.</summary>
    public int Find(string word)
    {
        Span<char> buffer = stackalloc char[48];
        if (word.Length > buffer.Length) return -1;
        int len = Stem(word, buffer);
        return lookup.TryGetValue(buffer[..len], out int id) ? id : -1;
    }

    private double[] weights = [];

    /// <summary>Fixes the weights once every sentence is added (they depend on the whole story).</summary>
    public void Freeze()
    {
        weights = new double[sentenceCounts.Count];
        for (int t = 0; t < weights.Length; t++)
        {
            double w = Math.Log((Sentences + 1.0) / sentenceCounts[t]);
            if (capitalised[t]) w *= 1.25; // names are better evidence of "the same moment" than common words
            weights[t] = Math.Max(w, 0.05);
        }
    }

    /// <summary>Inverse sentence frequency: ln(N / df), at least a small floor so common words still count a little.
    /// Valid after <see cref="Freeze"/>.</summary>
    public double Weight(int term) => weights[term];

    /// <summary>Adds one sentence's content words, skipping the characters in <paramref name="skip"/> spans (the numbers
    /// and dates themselves); appends the sentence's distinct term ids to <paramref name="terms"/> when given.</summary>
    public void AddSentence(Document doc, Sentence sentence, ReadOnlySpan<TextSpan> skip, List<int>? terms)
    {
        int stamp = Sentences++;
        var text = doc.Text;
        Span<char> buffer = stackalloc char[48];
        int end = Math.Min(sentence.EndToken, doc.Tokens.Length);
        for (int t = sentence.FirstToken; t < end; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Kind != TokenKind.Word || tok.Length < 2 || tok.Length > buffer.Length) continue;
            if (InSkip(skip, tok.Start)) continue;
            var word = text.AsSpan(tok.Start, tok.Length);
            if (word[0] is '\'' or '\u2019') continue; // the split-off possessive "'s"
            int len = Stem(word, buffer);
            if (len < 2) continue;
            var key = buffer[..len];
            if (StopWords.Contains(key)) continue;
            bool caps = (tok.Shape & TokenShape.Capitalized) != 0 && (tok.Shape & TokenShape.SentenceStart) == 0;
            if (!lookup.TryGetValue(key, out int id))
            {
                id = ids.Count;
                ids.Add(new string(key), id);
                sentenceCounts.Add(0);
                surface.Add(word.ToString());
                capitalised.Add(false);
                stamps.Add(-1);
            }
            if (caps) capitalised[id] = true;
            if (stamps[id] != stamp)
            {
                stamps[id] = stamp;
                sentenceCounts[id]++;
                terms?.Add(id);
            }
        }
    }

    private static bool InSkip(ReadOnlySpan<TextSpan> skip, int offset)
    {
        foreach (var s in skip) if (s.Contains(offset)) return true;
        return false;
    }

    /// <summary>Lower-cases and strips common inflections: "officers" → "officer", "removing"/"removed" → "remov",
    /// "tried" → "tri". Crude on purpose: it only has to map a word's forms to one key.</summary>
    internal static int Stem(ReadOnlySpan<char> word, Span<char> output)
    {
        int n = 0;
        foreach (var c in word)
        {
            if (c is '-' or '\u2011') continue; // "re-entered" and "reentering" share "reenter"
            output[n++] = char.ToLowerInvariant(c);
        }
        var s = output[..n];
        if (n > 4 && s.EndsWith("ies")) { s[n - 3] = 'i'; return n - 2; }
        if (n > 5 && s.EndsWith("ing")) return n - 3;
        if (n > 4 && s.EndsWith("ied")) return n - 2;
        if (n > 4 && s.EndsWith("ed")) return n - 2;
        if (n > 4 && s.EndsWith("es") && (s[n - 3] is 's' or 'x' or 'z' || s.EndsWith("ches") || s.EndsWith("shes"))) return n - 2;
        if (n > 3 && s[n - 1] == 's' && s[n - 2] is not ('s' or 'u' or 'i')) return n - 1;
        return n;
    }

    /// <summary>English function words and reporting verbs (every outlet "says"): they carry no evidence that two
    /// sentences tell the same thing. Stemmed forms, since lookups use stems.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords = new[]
    {
        "the", "a", "an", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
        "onto", "about", "after", "before", "over", "under", "than", "then", "that", "this", "these", "those", "there",
        "here", "it", "its", "he", "she", "they", "them", "him", "her", "his", "their", "we", "our", "you", "your", "i",
        "me", "my", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "is", "was", "are", "were",
        "be", "been", "being", "ha", "have", "had", "hav", "do", "doe", "did", "not", "no", "so", "as", "also", "just",
        "only", "very", "more", "most", "some", "any", "all", "both", "each", "other", "such", "own", "same", "can",
        "could", "would", "should", "will", "may", "might", "must", "shall", "said", "say", "sai", "tell", "told",
        "according", "accord", "while", "during", "until", "since", "because", "though", "although", "out", "up",
        "down", "off", "again", "further", "once", "now", "still", "even", "yet", "too", "like", "get", "got", "one",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "last", "new", "many",
        "much", "well", "way", "thi", "wa", "hi", "ther", "don", "t", "s", "re", "ve", "ll", "d", "m", "mr", "mrs", "ms",
        "minute", "hour", "day", "week", "month", "year", "time", "percent", "about", "around", "nearly", "almost",
        "least", "mor", "les", "fewer",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
