using Parallax.Ingest;

namespace Parallax.Workflow;

/// <summary>Where a corpus comes from: files and folders (and "-" for standard input), or inputs held in memory
/// (uploads), which are read as files of those names without being written anywhere.</summary>
public abstract class CorpusSource
{
    private CorpusSource() { }

    public static CorpusSource Paths(IReadOnlyList<string> paths) => new PathSource(paths);

    public static CorpusSource Files(IReadOnlyList<InputFile> files) => new MemorySource(files);

    /// <summary>Documents already read (benchmarks and evaluations that build their corpus in memory).</summary>
    public static CorpusSource Documents(IEnumerable<Model.Document> documents) => new DocumentSource(documents);

    /// <summary>The inputs' documents and rejections, in input order.</summary>
    internal abstract IEnumerable<IngestItem> Read(CorpusReader reader, CancellationToken ct);

    private sealed class PathSource(IReadOnlyList<string> paths) : CorpusSource
    {
        internal override IEnumerable<IngestItem> Read(CorpusReader reader, CancellationToken ct) => reader.Read(paths, ct);
    }

    private sealed class DocumentSource(IEnumerable<Model.Document> documents) : CorpusSource
    {
        internal override IEnumerable<IngestItem> Read(CorpusReader reader, CancellationToken ct) => documents.Select(IngestItem.Of);
    }

    private sealed class MemorySource(IReadOnlyList<InputFile> files) : CorpusSource
    {
        internal override IEnumerable<IngestItem> Read(CorpusReader reader, CancellationToken ct) => reader.ReadFiles(files, ct);
    }
}
