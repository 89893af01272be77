using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

// Direct quotes: speaker after, before or between the parts of an interrupted quote, a colon before the
// quote, quotes carried over paragraphs with no cue, and quoted phrases embedded in a clause (mixed quotation).
public sealed partial class QuoteExtractor
{
    private Quote? Direct(Context ctx, TextSpan content)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        int close = content.End; // index of the closing mark (or paragraph end)
        int open = content.Start - 1;
        // A doubled-apostrophe mark ('') is two characters: point at its first, like a one-character mark.
        if (open > 0 && text[open] == '\'' && text[open - 1] == '\'') open--;
        int firstTok = doc.TokenAtOrAfter(close + 1);
        int wordCount = CountWords(text, content, 6); // up to 6: all the tests below need

        bool sameParagraph = firstTok < doc.Tokens.Length && !ContainsLineBreak(text, close, doc.Tokens[firstTok].Start);
        if (wordCount < 3)
        {
            // "roll down", "Pucca Love": quoted names and scare quotes, not statements; but a short reply closed by its
            // own comma or mark with the cue right after ('"It's unusual," said Larry Noble') is a statement.
            bool punctuated = content.End > content.Start && text[content.End - 1] is ',' or '!' or '?';
            if (wordCount == 0 || !punctuated || !sameParagraph
                || FindCue(ctx, firstTok, Math.Min(doc.Tokens.Length, firstTok + 6), forward: true) is not { } shortCue) return null;
            return Make(ctx, content, QuoteKind.Direct, shortCue.Span, SpeakerAround(ctx, shortCue.Cue, firstTok, shortCue.Limit, close) ?? ctx.LastSpeaker);
        }

        // 0. A credit line after the quote: '“…” ― Pamela Padilla' / '“…” — Sen. Claire McCaskill'.
        if (DashCredit(ctx, close) is { } credit) return Make(ctx, content, QuoteKind.Direct, credit.Dash, credit.Speaker);

        // 1. Speaker after the quote: '," Neudauer said' / '," said Neudauer' / '," according to a statement by …'.
        if (sameParagraph && FindCue(ctx, firstTok, Math.Min(doc.Tokens.Length, firstTok + 16), forward: true) is { } after)
        {
            var speaker = SpeakerAround(ctx, after.Cue, firstTok, after.Limit, close);
            return Make(ctx, content, QuoteKind.Direct, after.Span, speaker ?? ctx.LastSpeaker);
        }

        // 2. Speaker before: 'Neudauer said in part, “…”', 'Mayor Sly James said: "…"'.
        int sentence = doc.SentenceAt(Math.Max(0, open));
        int from = sentence >= 0 ? doc.Sentences[sentence].FirstToken : 0;
        int lastBefore = doc.TokenAtOrAfter(open) - 1;
        if (FindCue(ctx, lastBefore, Math.Max(from - 1, lastBefore - 16), forward: false) is { } before)
        {
            var speaker = SpeakerAround(ctx, before.Cue, from, lastBefore + 1, open) ?? SubjectDescription(ctx, from, before.Cue);
            return Make(ctx, content, QuoteKind.Direct, before.Span, speaker);
        }

        // 2b. A colon right before the quote introduces it whatever the verb ("the Christie supporter retorted: …",
        // "his wife whispered to him: …"): the subject of the clause before the colon spoke; the verb, when the word
        // before the colon (or before "to him") is a lower-case word, is the cue.
        if (lastBefore > from && text[doc.Tokens[lastBefore].Start] == ':' && !ContainsLineBreak(text, doc.Tokens[lastBefore].End, open))
        {
            int colon = lastBefore;
            var speaker = SpeakerAround(ctx, colon, from, colon + 1, open) ?? SubjectDescription(ctx, from, colon);
            if (speaker is not null)
            {
                int verb = colon - 1;
                if (verb - 2 >= from && IsWord(text, doc.Tokens[verb - 1], "to")) verb -= 2; // "whispered to him:"
                var v = doc.Tokens[verb];
                TextSpan? cue = v.Kind == TokenKind.Word && char.IsLower(text[v.Start]) ? v.Span : null;
                return Make(ctx, content, QuoteKind.Direct, cue, speaker);
            }
        }

        // 2c. A paragraph that ends with a colon and a cue introduces the quote that opens the next one ("Caddell
        // continued:¶“…”", "The New York Times reports:¶“…”").
        if (StartsParagraph(text, open) && IntroducedByColonParagraph(ctx, open) is { } intro)
            return Make(ctx, content, QuoteKind.Direct, intro.Cue, intro.Speaker);

