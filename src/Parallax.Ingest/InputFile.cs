namespace Parallax.Ingest;

/// <summary>An input held in memory (an upload): its name, whose extension picks the reader and which becomes the
/// documents' origin, and its bytes.</summary>
public sealed record InputFile(string Name, byte[] Bytes);
