using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

/// <summary>
/// Finds attributed statements in one document: direct quotes (with their cue and speaker), block statements
/// introduced by a colon ("X had this to say:"), and indirect speech ("Cleaver said the system needs repair").
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
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cues that introduce reported (indirect) speech: a subset, because "asked" or "read" rarely do.</summary>
    private static readonly FrozenSet<string> IndirectCues = new[]
    {
        "said", "says", "told", "tells", "asserted", "stated", "added", "explained", "noted", "claimed", "confirmed",
        "warned", "argued", "insisted", "acknowledged", "announced", "testified", "maintained", "stressed", "believes",
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
            bool hadDirect = false;
            while (m < marks.Count && marks[m].Start < sentence.End)
            {
                var q = marks[m++];
                if (q.Start < sentence.Start) continue;
                hadDirect = true;
                quotedUntil = Math.Max(quotedUntil, q.End);
                if (Direct(ctx, q) is { } quote) quotes.Add(quote);
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

        // 3. No cue: a quote continues the speaker of this paragraph or the one before (the news convention for a
        // statement carried over paragraphs); failing that, the first person the previous paragraph names.
        if (ctx.LastSpeaker is { } last && ctx.ParagraphOf(last.At) >= ctx.ParagraphOf(open) - 1)
            return Make(ctx, content, QuoteKind.Direct, null, last);
        if (StartsParagraph(text, open) && FirstPersonInPreviousParagraph(ctx, open) is { } topic)
            return Make(ctx, content, QuoteKind.Direct, null, new SpeakerRef(topic.Span, null, topic.Start));
        return wordCount >= 6 ? Make(ctx, content, QuoteKind.Direct, null, null) : null;
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
            if (c0 is '"' or '\u201C' or '\u201D') break;
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

    /// <summary>Reported speech: "[speaker] said [that] [clause]" or "[clause], according to [speaker]".</summary>
    private Quote? Indirect(Context ctx, Sentence s)
    {
        var doc = ctx.Doc;
        var text = ctx.Text;
        for (int t = s.FirstToken + 1; t < s.EndToken - 3; t++)
        {
            var tok = doc.Tokens[t];
            var w = text.AsSpan(tok.Start, tok.Length);
            bool according = w.Equals("according", StringComparison.OrdinalIgnoreCase) && text.AsSpan(doc.Tokens[t + 1].Start, doc.Tokens[t + 1].Length).SequenceEqual("to");
            if (!according && !IndirectCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) continue;

            if (according)
            {
                // "[clause], according to ICE." — the clause before the comma is the content.
                if (t - 1 <= s.FirstToken || text[doc.Tokens[t - 1].Start] != ',') return null;
                var speaker = SpeakerAround(ctx, t, t, s.EndToken, tok.Start);
                var content = Trim(text, new TextSpan(s.Start, doc.Tokens[t - 1].Start));
                return CountWords(text, content) >= 4 ? Make(ctx, content, QuoteKind.Indirect, new TextSpan(tok.Start, doc.Tokens[t + 1].End), speaker) : null;
            }

            // The subject must end right before the cue: a mention, pronoun or description.
            var subject = SpeakerAround(ctx, t, s.FirstToken, t, s.Start);
            if (subject is null || !SubjectAdjacent(doc, text, t, subject.Value)) return null;
            int c = t + 1;
            // "told KCTV5 News that …": skip the addressee up to "that" or a comma.
            if (w.StartsWith("told", StringComparison.OrdinalIgnoreCase) || w.StartsWith("tells", StringComparison.OrdinalIgnoreCase))
            {
                int k = c;
                while (k < s.EndToken && k < c + 6 && text[doc.Tokens[k].Start] != ',' && !IsWord(text, doc.Tokens[k], "that")) k++;
                if (k >= s.EndToken || k == c + 6) return null;
                c = k;
            }
            if (c < s.EndToken && (IsWord(text, doc.Tokens[c], "that") || text[doc.Tokens[c].Start] == ',')) c++;
            if (c < s.EndToken && IsWord(text, doc.Tokens[c], "in") && c + 1 < s.EndToken && IsWord(text, doc.Tokens[c + 1], "part")) c += 2;
            if (c >= s.EndToken) return null;
            var span = Trim(text, new TextSpan(doc.Tokens[c].Start, s.End));
            if (CountWords(text, span) < 4) return null;
            return Make(ctx, span, QuoteKind.Indirect, tok.Span, subject);
        }
        return null;
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
