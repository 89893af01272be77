using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

/// <summary>
/// The source span of an attribution as the text words it next to the cue: the whole noun phrase with its title and
/// apposition ("Former Arkansas Gov. Mike Huckabee", "Kevin Madden, a Republican communications strategist,"), or the
/// pronoun ("he said"), or the description ("a Treasury spokesman"). <see cref="Quote.Speaker"/> stays the entity
/// mention (what the stories link across documents); this is the span a reader sees as "who said it" in this sentence.
/// </summary>
public static class QuoteSource
{
    // "who" and "which" too: in "Trump, who said …" the relative pronoun is the source as written.
    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "they", "we", "it", "i", "you", "who", "which" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounsLookup = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that end a source looking left: prepositions and conjunctions that open another phrase
    /// ("On Monday Rosa said", "and she said"). "of" and "by" stay inside ("A study by the University of Chicago").</summary>
    internal static readonly FrozenSet<string> LeftStops = new[]
    {
        "on", "in", "at", "after", "before", "during", "since", "while", "when", "with", "from", "to", "as", "that",
        "which", "who", "whom", "and", "but", "or", "because", "if", "than", "so", "also", "then", "now", "later",
        "earlier", "today", "yesterday", "tonight", "recently", "previously", "again", "already", "once", "still",
        "not", "never", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "should", "did",
        "does", "do", "been", "be", "publicly", "privately", "repeatedly", "separately", "although", "though",
        "even", "just", "however", "meanwhile", "may", "might", "can", "must", "shall", "ever", "quickly", "whether", "yet", "where", "what", "how", "why",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LeftStopsLookup = LeftStops.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxLeftWords = 8;
    private const int MaxAppositionTokens = 40;

    /// <summary>The source span of <paramref name="quote"/> in <paramref name="doc"/>, or null when it has no cue (a
    /// quote carried over from an earlier paragraph: crediting the old mention again costs more precision than it
    /// gains recall on PolNeAR train).</summary>
    public static TextSpan? Find(Document doc, Quote quote)
    {
        if (quote.Cue is not { } cue || doc.Tokens.IsEmpty) return null;
        var text = doc.Text;
        int si = doc.SentenceAt(cue.Start);
        if (si < 0) return null;
        var sentence = doc.Sentences[si];
        int cueFirst = doc.TokenAtOrAfter(cue.Start);
        int cueLast = Math.Max(cueFirst, doc.TokenAtOrAfter(cue.End) - 1);
        if (cueFirst >= doc.Tokens.Length) return null;

        // 1. A pronoun right before the cue ("he said", "she also told") is the source as written, whatever it resolves
        // to; after the cue only when the sentence ends there ('," said he.'), since "said he would" is the content.
        foreach (int k in (ReadOnlySpan<int>)[cueFirst - 1, cueFirst - 2, cueLast + 1])
        {
            if (k < sentence.FirstToken || k >= sentence.EndToken) continue;
            var tok = doc.Tokens[k];
            if (tok.Kind != TokenKind.Word || !PronounsLookup.Contains(text.AsSpan(tok.Start, tok.Length))) continue;
            if (k == cueFirst - 2 && !IsAdverb(WordAt(doc, cueFirst - 1))) continue;
            if (k > cueLast && (k + 1 < sentence.EndToken && doc.Tokens[k + 1].Kind == TokenKind.Word || IsRelative(WordAt(doc, k)))) continue;
            return tok.Span;
        }
        // "who has repeatedly said", "that on Tuesday found": a subject pronoun, relative included, before auxiliaries,
        // adverbs and time words.
        for (int k = cueFirst - 1, skipped = 0; k >= sentence.FirstToken && skipped <= 4; k--, skipped++)
        {
            var w = WordAt(doc, k);
            if (doc.Tokens[k].Kind != TokenKind.Word) break;
            if ((skipped > 0 || w.Equals("that", StringComparison.OrdinalIgnoreCase)) && (PronounsLookup.Contains(w) || w.Equals("that", StringComparison.OrdinalIgnoreCase)))
                return doc.Tokens[k].Span;
            if (!IsModifierAfterHead(w)) break;
        }

        // 2. The speaker mention in the cue's sentence, else the speaker label nearest the cue in it, else whatever
        // noun phrase sits right before the cue ("The newspaper reported") or right after it ("said Sen. Murray").
        TextSpan? anchor = null;
        if (quote.Speaker is { } m && m.Start >= sentence.Start && m.End <= sentence.End && NextToCue(doc, m, cueFirst, cueLast)) anchor = m;
        else if (quote.SpeakerLabel is { Length: > 0 } label) anchor = Nearest(text, sentence.Span, cue, label);
        // A participle ("…, saying …") continues the main clause: its source is that clause's subject, not the words
        // before the participle; a pronoun opening the sentence is the one cheap case.
        if (anchor is null && WordAt(doc, cueFirst).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            var opening = doc.Tokens[sentence.FirstToken];
            return opening.Kind == TokenKind.Word && PronounsLookup.Contains(WordAt(doc, sentence.FirstToken))
                && !IsRelative(WordAt(doc, sentence.FirstToken)) ? opening.Span : null;
        }
        // "according to a new poll": the source follows the cue, whichever side the content is on.
        if (anchor is null && WordAt(doc, cueFirst).Equals("according", StringComparison.OrdinalIgnoreCase))
            anchor = PhraseAfter(doc, sentence, cueLast);
        anchor ??= PhraseBefore(doc, sentence, cueFirst) ?? AppositiveSubject(doc, sentence, cueFirst)
                   ?? (quote.Content.End <= cue.Start ? PhraseAfter(doc, sentence, cueLast) : null)
                   ?? (quote.Speaker is { } far && far.Start >= sentence.Start && far.End <= sentence.End ? far : null);
        if (anchor is not { } a) return null;
        // A label may carry the adverbs and auxiliaries that stood between it and the cue ("The poll also").
        a = TrimTrailingStops(doc, a);

        int first = doc.TokenAtOrAfter(a.Start);
        int last = Math.Max(first, doc.TokenAtOrAfter(a.End) - 1);
        bool beforeCue = a.End <= cue.Start;
        // A label may start at a cue word ("explained Los Angeles-based attorney"): the source starts after it.
        while (first < last && IsStopOrCue(WordAt(doc, first))) first++;

        // Right, before the cue: the head the mention modifies ("the Trump campaign", "Gowdy's office", "Sanders
        // aides said") — the words between the mention and the cue when they are all words, at most four.
        if (beforeCue)
        {
            int end = cueFirst - 1;
            while (end > last && LeftStopsLookup.Contains(WordAt(doc, end))) end--;
            bool words = end - last <= 4;
            for (int k = last + 1; words && k <= end; k++)
                words = doc.Tokens[k].Kind == TokenKind.Word && (!IsAdverb(WordAt(doc, k)) || NamedComplement(doc, k, end))
                        || IsPossessive(WordAt(doc, k));
            if (words && end > last) last = end;
        }
        else
        {
            // After the cue ("said a Democratic aide", "said Rep. Lee Zeldin of New York"): on to punctuation.
            for (int steps = 0; last + 1 < sentence.EndToken && steps < 10; steps++)
            {
                var tok = doc.Tokens[last + 1];
                if (IsPossessive(WordAt(doc, last + 1)) && last + 2 < sentence.EndToken && doc.Tokens[last + 2].Kind == TokenKind.Word) { last++; continue; }
                if (tok.Kind is not (TokenKind.Word or TokenKind.Number) || IsModifierAfterHead(WordAt(doc, last + 1))) break;
                last++;
            }
        }

        // A party and state after a name ("Sen. Jack Reed (D-R.I.)") belongs to it.
        last = AfterParenthetical(doc, last, beforeCue ? cueFirst : sentence.EndToken);

        // Left: titles, determiners and modifiers ("the fiscally conservative Club for Growth"), not across the cue.
        int lowest = beforeCue ? sentence.FirstToken : cueLast + 1;
        for (int steps = 0; first - 1 >= lowest && steps < MaxLeftWords; steps++)
        {
            var tok = doc.Tokens[first - 1];
            var w = text.AsSpan(tok.Start, tok.Length);
            // A proportion is one phrase: "[About four in 10] voters", "[more than six in 10]".
            if (first - 2 >= lowest && IsNumberWord(doc, first) && (w is "in" or "of") && IsNumberWord(doc, first - 2)) { first -= 2; continue; }
            if (w is "than" && first - 2 >= lowest && IsNumberWord(doc, first) && WordAt(doc, first - 2) is "more" or "More" or "less" or "Less" or "fewer" or "Fewer")
            { first -= 2; continue; }
            if (tok.Kind is not (TokenKind.Word or TokenKind.Number) || IsStopOrCue(w)) break;
            // A determiner opens the noun phrase: only a quantifier or a preposition inside the phrase reaches past
            // it ("half of the voters", "a study by the University of Chicago"); "make [his supporters]" stops.
            if (DeterminersLookup.Contains(WordAt(doc, first))
                && !PastDeterminerLookup.Contains(w)) break;
            first--;
        }

        // Right: an apposition set off by commas ("Kevin Madden, a Republican strategist, said" / "said Kevin Madden,
        // a Republican strategist.").
        if (last + 1 < sentence.EndToken && text[doc.Tokens[last + 1].Start] == ','
            && !(last + 2 < sentence.EndToken && (AsideOpenersLookup.Contains(WordAt(doc, last + 2))
                                                  || char.IsLower(WordAt(doc, last + 2)[0]) && WordAt(doc, last + 2).EndsWith("ing", StringComparison.Ordinal))))
        {
            int limit = Math.Min(sentence.EndToken, last + 2 + MaxAppositionTokens);
            int end = -1;
            for (int k = last + 2; k < limit; k++)
            {
                var tok = doc.Tokens[k];
                char c0 = text[tok.Start];
                if (c0 is '"' or '\u201C' or '\u201D' or '(' or ';' or ':' || QuoteMarks.IsDoubledApostrophe(text, tok.Start)) break;
                if (c0 is '.' or '!' or '?' && tok.Length == 1 && k < sentence.EndToken - 1)
                {
                    // After the cue a full stop inside the splitter's sentence still ends the apposition ("said Ann
                    // Lewis, a longtime adviser. ''She …").
                    if (!beforeCue && k > last + 2) end = k - 1;
                    break;
                }
                if (beforeCue)
                {
                    // The apposition ends at the comma right before the cue.
                    if (k == cueFirst) { if (text[doc.Tokens[k - 1].Start] == ',' && k - 1 > last + 1) end = k - 2; break; }
                }
                else if (c0 is '.' or '!' or '?' && k == sentence.EndToken - 1) { end = k - 1; break; }
                else if (c0 == ',')
                {
                    // "said Chuck Rocha, president of Solidarity Strategies, a Latino political-consulting firm": a
                    // second apposition describes the first; anything else is another clause.
                    if (k > last + 2) end = k - 1;
                    if (k + 1 < limit && ContinuesApposition(doc, k + 1)) continue;
                    break;
                }
                else if (c0 is '\u2014' or '\u2013' || tok.Kind == TokenKind.Word && QuoteExtractor.CueVerbsLookup.Contains(WordAt(doc, k))) break;
                if (!beforeCue && k == sentence.EndToken - 1) end = k;
            }
            if (end > last) last = end;
        }
        // A lone function word ("a", "the", "according") is what is left of a phrase that was not a source.
        if (first == last && (IsStopOrCue(WordAt(doc, first)) || DeterminersLookup.Contains(WordAt(doc, first))
                              || WordAt(doc, first).Equals("according", StringComparison.OrdinalIgnoreCase)
                              || IsAdverb(WordAt(doc, first)) || WordAt(doc, first) is "there" or "There")) return null;
        return new TextSpan(doc.Tokens[first].Start, doc.Tokens[last].End);
    }

    private static readonly FrozenSet<string> PastDeterminer = new[] { "of", "by", "all", "both", "half", "with" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastDeterminerLookup = PastDeterminer.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> NestedAppositionOpeners = new[] { "a", "an", "the", "which", "who", "whose" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NestedAppositionOpenersLookup = NestedAppositionOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>After a comma following the cue: another apposition ("…, a Latino consulting firm", "…, 29, of
    /// Meridian, Ind.", "…, then the C.I.A. director") rather than a new clause ("…, adding that …", "…, and …").</summary>
    private static bool ContinuesApposition(Document doc, int k)
    {
        var w = WordAt(doc, k);
        if (NestedAppositionOpenersLookup.Contains(w)) return true;
        if (doc.Tokens[k].Kind == TokenKind.Number) return true;
        if (doc.Tokens[k].Kind != TokenKind.Word) return false;
        if (char.IsUpper(w[0])) return true;
        return w is "of" or "then" or "now" or "formerly" || w.EndsWith("-based", StringComparison.Ordinal);
    }

    /// <summary>A preposition inside a source's head that takes a name: "The senator from Vermont", "officials at the
    /// State Department".</summary>
    private static bool NamedComplement(Document doc, int k, int end)
    {
        if (!(WordAt(doc, k) is "from" or "of" or "at" or "for" or "with" or "in") || k + 1 > end) return false;
        int next = k + 1;
        if (WordAt(doc, next) is "the" && next + 1 <= end) next++;
        return char.IsUpper(doc.Text[doc.Tokens[next].Start]);
    }

    private static readonly FrozenSet<string> NumberWords = new[]
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "a", "each",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberWordsLookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsNumberWord(Document doc, int k) =>
        k >= 0 && k < doc.Tokens.Length && (doc.Tokens[k].Kind == TokenKind.Number || NumberWordsLookup.Contains(WordAt(doc, k)));

    private static bool IsPossessive(ReadOnlySpan<char> w) => w is "'s" or "\u2019s" or "'" or "\u2019";

    private static readonly FrozenSet<string> Determiners = new[] { "a", "an", "the", "this", "these", "those", "its", "their", "his", "her" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminersLookup = Determiners.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that open an aside rather than an apposition: "Trump, in turn, said", "Cruz, by contrast, said".</summary>
    private static readonly FrozenSet<string> AsideOpeners = new[]
    {
        "in", "by", "for", "on", "at", "like", "unlike", "despite", "after", "before", "during", "with", "without", "as",
        "however", "meanwhile", "though", "too", "also", "instead", "then", "now", "still", "again", "speaking", "asked",
        "if", "when", "while", "and", "but", "or", "so", "yet", "not", "once", "even", "of",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AsideOpenersLookup = AsideOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The token before a parenthetical that ends at token <paramref name="k"/> ("Sen. Marco Rubio (R-Fla.)"), or
    /// <paramref name="k"/> itself when it does not close one.</summary>
    internal static int BeforeParenthetical(Document doc, int k, int lo)
    {
        if (k < lo || k >= doc.Tokens.Length || doc.Text[doc.Tokens[k].Start] != ')') return k;
        for (int j = k - 1; j >= lo && j >= k - 8; j--)
            if (doc.Text[doc.Tokens[j].Start] == '(') return j - 1;
        return k;
    }

    /// <summary>The last token of a parenthetical that opens right after token <paramref name="k"/>, or <paramref name="k"/>.</summary>
    private static int AfterParenthetical(Document doc, int k, int hi)
    {
        if (k + 1 >= hi || doc.Text[doc.Tokens[k + 1].Start] != '(') return k;
        for (int j = k + 2; j < hi && j <= k + 9; j++)
        {
            char c = doc.Text[doc.Tokens[j].Start];
            if (c == ')') return j;
            if (c is '(' or '"' or '\u201C' or '\u201D') break;
        }
        return k;
    }

    private static readonly FrozenSet<string> Adverbs = new[]
    {
        "often", "long", "usually", "sometimes", "too", "also", "soon", "first", "last", "once", "twice", "instead",
        "however", "though", "indeed", "initially", "frequently", "consistently", "subsequently", "recently",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AdverbsLookup = Adverbs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Nouns that end like adverbs: "family", "supply" can head a source.</summary>
    private static readonly FrozenSet<string> LyNouns = new[] { "family", "supply", "assembly", "monopoly", "anomaly", "ally", "rally", "reply", "italy", "july" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LyNounsLookup = LyNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>An adverb between a source and its cue ("Mrs. Clinton often said", "Mr. Rubio defiantly said").</summary>
    private static bool IsAdverb(ReadOnlySpan<char> w) =>
        IsModifierAfterHead(w) || AdverbsLookup.Contains(w)
        || w.Length >= 5 && char.IsLower(w[0]) && w.EndsWith("ly", StringComparison.Ordinal) && !LyNounsLookup.Contains(w)
        || w.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || w.EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a speaker mention is the cue's own subject or object: within a few words of it, or closing an
    /// apposition that ends at the cue. A name farther off in the sentence was resolved, not written there as the
    /// source.</summary>
    private static bool NextToCue(Document doc, TextSpan m, int cueFirst, int cueLast)
    {
        int first = doc.TokenAtOrAfter(m.Start);
        int after = doc.TokenAtOrAfter(m.End);
        if (first > cueLast) return first - cueLast <= 4;
        if (after >= cueFirst - 4) return true;
        return after < doc.Tokens.Length && doc.Text[doc.Tokens[after].Start] == ',' && doc.Text[doc.Tokens[cueFirst - 1].Start] == ',';
    }

    private static bool IsRelative(ReadOnlySpan<char> w) =>
        w.Equals("who", StringComparison.OrdinalIgnoreCase) || w.Equals("which", StringComparison.OrdinalIgnoreCase);

    private static bool IsStopOrCue(ReadOnlySpan<char> w) =>
        LeftStopsLookup.Contains(w) || QuoteExtractor.CueSieve.MayContain(w) && QuoteExtractor.CueVerbsLookup.Contains(w);

    private static ReadOnlySpan<char> WordAt(Document doc, int t) =>
        t >= 0 && t < doc.Tokens.Length ? doc.Text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].Length) : default;

    /// <summary>Words right before the cue, past auxiliaries and adverbs ("has also said"), back to a stop word or
    /// punctuation, at most six: "The newspaper", "Some students".</summary>
    private static TextSpan? PhraseBefore(Document doc, Sentence sentence, int cue)
    {
        int k = cue - 1;
        while (k >= sentence.FirstToken && doc.Tokens[k].Kind == TokenKind.Word && LeftStopsLookup.Contains(WordAt(doc, k))) k--;
        int last = k, first = k + 1;
        for (; k >= sentence.FirstToken && last - k < 6; k--)
        {
            if (doc.Tokens[k].Kind != TokenKind.Word || LeftStopsLookup.Contains(WordAt(doc, k))
                || QuoteExtractor.CueVerbsLookup.Contains(WordAt(doc, k))) break;
            first = k;
        }
        return first > last ? null : new TextSpan(doc.Tokens[first].Start, doc.Tokens[last].End);
    }

    /// <summary>"Kevin Madden, a Republican strategist, said …": the phrase before the apposition that closes at the cue.</summary>
    private static TextSpan? AppositiveSubject(Document doc, Sentence sentence, int cue)
    {
        var text = doc.Text;
        if (cue - 1 <= sentence.FirstToken || text[doc.Tokens[cue - 1].Start] != ',') return null;
        for (int k = cue - 2; k > sentence.FirstToken && k >= cue - 2 - MaxAppositionTokens; k--)
        {
            char c0 = text[doc.Tokens[k].Start];
            if (c0 == ',') return PhraseBefore(doc, sentence, k);
            if (c0 is '.' or ';' or ':' or '"' or '\u201C' or '\u201D') return null;
        }
        return null;
    }

    /// <summary>Words right after the cue up to punctuation or a stop word ("said Sen. Patty Murray", "said the
    /// candidate").</summary>
    private static TextSpan? PhraseAfter(Document doc, Sentence sentence, int cue)
    {
        int first = cue + 1;
        if (first >= sentence.EndToken || doc.Tokens[first].Kind != TokenKind.Word) return null;
        // Any word but a stop word: "said former Obama adviser David Axelrod", "said the candidate" — the caller only
        // asks when the content came before the cue, so what follows it is who spoke.
        if (IsStopOrCue(WordAt(doc, first))) return null;
        int last = first;
        while (last + 1 < sentence.EndToken && last - first < 6 && doc.Tokens[last + 1].Kind == TokenKind.Word
               && !LeftStopsLookup.Contains(WordAt(doc, last + 1))) last++;
        return new TextSpan(doc.Tokens[first].Start, doc.Tokens[last].End);
    }

    /// <summary>Cuts a phrase at the first auxiliary, adverb or time word after its head ("Trump had initially",
    /// "The committee this week", "She merely"): those stood between the source and its cue.</summary>
    private static TextSpan TrimTrailingStops(Document doc, TextSpan span)
    {
        int first = doc.TokenAtOrAfter(span.Start);
        int last = doc.TokenAtOrAfter(span.End) - 1;
        for (int k = first + 1; k <= last; k++)
            if (IsAdverb(WordAt(doc, k))) { last = k - 1; break; }
        // "The letter, in its entirety": the comma before the cut goes with it.
        while (last > first && doc.Tokens[last].Kind is not (TokenKind.Word or TokenKind.Number)) last--;
        return last < first ? span : new TextSpan(doc.Tokens[first].Start, doc.Tokens[last].End);
    }

    private static readonly FrozenSet<string> TimeWords = new[]
    {
        "this", "last", "next", "week", "month", "year", "night", "morning", "afternoon", "evening", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeWordsLookup = TimeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A word that cannot continue a noun phrase's head: a stop word, a time word or an -lly adverb ("initially"; not "family").</summary>
    internal static bool IsModifierAfterHead(ReadOnlySpan<char> w) =>
        LeftStopsLookup.Contains(w) || TimeWordsLookup.Contains(w)
        || w.Length > 5 && w.EndsWith("lly", StringComparison.Ordinal) && char.IsLower(w[0]);

    private static TextSpan? Nearest(string text, TextSpan within, TextSpan cue, string label)
    {
        TextSpan? best = null;
        int from = within.Start;
        while (from < within.End)
        {
            int i = text.IndexOf(label, from, within.End - from, StringComparison.Ordinal);
            if (i < 0) break;
            var span = new TextSpan(i, i + label.Length);
            if (best is null || Distance(span, cue) < Distance(best.Value, cue)) best = span;
            from = i + 1;
        }
        return best;
    }

    private static int Distance(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : a.Start >= b.End ? a.Start - b.End : 0;
}
