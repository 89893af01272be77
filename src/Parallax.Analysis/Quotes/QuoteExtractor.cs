using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

/// <summary>
/// Finds attributed statements in one document: direct quotes (with their cue and speaker), block statements
/// introduced by a colon ("X had this to say:"), and indirect speech ("Cleaver said the system needs repair").
/// Indirect forms: speaker first ("X said [that] …", verbs of stance and belief too: "criticized", "believes"), speaker
/// last ("…, sources said."), a parenthetical ("…, he said, …"), "according to" before or after the clause, a
/// participle ("…, saying …"), a headline "Name: …", and mixed quotation, where a quoted phrase inside reported speech
/// ('promised to "fix the bridge"') belongs to the indirect statement rather than standing as a direct quote.
/// Spans follow the conventions of news attribution corpora (PolNeAR): indirect content keeps its "that".
/// Speakers are named mentions when the text names one; pronouns and descriptions ("she", "the spokesperson") resolve to
/// the most recent fitting speaker or description; otherwise the quote keeps a descriptive label.
/// One pass over the document in order, so a pronoun only ever looks back.
/// </summary>
public sealed class QuoteExtractor
{
    /// <summary>Verbs and phrases that attribute speech or writing (newsroom usage; PolNeAR's most frequent cues).</summary>
    internal static readonly FrozenSet<string> CueVerbs = new[]
    {
        "said", "says", "say", "told", "tells", "asserted", "asserts", "stated", "states", "wrote", "writes", "added",
        "adding", "explained", "explains", "noted", "notes", "claimed", "claims", "confirmed", "confirms", "tweeted",
        "responded", "responds", "replied", "replies", "insisted", "insists", "warned", "warns", "argued", "argues",
        "continued", "continues", "recalled", "acknowledged", "testified", "announced", "declared", "asked", "asks",
        "reads", "read", "posted", "saying", "stressed", "emphasized", "suggested", "conceded", "admitted", "remarked", "shouted",
        "yelled", "screamed", "urged", "cautioned", "concluded", "answered", "maintained", "pointed",
        "reiterated", "retorted", "whispered", "quipped", "joked", "stating", "promised", "promises", "reported",
        "reports", "mused", "boasted", "declares", "demanded", "pleaded", "interjected", "exclaimed", "snapped",
        "countered", "observed", "predicted", "vowed", "complained", "lamented", "shot",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cues that introduce reported (indirect) speech or an attributed belief: a subset of the speech verbs,
    /// because "asked" or "read" rarely do, plus verbs of knowing and believing that news attributes the same way
    /// ("Republicans expect that …", "the poll found …").</summary>
    private static readonly FrozenSet<string> IndirectCues = new[]
    {
        "said", "says", "say", "told", "tells", "asserted", "asserts", "stated", "states", "added", "explained", "noted",
        "notes", "claimed", "claims", "confirmed", "warned", "warns", "argued", "argues", "insisted", "insists",
        "acknowledged", "announced", "testified", "maintained", "stressed", "believes", "believe", "believed",
        "reported", "reports", "wrote", "writes", "predicted", "predicts", "suggested", "suggests", "contended",
        "alleged", "estimated", "agreed", "conceded", "admitted", "promised", "vowed", "thinks", "think", "thought",
        "expects", "expect", "expected", "fears", "feared", "worried", "hopes", "hoped", "knows", "knew", "found",
        "finds", "showed", "shows", "indicated", "indicates", "concluded", "denied", "complained", "recalled",
        "emphasized", "declared", "mused", "speculated", "charged", "countered", "acknowledges", "admits", "feel",
        "feels", "felt", "assured", "reminded", "informed", "signaled", "hinted", "revealed", "learned",
        // Verbs of stance and evaluation: news attributes what they take ("criticized the plan as …") to the subject.
        "asked", "called", "calls", "described", "describes", "endorsed", "endorses", "declined", "criticized",
        "criticizes", "accused", "accuses", "wants", "wanted", "defended", "defends", "urged", "urges", "proposed",
        "proposes", "cited", "cites", "supports", "supported", "praised", "praises", "blamed", "blames", "questioned",
        "rejected", "rejects", "dismissed", "dismisses", "demanded", "demands", "pledged", "pledges", "welcomed",
        "condemned", "slammed", "attacked", "blasted", "touted", "touts", "mentioned", "refused", "denounced",
        "recommended", "opposed", "opposes", "sees", "saw", "considers", "considered", "views", "viewed", "doubts",
        "doubted", "reiterated", "repeated", "joked", "quipped", "boasted", "bragged", "lamented", "explains",
        "characterized", "labeled", "branded", "dubbed", "promises", "vows", "questions",
        "challenged", "disputed", "disputes", "understood", "understands", "realized", "recognized",
        "assumed", "guessed", "imagined", "figured", "wondered", "worries", "fear", "hope", "doubt",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Participles that continue a sentence's subject as a second attribution: "…, saying he would veto it".</summary>
    private static readonly FrozenSet<string> GerundCues = new[]
    {
        "saying", "adding", "noting", "arguing", "suggesting", "claiming", "warning", "insisting", "explaining",
        "telling", "asserting", "stressing", "predicting", "acknowledging", "writing", "declaring", "contending",
        "calling", "describing", "accusing", "urging", "criticizing", "citing", "referring", "blaming", "praising",
        "promising", "vowing", "asking", "questioning", "dismissing", "pointing",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that end a subject looking back from a cue: a clause boundary, not part of who spoke.</summary>
    private static readonly FrozenSet<string> SubjectStops = new[]
    {
        "that", "which", "who", "whom", "and", "but", "or", "because", "while", "when", "if", "as", "than", "so", "what",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "they", "we", "it" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Determiners = new[] { "the", "a", "an", "this", "that", "one", "another", "his", "her", "their", "its" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Role nouns, each mapped to a key so "spokesman" and "spokesperson" match.</summary>
    internal static readonly FrozenDictionary<string, string> RoleKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["spokesman"] = "spokes", ["spokeswoman"] = "spokes", ["spokesperson"] = "spokes", ["spokespeople"] = "spokes",
        ["specialist"] = "spokes", ["officer"] = "officer", ["sergeant"] = "sergeant", ["sgt."] = "sergeant",
        ["chief"] = "chief", ["mayor"] = "mayor", ["father"] = "father", ["mother"] = "mother", ["dad"] = "father",
        ["mom"] = "mother", ["attorney"] = "attorney", ["lawyer"] = "attorney", ["judge"] = "judge", ["agent"] = "agent",
        ["partner"] = "partner", ["girlfriend"] = "partner", ["boyfriend"] = "partner", ["wife"] = "partner",
        ["husband"] = "partner", ["congressman"] = "congressman", ["congresswoman"] = "congressman",
        ["senator"] = "senator", ["governor"] = "governor", ["president"] = "president", ["sheriff"] = "sheriff",
        ["director"] = "director", ["representative"] = "representative", ["official"] = "official",
        ["officials"] = "official", ["police"] = "police", ["department"] = "department", ["agency"] = "agency",
        ["witness"] = "witness", ["neighbor"] = "neighbor", ["neighbour"] = "neighbor", ["resident"] = "resident",
        ["letter"] = "letter", ["statement"] = "statement", ["voice"] = "voice", ["son"] = "son", ["daughter"] = "daughter",
        ["captain"] = "captain", ["lieutenant"] = "lieutenant", ["commissioner"] = "commissioner",
        ["councilwoman"] = "council", ["councilman"] = "council", ["advocate"] = "advocate", ["prosecutor"] = "prosecutor",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>A speaker as the document has established it so far: a named mention, or a description.</summary>
    private readonly record struct SpeakerRef(TextSpan? Mention, string? Label, int At);

    /// <summary>Every attributed statement of <paramref name="doc"/> (needs tokens, sentences and entities), in order.</summary>
    public List<Quote> Extract(Document doc)
    {
        var marks = QuoteMarks.Find(doc.Text);
        var ctx = new Context(doc, marks);
        var quotes = new List<Quote>();
        int m = 0;
        var blockEnd = -1;
        int quotedUntil = -1; // end of the last direct quote: sentences inside it are not reported speech
        for (int si = 0; si < doc.Sentences.Length; si++)
        {
            var sentence = doc.Sentences[si];
            if (sentence.Start < blockEnd) continue; // inside a block statement already taken
            // A sentence the splitter ran into a quote ('… if he becomes president. ''Obama doesn't …'' he said'):
            // the part before the quote is a sentence of its own and may report speech.
            int peek = m;
            while (peek < marks.Count && marks[peek].Start < sentence.Start) peek++;
            if (peek < marks.Count && LeadIn(ctx, sentence, marks[peek]) is { } leadIn && Indirect(ctx, leadIn) is { } before)
                quotes.Add(before);
            bool hadDirect = false;
            int firstEmbedded = -1;
            while (m < marks.Count && marks[m].Start < sentence.End)
            {
                int at = m;
                var q = marks[m++];
                if (q.Start < sentence.Start) continue;
                quotedUntil = Math.Max(quotedUntil, q.End);
                // A quoted phrase inside the sentence's own clause ('called it "an historic step"') is part of reported
                // speech, not a statement of its own: decided after the sentence's other marks.
                if (Embedded(ctx, q, sentence)) { if (firstEmbedded < 0) firstEmbedded = at; continue; }
                hadDirect = true;
                if (Direct(ctx, q) is { } quote) quotes.Add(quote);
            }
            if (firstEmbedded >= 0 && !hadDirect)
            {
                // Mixed quotation: the reported clause around the quoted words is the statement; when no cue frames
                // one, each quoted phrase stays, marked as indirect because it is not the speaker's whole sentence.
                if (Indirect(ctx, sentence) is { } mixed) { quotes.Add(mixed); continue; }
                for (int k = firstEmbedded; k < m; k++)
                    if (marks[k].Start >= sentence.Start && Direct(ctx, marks[k]) is { } phrase)
                        quotes.Add(phrase with { Kind = QuoteKind.Indirect });
                continue;
            }
            if (hadDirect || sentence.Start < quotedUntil) continue;
            if (Block(ctx, si, out var block, out var end)) { quotes.Add(block); blockEnd = end; continue; }
            if (Indirect(ctx, sentence) is { } indirect) quotes.Add(indirect);
        }
        return quotes;
    }

    /// <summary>State of one document's pass: its text, tokens, mentions, and the speakers seen so far.</summary>
    private sealed class Context(Document doc, List<TextSpan> quoted)
    {
        public Document Doc { get; } = doc;
        public List<TextSpan> Quoted { get; } = quoted;
        /// <summary>Start offsets of non-empty lines: plain news text puts one paragraph per line.</summary>
        public int[] Paragraphs { get; } = ParagraphStarts(doc.Text);

        public int ParagraphOf(int offset)
        {
            int i = Array.BinarySearch(Paragraphs, offset);
            return i >= 0 ? i : ~i - 1;
        }

        /// <summary>Surnames of the people the document names in full: a lone "Delgado-Ruiz" is a person too.</summary>
        private readonly HashSet<string> surnames = Surnames(doc);

        public bool IsPersonLike(EntityMention m) =>
            m.Type == EntityType.Person || m.Type == EntityType.Other && surnames.Contains(Doc.Slice(m.Span));

        private static HashSet<string> Surnames(Document doc)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in doc.Entities)
            {
                if (m.Type != EntityType.Person) continue;
                var name = doc.Text.AsSpan(m.Start, m.End - m.Start);
                int space = name.LastIndexOf(' ');
                set.Add(space < 0 ? name.ToString() : name[(space + 1)..].ToString());
            }
            return set;
        }

        /// <summary>The content of the statement most recently attributed: names inside it are not new speakers.</summary>
        public TextSpan LastStatement { get; set; }

        public bool InsideLastStatement(int offset) => LastStatement.Contains(offset);

        public bool InsideQuote(int offset)
        {
            int lo = 0, hi = Quoted.Count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (offset < Quoted[mid].Start) hi = mid - 1;
                else if (offset >= Quoted[mid].End) lo = mid + 1;
                else return true;
            }
            return false;
        }
        public string Text => Doc.Text;
        public SpeakerRef? LastSpeaker { get; set; }
        /// <summary>Role words seen so far with what they referred to, for "the spokesperson" and "the officer".</summary>
        public List<(string Key, SpeakerRef Ref)> Roles { get; } = BuildRoles(doc);
    }

    private Quote? Direct(Context ctx, TextSpan content)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        int close = content.End; // index of the closing mark (or paragraph end)
        int open = content.Start - 1;
        // A doubled-apostrophe mark ('') is two characters: point at its first, like a one-character mark.
        if (open > 0 && text[open] == '\'' && text[open - 1] == '\'') open--;
        int firstTok = doc.TokenAtOrAfter(close + 1);
        int wordCount = CountWords(text, content);

        if (wordCount < 3) return null; // "roll down", "Pucca Love": quoted names and scare quotes, not statements

        // 1. Speaker after the quote: '," Neudauer said' / '," said Neudauer' / '," according to a statement by …'.
        bool sameParagraph = firstTok < doc.Tokens.Length && !ContainsLineBreak(text, close, doc.Tokens[firstTok].Start);
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

        // 3. No cue: a quote continues the speaker of this paragraph or the one before (the news convention for a
        // statement carried over paragraphs); failing that, the first person the previous paragraph names.
        if (ctx.LastSpeaker is { } last && ctx.ParagraphOf(last.At) >= ctx.ParagraphOf(open) - 1)
            return Make(ctx, content, QuoteKind.Direct, null, last);
        if (StartsParagraph(text, open) && FirstPersonInPreviousParagraph(ctx, open) is { } topic)
            return Make(ctx, content, QuoteKind.Direct, null, new SpeakerRef(topic.Span, null, topic.Start));
        return wordCount >= 6 ? Make(ctx, content, QuoteKind.Direct, null, null) : null;
    }

    /// <summary>
    /// "Bill Clinton: Hillary is better qualified" / "Poll: Trump and Clinton hold narrow leads" / "KATE BOULDUAN: Why
    /// not debate?": a headline or transcript line that opens with a short capitalised name and a colon credits the
    /// rest of the line to that name. Only at the start of a line, and only capitalised words before the colon, so
    /// "The reason was simple: …" is not taken.
    /// </summary>
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
                var content = Trim(text, new TextSpan(doc.Tokens[t + 1].Start, s.End));
                if (CountWords(text, content) < 3 || ContainsLineBreak(text, tok.End, content.Start)) return null;
                var prefix = new TextSpan(s.Start, doc.Tokens[t - 1].End);
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
        return !CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(wordStart, j + 1 - wordStart));
    }

    private static int[] ParagraphStarts(string text)
    {
        var starts = new List<int>();
        bool lineStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') { lineStart = true; continue; }
            if (lineStart && !char.IsWhiteSpace(c)) { starts.Add(i); lineStart = false; }
        }
        return starts.ToArray();
    }

    private static bool ContainsLineBreak(string text, int from, int to) =>
        from < to && text.AsSpan(from, to - from).Contains('\n');

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
            if (RoleKeys.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(text.AsSpan(tok.Start, tok.Length)))
                return new SpeakerRef(null, text[doc.Tokens[DescriptionStart(doc, text, t, from)].Start..tok.End], tok.Start);
        }
        return null;
    }

    private static bool StartsParagraph(string text, int offset)
    {
        for (int i = offset - 1; i >= 0; i--)
        {
            if (text[i] == '\n') return true;
            if (!char.IsWhiteSpace(text[i])) return false;
        }
        return true;
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
            if (tok.Kind == TokenKind.Word && CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
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

    /// <summary>
    /// The speaker of a cue, searched between tokens <paramref name="lo"/> and <paramref name="hi"/>, in this order:
    /// after "according to", the first person (else organisation) named after it; in an apposition
    /// ("Cheyenne Hoyt, partner arrested by ICE, said") the person the apposition describes; a pronoun or description
    /// right next to the cue ("she said", "the spokesperson said"); the nearest person before the cue, or right after it
    /// ("said Neudauer"); the nearest organisation; any farther pronoun or description.
    /// </summary>
    private SpeakerRef? SpeakerAround(Context ctx, int cue, int lo, int hi, int quoteEdge)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        var cueTok = doc.Tokens[cue];
        bool according = text.AsSpan(cueTok.Start, cueTok.Length).Equals("according", StringComparison.OrdinalIgnoreCase);
        int loOffset = lo < doc.Tokens.Length ? doc.Tokens[Math.Max(lo, 0)].Start : text.Length;
        int hiOffset = hi <= 0 ? 0 : hi < doc.Tokens.Length ? doc.Tokens[hi - 1].End : text.Length;

        EntityMention? firstPersonBefore = null, nearestPersonBefore = null, nearestOrgBefore = null;
        EntityMention? firstPersonAfter = null, firstOrgAfter = null;
        foreach (var mention in MentionsIn(doc, loOffset, hiOffset))
        {
            // Unknown-type names count as people here: a name that speaks is almost always a person.
            if (mention.Type is EntityType.Place || ctx.InsideQuote(mention.Start)) continue;
            bool person = mention.Type is EntityType.Person or EntityType.Other;
            if (mention.End <= cueTok.Start)
            {
                if (person) { firstPersonBefore ??= mention; nearestPersonBefore = mention; }
                else nearestOrgBefore = mention;
            }
            else if (mention.Start >= cueTok.End)
            {
                if (person) firstPersonAfter ??= mention;
                else firstOrgAfter ??= mention;
            }
        }

        if (according)
        {
            var named = firstPersonAfter ?? firstOrgAfter;
            return named is { } n ? new SpeakerRef(n.Span, null, n.Start) : NearbyReference(ctx, cue, lo, hi)?.Ref;
        }

        bool appositionCloses = cue > 0 && text[doc.Tokens[cue - 1].Start] == ',';
        if (appositionCloses && firstPersonBefore is { } apposed)
            return new SpeakerRef(apposed.Span, null, apposed.Start);

        // A name right before the cue is the subject ("… Specialist Carla Wendt said in a statement").
        if (nearestPersonBefore is { } subject && doc.TokenAtOrAfter(subject.End) >= cue - 1)
            return new SpeakerRef(subject.Span, null, subject.Start);

        var near = NearbyReference(ctx, cue, lo, hi);
        // A role word that is the title of the name after it ("specialist Carla Wendt said") yields to the name.
        if (near is { Distance: <= 3 } adjacent && !(nearestPersonBefore is { } titled && titled.Start > adjacent.Ref.At))
            return adjacent.Ref;
        if (nearestPersonBefore is { } p) return new SpeakerRef(p.Span, null, p.Start);
        if (firstPersonAfter is { } pa && pa.Start - cueTok.End <= 3) return new SpeakerRef(pa.Span, null, pa.Start);
        if (nearestOrgBefore is { } o) return new SpeakerRef(o.Span, null, o.Start);
        return near?.Ref;
    }

    private readonly record struct NearRef(SpeakerRef Ref, int Distance);

    /// <summary>A pronoun ("she said") or a description ("the spokesperson said in a statement") next to the cue,
    /// resolved against what came before.</summary>
    private static NearRef? NearbyReference(Context ctx, int cue, int lo, int hi)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        // Look just before the cue, then just after it ("said the officer").
        for (int side = 0; side < 2; side++)
        {
            for (int k = 1; k <= 4; k++)
            {
                int t = side == 0 ? cue - k : cue + k;
                if (t < lo || t >= hi || t < 0 || t >= doc.Tokens.Length) break;
                var tok = doc.Tokens[t];
                var w = text.AsSpan(tok.Start, tok.Length);
                if (tok.Kind != TokenKind.Word) { if (w is "," && side == 1) break; continue; }
                if (Pronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) && k <= 3)
                    return new NearRef(ResolvePronoun(ctx, w, tok.Start), k);
                if (char.IsLower(w[0]) && !ctx.InsideQuote(tok.Start)
                    && RoleKeys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out var key))
                {
                    int start = DescriptionStart(doc, text, t, lo);
                    bool definite = start < t && text.AsSpan(doc.Tokens[start].Start, doc.Tokens[start].Length).Equals("the", StringComparison.OrdinalIgnoreCase);
                    var label = text[doc.Tokens[start].Start..tok.End];
                    if (definite && Resolve(ctx, key, tok.Start) is { } antecedent) return new NearRef(antecedent with { At = tok.Start }, k);
                    return new NearRef(new SpeakerRef(null, label, tok.Start), k);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// "he"/"she" name a person: the last speaker, unless a person was introduced since, in this paragraph or the one
    /// before ("Delgado-Ruiz … lives in Kessling Heights. \n "…," she said"); "they"/"it"/"we" may also be an
    /// organisation. With no speaker yet, the most recent person named outside quotes.
    /// </summary>
    private static SpeakerRef ResolvePronoun(Context ctx, ReadOnlySpan<char> pronoun, int at)
    {
        var doc = ctx.Doc;
        bool personal = pronoun.Equals("he", StringComparison.OrdinalIgnoreCase) || pronoun.Equals("she", StringComparison.OrdinalIgnoreCase);
        var last = ctx.LastSpeaker;
        if (personal && last is { Mention: { } lm } && TypeAt(doc, lm) is not (EntityType.Person or EntityType.Other)) last = null;
        var recent = LastPersonBefore(doc, at, 600, ctx);
        if (recent is { } p && (last is null || p.Start > last.Value.At) && ctx.ParagraphOf(p.Start) >= ctx.ParagraphOf(at) - 1)
            return new SpeakerRef(p.Span, null, p.Start);
        if (last is { } l) return l;
        if (recent is { } r) return new SpeakerRef(r.Span, null, r.Start);
        return new SpeakerRef(null, pronoun.ToString(), at);
    }

    private static EntityType? TypeAt(Document doc, TextSpan span)
    {
        foreach (var m in MentionsIn(doc, span.Start, span.End))
            if (m.Start == span.Start) return m.Type;
        return null;
    }

    /// <summary>Start of a description ending at a role word: back over modifiers to a determiner ("a Kansas City Police
    /// Department spokesperson"), at most six words.</summary>
    private static int DescriptionStart(Document doc, string text, int t, int lo)
    {
        int start = t;
        for (int k = t - 1; k >= Math.Max(lo, t - 6); k--)
        {
            var tok = doc.Tokens[k];
            if (tok.Kind != TokenKind.Word) break;
            start = k;
            if (Determiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(tok.Start, tok.Length))) break;
        }
        return start;
    }

    /// <summary>"the spokesperson" refers to the most recent spokesperson the text introduced, named or not.</summary>
    private static SpeakerRef? Resolve(Context ctx, string key, int before)
    {
        for (int i = ctx.Roles.Count - 1; i >= 0; i--)
        {
            var (k, r) = ctx.Roles[i];
            if (r.At >= before) continue;
            if (k == key) return r;
        }
        return null;
    }

    /// <summary>Role words introduced by the text, in order: titles of named mentions ("ICE spokesman Shawn Neudauer"),
    /// appositions ("Shawn Neudauer, ICE spokesman"), and unnamed indefinite descriptions ("A … spokesperson").</summary>
    private static List<(string, SpeakerRef)> BuildRoles(Document doc)
    {
        var text = doc.Text;
        var roles = new List<(string, SpeakerRef)>();
        int m = 0;
        var mentions = doc.Entities;
        for (int t = 0; t < doc.Tokens.Length; t++)
        {
            var tok = doc.Tokens[t];
            while (m < mentions.Length && mentions[m].End <= tok.Start)
            {
                var mention = mentions[m++];
                if (mention.Type == EntityType.Person && mention.Title is { } title)
                    foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        if (RoleKeys.TryGetValue(word, out var key)) roles.Add((key, new SpeakerRef(mention.Span, null, mention.Start)));
            }
            if (tok.Kind != TokenKind.Word || !RoleKeys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(tok.Start, tok.Length), out var roleKey))
                continue;
            // Apposition: "Shawn Neudauer, ICE spokesman" / "Sergeant Jacob Becchina, spokesperson for …".
            var previous = LastPersonBefore(doc, tok.Start, 30);
            if (previous is { } p && text.AsSpan(p.End, Math.Max(0, tok.Start - p.End)).Contains(',') && !text.AsSpan(p.End, Math.Max(0, tok.Start - p.End)).Contains('.'))
            {
                roles.Add((roleKey, new SpeakerRef(p.Span, null, tok.Start)));
                continue;
            }
            int start = DescriptionStart(doc, text, t, 0);
            var det = text.AsSpan(doc.Tokens[start].Start, doc.Tokens[start].Length);
            if (det.Equals("a", StringComparison.OrdinalIgnoreCase) || det.Equals("an", StringComparison.OrdinalIgnoreCase)
                || det.Equals("another", StringComparison.OrdinalIgnoreCase))
                roles.Add((roleKey, new SpeakerRef(null, text[doc.Tokens[start].Start..tok.End], tok.Start)));
        }
        return roles;
    }

    private static EntityMention? LastPersonBefore(Document doc, int offset, int maxDistance, Context? ctx = null)
    {
        EntityMention? found = null;
        foreach (var mention in MentionsIn(doc, Math.Max(0, offset - maxDistance), offset))
            if (mention.End <= offset && (ctx is null ? mention.Type == EntityType.Person : ctx.IsPersonLike(mention))
                && ctx?.InsideQuote(mention.Start) != true && ctx?.InsideLastStatement(mention.Start) != true)
                found = mention;
        return found;
    }

    private static IEnumerable<EntityMention> MentionsIn(Document doc, int from, int to)
    {
        var mentions = doc.Entities;
        int lo = 0, hi = mentions.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (mentions[mid].End <= from) lo = mid + 1; else hi = mid; }
        for (int i = lo; i < mentions.Length && mentions[i].Start < to; i++) yield return mentions[i];
    }

    private Quote Make(Context ctx, TextSpan content, QuoteKind kind, TextSpan? cue, SpeakerRef? speaker)
    {
        // The speaker is current from the end of what they said: names inside their words are not newer speakers.
        if (speaker is { } s) { ctx.LastSpeaker = s with { At = content.End }; ctx.LastStatement = content; }
        return new Quote(content, kind, cue, speaker?.Mention, speaker?.Mention is null ? speaker?.Label : null);
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
            if (CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) || w.SequenceEqual("say") || w.SequenceEqual("follows")) { cue = t; break; }
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
            if (mention.Type == EntityType.Person) { speaker = new SpeakerRef(mention.Span, null, mention.Start); break; }
        speaker ??= SpeakerAround(ctx, cue, s.FirstToken, s.EndToken, s.Start)
                    ?? new SpeakerRef(null, text[s.Start..doc.Tokens[cue].Start].Trim().TrimEnd(','), s.Start);
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
        var doc = ctx.Doc;
        var text = ctx.Text;
        if (s.TokenCount > 4 && IsWord(text, doc.Tokens[s.FirstToken], "according") && IsWord(text, doc.Tokens[s.FirstToken + 1], "to"))
        {
            // "According to the poll, Clinton leads": the clause after the first comma.
            for (int k = s.FirstToken + 2; k < s.EndToken - 1 && k < s.FirstToken + 16; k++)
            {
                if (text[doc.Tokens[k].Start] != ',') continue;
                var content = Trim(text, new TextSpan(doc.Tokens[k + 1].Start, s.End));
                if (CountWords(text, content) < 4) break;
                var speaker = SpeakerAround(ctx, s.FirstToken, s.FirstToken, k, doc.Tokens[k].Start);
                return Make(ctx, content, QuoteKind.Indirect, new TextSpan(doc.Tokens[s.FirstToken].Start, doc.Tokens[s.FirstToken + 1].End), speaker);
            }
        }
        for (int t = s.FirstToken + 1; t < s.EndToken - 3; t++)
        {
            var tok = doc.Tokens[t];
            var w = text.AsSpan(tok.Start, tok.Length);
            bool according = w.Equals("according", StringComparison.OrdinalIgnoreCase) && text.AsSpan(doc.Tokens[t + 1].Start, doc.Tokens[t + 1].Length).SequenceEqual("to");
            bool gerund = !according && GerundCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) && text[doc.Tokens[t - 1].Start] == ',';
            if (!according && !gerund && !IndirectCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) continue;

            if (according)
            {
                // "[clause], according to ICE." — the clause before it is the content, comma or not.
                if (t - 1 <= s.FirstToken) return null;
                var speaker = SpeakerAround(ctx, t, t, s.EndToken, tok.Start);
                var content = Trim(text, new TextSpan(s.Start, tok.Start));
                return CountWords(text, content) >= 4 ? Make(ctx, content, QuoteKind.Indirect, new TextSpan(tok.Start, doc.Tokens[t + 1].End), speaker) : null;
            }

            SpeakerRef? subject;
            if (gerund)
                subject = SpeakerAround(ctx, t, s.FirstToken, t, s.Start);
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
            if (c < s.EndToken && text[doc.Tokens[c].Start] == ',' && (!CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) || NounLike(w))) continue;
            // "told KCTV5 News that …": skip the addressee up to "that" or a comma.
            if (w.StartsWith("told", StringComparison.OrdinalIgnoreCase) || w.StartsWith("tell", StringComparison.OrdinalIgnoreCase))
            {
                int k = c;
                while (k < s.EndToken && k < c + 6 && text[doc.Tokens[k].Start] != ',' && !IsWord(text, doc.Tokens[k], "that")) k++;
                if (k < s.EndToken && k < c + 6) c = k;
                else if (AddresseeEnd(ctx, c, s) is { } after) c = after; // "told the National Post he's …"
                else continue;
            }
            if (c < s.EndToken && text[doc.Tokens[c].Start] == ',') c++;
            if (c < s.EndToken && IsWord(text, doc.Tokens[c], "in") && c + 1 < s.EndToken && IsWord(text, doc.Tokens[c + 1], "part")) c += 2;
            if (c >= s.EndToken) return null;
            var span = Trim(text, new TextSpan(doc.Tokens[c].Start, s.End));
            if (CountWords(text, span) < 4) continue;
            return Make(ctx, span, QuoteKind.Indirect, tok.Span, subject);
        }
        return null;
    }

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
            if (SubjectStops.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) return null;
            if (!IndirectCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) || !char.IsLower(w[0])) continue;
            // Either a subject before the cue ("sources said", "the Associated Press reported") or right after it
            // ("said Mr. Burman"); a bare cue after the comma with nothing named is not an attribution.
            if (t == comma + 1 && t == last) return null;
            // With the subject before the cue, only a short adverbial may follow it ("sources said Friday", "he said
            // in a statement"); "…, Trump said he was suited for it" is speaker-first speech after an opening phrase.
            if (t > comma + 1 && t < last && (last - t > 4 || !TailAdverbial(text, doc.Tokens[t + 1]))) return null;
            var content = Trim(text, new TextSpan(s.Start, doc.Tokens[comma].Start));
            if (CountWords(text, content) < 4 || ctx.InsideQuote(content.Start)) return null;
            var speaker = SpeakerAround(ctx, t, comma + 1, last + 1, doc.Tokens[comma].Start)
                          ?? (t > comma + 1 ? new SpeakerRef(null, text[doc.Tokens[comma + 1].Start..doc.Tokens[t - 1].End], doc.Tokens[comma + 1].Start) : null);
            return Make(ctx, content, QuoteKind.Indirect, doc.Tokens[t].Span, speaker);
        }
        return null;
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
                    if (doc.Tokens[c].Kind != TokenKind.Word || !char.IsLower(w[0]) || !IndirectCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) continue;
                    if (c == open + 1 && c == t - 1) break; // ", said," names nobody
                    var content = Trim(text, s.Span);
                    if (CountWords(text, content) < 6 || ctx.InsideQuote(content.Start)) return null;
                    var speaker = SpeakerAround(ctx, c, open + 1, t, doc.Tokens[open].Start)
                                  ?? (c > open + 1 ? new SpeakerRef(null, text[doc.Tokens[open + 1].Start..doc.Tokens[c - 1].End], doc.Tokens[open + 1].Start) : null);
                    return Make(ctx, content, QuoteKind.Indirect, doc.Tokens[c].Span, speaker);
                }
            }
            open = t;
        }
        return null;
    }

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

    private static bool TailAdverbial(string text, Token t) =>
        Adverbials.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(t.Start, t.Length));

    private static readonly FrozenSet<string> ObjectPronouns = new[] { "him", "her", "them", "me", "us", "reporters", "journalists", "supporters", "voters" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The token after the addressee of "told": a named mention ("the National Post"), or an object pronoun
    /// or audience word ("told reporters"); null when neither follows.</summary>
    private static int? AddresseeEnd(Context ctx, int c, Sentence s)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        if (c >= s.EndToken) return null;
        if (ObjectPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(doc.Tokens[c].Start, doc.Tokens[c].Length))) return c + 1;
        int from = IsWord(text, doc.Tokens[c], "the") && c + 1 < s.EndToken ? c + 1 : c;
        foreach (var m in MentionsIn(doc, doc.Tokens[from].Start, doc.Tokens[from].End))
            if (m.Start == doc.Tokens[from].Start)
            {
                int next = doc.TokenAtOrAfter(m.End);
                return next < s.EndToken - 2 ? next : null;
            }
        return null;
    }

    /// <summary>The noun phrase right before a cue, back to a clause boundary, at most six words: an unnamed source
    /// ("Most voters", "the new poll") kept as a label.</summary>
    private static SpeakerRef? SubjectPhrase(Context ctx, Sentence s, int cue)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        // Past auxiliaries and adverbs between subject and cue ("The committee has also said").
        int end = cue - 1;
        while (end >= s.FirstToken && doc.Tokens[end].Kind == TokenKind.Word && QuoteSource.IsModifierAfterHead(text.AsSpan(doc.Tokens[end].Start, doc.Tokens[end].Length))) end--;
        int start = end + 1;
        for (int k = end; k >= s.FirstToken && k >= end - 5; k--)
        {
            var tok = doc.Tokens[k];
            var w = text.AsSpan(tok.Start, tok.Length);
            if (tok.Kind is not (TokenKind.Word or TokenKind.Number) || SubjectStops.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
                || QuoteSource.LeftStops.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) || CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) break;
            start = k;
        }
        if (start > end) return null;
        // A verb or adverb is no subject ("were", "finalized"): a noun phrase ends in a noun, which rarely ends so.
        var head = text.AsSpan(doc.Tokens[end].Start, doc.Tokens[end].Length);
        if (char.IsLower(head[0]) && head.EndsWith("ed", StringComparison.Ordinal)) return null;
        return new SpeakerRef(null, text[doc.Tokens[start].Start..doc.Tokens[end].End], doc.Tokens[start].Start);
    }

    /// <summary>The subject of reported speech sits within a few words before the cue, not anywhere in the sentence.</summary>
    private static bool SubjectAdjacent(Document doc, string text, int cue, SpeakerRef subject)
    {
        int cueStart = doc.Tokens[cue].Start;
        if (subject.Mention is { } m)
        {
            if (m.End > cueStart || text.AsSpan(m.End, cueStart - m.End).Contains('.')) return false;
            // "Patricia Hernandez, Administrative Vice President of the … Association said": an apposition may be long.
            bool apposition = m.End < text.Length && text[m.End] == ',';
            return cueStart - m.End <= (apposition ? 140 : 40);
        }
        return cueStart - subject.At <= 30;
    }

    private static bool IsWord(string text, Token t, string word) => text.AsSpan(t.Start, t.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static TextSpan Trim(string text, TextSpan span)
    {
        int a = span.Start, b = span.End;
        while (a < b && (char.IsWhiteSpace(text[a]) || text[a] == ',')) a++;
        while (b > a && (char.IsWhiteSpace(text[b - 1]) || text[b - 1] is '.' or ',' or ';' or ':')) b--;
        return new TextSpan(a, b);
    }

    private static int CountWords(string text, TextSpan span)
    {
        int words = 0;
        bool inWord = false;
        for (int i = span.Start; i < span.End; i++)
        {
            bool letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }
}
