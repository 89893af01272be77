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
    private readonly FeedReader _feed;

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
        _feed = new FeedReader(_options, builder);
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

    /// <summary>
    /// Reads inputs held in memory (uploads) as files of those names would be read: the name's extension picks the
    /// reader, and the name is each document's origin. Nothing is written to disk. Numbering and order as
    /// <see cref="Read(IReadOnlyList{string}, CancellationToken)"/>.
    /// </summary>
    public IEnumerable<IngestItem> ReadFiles(IReadOnlyList<InputFile> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        return ReadAll(files.Select(f => (Func<IEnumerable<ReadResult>>)(() => ReadMemory(f, ct))).ToList(), ct);
    }

    private IEnumerable<IngestItem> ReadAll(IReadOnlyList<string> paths, CancellationToken ct) =>
        ReadAll(paths.Select(p => (Func<IEnumerable<ReadResult>>)(() => ReadPath(p, ct))).ToList(), ct);

    private IEnumerable<IngestItem> ReadAll(IReadOnlyList<Func<IEnumerable<ReadResult>>> inputs, CancellationToken ct)
    {
        int nextId = 1;
        // Deferred work runs on the thread pool, at most a few items per core ahead of the consumer, and is yielded in
        // input order, so ids and output are the same whatever the number of threads.
        int threads = Math.Max(1, _options.Threads);
        int window = threads == 1 ? 0 : threads * 4;
        var pending = new Queue<Task<ReadResult>>();
        foreach (var input in inputs)
        {
            foreach (var result in input())
            {
                if (window == 0)
                {
                    yield return ToItem(result.Work is { } work ? work() : result, ref nextId);
                    continue;
                }
                pending.Enqueue(result.Work is { } w ? Task.Run(w, ct) : Task.FromResult(result));
                while (pending.Count > window) yield return ToItem(pending.Dequeue().GetAwaiter().GetResult(), ref nextId);
            }
        }
        while (pending.Count > 0) yield return ToItem(pending.Dequeue().GetAwaiter().GetResult(), ref nextId);
    }

    private static IngestItem ToItem(ReadResult result, ref int nextId)
    {
        if (result.Draft is { } d)
        {
            return IngestItem.Of(new Document
            {
                Id = "d" + nextId++,
                Origin = d.Origin,
                Text = d.Text,
                Metadata = d.Metadata,
                Removed = d.Removed,
            });
        }
        return IngestItem.Of(result.Rejection!);
    }

    private IEnumerable<ReadResult> ReadPath(string path, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(path))
        {
            yield return new Rejection(path ?? "", "empty path");
            yield break;
        }
        if (path == StandardInputPath)
        {
            foreach (var r in ReadStandardInput(ct)) yield return r;
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

    /// <summary>
    /// Reads one HTML page held in memory exactly as a file would be read (decode, extract, clean, metadata), for
    /// evaluations and benchmarks of the hot path. The document's id is "d1".
    /// </summary>
    public IngestItem ReadHtml(byte[] bytes, string origin, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var result = _html.ReadBytes(bytes, origin, fileName: null, url);
        if (result.Draft is not { } d) return IngestItem.Of(result.Rejection!);
        return IngestItem.Of(new Document { Id = "d1", Origin = d.Origin, Text = d.Text, Metadata = d.Metadata, Removed = d.Removed });
    }

    /// <summary>The path that means standard input, as in most command-line tools.</summary>
    public const string StandardInputPath = "-";

    /// <summary>The origin given to documents read from standard input.</summary>
    private const string StandardInputOrigin = "stdin";

    /// <summary>
    /// Standard input, whatever it holds: a WARC (plain or gzip) is streamed record by record; anything else is read
    /// whole (within the size limit) and sniffed — a feed, an HTML page, JSON (an object, an array or JSON Lines), or
    /// plain text.
    /// </summary>
    private IEnumerable<ReadResult> ReadStandardInput(CancellationToken ct)
    {
        Stream input;
        try { input = (_options.StandardInput ?? Console.OpenStandardInput)(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return [new Rejection(StandardInputOrigin, ex.Message)];
        }
        var head = new byte[Math.Min(8192, (int)Math.Min(_options.MaxFileBytes, int.MaxValue))];
        int got;
        try { got = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false); }
        catch (IOException ex)
        {
            input.Dispose();
            return [new Rejection(StandardInputOrigin, ex.Message)];
        }
        var start = head.AsSpan(0, got);
        var rest = new Warc.PrefixedStream(start.ToArray(), input);
        if (Warc.WarcReader.IsGzip(start) || start.StartsWith("WARC/"u8))
            return _warc.ReadStream(new OwningStream(rest, input), StandardInputOrigin, ct);

        byte[] bytes;
        using (input)
        {
            var (all, error) = FileLoader.LoadStream(rest, _options.MaxFileBytes);
            if (all is null) return [new Rejection(StandardInputOrigin, error!)];
            bytes = all;
        }
        if (bytes.Length == 0) return [new Rejection(StandardInputOrigin, "empty")];
        var sniff = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 2048)).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        if (sniff.StartsWith('<'))
        {
            if (sniff.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && FeedReader.LooksLikeFeed(sniff) || sniff.StartsWith("<rss", StringComparison.OrdinalIgnoreCase)
                || sniff.StartsWith("<feed", StringComparison.OrdinalIgnoreCase) || sniff.StartsWith("<rdf:RDF", StringComparison.OrdinalIgnoreCase))
                return _feed.ReadBytes(bytes, StandardInputOrigin, ct);
            return [_html.ReadBytes(bytes, StandardInputOrigin, fileName: null)];
        }
        if (sniff.StartsWith('{') || sniff.StartsWith('['))
            return _json.ReadJsonBytes(bytes, StandardInputOrigin, ct);
        return [_text.ReadBytes(bytes, StandardInputOrigin, fileName: null)];
    }

    /// <summary>A stream that also disposes the stream it was built over.</summary>
    private sealed class OwningStream(Stream inner, IDisposable owned) : ForwardOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        protected override void Dispose(bool disposing)
        {
            if (disposing) { inner.Dispose(); owned.Dispose(); }
            base.Dispose(disposing);
        }
    }

    private IEnumerable<ReadResult> ReadMemory(InputFile file, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var origin = file.Name;
        if (file.Bytes.LongLength > _options.MaxFileBytes) return [new Rejection(origin, FileLoader.TooLarge(file.Bytes.LongLength, _options.MaxFileBytes))];
        if (file.Bytes.Length == 0) return [new Rejection(origin, "empty")];
        var name = Path.GetFileName(origin);
        return InputKinds.Of(name) switch
        {
            InputKind.Text => [_text.ReadBytes(file.Bytes, origin, name)],
            InputKind.Html => [ReadResult.Deferred(() => _html.ReadBytes(file.Bytes, origin, name))],
            InputKind.JsonLines => _json.ReadLines(file.Bytes, origin, ct),
            InputKind.Json => _json.ReadJsonBytes(file.Bytes, origin, ct),
            InputKind.Warc => _warc.ReadStream(new MemoryStream(file.Bytes, writable: false), origin, ct),
            InputKind.Feed => _feed.ReadBytes(file.Bytes, origin, ct),
            _ => [new Rejection(origin, Path.GetExtension(name).Length == 0 ? "unsupported file type (no extension)" : $"unsupported file type ({Path.GetExtension(name)})")],
        };
    }

    /// <summary>One file's results, with running out of memory on it (a size no limit foresaw) turned into that
    /// file's rejection: the run, and what was read before, go on.</summary>
    private IEnumerable<ReadResult> ReadFile(FileEntry file, CancellationToken ct)
    {
        using var results = ReadFileUnguarded(file, ct).GetEnumerator();
        while (true)
        {
            ReadResult next;
            try
            {
                if (!results.MoveNext()) yield break;
                next = results.Current;
            }
            catch (OutOfMemoryException)
            {
                next = OutOfMemory(file.Origin);
            }
            if (next.Work is { } work) next = ReadResult.Deferred(() => Guard(file.Origin, work));
            yield return next;
            if (next.Rejection?.Reason == OutOfMemoryReason) yield break;
        }
    }

    private const string OutOfMemoryReason = "too large to read in the memory available; skipped";

    private static ReadResult OutOfMemory(string origin)
    {
        GC.Collect(); // the failed input's partial allocations, before the next input needs the room
        return new Rejection(origin, OutOfMemoryReason);
    }

    private static ReadResult Guard(string origin, Func<ReadResult> work)
    {
        try { return work(); }
        catch (OutOfMemoryException) { return OutOfMemory(origin); }
    }

    private IEnumerable<ReadResult> ReadFileUnguarded(FileEntry file, CancellationToken ct) => InputKinds.Of(file.FullPath) switch
    {
        InputKind.Text => [_text.Read(file.FullPath, file.Origin)],
        InputKind.Html => [ReadResult.Deferred(() => _html.Read(file.FullPath, file.Origin))],
        InputKind.JsonLines => _json.ReadLines(file.FullPath, file.Origin, ct),
        InputKind.Json => _json.ReadJson(file.FullPath, file.Origin, ct),
        InputKind.Warc => _warc.Read(file.FullPath, file.Origin, ct),
        InputKind.Feed => _feed.Read(file.FullPath, file.Origin, ct),
        _ => [new Rejection(file.Origin, "unsupported file type")],
    };
}
