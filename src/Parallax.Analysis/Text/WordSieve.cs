namespace Parallax.Analysis.Text;

/// <summary>
/// A quick, allocation-free pre-test for "could this word be in a set?", compared as <see cref="StringComparison.OrdinalIgnoreCase"/>
/// does: a bit per hash of (length, first two and last two characters), folded to upper case. It never says no to a word
/// of the set, and says yes to few others, so a caller runs its real lookup only where this says yes. A word with a
/// character outside ASCII in those places always passes (its case folding is left to the real lookup).
/// </summary>
internal sealed class WordSieve
{
    private const int Bits = 1 << 15;
    private readonly ulong[] bits = new ulong[Bits / 64];

    public WordSieve(IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            // A key character outside ASCII that upper-cases into it ("ı" to "I") matches that ASCII letter in a word.
            var folded = string.Create(w.Length, w, (dst, src) =>
            {
                for (int i = 0; i < src.Length; i++)
                    dst[i] = src[i] < 128 || char.ToUpperInvariant(src[i]) >= 128 ? src[i] : char.ToUpperInvariant(src[i]);
            });
            if (Slot(folded, out int slot)) bits[slot >> 6] |= 1UL << slot;
        }
    }

    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (!Slot(word, out int slot)) return true;
        return (bits[slot >> 6] & (1UL << slot)) != 0;
    }

    /// <summary>The bit of <paramref name="word"/>; false when a character it reads is not ASCII.</summary>
    private static bool Slot(ReadOnlySpan<char> word, out int slot)
    {
        slot = 0;
        if (word.IsEmpty) return false;
        char a = word[0], b = word[Math.Min(1, word.Length - 1)], y = word[Math.Max(0, word.Length - 2)], z = word[^1];
        if ((a | b | y | z) >= 128) return false;
        uint h = (uint)Math.Min(word.Length, 255);
        h = h * 0x9E3779B1 + Fold(a);
        h = h * 0x9E3779B1 + Fold(b);
        h = h * 0x9E3779B1 + Fold(y);
        h = h * 0x9E3779B1 + Fold(z);
        slot = (int)((h ^ (h >> 15)) & (Bits - 1));
        return true;
    }

    /// <summary>Clears the ASCII case bit: letters that differ only in case fold together (other characters may collide,
    /// which only costs a needless lookup).</summary>
    private static uint Fold(char c) => (uint)c & 0xDFu;
}
