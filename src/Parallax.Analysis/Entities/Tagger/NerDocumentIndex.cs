using System.Runtime.CompilerServices;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// Document-level evidence for the tagger's features: what the whole text (not just the sentence being tagged) says of
/// each word form, keyed case-blind, as six bits — written in lower case somewhere ("fire" beside "Fire"), capitalised
/// mid-sentence, inside a capitalised run ending in a company designator or organisation head ("Ford Motor Co."
/// types a lone "Ford"), after a locative ("in Bognor Regis"), inside a known organisation name of the model's
/// <see cref="NerGazetteer"/>, and inside one that is a whole capitalised run. Runs stop at line breaks, so a headline
/// does not run into the next line's name. Measured (first four bits) on GUM / UNER EWT / WNUT17 dev (tagger alone,
/// mean of 3 seeds): 0.668 / 0.641 / 0.540 without, 0.679 / 0.639 / 0.551 with; a bit for "after a person title" and
/// one for "before said" each cost GUM 0.006-0.009 and were dropped. The tagger
/// receives the document's text with every sentence, so the index is built once per text (per thread, keyed by the
/// string's identity) by one more tokenizer pass and reused for the document's other sentences; a sentence tagged
/// alone gets the evidence of its own text. Open addressing over 64-bit hashes, no allocation per token.
/// </summary>
internal sealed class NerDocumentIndex
{
    internal const uint LowerSeen = 1, CapitalisedMidSentence = 2, InOrgRun = 4, AfterLocative = 8;

    /// <summary>Inside a known organisation name (<see cref="NerGazetteer"/>) somewhere in the document; and inside one
    /// that is a whole capitalised run there ("Northrop Grumman won …", not "… the Northrop Grumman Building").</summary>
    internal const uint KnownOrgName = 16, KnownOrgRun = 32;

    /// <summary>Not a feature (beyond <see cref="Bits"/>): written in capitals beside a lower-case word ("NATO said"), which
    /// <see cref="NerHeadlineCase"/> reads as an acronym to keep in capitals.</summary>
    internal const uint CapitalsBesideLowerCase = 64;

    /// <summary>How many bits <see cref="Of"/> can set.</summary>
    internal const int Bits = 6;

    [ThreadStatic] private static NerDocumentIndex? t_index;

    private string? _text;
    private EntityLexicon? _lexicon;
    private NerGazetteer? _gazetteer;
    private readonly List<Token> _tokens = [];
    private ulong[] _keys = new ulong[1024];
    private ulong[] _tokenKeys = new ulong[1024]; // each token's word key, computed once per build
    private byte[] _flags = new byte[1024];
    private int _mask = 1023;

    /// <summary>This thread's index of <paramref name="text"/>, built when the text is not the one indexed last.</summary>
    public static NerDocumentIndex For(string text, EntityLexicon lexicon, NerGazetteer? gazetteer = null)
    {
        var index = t_index ??= new NerDocumentIndex();
        if (!ReferenceEquals(index._text, text) || !ReferenceEquals(index._lexicon, lexicon) || !ReferenceEquals(index._gazetteer, gazetteer))
            index.Build(text, lexicon, gazetteer);
        return index;
    }

    /// <summary>The document bits of a word form (0 when the form is not capitalised: the evidence is about names).</summary>
    public uint Of(ReadOnlySpan<char> w) => w.Length > 0 && char.IsUpper(w[0]) ? Lookup(Key(w)) & ((1u << Bits) - 1) : 0;

    /// <summary>Every bit the document holds for a word form, whatever its case (features use <see cref="Of"/>).</summary>
    public uint Evidence(ReadOnlySpan<char> w) => Lookup(Key(w));

    private void Build(string text, EntityLexicon lexicon, NerGazetteer? gazetteer)
    {
        _text = text;
        _lexicon = lexicon;
        _gazetteer = gazetteer;
        _tokens.Clear();
        Tokenizer.Tokenize(text, _tokens);
        int n = _tokens.Count;
        int size = 1024;
        while (size < n * 2) size <<= 1;
        if (_keys.Length < size) { _keys = new ulong[size]; _flags = new byte[size]; }
        _mask = size - 1;
        if (_tokenKeys.Length < n) _tokenKeys = new ulong[size];
        for (int i = 0; i < n; i++) _tokenKeys[i] = Key(Word(text, i));
        Array.Clear(_keys, 0, size);
        Array.Clear(_flags, 0, size);
        var heads = EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        int runStart = -1;
        for (int i = 0; i <= n; i++)
        {
            bool cap = i < n && IsCapitalised(text, _tokens[i]);
            // A run stops at a line break: a headline's last word does not join the next line's name.
            bool lineBreak = cap && runStart >= 0 && LineBreakBefore(text, i);
            if (cap && runStart < 0) runStart = i;
            if (cap && !lineBreak) continue;
            if (runStart >= 0)
            {
                // A capitalised run [runStart, i): its context marks each of its words.
                var last = Word(text, i - 1);
                uint mark = 0;
                if (i - runStart >= 2 && (lexicon.DesignatorLookup.Contains(last) || heads.Contains(last))) mark |= InOrgRun;
                if (runStart > 0 && Word(text, runStart - 1) is "in" or "near" or "outside" or "across") mark |= AfterLocative;
                for (int k = runStart; k < i; k++)
                {
                    uint f = mark;
                    if (IsAllCaps(Word(text, k))) { if (BesideLowerCase(text, k)) f |= CapitalsBesideLowerCase; }
                    else if (k > 0 && !SentenceStart(text, k)) f |= CapitalisedMidSentence;
                    Insert(_tokenKeys[k], f);
                }
                runStart = lineBreak ? i : -1;
            }
            if (i < n && char.IsLower(text[_tokens[i].Start])) Insert(_tokenKeys[i], LowerSeen);
        }
        if (gazetteer is { OrgCount: > 0 }) MarkKnownOrgs(text, gazetteer);
    }

