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
/// The forms live in one file each: QuoteExtractor.Direct (quoted words, interrupted and multi-paragraph quotes),
/// .Colon (headline leads and block statements), .Indirect (speaker first, participles), .According, .SpeakerLast
/// (speaker-last tails and asides), .Speakers (speaker resolution) and .Lexicon (the word lists).
/// </summary>
public sealed partial class QuoteExtractor
{
    /// <summary>A speaker as the document has established it so far: a named mention, or a description.</summary>
    private readonly record struct SpeakerRef(TextSpan? Mention, string? Label, int At);

    /// <summary>Every attributed statement of <paramref name="doc"/>, each with its <see cref="Quote.Source"/> phrase: what
    /// the pipeline stores.</summary>
    public Quote[] ExtractWithSources(Document doc)
    {
        var quotes = Extract(doc).ToArray();
        int kept = 0;
        for (int i = 0; i < quotes.Length; i++)
        {
            var q = quotes[i] with { Source = QuoteSource.Find(doc, quotes[i]) };
            // Reported speech whose own words hold its source while its cue is outside them ("Geoff Jolley, … Counsel
            // for Congressman Cleaver", said to be said by Cleaver) is a subject the search ran into, not a statement;
            // a parenthetical ("It was impossible, Gabuyev said, so …") holds source and cue both.
            if (q.Kind != QuoteKind.Direct && q.Cue is { } cue && !q.Content.Overlaps(cue)
                && (q.Source is { } src && src.Overlaps(q.Content) || q.Speaker is { } sp && sp.Overlaps(q.Content))) continue;
            quotes[kept++] = q;
        }
        if (kept < quotes.Length) Array.Resize(ref quotes, kept);
        return quotes;
    }

