namespace Parallax.Analysis.Vectors;

public sealed partial class WordVectors
{
    /// <summary>
    /// The signs of an entry's first <paramref name="count"/> components (at most 32) as bits, bit d set when component d
    /// is positive: a coarse direction of the vector (the components are principal axes, largest variance first), usable
    /// as a sparse feature. 0 for index -1. No allocation.
    /// </summary>
    public uint SignBits(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Math.Min(32, Dimensions));
        if (index < 0) return 0;
        var row = Row(index);
        uint bits = 0;
        for (int d = 0; d < count; d++) if (row[d] > 0) bits |= 1u << d;
        return bits;
    }
}
