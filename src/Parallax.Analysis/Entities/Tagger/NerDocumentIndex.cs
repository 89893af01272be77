using System.Runtime.CompilerServices;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// Document-level evidence for the tagger's features: what the whole text (not just the sentence being tagged) says of
/// each word form, keyed case-blind, as four bits — written in lower case somewhere ("fire" beside "Fire"), capitalised
/// mid-sentence, inside a capitalised run ending in a company designator or organisation head ("Ford Motor Co."
/// types a lone "Ford"), after a locative ("in Bognor Regis"). Measured on GUM / UNER EWT / WNUT17 dev (tagger alone,
/// mean of 3 seeds): 0.668 / 0.641 / 0.540 without, 0.679 / 0.639 / 0.551 with; a bit for "after a person title" and
/// one for "before said" each cost GUM 0.006-0.009 and were dropped. The tagger
/// receives the document's text with every sentence, so the index is built once per text (per thread, keyed by the
/// string's identity) by one more tokenizer pass and reused for the document's other sentences; a sentence tagged
/// alone gets the evidence of its own text. Open addressing over 64-bit hashes, no allocation per token.
/// </summary>
internal sealed class NerDocumentIndex
{
    internal const uint LowerSeen = 1, CapitalisedMidSentence = 2, InOrgRun = 4, AfterLocative = 8;

    /// <summary>Not a feature (beyond <see cref="Bits"/>): written in capitals beside a lower-case word ("NATO said"), which
    /// <see cref="NerHeadlineCase"/> reads as an acronym to keep in capitals.</summary>
    internal const uint CapitalsBesideLowerCase = 16;

    /// <summary>How many bits <see cref="Of"/> can set.</summary>
    internal const int Bits = 4;

    [ThreadStatic] private static NerDocumentIndex? t_index;

    private string? _text;
    private EntityLexicon? _lexicon;
    private readonly List<Token> _tokens = [];
    private ulong[] _keys = new ulong[1024];
    private byte[] _flags = new byte[1024];
    private int _mask = 1023;

    /// <summary>This thread's index of <paramref name="text"/>, built when the text is not the one indexed last.</summary>
    public static NerDocumentIndex For(string text, EntityLexicon lexicon)
    {
        var index = t_index ??= new NerDocumentIndex();
        if (!ReferenceEquals(index._text, text) || !ReferenceEquals(index._lexicon, lexicon)) index.Build(text, lexicon);
        return index;
    }

    /// <summary>The document bits of a word form (0 when the form is not capitalised: the evidence is about names).</summary>
    public uint Of(ReadOnlySpan<char> w) => w.Length > 0 && char.IsUpper(w[0]) ? Lookup(Key(w)) & ((1u << Bits) - 1) : 0;

    /// <summary>Every bit the document holds for a word form, whatever its case (features use <see cref="Of"/>).</summary>
    public uint Evidence(ReadOnlySpan<char> w) => Lookup(Key(w));

    private void Build(string text, EntityLexicon lexicon)
    {
        _text = text;
        _lexicon = lexicon;
        _tokens.Clear();
        Tokenizer.Tokenize(text, _tokens);
        int n = _tokens.Count;
        int size = 1024;
        while (size < n * 2) size <<= 1;
        if (_keys.Length < size) { _keys = new ulong[size]; _flags = new byte[size]; }
        _mask = size - 1;
        Array.Clear(_keys, 0, size);
        Array.Clear(_flags, 0, size);
        var heads = EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        int runStart = -1;
        for (int i = 0; i <= n; i++)
        {
            bool cap = i < n && IsCapitalised(text, _tokens[i]);
            if (cap && runStart < 0) runStart = i;
            if (cap) continue;
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
                    Insert(Key(Word(text, k)), f);
                }
                runStart = -1;
            }
            if (i < n && char.IsLower(text[_tokens[i].Start])) Insert(Key(Word(text, i)), LowerSeen);
        }
    }

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

    /// <summary>64-bit FNV-1a of the lower-cased characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(ReadOnlySpan<char> w)
    {
        ulong h = 14695981039346656037ul;
        foreach (var c in w) h = (h ^ char.ToLowerInvariant(c)) * 1099511628211ul;
        return h | 1; // 0 marks an empty slot
    }

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
