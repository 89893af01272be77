using System.Numerics;
using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// What the training data knows of names, carried in the model (<see cref="NerModel.Gazetteer"/>) so tagging reads no
/// corpus: organisation names (ORG spans of the training corpora, company names before a designator in ECB+ train
/// topics) and the first names that start PERSON spans there. Both are sets of 64-bit hashes of lower-cased token
/// sequences (<see cref="NameKey"/>), so the file holds no text. Built by the trainer's data side
/// (Parallax.Eval's NerGazetteerBuilder); empty for a model trained without one.
/// A training view (<see cref="For"/>) leaves out the names only the example's own document gave, so training sees
/// the list as tagging will, where a name in the text is there because other texts named it, not because this one did.
/// </summary>
public sealed class NerGazetteer
{
    /// <summary>Longest organisation name, in tokens, the document index looks for.</summary>
    public const int MaxNameTokens = 6;

    private readonly KeySet _orgs, _firstNames;
    private readonly HashSet<ulong>? _orgsLeftOut, _firstNamesLeftOut;
    private readonly Dictionary<string, NerGazetteer>? _views;

    public NerGazetteer(IEnumerable<ulong> orgs, IEnumerable<ulong> commonFirstNames)
        : this(new KeySet(orgs), new KeySet(commonFirstNames), null, null, null) { }

    private NerGazetteer(KeySet orgs, KeySet firstNames, HashSet<ulong>? orgsLeftOut, HashSet<ulong>? firstNamesLeftOut,
        Dictionary<string, NerGazetteer>? views)
    {
        _orgs = orgs;
        _firstNames = firstNames;
        _orgsLeftOut = orgsLeftOut;
        _firstNamesLeftOut = firstNamesLeftOut;
        _views = views;
    }

    public int OrgCount => _orgs.Count;

    public int FirstNameCount => _firstNames.Count;

    /// <summary>The same lists with training views: for each document text (compared by content) the names it alone
    /// gave left out.</summary>
    public NerGazetteer WithViews(IReadOnlyDictionary<string, (HashSet<ulong> Orgs, HashSet<ulong> FirstNames)> leftOut)
    {
        var views = new Dictionary<string, NerGazetteer>(StringComparer.Ordinal);
        foreach (var (text, (orgs, firsts)) in leftOut)
            views[text] = new NerGazetteer(_orgs, _firstNames, orgs, firsts, null);
        return new NerGazetteer(_orgs, _firstNames, null, null, views);
    }

    /// <summary>The lists alone, without training views (what a trained model carries).</summary>
    public NerGazetteer WithoutViews() => _views is null ? this : new NerGazetteer(_orgs, _firstNames, null, null, null);

    /// <summary>The view training reads for an example of <paramref name="documentText"/> (this list when none).</summary>
    public NerGazetteer For(string documentText) =>
        _views is not null && _views.TryGetValue(documentText, out var view) ? view : this;

    /// <summary>Whether the token sequence with key <paramref name="key"/> is a known organisation name.</summary>
    public bool IsOrg(ulong key) => _orgs.Contains(key) && (_orgsLeftOut is null || !_orgsLeftOut.Contains(key));

    /// <summary>Whether the list's first name with key <paramref name="key"/> starts PERSON names in the training data
    /// (true for every name when the gazetteer holds no first names: a model trained without the split).</summary>
    public bool IsCommonFirstName(ulong key) =>
        _firstNames.Count == 0 || _firstNames.Contains(key) && (_firstNamesLeftOut is null || !_firstNamesLeftOut.Contains(key));

    /// <summary>64-bit FNV-1a of a word's lower-cased characters (never 0).</summary>
    public static ulong WordKey(ReadOnlySpan<char> w)
    {
        ulong h = 14695981039346656037ul;
        foreach (var c in w) h = (h ^ char.ToLowerInvariant(c)) * 1099511628211ul;
        return h | 1;
    }

    /// <summary>The key of a name: its tokens' <see cref="WordKey"/>s folded in order from <see cref="NameSeed"/>.</summary>
    public static ulong NameKey(string text, ReadOnlySpan<Token> tokens)
    {
        ulong h = NameSeed;
        foreach (var t in tokens) h = Extend(h, WordKey(text.AsSpan(t.Start, t.Length)));
        return h;
    }

    internal const ulong NameSeed = 0x243F6A8885A308D3ul;

    /// <summary>The key of a name one token longer.</summary>
    internal static ulong Extend(ulong name, ulong word) => (BitOperations.RotateLeft(name, 23) ^ word) * 0x9E3779B97F4A7C15ul | 1;

    /// <summary>Writes both lists (sorted keys), not the training views.</summary>
    public void Write(BinaryWriter bw)
    {
        foreach (var set in new[] { _orgs, _firstNames })
        {
            var keys = set.Sorted();
            bw.Write(keys.Length);
            foreach (var k in keys) bw.Write(k);
        }
    }

    public static NerGazetteer Read(BinaryReader br)
    {
        var orgs = ReadKeys(br);
        var firsts = ReadKeys(br);
        return new NerGazetteer(orgs, firsts);
    }

    private static ulong[] ReadKeys(BinaryReader br)
    {
        int n = br.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException("NER model gazetteer size is inconsistent");
        var keys = new ulong[n];
        for (int i = 0; i < n; i++) keys[i] = br.ReadUInt64();
        return keys;
    }

    /// <summary>A set of non-zero 64-bit keys: open addressing, half full at most, no allocation on lookup.</summary>
    private sealed class KeySet
    {
        private readonly ulong[] _slots;
        private readonly int _mask;

        public int Count { get; }

        public KeySet(IEnumerable<ulong> keys)
        {
            var distinct = keys.Where(k => k != 0).Distinct().ToArray();
            Count = distinct.Length;
            int size = 16;
            while (size < Count * 2) size <<= 1;
            _slots = new ulong[size];
            _mask = size - 1;
            foreach (var k in distinct)
            {
                int s = (int)(k >> 32) & _mask;
                while (_slots[s] != 0) s = (s + 1) & _mask;
                _slots[s] = k;
            }
        }

        public bool Contains(ulong key)
        {
            int s = (int)(key >> 32) & _mask;
            while (true)
            {
                ulong k = _slots[s];
                if (k == key) return true;
                if (k == 0) return false;
                s = (s + 1) & _mask;
            }
        }

        public ulong[] Sorted()
        {
            var keys = _slots.Where(k => k != 0).ToArray();
            Array.Sort(keys);
            return keys;
        }
    }
}
