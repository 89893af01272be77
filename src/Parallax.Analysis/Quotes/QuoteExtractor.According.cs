using Parallax.Model;

namespace Parallax.Analysis.Quotes;

// "according to": before the clause ("According to the poll, Clinton leads") or after it ("…, according to ICE").
public sealed partial class QuoteExtractor
{
    /// <summary>"According to the poll, Clinton leads": the clause after the first comma is the content.</summary>
    private Quote? AccordingFirst(Context ctx, Sentence s)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        if (s.TokenCount <= 4 || !IsWord(text, doc.Tokens[s.FirstToken], "according") || !IsWord(text, doc.Tokens[s.FirstToken + 1], "to"))
            return null;
        for (int k = s.FirstToken + 2; k < s.EndToken - 1 && k < s.FirstToken + 16; k++)
        {
            if (text[doc.Tokens[k].Start] != ',') continue;
            var content = Trim(text, new TextSpan(doc.Tokens[k + 1].Start, s.End));
            if (CountWords(text, content, 4) < 4 || AccordingToThing(ctx, s.FirstToken + 2, k)) return null;
            var speaker = SpeakerAround(ctx, s.FirstToken, s.FirstToken, k, doc.Tokens[k].Start);
            return Make(ctx, content, QuoteKind.Indirect, new TextSpan(doc.Tokens[s.FirstToken].Start, doc.Tokens[s.FirstToken + 1].End), speaker);
        }
        return null;
    }

    /// <summary>"[clause], according to ICE." — the clause before the cue at token <paramref name="t"/> is the content,
    /// comma or not.</summary>
    private Quote? AccordingAfter(Context ctx, Sentence s, int t)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        var tok = doc.Tokens[t];
        if (t - 1 <= s.FirstToken || AccordingToThing(ctx, t + 2, s.EndToken)) return null;
        var speaker = SpeakerAround(ctx, t, t, s.EndToken, tok.Start);
        var content = Trim(text, new TextSpan(s.Start, tok.Start));
        return CountWords(text, content, 4) >= 4 ? Make(ctx, content, QuoteKind.Indirect, new TextSpan(tok.Start, doc.Tokens[t + 1].End), speaker) : null;
    }
}
