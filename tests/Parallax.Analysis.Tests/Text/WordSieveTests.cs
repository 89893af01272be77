using FsCheck;
using FsCheck.Xunit;
using Parallax.Analysis.Text;

namespace Parallax.Analysis.Tests.Text;

/// <summary>The sieve is a pre-test: it may let through words outside its set, but never turn away one inside it,
/// in any casing.</summary>
public sealed class WordSieveTests
{
    private static readonly string[] Words = [.. QuantityLexicon.Entries.Select(e => e.Key)];
    private static readonly WordSieve All = new(Words);

    [Fact]
    public void Every_lexicon_word_passes_in_any_casing()
    {
        foreach (var w in Words)
        {
            Assert.True(All.MayContain(w), w);
            Assert.True(All.MayContain(w.ToUpperInvariant()), w);
            Assert.True(All.MayContain(w.ToLowerInvariant()), w);
        }
    }

    /// <summary>Whatever a case-insensitive set holds, the sieve built from it passes: random words from a small
    /// alphabet (so members and near-misses both occur), probed with random casing.</summary>
    [Property]
    public bool Never_turns_away_a_member(NonEmptyString[] members, NonNegativeInt pick, int casing)
    {
        var words = members.Select(m => m.Get).ToArray();
        if (words.Length == 0) return true;
        var set = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        var sieve = new WordSieve(words);
        var w = words[pick.Get % words.Length];
        var rng = new Random(casing);
        var probe = string.Concat(w.Select(c => rng.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
        return !set.Contains(probe) || sieve.MayContain(probe);
    }

    [Fact]
    public void Turns_away_most_other_words()
    {
        var sieve = new WordSieve(["monday", "July", "days", "noon"]);
        string[] others = ["the", "said", "country", "has", "his", "men", "police", "officials", "reporters", "according"];
        Assert.True(others.Count(o => sieve.MayContain(o)) <= 1);
        Assert.True(sieve.MayContain("MONDAY") && sieve.MayContain("july") && sieve.MayContain("Days"));
    }

    [Fact]
    public void Letters_outside_ascii_match_as_ordinal_ignore_case_does()
    {
        // Dotless i, long s and the Kelvin sign fold into ASCII letters under some case mappings; whatever
        // OrdinalIgnoreCase says is equal, the sieve must pass.
        string[] keys = ["\u0131t", "\u017Fec", "\u212Ag", "it", "sec", "kg"];
        string[] probes = ["it", "IT", "\u0131t", "sec", "SEC", "\u017Fec", "kg", "KG", "\u212Ag"];
        foreach (var key in keys)
        {
            var sieve = new WordSieve([key]);
            foreach (var probe in probes)
                if (StringComparer.OrdinalIgnoreCase.Equals(key, probe)) Assert.True(sieve.MayContain(probe), $"{key} / {probe}");
        }
    }
}
