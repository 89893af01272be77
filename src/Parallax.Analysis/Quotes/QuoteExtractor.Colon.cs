using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

// Colon-introduced statements: a headline or transcript line "Name: …", and a block statement or quoted
// document after "had this to say:" / "reads as follows:".
public sealed partial class QuoteExtractor
{
    /// <summary>
    /// "Bill Clinton: Hillary is better qualified" / "Poll: Trump and Clinton hold narrow leads" / "KATE BOULDUAN: Why
    /// not debate?": a headline or transcript line that opens with a short capitalised name and a colon credits the
    /// rest of the line to that name. Only at the start of a line, and only capitalised words before the colon, so
    /// "The reason was simple: …" is not taken.
    /// </summary>
    private static readonly FrozenSet<string> PageLabels = new[]
    {
        "note", "latest", "update", "updated", "editor's", "editor\u2019s", "watch", "breaking", "related", "correction",
        "photos", "video", "listen", "subscribe",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PageLabelsLookup = PageLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    private Quote? ColonLead(Context ctx, Sentence s)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        if (!StartsParagraph(text, s.Start)) return null;
        for (int t = s.FirstToken; t < s.EndToken - 2 && t <= s.FirstToken + 6; t++)
        {
            var tok = doc.Tokens[t];
            if (text[tok.Start] == ':')
            {
                if (t == s.FirstToken) return null;
                // "Q:" and "A:" mark an interview's turns, not who is credited: the line is searched like any other.
                if (t == s.FirstToken + 1 && doc.Tokens[s.FirstToken].Length == 1) return null;
                var content = Trim(text, new TextSpan(doc.Tokens[t + 1].Start, s.End));
                if (CountWords(text, content, 3) < 3 || ContainsLineBreak(text, tok.End, content.Start)) return null;
                var prefix = new TextSpan(s.Start, doc.Tokens[t - 1].End);
                // "Editor's note:", "The Latest:", "UPDATE:": labels of the page, not speakers.
                foreach (var word in text.AsSpan(prefix.Start, prefix.End - prefix.Start).Split(' '))
                    if (PageLabelsLookup.Contains(text.AsSpan(prefix.Start, prefix.End - prefix.Start)[word])) return null;
                SpeakerRef? speaker = null;
                foreach (var mention in MentionsIn(doc, prefix.Start, prefix.End))
                    if (mention.Type is not EntityType.Place) { speaker = new SpeakerRef(mention.Span, null, mention.Start); break; }
                speaker ??= new SpeakerRef(null, text[prefix.Start..prefix.End], prefix.Start);
                return Make(ctx, content, QuoteKind.Indirect, tok.Span, speaker);
            }
            // Names and titles only: "Former AG Mukasey at RNC" keeps its lower-case "at".
            if (tok.Kind != TokenKind.Word || char.IsLower(text[tok.Start]) && tok.Length > 3) return null;
        }
        return null;
    }

    /// <summary>"Shawn Neudauer, ICE spokesman, had this to say regarding the incident:" followed by a paragraph with no
    /// quotation marks: the paragraph is the statement. "The letter … reads as follows:" takes the paragraphs up to the
    /// next attribution.</summary>
    private bool Block(Context ctx, int si, out Quote quote, out int end)
    {
        quote = default; end = -1;
        var doc = ctx.Doc;
        var text = ctx.Text;
        var s = doc.Sentences[si];
        if (s.End == 0 || text[s.End - 1] != ':' || si + 1 >= doc.Sentences.Length) return false;
        if (s.End < text.Length && text.IndexOf('\n', s.End) is var nl && (nl < 0 || !string.IsNullOrWhiteSpace(text[s.End..nl]))) return false;
        int cue = -1;
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var w = text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].Length);
            if (CueVerbsLookup.Contains(w) || w.SequenceEqual("say") || w.SequenceEqual("follows")) { cue = t; break; }
        }
        if (cue < 0) return false;

        bool document = text.AsSpan(s.Start, s.Length).Contains("follows", StringComparison.OrdinalIgnoreCase)
                        || text.AsSpan(s.Start, s.Length).Contains("entirety", StringComparison.OrdinalIgnoreCase);
        int startPara = SkipBlank(text, s.End);
        int endPara = ParagraphEnd(text, startPara);
        if (startPara >= text.Length || text.AsSpan(startPara, endPara - startPara).IndexOfAny('"', '\u201C') >= 0) return false;
        if (document)
        {
            // A quoted document runs until a paragraph that attributes speech again.
            while (true)
            {
                int next = SkipBlank(text, endPara);
                if (next >= text.Length) break;
                int nextEnd = ParagraphEnd(text, next);
                var para = text.AsSpan(next, nextEnd - next);
                if (para.IndexOfAny('"', '\u201C') >= 0 || para.Contains(" said", StringComparison.Ordinal)) break;
                endPara = nextEnd;
            }
        }
        SpeakerRef? speaker = null;
        foreach (var mention in MentionsIn(doc, s.Start, doc.Tokens[cue].Start))
            if (mention.Type == EntityType.Person && !ctx.IsThing(mention.Span)) { speaker = new SpeakerRef(mention.Span, null, mention.Start); break; }
        // The fallback label is the subject up to its first comma: "The letter, in its entirety, reads:" is "The letter".
        var subjectText = text[s.Start..doc.Tokens[cue].Start];
        int comma = subjectText.IndexOf(',');
        speaker ??= SpeakerAround(ctx, cue, s.FirstToken, s.EndToken, s.Start)
                    ?? new SpeakerRef(null, (comma > 0 ? subjectText[..comma] : subjectText).Trim().TrimEnd(','), s.Start);
        var content = new TextSpan(startPara, endPara);
        while (content.End > content.Start && char.IsWhiteSpace(text[content.End - 1])) content = content with { End = content.End - 1 };
        quote = Make(ctx, content, QuoteKind.Block, doc.Tokens[cue].Span, speaker);
        end = content.End;
        return true;
    }

    private static int SkipBlank(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static int ParagraphEnd(string text, int i)
    {
        int nl = text.IndexOf('\n', i);
        return nl < 0 ? text.Length : nl;
    }
}
