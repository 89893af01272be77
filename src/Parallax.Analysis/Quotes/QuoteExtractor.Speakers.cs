using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

// Speaker resolution: the mention, pronoun or description a cue credits, and the roles the text introduces.
public sealed partial class QuoteExtractor
{
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
            if (mention.Type is EntityType.Place || ctx.IsThing(mention.Span) || ctx.Qualifies(mention) || ctx.InsideQuote(mention.Start)
                || InParenthetical(text, mention.End, cueTok.Start)) continue;
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

    /// <summary>Whether a mention ending at <paramref name="end"/> closes inside parentheses before the cue: "(D-R.I.)"
    /// after a senator's name qualifies the name and never speaks. Looks a few characters ahead only.</summary>
    private static bool InParenthetical(string text, int end, int cueStart)
    {
        for (int i = end; i < cueStart && i < end + 12; i++)
        {
            if (text[i] == '(') return false;
            if (text[i] == ')') return true;
        }
        return false;
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
                if (PronounsLookup.Contains(w) && k <= 3)
                    return new NearRef(ResolvePronoun(ctx, w, tok.Start), k);
                if (char.IsLower(w[0]) && !ctx.InsideQuote(tok.Start)
                    && RoleKeysLookup.TryGetValue(w, out var key))
                {
                    int start = DescriptionStart(doc, text, t, lo);
                    bool definite = start < t && text.AsSpan(doc.Tokens[start].Start, doc.Tokens[start].Length).Equals("the", StringComparison.OrdinalIgnoreCase);
                    int labelEnd = tok.End;
                    // "agency records", "department officials": the role word modifies the noun after it.
                    if (t + 1 < hi && t + 1 < doc.Tokens.Length && doc.Tokens[t + 1].Kind == TokenKind.Word
                        && HeadNounsLookup.Contains(text.AsSpan(doc.Tokens[t + 1].Start, doc.Tokens[t + 1].Length)))
                        labelEnd = doc.Tokens[t + 1].End;
                    var label = text[doc.Tokens[start].Start..labelEnd];
                    if (definite && Resolve(ctx, key, tok.Start) is { } antecedent) return new NearRef(antecedent with { At = tok.Start }, k);
                    return new NearRef(new SpeakerRef(null, label, tok.Start), k);
                }
            }
        }
        return null;
    }

    /// <summary>Whether a one-word mention opens its sentence (after quote marks at most) and is followed, one space
    /// on, by a lower-case role or head noun it qualifies ("Fire officials", "Local officials").</summary>
    private static bool QualifiesNoun(Document doc, EntityMention m)
    {
        var text = doc.Text;
        if (text.AsSpan(m.Start, m.End - m.Start).ContainsAny(' ', '\u00A0')) return false;
        int t = doc.TokenAtOrAfter(m.Start);
        if (t + 1 >= doc.Tokens.Length || doc.Tokens[t].Start != m.Start) return false;
        var next = doc.Tokens[t + 1];
        if (next.Kind != TokenKind.Word || next.Start != m.End + 1 || text[m.End] != ' ' || !char.IsLower(text[next.Start])) return false;
        var w = text.AsSpan(next.Start, next.Length);
        if (!RoleKeysLookup.ContainsKey(w) && !HeadNounsLookup.Contains(w)) return false;
        int s = doc.SentenceAt(m.Start);
        if (s < 0) return false;
        for (int k = doc.Sentences[s].FirstToken; k < t; k++) if (doc.Tokens[k].Kind == TokenKind.Word) return false;
        return true;
    }

    /// <summary>Nouns a role word can modify ("agency records", "police officials"): the description ends at them.</summary>
    private static readonly FrozenSet<string> HeadNouns = new[]
    {
        "records", "record", "data", "documents", "document", "filings", "filing", "reports", "report", "statement",
        "statements", "figures", "officials", "website", "spokesperson", "spokesman", "spokeswoman", "logs",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadNounsLookup = HeadNouns.GetAlternateLookup<ReadOnlySpan<char>>();

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
            // "according to agency records": the cue and its preposition are no part of the description.
            if (IsWord(text, tok, "to") || IsWord(text, tok, "according") || IsWord(text, tok, "by")) break;
            start = k;
            if (DeterminersLookup.Contains(text.AsSpan(tok.Start, tok.Length))) break;
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
            if (tok.Kind != TokenKind.Word || !RoleSieve.MayContain(text.AsSpan(tok.Start, tok.Length))
                || !RoleKeysLookup.TryGetValue(text.AsSpan(tok.Start, tok.Length), out var roleKey))
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
            if (mention.End <= offset && (ctx is null ? mention.Type == EntityType.Person : ctx.IsPersonLike(mention) && !ctx.Qualifies(mention))
                && ctx?.InsideQuote(mention.Start) != true && ctx?.InsideLastStatement(mention.Start) != true)
                found = mention;
        return found;
    }

    /// <summary>The mentions ending after <paramref name="from"/> and starting before <paramref name="to"/>, in order, for
    /// <c>foreach</c> without an allocation.</summary>
    private static MentionRange MentionsIn(Document doc, int from, int to)
    {
        var mentions = doc.Entities;
        int lo = 0, hi = mentions.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (mentions[mid].End <= from) lo = mid + 1; else hi = mid; }
        return new MentionRange(mentions, lo - 1, to);
    }

    private struct MentionRange(System.Collections.Immutable.ImmutableArray<EntityMention> mentions, int before, int to)
    {
        private int i = before;
        public readonly MentionRange GetEnumerator() => this;
        public readonly EntityMention Current => mentions[i];
        public bool MoveNext() => ++i < mentions.Length && mentions[i].Start < to;
    }
}
