using Parallax.Analysis.Text;

namespace Parallax.Analysis.Facts;

/// <summary>
/// Finds what a quantity measures, its head, among the words of one sentence: the noun after it ("32-minute video"),
/// the object of "of" ("25 minutes of recording"), the verb before it ("negotiated for 25 minutes") or after it, or the
/// subject noun. <see cref="QuantityExtractor"/> hands it each sentence's words and lexicon entries; it allocates nothing
/// but the head strings it returns.
/// </summary>
internal sealed class HeadFinder(string text)
{
    private Word[] words = [];
    private Lex[] lex = [];
    private int n;

    /// <summary>The sentence to read: its words and their lexicon entries (the first <paramref name="count"/>).</summary>
    public void Use(Word[] sentenceWords, Lex[] sentenceLex, int count)
    {
        words = sentenceWords;
        lex = sentenceLex;
        n = count;
    }

    private ReadOnlySpan<char> W(int i) => text.AsSpan(words[i].Start, words[i].Length);
    private bool Is(int i, string s) => i >= 0 && i < n && W(i).Equals(s, StringComparison.OrdinalIgnoreCase);
    private bool IsLower(int i) => i >= 0 && i < n && !words[i].Has(WordMarks.Capitalized) && !words[i].Has(WordMarks.HasDigit) && char.IsLetter(text[words[i].Start]);

    public bool IsContent(int k) =>
        k >= 0 && k < n && !words[k].Has(WordMarks.HasDigit) && !lex[k].Is(WordClass.Stop) && !lex[k].Is(WordClass.Auxiliary)
        && char.IsLetter(text[words[k].Start]);

    public bool IsPluralNoun(int k)
    {
        if (k < 0 || k >= n) return false;
        var l = lex[k];
        if (l.Is(WordClass.Plural)) return true;
        if (l.Is(WordClass.NotPlural) || l.Is(WordClass.Stop) || l.Is(WordClass.Auxiliary) || words[k].Has(WordMarks.HasDigit)) return false;
        var w = W(k);
        if (w.Length < 3 || (w[^1] != 's' && w[^1] != 'S')) return false;
        char p = char.ToLowerInvariant(w[^2]);
        if (p is 's' or 'u' or 'i' or '\'' or '\u2019') return false;
        return char.IsLetter(w[0]);
    }

    /// <summary>The lemma of a noun or verb head at <paramref name="k"/>: singular for plurals, base form for "-ing".</summary>
    public string Head(int k)
    {
        var w = W(k);
        if (w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && w.Length > 5) return Lemmas.Verb(w);
        return IsPluralNoun(k) ? Lemmas.Singular(w) : Lemmas.Lower(w);
    }

