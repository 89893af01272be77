using Parallax.Analysis.Vectors;

namespace Parallax.Analysis.Tests.Vectors;

public class WordVectorsSignsTests
{
    [Fact]
    public void Sign_bits_set_one_bit_per_positive_leading_component()
    {
        string[] keys = ["boeing", "smith"];
        sbyte[] v = [5, -3, 0, 7, -1, 2, 9, -9];
        var m = WordVectors.Create(keys, v, [1f, 1f, 1f, 1f], [255, 255], new ushort[2 * WordVectors.Levels], [1, 1, 1], "signs");
        Assert.Equal(0b1001u, m.SignBits(0, 4));   // 5 > 0, -3, 0 is not positive, 7 > 0
        Assert.Equal(0b0001u, m.SignBits(0, 2));
        Assert.Equal(0b0110u, m.SignBits(1, 4));
        Assert.Equal(0u, m.SignBits(-1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.SignBits(0, 5));
    }
}
