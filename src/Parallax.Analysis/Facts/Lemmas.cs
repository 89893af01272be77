using System.Collections.Frozen;
using Parallax.Analysis.Text;

namespace Parallax.Analysis.Facts;

/// <summary>
/// Small rule-based English lemmatiser for the heads quantities measure: plural nouns to singular ("children" →
/// "child", "views" → "view") and verb forms to their base ("hitting" → "hit", "tried" → "try", "negotiating" →
/// "negotiate"). Rules follow the regular English suffix patterns with an irregular-verb list (the common past
/// tenses of news writing); it only has to give the same key for the same word, and a readable label.
/// </summary>
internal static class Lemmas
{
    private static readonly FrozenDictionary<string, string> IrregularVerbs = new Dictionary<string, string>
    {
        ["broke"] = "break", ["broken"] = "break", ["took"] = "take", ["taken"] = "take", ["made"] = "make",
        ["went"] = "go", ["gone"] = "go", ["came"] = "come", ["left"] = "leave", ["held"] = "hold", ["found"] = "find",
        ["got"] = "get", ["gotten"] = "get", ["gave"] = "give", ["given"] = "give", ["spent"] = "spend",
        ["fought"] = "fight", ["thought"] = "think", ["caught"] = "catch", ["ran"] = "run", ["sat"] = "sit",
        ["stood"] = "stand", ["said"] = "say", ["told"] = "tell", ["shot"] = "shoot", ["kept"] = "keep",
        ["lost"] = "lose", ["paid"] = "pay", ["sent"] = "send", ["met"] = "meet", ["led"] = "lead", ["fled"] = "flee",
        ["spoke"] = "speak", ["spoken"] = "speak", ["drove"] = "drive", ["driven"] = "drive", ["wrote"] = "write",
        ["written"] = "write", ["began"] = "begin", ["begun"] = "begin", ["saw"] = "see", ["seen"] = "see",
        ["knew"] = "know", ["known"] = "know", ["grew"] = "grow", ["threw"] = "throw", ["thrown"] = "throw",
        ["flew"] = "fly", ["flown"] = "fly", ["fell"] = "fall", ["fallen"] = "fall", ["stole"] = "steal",
        ["stolen"] = "steal", ["bought"] = "buy", ["brought"] = "bring", ["sought"] = "seek", ["taught"] = "teach",
        ["rose"] = "rise", ["risen"] = "rise", ["chose"] = "choose", ["chosen"] = "choose", ["froze"] = "freeze",
        ["wore"] = "wear", ["tore"] = "tear", ["woke"] = "wake", ["hid"] = "hide", ["bit"] = "bite",
        ["dug"] = "dig", ["hung"] = "hang", ["struck"] = "strike", ["swore"] = "swear", ["won"] = "win",
        ["dealt"] = "deal", ["meant"] = "mean", ["felt"] = "feel", ["slept"] = "sleep", ["heard"] = "hear",
        ["sold"] = "sell", ["built"] = "build", ["lit"] = "light", ["read"] = "read", ["did"] = "do", ["done"] = "do",
        ["was"] = "be", ["were"] = "be", ["had"] = "have", ["has"] = "have", ["sang"] = "sing", ["drank"] = "drink",
        ["ate"] = "eat", ["eaten"] = "eat", ["shook"] = "shake", ["forgot"] = "forget", ["understood"] = "understand",
        ["withdrew"] = "withdraw", ["overtook"] = "overtake", ["undertook"] = "undertake", ["lay"] = "lie",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> IrregularLookup =
        IrregularVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the word reads as a verb form: "-ing", "-ed" or an irregular past.</summary>
    public static bool LooksVerbal(ReadOnlySpan<char> w) =>
        w.Length > 4 && (w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        || IrregularLookup.ContainsKey(w);

    public static bool IsIrregularVerb(ReadOnlySpan<char> w) => IrregularLookup.ContainsKey(w);

    /// <summary>Every irregular form with its base ("broke" → "break", "broken" → "break"), for building forms back.</summary>
    public static IEnumerable<KeyValuePair<string, string>> IrregularForms => IrregularVerbs;

    /// <summary>The base form of a verb ("hitting" → "hit"), lower-cased.</summary>
    public static string Verb(ReadOnlySpan<char> word)
    {
        if (IrregularLookup.TryGetValue(word, out var irregular)) return irregular;
        Span<char> w = stackalloc char[Math.Min(word.Length, 64)];
        int n = word[..w.Length].ToLowerInvariant(w);
        var s = w[..n];
        if (n > 4 && s.EndsWith("ied")) return string.Concat(s[..^3], "y");
        if (n > 4 && s.EndsWith("ies")) return string.Concat(s[..^3], "y");
        if (n > 4 && s.EndsWith("eed")) return new string(s[..^1]);
        if (n > 5 && s.EndsWith("ing")) return Restore(s[..^3]);
        if (n > 4 && s.EndsWith("ed")) return Restore(s[..^2]);
        if (n > 4 && (s.EndsWith("ches") || s.EndsWith("shes") || s.EndsWith("sses") || s.EndsWith("xes") || s.EndsWith("zes")))
            return new string(s[..^2]);
        if (n > 3 && s[^1] == 's' && s[^2] != 's' && s[^2] != 'u' && s[^2] != 'i') return new string(s[..^1]);
        return new string(s);
    }

    /// <summary>Undoes the spelling changes of "-ing"/"-ed": a doubled consonant ("hitt" → "hit") or a dropped "e"
    /// ("negotiat" → "negotiate", "remov" → "remove").</summary>
    private static string Restore(ReadOnlySpan<char> stem)
    {
        int n = stem.Length;
        if (n >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('l' or 's' or 'z' or 'f'))
            return new string(stem[..^1]);
        if (n >= 3)
        {
            char a = stem[^2], b = stem[^1], before = stem[^3];
            bool addE = (a, b) switch
            {
                ('a', 't') => !IsVowel(before),
                ('i', 'z') or ('y', 'z') => true,
                ('o', 'v') or ('r', 'v') or ('l', 'v') or ('i', 'v') => true,
                ('d', 'g') => true,
                ('u', 'c') or ('r', 'c') or ('n', 'c') => true,
                ('a', 'k') => !IsVowel(before),
                ('u', 'd') or ('i', 'd') => !IsVowel(before),
                ('o', 's') => !IsVowel(before),
                _ => false,
            };
            // "negotiat", "creat", "operat": the "at" rule with a vowel before still needs the "e" when the stem is long.
            if (!addE && a == 'a' && b == 't' && n >= 6 && before == 'i') addE = true;
            if (addE) return string.Concat(stem, "e");
        }
        return new string(stem);
    }

    /// <summary>The singular of a plural noun ("children" → "child", "views" → "view"), lower-cased.</summary>
    public static string Singular(ReadOnlySpan<char> word)
    {
        var lex = QuantityLexicon.Get(word);
        if (lex.Lemma is not null) return lex.Lemma;
        Span<char> w = stackalloc char[Math.Min(word.Length, 64)];
        int n = word[..w.Length].ToLowerInvariant(w);
        var s = w[..n];
        if (n > 4 && s.EndsWith("ies")) return string.Concat(s[..^3], "y");
        if (n > 4 && (s.EndsWith("ches") || s.EndsWith("shes") || s.EndsWith("sses") || s.EndsWith("xes") || s.EndsWith("zes") || s.EndsWith("oes")))
            return new string(s[..^2]);
        if (n > 2 && s[^1] == 's' && s[^2] != 's') return new string(s[..^1]);
        return new string(s);
    }

    /// <summary>Lower-cased copy of a word (for heads that are already singular).</summary>
    public static string Lower(ReadOnlySpan<char> word)
    {
        Span<char> w = stackalloc char[Math.Min(word.Length, 64)];
        int n = word[..w.Length].ToLowerInvariant(w);
        return new string(w[..n]);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