        // 3. No cue: a quote continues the speaker of this paragraph or the one before (the news convention for a
        // statement carried over paragraphs); failing that, the first person the previous paragraph names.
        if (ctx.LastSpeaker is { } last && ctx.ParagraphOf(last.At) >= ctx.ParagraphOf(open) - 1)
            return Make(ctx, content, QuoteKind.Direct, null, last);
        if (StartsParagraph(text, open) && FirstPersonInPreviousParagraph(ctx, open) is { } topic)
            return Make(ctx, content, QuoteKind.Direct, null, new SpeakerRef(topic.Span, null, topic.Start));
        return wordCount >= 6 ? Make(ctx, content, QuoteKind.Direct, null, null) : null;
    }

    /// <summary>The cue and speaker of the paragraph before <paramref name="open"/> when it ends with a colon and holds a
    /// speech cue within its last sixteen tokens; null otherwise.</summary>
    private (TextSpan Cue, SpeakerRef Speaker)? IntroducedByColonParagraph(Context ctx, int open)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        int i = open - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        if (i < 0 || text[i] != ':' || !ContainsLineBreak(text, i, open)) return null;
        int colon = doc.TokenAtOrAfter(i);
        if (colon >= doc.Tokens.Length || doc.Tokens[colon].Start != i) return null;
        int sentence = doc.SentenceAt(i);
        int from = sentence >= 0 ? doc.Sentences[sentence].FirstToken : Math.Max(0, colon - 16);
        if (FindCue(ctx, colon - 1, Math.Max(from - 1, colon - 17), forward: false) is not { } cue) return null;
        var speaker = SpeakerAround(ctx, cue.Cue, from, colon, i) ?? SubjectDescription(ctx, from, cue.Cue);
        return speaker is { } sp ? (cue.Span, sp) : null;
    }

    /// <summary>
    /// A dash right after the closing mark and a name that ends the line ("” ― Pamela Padilla", "” — Rep. Gwen
    /// Moore, D-Wis."): the name is the speaker and the dash the cue. Only a name the recogniser found, or a run of
    /// at most five capitalised words up to the line's end; never a place.
    /// </summary>
    private static (TextSpan Dash, SpeakerRef Speaker)? DashCredit(Context ctx, int close)
    {
        var text = ctx.Text;
        int i = close + 1;
        while (i < text.Length && i <= close + 3 && text[i] is ' ' or '\t' or '\u00A0') i++;
        if (i >= text.Length || text[i] is not ('\u2015' or '\u2014')) return null;
        var dash = new TextSpan(i, i + 1);
        i++;
        while (i < text.Length && text[i] is ' ' or '\t' or '\u00A0') i++;
        if (i >= text.Length || !char.IsUpper(text[i])) return null;
        int lineEnd = text.IndexOf('\n', i);
        if (lineEnd < 0) lineEnd = text.Length;
        foreach (var m in MentionsIn(ctx.Doc, i, lineEnd))
        {
            if (m.Start != i) break;
            if (m.Type == EntityType.Place || ctx.IsThing(m.Span)) return null;
            return (dash, new SpeakerRef(m.Span, null, m.Start));
        }
        // No name found: a short capitalised run that fills the rest of the line.
        int end = lineEnd;
        while (end > i && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or ',')) end--;
        var run = text.AsSpan(i, end - i);
        int words = 1;
        foreach (var ch in run) if (ch == ' ') words++;
        if (run.IsEmpty || words > 5 || run.ContainsAny('"', '\u201C', '\u201D')) return null;
        foreach (var part in run.Split(' '))
            if (run[part].Length > 0 && !char.IsUpper(run[part][0])) return null;
        return (dash, new SpeakerRef(null, run.ToString(), i));
    }

    /// <summary>The part of <paramref name="sentence"/> before a quote that opens right after a full stop inside it,
    /// as a sentence; null when the quote does not open that way.</summary>
    private static Sentence? LeadIn(Context ctx, Sentence sentence, TextSpan quote)
    {
        var text = ctx.Text;
        if (quote.Start <= sentence.Start || quote.Start >= sentence.End) return null;
        int j = quote.Start - 2;                          // before a one-character opening mark
        if (j >= 0 && text[j] == '\'' && j + 1 < text.Length && text[j + 1] == '\'') j--; // '' is two characters
        while (j > sentence.Start && text[j] == ' ') j--;
        if (j <= sentence.Start || text[j] is not ('.' or '!' or '?')) return null;
        int tokens = ctx.Doc.TokenAtOrAfter(j + 1) - sentence.FirstToken;
        return tokens < 5 ? null : new Sentence(sentence.Start, j + 1, sentence.FirstToken, tokens);
    }

    /// <summary>
    /// Whether a quote opens inside its sentence's clause: the word before its opening mark (same sentence, no
    /// punctuation between) is not a speech verb, as in 'promises to "make America great again"' or
    /// 'Biden "has a lot of roles to play," said Doyle'. A quote after a cue ('said "…"'), a comma, a colon or at the
    /// start of a sentence stands on its own.
    /// </summary>
    private static bool Embedded(Context ctx, TextSpan content, Sentence sentence)
    {
        var text = ctx.Text;
        int j = content.Start - 2;                       // the character before a one-character opening mark
        if (j >= 0 && text[j] == '\'' && j + 1 < text.Length && text[j + 1] == '\'') j--; // '' is two characters
        while (j >= sentence.Start && text[j] == ' ') j--;
        if (j < sentence.Start || !char.IsLetterOrDigit(text[j])) return false;
        int wordStart = j;
        while (wordStart > sentence.Start && char.IsLetter(text[wordStart - 1])) wordStart--;
        return !CueVerbsLookup.Contains(text.AsSpan(wordStart, j + 1 - wordStart));
    }

    private static EntityMention? FirstPersonInPreviousParagraph(Context ctx, int offset)
    {
        int p = ctx.ParagraphOf(offset);
        if (p <= 0) return null;
        foreach (var mention in MentionsIn(ctx.Doc, ctx.Paragraphs[p - 1], ctx.Paragraphs[p]))
            if (mention.Type == EntityType.Person && !ctx.InsideQuote(mention.Start)) return mention;
        return null;
    }

    /// <summary>"The couple’s 11-year-old son can be heard … saying “…”": the first role word of the clause before the cue.</summary>
    private static SpeakerRef? SubjectDescription(Context ctx, int from, int cue)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        for (int t = from; t < cue; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Kind != TokenKind.Word || !char.IsLower(text[tok.Start]) || ctx.InsideQuote(tok.Start)) continue;
            if (RoleKeysLookup.ContainsKey(text.AsSpan(tok.Start, tok.Length)))
                return new SpeakerRef(null, text[doc.Tokens[DescriptionStart(doc, text, t, from)].Start..tok.End], tok.Start);
        }
        return null;
    }

    private readonly record struct CueHit(int Cue, TextSpan Span, int Limit);

    /// <summary>Finds a cue token scanning from <paramref name="start"/> towards <paramref name="stop"/>, not crossing a
    /// quotation mark or a paragraph. "according to" is one cue.</summary>
    private static CueHit? FindCue(Context ctx, int start, int stop, bool forward)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        int step = forward ? 1 : -1;
        for (int t = start; forward ? t < stop : t > stop; t += step)
        {
            if (t < 0 || t >= doc.Tokens.Length) break;
            var tok = doc.Tokens[t];
            char c0 = text[tok.Start];
            if (c0 is '"' or '\u201C' or '\u201D' || QuoteMarks.IsDoubledApostrophe(text, tok.Start)) break;
            if (t != start && LineBreakBefore(text, tok, doc, t, forward)) break;
            var w = text.AsSpan(tok.Start, tok.Length);
            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && t + 1 < doc.Tokens.Length
                && text.AsSpan(doc.Tokens[t + 1].Start, doc.Tokens[t + 1].Length).SequenceEqual("to"))
                return new CueHit(t, new TextSpan(tok.Start, doc.Tokens[t + 1].End), SentenceLimit(doc, t));
            if (tok.Kind == TokenKind.Word && CueSieve.MayContain(w) && CueVerbsLookup.Contains(w))
                return new CueHit(t, tok.Span, SentenceLimit(doc, t));
            if (forward && c0 is '.' or '!' or '?' && t > start + 1) break;
        }
        return null;
    }

    private static int SentenceLimit(Document doc, int token)
    {
        int s = doc.SentenceAt(doc.Tokens[token].Start);
        return s >= 0 ? doc.Sentences[s].EndToken : doc.Tokens.Length;
    }

    private static bool LineBreakBefore(string text, Token tok, Document doc, int t, bool forward)
    {
        int a = forward ? doc.Tokens[t - 1].End : tok.End;
        int b = forward ? tok.Start : doc.Tokens[t + 1].Start;
        for (int i = a; i < b && i < text.Length; i++) if (text[i] == '\n') return true;
        return false;
    }
}
