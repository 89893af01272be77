using System.Collections.Frozen;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

// Precision rules: what is not reported speech even though a cue word is there.
public sealed partial class QuoteExtractor
{
    /// <summary>Words that cannot open the content of reported speech: an infinitive or purpose clause ("declined to
    /// comment", "asked for …"), an object ("asked him to leave"), a reflexive ("found themselves"), a coordination
    /// ("… and asked"). What follows them is a request or an action, not a statement. Adverbials ("said on Friday
    /// that …") stay: the statement follows them.</summary>
    private static readonly FrozenSet<string> NonContentStarts = new[]
    {
        "to", "for", "and", "or", "nor",
        "him", "them", "me", "us", "themselves", "himself", "herself", "itself", "ourselves", "myself", "yourself",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NonContentStartsLookup = NonContentStarts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Cues of perceiving and finding: after them an indefinite noun phrase ("found a seat") is an object,
    /// not a statement; only a clause counts.</summary>
    private static readonly FrozenSet<string> FindingCues = new[]
    {
        "found", "finds", "saw", "sees", "knew", "knows", "know", "learned", "understood", "understands",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FindingCuesLookup = FindingCues.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> CallParticles = new[] { "on", "in", "out", "off", "up", "back" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CallParticlesLookup = CallParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words before a bare "say" or "tell" that make it an infinitive or a hypothetical ("declined to … or say
    /// if", "would say", "did not say"): nothing was said.</summary>
    private static readonly FrozenSet<string> InfinitiveMarkers = new[]
    {
        "to", "or", "not", "would", "could", "might", "will", "can", "should", "must", "may", "didn't", "didn\u2019t",
        "won't", "won\u2019t", "wouldn't", "wouldn\u2019t", "cannot", "never",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InfinitiveMarkersLookup = InfinitiveMarkers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the cue at token <paramref name="t"/> is a bare "say"/"tell" after an infinitive or modal marker.</summary>
    private static bool InfinitiveCue(Context ctx, int t)
    {
        var doc = ctx.Doc;
        var tok = doc.Tokens[t];
        var w = ctx.Text.AsSpan(tok.Start, tok.Length);
        if (!(w.Equals("say", StringComparison.OrdinalIgnoreCase) || w.Equals("tell", StringComparison.OrdinalIgnoreCase)) || t == 0) return false;
        var prev = doc.Tokens[t - 1];
        return InfinitiveMarkersLookup.Contains(ctx.Text.AsSpan(prev.Start, prev.Length));
    }

    /// <summary>Whether the token after a cue opens an infinitive ("asked to see the warrant"): an action, not speech.</summary>
    private static bool CueTakesInfinitive(Context ctx, int cue, int limit) =>
        cue + 1 < limit && IsWord(ctx.Text, ctx.Doc.Tokens[cue + 1], "to");

    private static readonly FrozenSet<string> Articles = new[] { "a", "an" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArticlesLookup = Articles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Heads of noun phrases that name a thing, not someone who can speak: recordings, laws, vessels and
    /// vehicles. "Footage showed …", "according to Title 8 … Code Section 1357", "the tug said" are no attributions of
    /// speech. Records, data and reports stay: a newsroom attributes to them as to their authors ("according to FBI
    /// data").</summary>
    internal static readonly FrozenSet<string> NonSpeakerHeads = new[]
    {
        "footage", "video", "videos", "recording", "recordings", "photo", "photos", "photograph", "photographs", "image",
        "images", "map", "maps", "camera", "cameras", "screenshot", "code", "statute", "section", "law", "laws",
        "regulation", "regulations",
        "tug", "tugboat", "barge", "ship", "vessel", "boat", "ferry", "tanker", "freighter", "yacht", "plane", "aircraft",
        "jet", "train", "truck", "car", "streetcar", "bus", "vehicle", "bridge", "building",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NonSpeakerHeadsLookup = NonSpeakerHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Nouns that introduce a name as a vessel, vehicle or product ("the tug Marguerite K", "the tug, the
    /// Marguerite K"): such a name never speaks.</summary>
    private static readonly FrozenSet<string> ThingNouns = new[]
    {
        "tug", "tugboat", "barge", "ship", "vessel", "boat", "ferry", "tanker", "freighter", "yacht", "cruiser", "sloop",
        "schooner", "trawler", "carrier", "destroyer", "submarine", "plane", "aircraft", "jet", "airliner", "locomotive",
        "train", "truck", "car", "model", "product", "app", "drug", "vaccine", "device", "phone", "satellite", "rocket",
        "spacecraft", "probe", "rover", "hurricane", "storm", "typhoon", "cyclone",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ThingNounsLookup = ThingNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly WordSieve ThingSieve = new(ThingNouns);

    /// <summary>Names the document introduces as things (after a vessel or product noun, with "the" and a comma
    /// allowed between): every mention with that text is no speaker. One pass over the mentions.</summary>
    private static HashSet<string> ThingNames(Document doc)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var text = doc.Text;
        var tokens = doc.Tokens;
        int at = 0, lastStart = 0; // the first token at or after the last mention's start; mentions come in order
        foreach (var m in doc.Entities)
        {
            if (m.Start < lastStart) at = doc.TokenAtOrAfter(m.Start);
            else while (at < tokens.Length && tokens[at].Start < m.Start) at++;
            lastStart = m.Start;
            int t = at - 1;
            for (int k = 0; k < 3 && t >= 0; k++, t--)
            {
                var tok = doc.Tokens[t];
                var w = text.AsSpan(tok.Start, tok.Length);
                if (w is "," || w.Equals("the", StringComparison.OrdinalIgnoreCase)) continue;
                if (tok.Kind == TokenKind.Word && ThingSieve.MayContain(w) && ThingNounsLookup.Contains(w)) set.Add(doc.Slice(m.Span));
                break;
            }
        }
        return set;
    }

    /// <summary>Whether the words from token <paramref name="c"/> on can be the content of reported speech after the cue
    /// word <paramref name="cue"/>.</summary>
    private static bool CanOpenContent(Context ctx, ReadOnlySpan<char> cue, int c)
    {
        var tok = ctx.Doc.Tokens[c];
        var first = ctx.Text.AsSpan(tok.Start, tok.Length);
        if (NonContentStartsLookup.Contains(first)) return false;
        // "called on police to change …", "called in for backup": a demand or an action, not a statement.
        if (cue.StartsWith("call", StringComparison.OrdinalIgnoreCase) && CallParticlesLookup.Contains(first)) return false;
        if (FindingCuesLookup.Contains(cue) && ArticlesLookup.Contains(first)) return false;
        return true;
    }

    /// <summary>A cue inside a question the sentence reports ("asked whether it supports the action"): its subject is
    /// the question's, and what follows is no statement.</summary>
    private static bool InsideReportedQuestion(Context ctx, Sentence s, int cue)
    {
        for (int k = cue - 1; k >= s.FirstToken && k >= cue - 3; k--)
        {
            var tok = ctx.Doc.Tokens[k];
            if (IsWord(ctx.Text, tok, "whether") || IsWord(ctx.Text, tok, "if")) return true;
        }
        return false;
    }

    /// <summary>Whether a speaker found for reported speech can speak: a named mention that is no thing, a resolved
    /// pronoun, or a description whose head is no recording, record, law or vessel.</summary>
    private static bool CanSpeak(Context ctx, SpeakerRef? speaker)
    {
        if (speaker is not { } s) return true; // no speaker: the quote stands unattributed, nobody is wrongly credited
        // A name whose last word is a thing ("Footage" at a sentence's start, tagged as a name) is that thing.
        var span = s.Mention is { } m ? ctx.Text.AsSpan(m.Start, m.End - m.Start) : s.Label is { } label ? label.AsSpan().TrimEnd() : default;
        if (s.Mention is { } thing && (ctx.IsThing(thing) || TypeAt(ctx.Doc, thing) == EntityType.Person)) return !ctx.IsThing(thing);
        if (span.IsEmpty) return true;
        int space = span.LastIndexOf(' ');
        var head = space < 0 ? span : span[(space + 1)..];
        return !NonSpeakerHeadsLookup.Contains(head);
    }

    /// <summary>"according to agency records": the words after "according to" up to the next comma or the sentence's end
    /// end in a thing, not someone who spoke.</summary>
    private static bool AccordingToThing(Context ctx, int from, int to)
    {
        var doc = ctx.Doc;
        int last = -1;
        for (int k = from; k < to; k++)
        {
            var tok = doc.Tokens[k];
            if (tok.Kind != TokenKind.Word && tok.Kind != TokenKind.Number) break;
            last = k;
        }
        if (last < 0) return false;
        var t = doc.Tokens[last];
        return NonSpeakerHeadsLookup.Contains(ctx.Text.AsSpan(t.Start, t.Length));
    }

    private static readonly FrozenSet<string> Prepositions = new[]
    {
        "by", "of", "to", "with", "for", "from", "at", "in", "on", "about", "against", "toward", "towards", "into", "over",
        "under", "behind", "near", "after", "before", "than",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositionsLookup = Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a named speaker is the object of a preposition ("a vehicle driven by X, claiming …"): the
    /// participle then continues someone else.</summary>
    private static bool AfterPreposition(Context ctx, SpeakerRef speaker)
    {
        if (speaker.Mention is not { } m) return false;
        int t = ctx.Doc.TokenAtOrAfter(m.Start) - 1;
        if (t < 0) return false;
        var tok = ctx.Doc.Tokens[t];
        return PrepositionsLookup.Contains(ctx.Text.AsSpan(tok.Start, tok.Length));
    }

    /// <summary>The subject a participle continues ("ICE officers … boxed in a vehicle driven by X, claiming …" credits
    /// ICE officers, not X): a name or a pronoun at the start of the sentence; null when the sentence opens otherwise.</summary>
    private static SpeakerRef? SentenceSubject(Context ctx, Sentence s)
    {
        var doc = ctx.Doc;
        int startOffset = doc.Tokens[s.FirstToken].Start;
        int limit = Math.Min(s.EndToken, s.FirstToken + 3);
        int limitOffset = doc.Tokens[limit - 1].End;
        foreach (var m in MentionsIn(doc, startOffset, limitOffset))
            if (m.Type != EntityType.Place && !ctx.IsThing(m.Span) && !ctx.Qualifies(m) && m.Start < limitOffset) return new SpeakerRef(m.Span, null, m.Start);
        var first = doc.Tokens[s.FirstToken];
        var w = ctx.Text.AsSpan(first.Start, first.Length);
        if (PronounsLookup.Contains(w)) return ResolvePronoun(ctx, w, first.Start);
        return null;
    }
}
