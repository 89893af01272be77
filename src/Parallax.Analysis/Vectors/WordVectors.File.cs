using System.Runtime.InteropServices;
using System.Text;

namespace Parallax.Analysis.Vectors;

/// <summary>
/// The model file: "PXWV", format version, a UTF-8 description, then the counts and the arrays as they lie in memory
/// (little-endian): key offsets and characters, per-dimension scales, quantised vectors, weights, clusters. Same model,
/// same bytes.
/// </summary>
public sealed partial class WordVectors
{
    /// <summary>The file format version this build reads and writes.</summary>
    public const int FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "PXWV"u8;

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static WordVectors Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        if (!magic.SequenceEqual(Magic)) throw new InvalidDataException("not a word-vector model (bad magic)");
        var header = ReadArray<int>(stream, 8);
        if (header[0] != FormatVersion) throw new InvalidDataException($"word-vector model format {header[0]}, this build reads {FormatVersion}");
        int descriptionBytes = header[1], dimensions = header[2], count = header[3], keyChars = header[4];
        if (dimensions <= 0 || count <= 0 || keyChars < 0 || descriptionBytes < 0) throw new InvalidDataException("word-vector model header is corrupt");
        int[] clusterCounts = [header[5], header[6], header[7]];
        var description = Encoding.UTF8.GetString(ReadArray<byte>(stream, descriptionBytes));
        var starts = ReadArray<int>(stream, count + 1);
        var chars = ReadArray<char>(stream, keyChars);
        var scales = ReadArray<float>(stream, dimensions);
        var vectors = ReadArray<sbyte>(stream, count * dimensions);
        var weights = ReadArray<byte>(stream, count);
        var clusters = ReadArray<ushort>(stream, count * Levels);
        if (starts[0] != 0 || starts[count] != keyChars) throw new InvalidDataException("word-vector model key table is corrupt");
        return new WordVectors(description, dimensions, chars, starts, vectors, scales, weights, clusters, clusterCounts);
    }

    /// <summary>Writes the model (see the type's remarks for the layout).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var description = Encoding.UTF8.GetBytes(Description);
        stream.Write(Magic);
        int[] header = [FormatVersion, description.Length, Dimensions, Count, _keyChars.Length, _clusterCounts[0], _clusterCounts[1], _clusterCounts[2]];
        Write<int>(stream, header);
        stream.Write(description);
        Write<int>(stream, _keyStarts);
        Write<char>(stream, _keyChars);
        Write<float>(stream, _scales);
        Write<sbyte>(stream, _vectors);
        Write<byte>(stream, _weights);
        Write<ushort>(stream, _clusters);
    }

    private static void Write<T>(Stream stream, ReadOnlySpan<T> values) where T : unmanaged =>
        stream.Write(MemoryMarshal.AsBytes(values));
}