    /// <summary>Marks the words of every known organisation name in the text: from each capitalised word, the names of up
    /// to <see cref="NerGazetteer.MaxNameTokens"/> tokens on its line through capitalised words and name connectors
    /// ("Bank of America", "Procter & Gamble") that end in a capitalised word. At most six lookups per capitalised word.</summary>
    private void MarkKnownOrgs(string text, NerGazetteer gazetteer)
    {
        int n = _tokens.Count;
        for (int s = 0; s < n; s++)
        {
            if (!IsCapitalised(text, _tokens[s])) continue;
            ulong h = NerGazetteer.NameSeed;
            int last = Math.Min(n, s + NerGazetteer.MaxNameTokens);
            for (int e = s; e < last; e++)
            {
                bool cap = IsCapitalised(text, _tokens[e]);
                if (e > s && (LineBreakBefore(text, e) || !cap && !IsConnector(Word(text, e)))) break;
                h = NerGazetteer.Extend(h, _tokenKeys[e]);
                if (!cap || !gazetteer.IsOrg(h)) continue;
                bool whole = (s == 0 || LineBreakBefore(text, s) || !IsCapitalised(text, _tokens[s - 1]))
                    && (e + 1 == n || LineBreakBefore(text, e + 1) || !IsCapitalised(text, _tokens[e + 1]));
                uint mark = KnownOrgName | (whole ? KnownOrgRun : 0);
                for (int k = s; k <= e; k++) if (IsCapitalised(text, _tokens[k])) Insert(_tokenKeys[k], mark);
            }
        }
    }

    private static bool IsConnector(ReadOnlySpan<char> w) => w is "of" or "and" or "&" or "for" or "the" or "de" or "-" or "'s";

    /// <summary>Whether a line break lies between token <paramref name="k"/> and the one before it.</summary>
    private bool LineBreakBefore(string text, int k) =>
        text.AsSpan(_tokens[k - 1].End, _tokens[k].Start - _tokens[k - 1].End).Contains('\n');

    /// <summary>Whether a neighbour of token <paramref name="k"/> on the same line starts with a lower-case letter.</summary>
    private bool BesideLowerCase(string text, int k)
    {
        if (k > 0 && char.IsLower(text[_tokens[k - 1].Start]) && !text.AsSpan(_tokens[k - 1].End, _tokens[k].Start - _tokens[k - 1].End).Contains('\n'))
            return true;
        return k + 1 < _tokens.Count && char.IsLower(text[_tokens[k + 1].Start])
            && !text.AsSpan(_tokens[k].End, _tokens[k + 1].Start - _tokens[k].End).Contains('\n');
    }

    private ReadOnlySpan<char> Word(string text, int i) => text.AsSpan(_tokens[i].Start, _tokens[i].Length);

    private static bool IsCapitalised(string text, Token t) => char.IsUpper(text[t.Start]);

    private static bool IsAllCaps(ReadOnlySpan<char> w)
    {
        int letters = 0;
        foreach (var c in w)
            if (char.IsLetter(c)) { if (!char.IsUpper(c)) return false; letters++; }
        return letters >= 2;
    }

    /// <summary>Whether token <paramref name="k"/> opens a sentence: after . ! ? (or a quote after one) or a line break.</summary>
    private bool SentenceStart(string text, int k)
    {
        var prev = _tokens[k - 1];
        if (text.AsSpan(prev.End, _tokens[k].Start - prev.End).Contains('\n')) return true;
        char p = text[prev.End - 1];
        if (p is '.' or '!' or '?' or ':') return true;
        if (p is '"' or '\'' or '“' or '”' && k > 1) { char q = text[_tokens[k - 2].End - 1]; return q is '.' or '!' or '?'; }
        return false;
    }

    /// <summary>64-bit FNV-1a of the lower-cased characters (never 0, which marks an empty slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(ReadOnlySpan<char> w) => NerGazetteer.WordKey(w);

    private void Insert(ulong key, uint flags)
    {
        int s = (int)(key >> 20) & _mask;
        while (_keys[s] != 0 && _keys[s] != key) s = (s + 1) & _mask;
        _keys[s] = key;
        _flags[s] |= (byte)flags;
    }

    private uint Lookup(ulong key)
    {
        int s = (int)(key >> 20) & _mask;
        while (_keys[s] != 0)
        {
            if (_keys[s] == key) return _flags[s];
            s = (s + 1) & _mask;
        }
        return 0;
    }
}