    /// <summary>The noun right after a prenominal quantity ("32-minute video" → "video"), if there is one.</summary>
    public string? NextNoun(int k)
    {
        if (k + 1 >= n || words[k].BreakAfter) return null;
        int j = k + 1;
        if (!IsContent(j) || !IsLower(j) || lex[j].Unit is not null || lex[j].Is(WordClass.Elapsed)) return null;
        if (Lemmas.LooksVerbal(W(j)) && !W(j).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return null;
        // A compound noun ("30-minute video clip"): the head is its last noun.
        while (j + 1 < n && !words[j].BreakAfter && IsContent(j + 1) && IsLower(j + 1) && !Lemmas.LooksVerbal(W(j + 1))
               && lex[j + 1].Unit is null && j < k + 3 && !IsVerbAfterNoun(j + 1))
            j++;
        return Head(j);
    }

    private bool IsVerbAfterNoun(int j)
    {
        var w = W(j);
        return w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !IsPluralNoun(j - 1) || lex[j].Is(WordClass.Auxiliary);
    }

    /// <summary>"25 minutes of recording" → "record"; "10% of voters" → "voter".</summary>
    public string? OfObject(int j)
    {
        if (!Is(j, "of") || words[j - 1].BreakAfter) return null;
        j++;
        if (j < n && lex[j].Is(WordClass.Determiner)) j++;
        return IsContent(j) && IsLower(j) ? Head(j) : null;
    }

    /// <summary>The nearest verb before the quantity in its clause ("negotiate with X for about 25 minutes",
    /// "hitting it more than 10 times", "tried at least 21 times").</summary>
    public string? BackwardVerb(int k)
    {
        for (int steps = 0; k >= 0 && steps < 8; k--, steps++)
        {
            if (words[k].Has(WordMarks.StopAfter) || words[k].Has(WordMarks.ClauseAfter)) return null;
            if (words[k].Has(WordMarks.CommaAfter) && steps > 0) return null;
            if (!IsContent(k) || !IsLower(k)) continue;
            var w = W(k);
            // "urging them to quickly pass …": an adverb splitting an infinitive is not its verb; the verb after it is.
            if (k > 0 && Is(k - 1, "to") && IsAdverb(w) && k + 1 < n && IsContent(k + 1) && IsLower(k + 1) && !words[k].BreakAfter)
                return Lemmas.Verb(W(k + 1));
            bool afterTo = k > 0 && Is(k - 1, "to") && !words[k - 1].BreakAfter;
            bool afterSubject = k > 0 && (lex[k - 1].Is(WordClass.Auxiliary) || IsPronoun(k - 1));
            if (Lemmas.LooksVerbal(w) || afterTo || afterSubject) return Lemmas.Verb(w);
        }
        return null;
    }

    /// <summary>The verb of a clause that follows ("five days after he returned" → "return").</summary>
    public string? ForwardToVerb(int j)
    {
        for (int steps = 0; j < n && steps < 5; j++, steps++)
        {
            if (IsContent(j) && IsLower(j) && (Lemmas.LooksVerbal(W(j)) || steps == 0 && !IsPluralNoun(j)))
                return Lemmas.Verb(W(j));
            if (words[j].BreakAfter) return null;
        }
        return null;
    }

    /// <summary>"After about 20 minutes, an ICE agent breaks the window" → "break": the verb of the main clause after a
    /// fronted time phrase.</summary>
    public string? ForwardMainVerb(int u)
    {
        if (!words[u].Has(WordMarks.CommaAfter)) return null;
        for (int j = u + 1, steps = 0; j < n && steps < 8; j++, steps++)
        {
            if (!IsContent(j) || !IsLower(j)) { if (words[j].BreakAfter) return null; continue; }
            var w = W(j);
            bool afterNoun = j > u + 1 && (IsContent(j - 1) || IsPronoun(j - 1)) && !lex[j - 1].Is(WordClass.Determiner);
            if (Lemmas.IsIrregularVerb(w) || afterNoun && (w.EndsWith("s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)))
                return Lemmas.Verb(w);
            if (words[j].BreakAfter) return null;
        }
        return null;
    }

    /// <summary>The noun heading the subject before the quantity ("The video, which is more than 30 minutes long").</summary>
    public string? SubjectNoun(int first)
    {
        int commas = 0;
        for (int k = first - 1, steps = 0; k >= 0 && steps < 10; k--, steps++)
        {
            if (words[k].Has(WordMarks.StopAfter) || words[k].Has(WordMarks.ClauseAfter)) return null;
            if (words[k].Has(WordMarks.CommaAfter) && ++commas > 1) return null;
            if (!lex[k].Is(WordClass.Determiner)) continue;
            // The head is the last content word of the phrase the determiner opens.
            int h = -1;
            for (int j = k + 1; j < first && j <= k + 4; j++)
            {
                if (!IsContent(j)) break;
                h = j;
                if (words[j].BreakAfter) break;
            }
            if (h >= 0) return Head(h);
        }
        return null;
    }

    /// <summary>An "-ly" adverb ("quickly", "swiftly", "really"), not one of the verbs that end the same way ("supply", "rally",
    /// "resupply"; "re" + "ally" is the adverb "really").</summary>
    private static bool IsAdverb(ReadOnlySpan<char> w)
    {
        if (w.Length <= 4 || !w.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var verb in LyVerbs)
            if (w.EndsWith(verb, StringComparison.OrdinalIgnoreCase) && (w.Length == verb.Length || w.Length == verb.Length + 2 && verb != "ally" && w.StartsWith("re", StringComparison.OrdinalIgnoreCase)))
                return false;
        return true;
    }

    /// <summary>Verbs ending in "ly" that an infinitive's "to" may take: "to supply arms" is the verb, not an adverb.</summary>
    private static readonly string[] LyVerbs =
        ["apply", "supply", "reply", "rally", "tally", "comply", "multiply", "imply", "ally", "bully", "sully", "belly", "dally", "fly", "rely"];

    private bool IsPronoun(int k) =>
        k >= 0 && k < n && (Is(k, "he") || Is(k, "she") || Is(k, "they") || Is(k, "we") || Is(k, "i") || Is(k, "it") || Is(k, "you") || Is(k, "who"));
}
