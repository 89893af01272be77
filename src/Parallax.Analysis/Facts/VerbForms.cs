using System.Collections.Frozen;

namespace Parallax.Analysis.Facts;

/// <summary>
/// English verb forms for labels a reader sees ("how long the jury deliberated", "time spent negotiating", "number of
/// times incarcerated"): the base of a form as printed, and the past tense, past participle and "-ing" form built back
/// from a base. Regular spelling rules plus the irregular verbs <see cref="Lemmas"/> knows and the verbs whose past is
/// their base ("hit", "cut", "set").
/// </summary>
public static class VerbForms
{
    // Verbs whose past and participle are the base itself.
    private static readonly FrozenSet<string> Invariant = new[]
    {
        "hit", "put", "set", "cut", "let", "hurt", "cost", "quit", "shut", "spread", "burst", "cast", "bet", "bid", "split",
        "upset", "beat", "broadcast", "forecast", "read", "shed", "slit", "thrust", "bust",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Base → (past, participle) for the irregular verbs, built from the lemmatiser's table: of two forms, the one ending
    // in "n" is the participle ("broke"/"broken", "took"/"taken"); "began"/"begun": the "a" form is the past.
    private static readonly FrozenDictionary<string, (string Past, string Participle)> Irregular = BuildIrregular();

    private static FrozenDictionary<string, (string, string)> BuildIrregular()
    {
        var byBase = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (form, lemma) in Lemmas.IrregularForms)
        {
            if (lemma is "be" or "have" or "do" || form == lemma) continue;
            if (!byBase.TryGetValue(lemma, out var list)) byBase[lemma] = list = [];
            list.Add(form);
        }
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (lemma, forms) in byBase)
        {
            forms.Sort(StringComparer.Ordinal);
            if (forms.Count == 1) { result[lemma] = (forms[0], forms[0]); continue; }
            string past = forms.FirstOrDefault(f => !f.EndsWith('n')) ?? forms.FirstOrDefault(f => f.Contains('a')) ?? forms[0];
            string participle = forms.FirstOrDefault(f => f != past && f.EndsWith('n')) ?? forms.First(f => f != past);
            result[lemma] = (past, participle);
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>True when the word reads as a verb form: "-ing", "-ed" or an irregular past.</summary>
    public static bool LooksVerbal(ReadOnlySpan<char> word) => Lemmas.LooksVerbal(word) || Invariant.Contains(word.ToString().ToLowerInvariant());

    /// <summary>True for a past tense or participle as printed: "deliberated", "held", "hit" (not "hitting").</summary>
    public static bool IsPast(ReadOnlySpan<char> word) =>
        word.Length > 3 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || Lemmas.IsIrregularVerb(word) && !IsBe(word)
        || Invariant.Contains(word.ToString().ToLowerInvariant());

    private static bool IsBe(ReadOnlySpan<char> w) => w.Equals("was", StringComparison.OrdinalIgnoreCase) || w.Equals("were", StringComparison.OrdinalIgnoreCase);

    /// <summary>The base form of a verb as printed ("hitting" → "hit", "deliberated" → "deliberate"), lower-cased.</summary>
    public static string Base(ReadOnlySpan<char> word) => Lemmas.Verb(word);

    /// <summary>The singular of a plural noun ("victims" → "victim"), lower-cased.</summary>
    public static string Singular(ReadOnlySpan<char> word) => Lemmas.Singular(word);

    /// <summary>"deliberate" → "deliberated", "try" → "tried", "chat" → "chatted", "hit" → "hit", "hold" → "held".</summary>
    public static string Past(string lemma) =>
        Invariant.Contains(lemma) ? lemma : Irregular.TryGetValue(lemma, out var f) ? f.Past : Regular(lemma, "ed");

    /// <summary>"break" → "broken", "incarcerate" → "incarcerated", "hit" → "hit".</summary>
    public static string Participle(string lemma) =>
        Invariant.Contains(lemma) ? lemma : Irregular.TryGetValue(lemma, out var f) ? f.Participle : Regular(lemma, "ed");

    /// <summary>"negotiate" → "negotiating", "hit" → "hitting", "lie" → "lying", "talk" → "talking".</summary>
    public static string Gerund(string lemma)
    {
        if (lemma.EndsWith("ie", StringComparison.Ordinal) && lemma.Length > 2) return lemma[..^2] + "ying";
        return Regular(lemma, "ing");
    }

    private static string Regular(string lemma, string suffix)
    {
        int n = lemma.Length;
        if (n == 0) return lemma;
        if (lemma[^1] == 'e')
            return suffix == "ed" ? lemma + "d" : lemma.EndsWith("ee", StringComparison.Ordinal) || lemma.EndsWith("ye", StringComparison.Ordinal)
                || lemma.EndsWith("oe", StringComparison.Ordinal) || n <= 2 ? lemma + suffix : lemma[..^1] + suffix;
        if (suffix == "ed" && n > 1 && lemma[^1] == 'y' && !IsVowel(lemma[^2])) return lemma[..^1] + "ied";
        if (DoublesFinal(lemma)) return lemma + lemma[^1] + suffix;
        return lemma + suffix;
    }

    /// <summary>One-syllable consonant-vowel-consonant verbs double their last letter: "chat" → "chatted", "hit" →
    /// "hitting"; not "visit", "open" (two syllables) or "fix", "play", "show".</summary>
    private static bool DoublesFinal(string w)
    {
        int n = w.Length;
        if (n < 3 || IsVowel(w[^1]) || w[^1] is 'w' or 'x' or 'y' || !IsVowel(w[^2]) || IsVowel(w[^3])) return false;
        int groups = 0;
        for (int i = 0; i < n; i++)
            if (IsVowel(w[i]) && (i == 0 || !IsVowel(w[i - 1]))) groups++;
        return groups == 1;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
