using Parallax.Ingest.Decoding;
using Parallax.Model;

namespace Parallax.Ingest.Readers;

/// <summary>Reads .txt, .text and .md files: decode, reject binary and empty files, clean, extract metadata.</summary>
internal sealed class PlainTextReader(IngestOptions options, DraftBuilder builder)
{
    public ReadResult Read(string path, string origin)
    {
        var (bytes, error) = FileLoader.Load(path, options.MaxFileBytes);
        if (bytes is null) return new Rejection(origin, error!);
        return ReadBytes(bytes, origin, Path.GetFileName(path));
    }

    /// <summary>Text already in memory (standard input).</summary>
    public ReadResult ReadBytes(byte[] bytes, string origin, string? fileName)
    {
        var decoded = TextDecoder.Decode(bytes);
        if (!decoded.IsText) return new Rejection(origin, "binary file");
        return builder.FromText(origin, decoded.Text, new DocumentMetadata(), fileName);
    }
}
