using Parallax.Analysis.Vectors;

namespace Parallax.Stories.Facts;

/// <summary>
/// Counted nouns that name the same kind of thing in other words ("sons" and "boys", "rifles" and "weapons"), judged by
/// the distilled word vectors (docs/word-vectors.md). Used only to let counts whose values agree meet; it never makes a
/// dispute. The bar is high because close vectors also join near opposites: "girl" and "boy" score about 0.59, "son"
/// and "boy" 0.71, "rifle" and "weapon" 0.67.
/// </summary>
public static class NounSynonyms
{
    /// <summary>Cosine at or above which two single-word nouns count as one kind of thing.</summary>
    public const float MinSimilarity = 0.65f;

    /// <summary>True when some noun of one set and some noun of the other are near-synonyms. Phrases ("yemeni pirate")
    /// and words the model lacks never meet.</summary>
    public static bool Meet(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        foreach (var x in a)
            foreach (var y in b)
                if (Similar(x, y)) return true;
        return false;
    }

    /// <summary>
    /// Each distinct noun mapped to a representative, near-synonyms (through chains) to the same one: the first in
    /// ordinal order of their group, so the result does not depend on input order. Quadratic in the distinct nouns of
    /// one story (tens to a few hundred), each pair one cosine.
    /// </summary>
    public static Dictionary<string, string> Representatives(IEnumerable<string> nouns)
    {
        var distinct = nouns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var parent = new int[distinct.Length];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        if (distinct.Length > 1)
        {
            var model = WordVectors.Default;
            var ids = distinct.Select(n => WordEntry(model, n)).ToArray();
            for (int i = 0; i < ids.Length; i++)
                for (int j = i + 1; j < ids.Length; j++)
                    if (ids[i] >= 0 && ids[j] >= 0 && model.Similarity(ids[i], ids[j]) >= MinSimilarity)
                    {
                        int a = Find(i), b = Find(j);
                        if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
                    }
        }
        var result = new Dictionary<string, string>(distinct.Length, StringComparer.Ordinal);
        for (int i = 0; i < distinct.Length; i++) result[distinct[i]] = distinct[Find(i)];
        return result;
    }

    /// <summary>The vector entry of a single-word noun, or -1 for a phrase or a word the model lacks (an unknown word
    /// looks up the entry of its shape, which two unknown words share: that is no synonymy).</summary>
    private static int WordEntry(WordVectors model, string noun)
    {
        if (noun.Contains(' ')) return -1;
        int i = model.Lookup(noun);
        return i >= 0 && !model.IsShapeEntry(i) ? i : -1;
    }

    public static bool Similar(string x, string y)
    {
        var model = WordVectors.Default;
        int i = WordEntry(model, x), j = WordEntry(model, y);
        return i >= 0 && j >= 0 && model.Similarity(i, j) >= MinSimilarity;
    }
}