    /// <summary>Every attributed statement of <paramref name="doc"/> (needs tokens, sentences and entities), in order,
    /// without source phrases (<see cref="QuoteSource.Find"/> adds one).</summary>
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
            if (Indirect(ctx, sentence) is { } indirect)
            {
                quotes.Add(indirect);
                if (ReportedInsideTail(ctx, sentence, indirect) is { } inner) quotes.Add(inner);
            }
        }
        if (ctx.Dropped.Count > 0) quotes.RemoveAll(q => q.Kind != QuoteKind.Direct && ctx.Dropped.Contains(q.Content.Start));
        return quotes;
    }

    /// <summary>
    /// A second attribution in a sentence whose statement ends at a speaker-last tail: "Other candidates said they
    /// support vouchers, but that should be left to states, they said." holds one from "said" inside the content. Only
    /// the speaker-first form is searched, inside the content; the speaker of the tail stays the current one.
    /// </summary>
    private Quote? ReportedInsideTail(Context ctx, Sentence sentence, Quote outer)
    {
        if (outer.Content.Start != sentence.Start || outer.Cue is not { } cue || cue.Start < outer.Content.End) return null;
        var doc = ctx.Doc;
        int end = Math.Min(sentence.EndToken, doc.TokenAtOrAfter(outer.Content.End));
        if (end - sentence.FirstToken < 8) return null;
        var (lastSpeaker, lastStatement) = (ctx.LastSpeaker, ctx.LastStatement);
        var inner = IndirectSpeakerFirst(ctx, new Sentence(sentence.Start, outer.Content.End, sentence.FirstToken, end - sentence.FirstToken));
        (ctx.LastSpeaker, ctx.LastStatement) = (lastSpeaker, lastStatement);
        return inner is { Speaker: not null } found && found.Content.Start > outer.Content.Start ? found : null;
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
        private HashSet<string>? surnames; // built on first use: only names of no known type ask

        /// <summary>Names the document introduces as vessels, vehicles or products: never speakers.</summary>
        private readonly HashSet<string> things = ThingNames(doc);

        public bool IsThing(TextSpan m) => things.Count > 0 && things.Contains(Doc.Slice(m));

        /// <summary>A one-word "name" that opens its sentence and qualifies the role or head noun after it ("Fire
        /// officials said", "Harbor workers said"): capitals there are no evidence of a name, and the speaker is the
        /// description, never the word.</summary>
        public bool Qualifies(EntityMention m) => QualifiesNoun(Doc, m);

        /// <summary>Starts of statements found with a speaker that cannot speak (a thing, a record): dropped at the end
        /// unless they are direct quotes, which keep their words and lose the speaker.</summary>
        public HashSet<int> Dropped { get; } = [];

        public bool IsPersonLike(EntityMention m) =>
            m.Type == EntityType.Person || m.Type == EntityType.Other && (surnames ??= Surnames(Doc)).Contains(Doc.Slice(m.Span));

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
        /// <remarks>Built on first use: only a definite description next to a cue ("the spokesperson said") asks.</remarks>
        public List<(string Key, SpeakerRef Ref)> Roles => roles ??= BuildRoles(Doc);
        private List<(string Key, SpeakerRef Ref)>? roles;
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

    private static bool StartsParagraph(string text, int offset)
    {
        for (int i = offset - 1; i >= 0; i--)
        {
            if (text[i] == '\n') return true;
            if (!char.IsWhiteSpace(text[i])) return false;
        }
        return true;
    }

    private Quote Make(Context ctx, TextSpan content, QuoteKind kind, TextSpan? cue, SpeakerRef? speaker)
    {
        // A label that is no noun phrase ("whether it", "July 22") names nobody: better no speaker than a wrong one.
        if (speaker is { Mention: null, Label: null }) speaker = null; // "nobody we can name", e.g. a participle's object
        if (speaker is { Mention: null, Label: { } label } && !IsNounPhraseLabel(label)) speaker = null;
        // A vessel, a recording or a record never speaks: reported speech credited to one is no attribution at all.
        if (!CanSpeak(ctx, speaker))
        {
            speaker = null;
            if (kind != QuoteKind.Direct) ctx.Dropped.Add(content.Start);
        }
        // The speaker is current from the end of what they said: names inside their words are not newer speakers.
        if (speaker is { } s) { ctx.LastSpeaker = s with { At = content.End }; ctx.LastStatement = content; }
        return new Quote(content, kind, cue, speaker?.Mention, speaker?.Mention is null ? speaker?.Label : null);
    }

    /// <summary>Words that open a clause, not a noun phrase: a label starting with one is the tail of a clause the
    /// subject search walked into ("whether it", "if they", "how the").</summary>
    private static readonly FrozenSet<string> ClauseOpeners = new[]
    {
        "whether", "if", "what", "how", "why", "when", "where", "whom", "whose", "which", "who", "that", "than",
        "because", "while", "although", "though", "unless", "until", "since", "once", "as", "so", "and", "but", "or",
        "nor", "to", "of", "for", "by", "with", "from", "in", "on", "at", "is", "was", "are", "were", "be", "been",
        "has", "have", "had", "did", "do", "does", "not", "no", "yes",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseOpenersLookup = ClauseOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Months = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthsLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a speaker label reads as a noun phrase: it does not open with a clause word or a bare
    /// preposition, is not a date ("July 22"), and has a letter.</summary>
    internal static bool IsNounPhraseLabel(string label)
    {
        var span = label.AsSpan().Trim();
        if (span.IsEmpty) return false;
        int space = span.IndexOf(' ');
        var first = space < 0 ? span : span[..space];
        if (ClauseOpenersLookup.Contains(first)) return false;
        // A pronoun alone ("it", "They") that nothing resolved names nobody a reader could look up.
        if (space < 0 && (PronounsLookup.Contains(span) || span is "I" or "you" or "You")) return false;
        if (MonthsLookup.Contains(first) && space > 0 && char.IsDigit(span[space + 1])) return false;
        foreach (char c in span) if (char.IsLetter(c)) return true;
        return false;
    }

    private static bool IsWord(string text, Token t, string word) => text.AsSpan(t.Start, t.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static TextSpan Trim(string text, TextSpan span)
    {
        int a = span.Start, b = span.End;
        while (a < b && (char.IsWhiteSpace(text[a]) || text[a] == ',')) a++;
        while (b > a && (char.IsWhiteSpace(text[b - 1]) || text[b - 1] is '.' or ',' or ';' or ':')) b--;
        return new TextSpan(a, b);
    }

    /// <summary>Words in <paramref name="span"/>, counted up to <paramref name="limit"/> (callers only compare with a small
    /// number, so the count stops there instead of running to the end of a long span).</summary>
    private static int CountWords(string text, TextSpan span, int limit)
    {
        int words = 0;
        bool inWord = false;
        for (int i = span.Start; i < span.End; i++)
        {
            bool letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord && ++words == limit) return words;
            inWord = letter;
        }
        return words;
    }
}
