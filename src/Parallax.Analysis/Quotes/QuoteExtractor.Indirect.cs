using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

// Reported speech with the speaker first ("X said [that] …"), "according to", and participles ("…, saying …").
public sealed partial class QuoteExtractor
{
    /// <summary>
    /// Reported speech: "[clause], [speaker] said [when]." (speaker last), "[speaker] said [that] [clause]" (speaker
    /// first; the content keeps "that", as news attribution corpora mark it), "[clause], according to [speaker]", and
    /// "…, saying [clause]". The speaker-last form is tried first because its content is the sentence's main clause.
    /// </summary>
    private Quote? Indirect(Context ctx, Sentence s)
    {
        if (SpeakerLast(ctx, s) is { } last) return last;
        if (Parenthetical(ctx, s) is { } aside) return aside;
        if (ColonLead(ctx, s) is { } lead) return lead;
        if (AccordingFirst(ctx, s) is { } accordingFirst) return accordingFirst;
        return IndirectSpeakerFirst(ctx, s);
    }

    /// <summary>"[speaker] said [that] [clause]", "[clause], according to [speaker]" and "…, saying [clause]": the first
    /// cue in the sentence with a subject next to it.</summary>
    private Quote? IndirectSpeakerFirst(Context ctx, Sentence s)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        for (int t = s.FirstToken + 1; t < s.EndToken - 3; t++)
        {
            var tok = doc.Tokens[t];
            var w = text.AsSpan(tok.Start, tok.Length);
            if (!IndirectSieve.MayContain(w)) continue;
            bool according = w.Equals("according", StringComparison.OrdinalIgnoreCase) && text.AsSpan(doc.Tokens[t + 1].Start, doc.Tokens[t + 1].Length).SequenceEqual("to");
            bool gerund = !according && GerundCuesLookup.Contains(w) && text[doc.Tokens[t - 1].Start] == ',';
            if (!according && !gerund && !IndirectCuesLookup.Contains(w)) continue;
            // After a determiner the word is a noun ("the only hope", "a report", "its proposed cutoff").
            if (!according && NounDeterminersLookup.Contains(text.AsSpan(doc.Tokens[t - 1].Start, doc.Tokens[t - 1].Length))) continue;
            // A capitalised cue word after "the" and another capitalised word is part of a name ("the United States");
            // in a title-case headline ("Trump Says He Will …") it is still a cue.
            if (char.IsUpper(w[0]) && (t - 2 >= s.FirstToken && IsWord(text, doc.Tokens[t - 2], "the") || !TitleCase(ctx, s))) continue;

            if (according) return AccordingAfter(ctx, s, t);

            if (InsideReportedQuestion(ctx, s, t) || InfinitiveCue(ctx, t)) continue;
            SpeakerRef? subject;
            if (gerund)
            {
                // A participle continues the sentence's subject, not a name in an object before it ("a vehicle driven
                // by X, claiming …"): such a name yields to the name or pronoun that opens the sentence.
                subject = SpeakerAround(ctx, t, s.FirstToken, t, s.Start);
                if (subject is null) subject = SentenceSubject(ctx, s);
                else if (AfterPreposition(ctx, subject.Value)) subject = SentenceSubject(ctx, s) ?? new SpeakerRef(null, null, s.Start);
            }
            else
            {
                // The subject must end right before the cue: a mention, pronoun or description; failing that, when a
                // "that"-clause follows, the noun phrase before the cue ("Most voters believe that …").
                subject = SpeakerAround(ctx, t, s.FirstToken, t, s.Start);
                if (subject is null || !SubjectAdjacent(doc, text, t, subject.Value))
                {
                    // An unnamed subject ("The administration said …", "Most voters believe that …"); after "and"/"but"
                    // the subject of the first verb ("chafed at it and said …").
                    bool coordinated = IsWord(text, doc.Tokens[t - 1], "and") || IsWord(text, doc.Tokens[t - 1], "but");
                    subject = coordinated ? subject : SubjectPhrase(ctx, s, t);
                    if (subject is null && !coordinated) continue;
                }
            }
            int c = t + 1;
            // "On the morning shows, Carson said …": a comma right after a word that is also a noun ("shows",
            // "reports", "claims") means the noun; only the plain speech verbs take a comma before their content.
            if (c < s.EndToken && text[doc.Tokens[c].Start] == ',' && (!CueVerbsLookup.Contains(w) || NounLike(w))) continue;
            // "told KCTV5 News that …": skip the addressee up to "that" or a comma.
            if (w.StartsWith("told", StringComparison.OrdinalIgnoreCase) || w.StartsWith("tell", StringComparison.OrdinalIgnoreCase))
            {
                int k = c;
                while (k < s.EndToken && k < c + 10 && text[doc.Tokens[k].Start] != ',' && !IsWord(text, doc.Tokens[k], "that")) k++;
                if (k < s.EndToken && k < c + 10) c = k;
                else if (AddresseeEnd(ctx, c, s) is { } after) c = after; // "told the National Post he's …"
                else continue;
            }
            if (c < s.EndToken && text[doc.Tokens[c].Start] == ',') c++;
            if (c < s.EndToken && IsWord(text, doc.Tokens[c], "in") && c + 1 < s.EndToken && IsWord(text, doc.Tokens[c + 1], "part")) c += 2;
            if (c >= s.EndToken) return null;
            if (!CanSpeak(ctx, subject) || !CanOpenContent(ctx, w, c)) continue;
            var span = Trim(text, new TextSpan(doc.Tokens[c].Start, s.End));
            if (CountWords(text, span, 4) < 4) continue;
            return Make(ctx, span, QuoteKind.Indirect, tok.Span, subject);
        }
        return null;
    }

    /// <summary>A headline in title case ("Trump Says He Will Win"): most of its words are capitalised, so a
    /// capitalised cue word is still a cue there; elsewhere it is part of a name ("Hope Hicks").</summary>
    private static bool TitleCase(Context ctx, Sentence s)
    {
        int words = 0, upper = 0;
        for (int k = s.FirstToken; k < s.EndToken && k < s.FirstToken + 40; k++)
        {
            var tok = ctx.Doc.Tokens[k];
            if (tok.Kind != TokenKind.Word) continue;
            words++;
            if (char.IsUpper(ctx.Text[tok.Start])) upper++;
        }
        return upper * 10 >= words * 6;
    }

    /// <summary>Determiners that make the next word a noun; not "that" or "one", which also stand as subjects ("a report
    /// that said", "one said").</summary>
    private static readonly FrozenSet<string> NounDeterminers = new[]
    {
        "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "only", "every", "each",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NounDeterminersLookup = NounDeterminers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Third-person forms that are also plural nouns: after them a comma ends a noun phrase, not a cue.</summary>
    private static bool NounLike(ReadOnlySpan<char> w) =>
        w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !w.Equals("says", StringComparison.OrdinalIgnoreCase)
        && !w.Equals("tells", StringComparison.OrdinalIgnoreCase) && !w.Equals("writes", StringComparison.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Adverbials = new[]
    {
        "on", "in", "at", "during", "to", "about", "of", "after", "before", "last", "this", "yesterday", "today",
        "earlier", "later", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "recently",
        "then", "again", "afterward", "privately", "publicly", "tonight", "repeatedly", "through", "via", "with", "when",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AdverbialsLookup = Adverbials.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool TailAdverbial(string text, Token t) =>
        AdverbialsLookup.Contains(text.AsSpan(t.Start, t.Length));

    private static readonly FrozenSet<string> ObjectPronouns = new[] { "him", "her", "them", "me", "us", "reporters", "journalists", "supporters", "voters" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ObjectPronounsLookup = ObjectPronouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The token after the addressee of "told": a named mention ("the National Post"), or an object pronoun
    /// or audience word ("told reporters"); null when neither follows.</summary>
    private static int? AddresseeEnd(Context ctx, int c, Sentence s)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        if (c >= s.EndToken) return null;
        if (ObjectPronounsLookup.Contains(text.AsSpan(doc.Tokens[c].Start, doc.Tokens[c].Length))) return c + 1;
        int from = IsWord(text, doc.Tokens[c], "the") && c + 1 < s.EndToken ? c + 1 : c;
        foreach (var m in MentionsIn(doc, doc.Tokens[from].Start, doc.Tokens[from].End))
            if (m.Start == doc.Tokens[from].Start)
            {
                int next = doc.TokenAtOrAfter(m.End);
                return next < s.EndToken - 2 ? next : null;
            }
        // A name the recogniser missed ("told AP they …"): a short run of capitalised words before a lower-case one.
        int k = from;
        while (k < s.EndToken && k < from + 4 && doc.Tokens[k].Kind == TokenKind.Word && char.IsUpper(text[doc.Tokens[k].Start])) k++;
        return k > from && k < s.EndToken - 2 && doc.Tokens[k].Kind == TokenKind.Word && char.IsLower(text[doc.Tokens[k].Start]) ? k : null;
    }

    /// <summary>The noun phrase right before a cue, back to a clause boundary, at most six words: an unnamed source
    /// ("Most voters", "the new poll") kept as a label.</summary>
    private static SpeakerRef? SubjectPhrase(Context ctx, Sentence s, int cue)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        // Past auxiliaries and adverbs between subject and cue ("The committee has also said").
        int end = QuoteSource.BeforeParenthetical(doc, cue - 1, s.FirstToken);
        while (end >= s.FirstToken && doc.Tokens[end].Kind == TokenKind.Word && QuoteSource.IsModifierAfterHead(text.AsSpan(doc.Tokens[end].Start, doc.Tokens[end].Length))) end--;
        int start = end + 1;
        for (int k = end; k >= s.FirstToken && k >= end - 5; k--)
        {
            var tok = doc.Tokens[k];
            var w = text.AsSpan(tok.Start, tok.Length);
            if (tok.Kind is not (TokenKind.Word or TokenKind.Number) || SubjectStopsLookup.Contains(w)
                || QuoteSource.LeftStopsLookup.Contains(w) || CueSieve.MayContain(w) && CueVerbsLookup.Contains(w)) break;
            start = k;
        }
        if (start > end) return null;
        // A verb or adverb is no subject ("were", "finalized"): a noun phrase ends in a noun, which rarely ends so.
        var head = text.AsSpan(doc.Tokens[end].Start, doc.Tokens[end].Length);
        if (char.IsLower(head[0]) && head.EndsWith("ed", StringComparison.Ordinal)) return null;
        return new SpeakerRef(null, text[doc.Tokens[start].Start..doc.Tokens[end].End], doc.Tokens[start].Start);
    }

    /// <summary>A full stop between a subject and its cue ends the subject's sentence, unless it sits inside a
    /// parenthetical such as a party and state ("Sen. Bernie Sanders (I-Vt.) said").</summary>
    private static bool DotOutsideParentheses(ReadOnlySpan<char> between)
    {
        int depth = 0;
        foreach (char c in between)
        {
            if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (c == '.' && depth == 0) return true;
        }
        return false;
    }

    /// <summary>The subject of reported speech sits within a few words before the cue, not anywhere in the sentence.</summary>
    private static bool SubjectAdjacent(Document doc, string text, int cue, SpeakerRef subject)
    {
        int cueStart = doc.Tokens[cue].Start;
        if (subject.Mention is { } m)
        {
            if (m.End > cueStart || DotOutsideParentheses(text.AsSpan(m.End, cueStart - m.End))) return false;
            // "Patricia Hernandez, Administrative Vice President of the … Association said": an apposition may be long.
            bool apposition = m.End < text.Length && text[m.End] == ',';
            return cueStart - m.End <= (apposition ? 140 : 40);
        }
        // A description after the cue ("showed an officer breaking …") is its object, not its subject.
        return subject.At < cueStart && cueStart - subject.At <= 30;
    }
}
