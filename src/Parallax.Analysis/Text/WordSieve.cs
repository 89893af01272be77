namespace Parallax.Analysis.Text;

/// <summary>
/// A quick, allocation-free pre-test for "could this word be in a set?", compared as <see cref="StringComparison.OrdinalIgnoreCase"/>
/// does: two bits per word (a small Bloom filter) from a hash of its length and its first two and last two characters,
/// each folded to upper case. It never says no to a word of the set, and says yes to few others, so a caller runs its
/// real lookup only where this says yes.
/// </summary>
internal sealed class WordSieve
{
    private const int Bits = 1 << 16;
    private readonly ulong[] bits = new ulong[Bits / 64];

    public WordSieve(IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            uint h = Hash(w);
            Set(h);
            Set(Second(h));
        }
    }

    public bool MayContain(ReadOnlySpan<char> word)
    {
        uint h = Hash(word);
        return IsSet(h) && IsSet(Second(h));
    }

    private void Set(uint h) => bits[(h & (Bits - 1)) >> 6] |= 1UL << (int)h;

    private bool IsSet(uint h) => (bits[(h & (Bits - 1)) >> 6] & (1UL << (int)h)) != 0;

    private static uint Second(uint h) => (h >> 16) | (h << 16);

    private static uint Hash(ReadOnlySpan<char> word)
    {
        int n = word.Length;
        if (n == 0) return 0;
        uint h = (uint)Math.Min(n, 255);
        h = (h * 0x9E3779B1) + Fold(word[0]);
        h = (h * 0x9E3779B1) + Fold(word[Math.Min(1, n - 1)]);
        h = (h * 0x9E3779B1) + Fold(word[Math.Max(0, n - 2)]);
        h = (h * 0x9E3779B1) + Fold(word[n - 1]);
        return h ^ (h >> 15);
    }

    /// <summary>A character as case-insensitive comparison sees it: ASCII with its case bit cleared (other ASCII
    /// characters may collide, which only costs a needless lookup); outside ASCII, its invariant upper case when that
    /// is ASCII ("ı" is "I"), and otherwise one value for all (a collision, never a miss).</summary>
    private static uint Fold(char c)
    {
        if (c < 128) return (uint)c & 0xDFu;
        char u = char.ToUpperInvariant(c);
        return u < 128 ? (uint)u & 0xDFu : 0x80u;
    }
}
