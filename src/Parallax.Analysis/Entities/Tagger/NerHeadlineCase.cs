using System.Buffers;
using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// Headlines and datelines written in capitals ("RUSSIA SAYS TALKS WITH CHECHENS WILL GO ON") carry no case, which is the
/// tagger's strongest evidence: every word looks like an acronym. For a sentence with no lower-case letter, this writes
/// each capitalised word the way the rest of the document writes it (<see cref="NerDocumentIndex"/>: capitalised in
/// running text → "Chechens", only in lower case → "talks", in capitals beside lower-case words → "NATO"), two-letter
/// words as they are ("US", "UN"), function words in lower case and every other word capitalised: the tagger then reads
/// the headline as a title-case line whose words the document vouches for. Measured on all-caps copies of dev sentences
/// (tagger alone, GUM / UNER EWT / WNUT17): 0.523 / 0.494 / 0.399 as written, 0.576 / 0.576 / 0.505 recased; the
/// alternative of lower case for words without evidence (unless a name list knows them) gave 0.559 / 0.542 / 0.475, and
/// keeping words of up to four letters without evidence in capitals (as acronyms) cost 0.011 / 0.018 / 0.015.
/// Characters are mapped one for one, so token offsets are unchanged.
/// </summary>
internal static class NerHeadlineCase
{
    private static readonly FrozenSet<string> FunctionWords = new[]
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "is", "are",
        "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "can", "says", "said",
        "say", "after", "over", "into", "up", "down", "out", "off", "not", "no", "its", "his", "her", "their", "it", "he",
        "she", "they", "we", "than", "that", "this", "vs", "v", "amid", "against", "before", "under", "near", "new",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the sentence has a word of two or more letters and no lower-case letter (a headline, or a
    /// dateline such as "LONDON 1996-08-30": asking for two such words cost UNER EWT 0.014 on its all-caps copy).</summary>
    public static bool IsAllCaps(string text, ReadOnlySpan<Token> tokens)
    {
        int words = 0;
        foreach (var t in tokens)
        {
            int letters = 0;
            foreach (var c in text.AsSpan(t.Start, t.Length))
            {
                if (char.IsLower(c)) return false;
                if (char.IsLetter(c)) letters++;
            }
            if (letters >= 2) words++;
        }
        return words >= 1;
    }

    /// <summary>The sentence's characters recased (from the first token's start to the last token's end); the caller
    /// shifts the tokens by the first token's start.</summary>
    public static string Recase(string text, ReadOnlySpan<Token> tokens, NerDocumentIndex index)
    {
        int from = tokens[0].Start, length = tokens[^1].End - from;
        var chars = ArrayPool<char>.Shared.Rent(length);
        try
        {
            text.AsSpan(from, length).CopyTo(chars);
            var functionWords = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int i = 0; i < tokens.Length; i++)
            {
                var w = chars.AsSpan(tokens[i].Start - from, tokens[i].Length);
                int letters = 0;
                bool plain = true;
                foreach (var c in w)
                {
                    if (char.IsLetter(c)) letters++;
                    else if (c != '-' && c != '\'') plain = false;
                }
                if (letters == 0 || !plain) continue; // "U.S.", "F-16", "1996-08-30"
                uint evidence = index.Evidence(w);
                if ((evidence & NerDocumentIndex.CapitalsBesideLowerCase) != 0) continue;
                // Two letters stay as written unless a function word: "US" (the pronoun "us" in a quote is no evidence).
                if (letters < 3 && !functionWords.Contains(w)) continue;
                for (int c = 1; c < w.Length; c++) w[c] = char.ToLowerInvariant(w[c]);
                // Capitalised in running text, or never seen in lower case and no function word: a name's form.
                bool title = (evidence & NerDocumentIndex.CapitalisedMidSentence) != 0
                    || (evidence & NerDocumentIndex.LowerSeen) == 0 && !functionWords.Contains(w);
                if (!title && i > 0) w[0] = char.ToLowerInvariant(w[0]);
            }
            return new string(chars, 0, length);
        }
        finally { ArrayPool<char>.Shared.Return(chars); }
    }
}
