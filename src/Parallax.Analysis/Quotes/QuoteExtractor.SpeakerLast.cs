using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

// Reported speech with the attribution after the clause ("…, sources said.") or set off inside it
// ("…, he said, …").
public sealed partial class QuoteExtractor
{
    /// <summary>
    /// "[clause], [speaker] said [Friday]." or "[clause], said [speaker].": the tail after the sentence's last comma is
    /// short and holds a cue with a subject next to it; the content is everything before that comma.
    /// </summary>
    private Quote? SpeakerLast(Context ctx, Sentence s)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        int last = s.EndToken - 1;
        while (last > s.FirstToken && doc.Tokens[last].Kind != TokenKind.Word) last--;
        int comma = -1;
        for (int t = last; t > s.FirstToken + 3 && t >= last - 10; t--)
            if (text[doc.Tokens[t].Start] == ',') { comma = t; break; }
        if (comma < 0) return null;
        for (int t = comma + 1; t <= last; t++)
        {
            var w = text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].Length);
            if (doc.Tokens[t].Kind != TokenKind.Word) return null; // another clause or a quote mark: not a plain tail
            if (SubjectStopsLookup.Contains(w)) return null;
            if (!IndirectSieve.MayContain(w) || !IndirectCuesLookup.Contains(w) || !char.IsLower(w[0])) continue;
            // Either a subject before the cue ("sources said", "the Associated Press reported") or right after it
            // ("said Mr. Burman"); a bare cue after the comma with nothing named is not an attribution.
            if (t == comma + 1 && t == last || CueTakesInfinitive(ctx, t, last + 1)) return null;
            // "…, said Mr. Burman" names the speaker after the cue; "Kevin Madden, a strategist, said the party was
            // split" is speaker-first speech whose clause follows the cue.
            if (t == comma + 1 && TailHasVerb(ctx, t + 1, last + 1)) return null;
            // With the subject before the cue, only a short adverbial may follow it ("sources said Friday", "he said
            // in a statement"); "…, Trump said he was suited for it" is speaker-first speech after an opening phrase.
            if (t > comma + 1 && t < last && (last - t > 4 || !TailAdverbial(text, doc.Tokens[t + 1]))) return null;
            var content = Trim(text, new TextSpan(s.Start, doc.Tokens[comma].Start));
            if (CountWords(text, content, 4) < 4 || ctx.InsideQuote(content.Start)) return null;
            var speaker = SpeakerAround(ctx, t, comma + 1, last + 1, doc.Tokens[comma].Start)
                          ?? (t > comma + 1 ? new SpeakerRef(null, text[doc.Tokens[comma + 1].Start..doc.Tokens[t - 1].End], doc.Tokens[comma + 1].Start) : null);
            return Make(ctx, content, QuoteKind.Indirect, doc.Tokens[t].Span, speaker);
        }
        return null;
    }

    private static readonly FrozenSet<string> FiniteVerbs = new[]
    {
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "should", "can", "may", "might", "must",
        "did", "does", "do",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FiniteVerbsLookup = FiniteVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether tokens [<paramref name="from"/>, <paramref name="to"/>) hold a finite verb: a clause, not a name.</summary>
    private static bool TailHasVerb(Context ctx, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            var tok = ctx.Doc.Tokens[k];
            if (FiniteVerbsLookup.Contains(ctx.Text.AsSpan(tok.Start, tok.Length))) return true;
        }
        return false;
    }

    /// <summary>
    /// "[clause], he said, [clause]." — an attribution set off by commas inside the sentence: the whole sentence is the
    /// content (attribution corpora mark it as one span around the aside).
    /// </summary>
    private Quote? Parenthetical(Context ctx, Sentence s)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        int open = -1;
        for (int t = s.FirstToken + 2; t < s.EndToken - 2; t++)
        {
            if (text[doc.Tokens[t].Start] != ',') continue;
            if (open >= 0 && t - open >= 2 && t - open <= 7)
            {
                for (int c = open + 1; c < t; c++)
                {
                    var w = text.AsSpan(doc.Tokens[c].Start, doc.Tokens[c].Length);
                    if (doc.Tokens[c].Kind != TokenKind.Word || !char.IsLower(w[0]) || !IndirectSieve.MayContain(w) || !IndirectCuesLookup.Contains(w)) continue;
                    if (c == open + 1 && c == t - 1) break; // ", said," names nobody
                    if (CueTakesInfinitive(ctx, c, t)) break; // ", asked to see the warrant,": an action
                    var content = Trim(text, s.Span);
                    if (CountWords(text, content, 6) < 6 || ctx.InsideQuote(content.Start)) return null;
                    var speaker = SpeakerAround(ctx, c, open + 1, t, doc.Tokens[open].Start)
                                  ?? (c > open + 1 ? new SpeakerRef(null, text[doc.Tokens[open + 1].Start..doc.Tokens[c - 1].End], doc.Tokens[open + 1].Start) : null);
                    return Make(ctx, content, QuoteKind.Indirect, doc.Tokens[c].Span, speaker);
                }
            }
            open = t;
        }
        return null;
    }
}
