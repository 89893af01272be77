using Parallax.Ingest.Readers;
using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>
/// Reads a corpus of news reports from files and folders: plain text (.txt, .text, .md), HTML (.html, .htm, .xhtml)
/// JSON (.jsonl, .ndjson, .json) and web archives (.warc, .warc.gz). Every input yields documents or rejections, never an exception for bad data;
/// only cancellation throws. Output order is deterministic — paths in the order given, files of a folder in ordinal
/// order of their relative paths, JSON records in file order — and documents are numbered "d1", "d2", … in that order.
/// </summary>
public sealed class CorpusReader
{
    private readonly IngestOptions _options;
    private readonly PlainTextReader _text;
    private readonly HtmlReader _html;
    private readonly JsonRecordReader _json;
    private readonly WarcDocumentReader _warc;

    /// <summary>Creates a reader with <paramref name="options"/> (or <see cref="IngestOptions.Default"/>).</summary>
    public CorpusReader(IngestOptions? options = null)
    {
        _options = options ?? IngestOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxFileBytes);
        var builder = new DraftBuilder(_options);
        _text = new PlainTextReader(_options, builder);
        _html = new HtmlReader(_options, builder);
        _json = new JsonRecordReader(_options, builder);
        _warc = new WarcDocumentReader(_options, builder);
    }

    /// <summary>
    /// Reads <paramref name="paths"/> (files or folders, searched recursively) lazily. A path that does not exist, a
    /// file that cannot be read, is empty, binary, too large or of an unsupported type named directly yields a
    /// <see cref="Rejection"/>; unsupported files inside a folder are summarised in one rejection per folder.
    /// Each call numbers its documents from "d1".
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> is cancelled.</exception>
    public IEnumerable<IngestItem> Read(IReadOnlyList<string> paths, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return ReadAll(paths, ct);
    }

    private IEnumerable<IngestItem> ReadAll(IReadOnlyList<string> paths, CancellationToken ct)
    {
        int nextId = 1;
        foreach (var path in paths)
        {
            foreach (var result in ReadPath(path, ct))
            {
                if (result.Draft is { } d)
                {
                    yield return IngestItem.Of(new Document
                    {
                        Id = "d" + nextId++,
                        Origin = d.Origin,
                        Text = d.Text,
                        Metadata = d.Metadata,
                        Removed = d.Removed,
                    });
                }
                else
                {
                    yield return IngestItem.Of(result.Rejection!);
                }
            }
        }
    }

    private IEnumerable<ReadResult> ReadPath(string path, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(path))
        {
            yield return new Rejection(path ?? "", "empty path");
            yield break;
        }
        if (File.Exists(path))
        {
            if (InputKinds.Of(path) == InputKind.Unsupported)
            {
                var ext = Path.GetExtension(path);
                yield return new Rejection(path, ext.Length == 0 ? "unsupported file type (no extension)" : $"unsupported file type ({ext})");
                yield break;
            }
            foreach (var r in ReadFile(new FileEntry(Path.GetFullPath(path), path), ct)) yield return r;
            yield break;
        }
        if (!Directory.Exists(path))
        {
            yield return new Rejection(path, "no such file or directory");
            yield break;
        }

        var listing = PathWalker.List(path);
        foreach (var problem in listing.Problems) yield return problem;
        foreach (var file in listing.Files)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var r in ReadFile(file, ct)) yield return r;
        }
        if (listing.Unsupported > 0)
        {
            var noun = listing.Unsupported == 1 ? "file" : "files";
            var extensions = string.Join(", ", listing.UnsupportedExtensions);
            yield return new Rejection(path, $"{listing.Unsupported} {noun} with unsupported extensions skipped ({extensions})");
        }
    }

    private IEnumerable<ReadResult> ReadFile(FileEntry file, CancellationToken ct) => InputKinds.Of(file.FullPath) switch
    {
        InputKind.Text => [_text.Read(file.FullPath, file.Origin)],
        InputKind.Html => [_html.Read(file.FullPath, file.Origin)],
        InputKind.JsonLines => _json.ReadLines(file.FullPath, file.Origin, ct),
        InputKind.Json => _json.ReadJson(file.FullPath, file.Origin, ct),
        InputKind.Warc => _warc.Read(file.FullPath, file.Origin, ct),
        _ => [new Rejection(file.Origin, "unsupported file type")],
    };
}
