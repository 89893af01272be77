using System.Collections.Concurrent;
using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Report;
using Parallax.Store;
using Parallax.Workflow;

namespace Parallax.Web;

/// <summary>One upload: a file name (its extension picks the reader) and its bytes.</summary>
public sealed record Upload(string Name, byte[] Bytes);

/// <summary>What an ingest did: new documents (id and story), duplicates, and inputs that could not be read.</summary>
public sealed record IngestOutcome(IReadOnlyList<(string Id, long Story)> Added, int AlreadyStored, IReadOnlyList<Rejection> Rejected);

/// <summary>A built story: the analysis and its rendered report body, kept while the corpus has not changed.</summary>
public sealed record BuiltStory(CorpusAnalysis Analysis, string BodyHtml, byte[] Json, int Sources)
{
    /// <summary>The whole story page as UTF-8, rendered once per build: a 50-source page is over a megabyte, and
    /// rebuilding and encoding it per request would dominate the response time.</summary>
    public byte[]? Page { get; set; }
}

/// <summary>
/// The corpus as the server sees it. Reads go straight to the store, which gives each its own connection; writes
/// (one writer connection) take one lock, and analysis (the slow part of an ingest) runs outside it. Built stories are cached keyed by the store's generation,
/// which every committed document bumps, so a page never shows a story older than the corpus.
/// </summary>
public sealed class CorpusService : IDisposable
{
    private readonly ICorpusStore store;
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<long, (long Generation, Lazy<BuiltStory?> Story)> cache = new();
    // Models load on the first ingest, not at start-up (reading an empty corpus must start fast), and once per
    // process: they are read-only and shared by every server in it.
    private static readonly Lazy<DocumentPipeline> pipeline = new(() => StandardPipeline.Create(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim writers = new(1, 1);
    private long generation = -1;
    private long checkedAt;

    public CorpusService(ICorpusStore store) => this.store = store;

    public string Location => store.Location;

    public IReadOnlyList<StorySummary> Stories(DateOnly? since, string? query, string? outlet, int limit, int offset,
        StoryCursor? after = null, StoryCursor? before = null, CancellationToken ct = default) =>
        store.CancellableStories(since, query, limit, outlet, offset, after, before, ct);

    public IReadOnlyList<SearchHit> Search(string query, int limit, CancellationToken ct = default) => store.CancellableSearch(query, limit, ct);

    public (Document Document, long Story)? Document(string id) => store.FindDocument(id);

    /// <summary>Stories kept built at most; past it the cache starts over (a reader's working set is a few stories,
    /// and a built 50-source story holds a few megabytes).</summary>
    private const int MaxCached = 256;

    /// <summary>The story built and rendered, or null when there is no such story. Concurrent requests for one story
    /// share one build: after an ingest, 32 readers of a changed story wait for one build, not start 32.</summary>
    public BuiltStory? Story(long id)
    {
        long gen = CurrentGeneration();
        if (cache.TryGetValue(id, out var hit) && hit.Generation == gen) return hit.Story.Value;
        if (cache.Count >= MaxCached) cache.Clear();
        var fresh = (gen, new Lazy<BuiltStory?>(() => Build(id), LazyThreadSafetyMode.ExecutionAndPublication));
        var entry = cache.AddOrUpdate(id, fresh, (_, old) => old.Generation == gen ? old : fresh);
        try
        {
            var built = entry.Story.Value;
            // Unknown ids are not remembered, so probing many ids cannot fill memory.
            if (built is null) cache.TryRemove(new KeyValuePair<long, (long, Lazy<BuiltStory?>)>(id, entry));
            return built;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<long, (long, Lazy<BuiltStory?>)>(id, entry));
            throw;
        }
    }

    private BuiltStory? Build(long id)
    {
        IReadOnlyList<Document> docs;
        docs = store.StoryDocuments(id);
        if (docs.Count == 0) return null;
        var analysis = Corpus.StoryReport(docs);
        using var body = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        HtmlReportWriter.WriteBody(analysis, body);
        using var json = new MemoryStream();
        ReportJsonWriter.Write(analysis, json);
        int sources = Corpus.Sources(docs);
        return new BuiltStory(analysis, body.ToString(), json.ToArray(), sources);
    }

    /// <summary>The store's generation, read at most every quarter second: other processes' writes show within that,
    /// this server's own writes at once (an ingest resets it).</summary>
    private long CurrentGeneration()
    {
        long now = Environment.TickCount64;
        if (Volatile.Read(ref generation) >= 0 && now - Volatile.Read(ref checkedAt) < 250) return Volatile.Read(ref generation);
        long g;
        g = store.Generation();
        Volatile.Write(ref generation, g);
        Volatile.Write(ref checkedAt, now);
        return g;
    }

    /// <summary>Reads, analyses and stores the uploads (held in memory, never written to disk) through the corpus-ingest
    /// workflow: copies marked, texts already stored skipped, each batch one transaction, so a failure keeps what was
    /// committed and never touches what was stored before.</summary>
    public async Task<IngestOutcome> IngestAsync(IReadOnlyList<Upload> uploads, CancellationToken ct)
    {
        await writers.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // The client's name is only a label: the origin is a safe name with the same extension.
            var files = uploads.Select(u => new InputFile("upload/" + SafeName(u.Name), u.Bytes)).ToList();
            var added = new List<(string, long)>();
            var rejected = new List<Rejection>();
            var ingest = new CorpusIngest(store, pipeline.Value, Math.Max(1, Environment.ProcessorCount))
            {
                StoreLock = gate,
                Skipped = rejected.Add,
                Added = r => added.Add((r.Id, r.Story)),
            };
            var result = await Task.Run(() => ingest.Run(CorpusSource.Files(files), ct), ct).ConfigureAwait(false);
            if (result.Read > 0) Volatile.Write(ref generation, -1);
            return new IngestOutcome(added, result.AlreadyStored, rejected);
        }
        finally
        {
            writers.Release();
        }
    }

    /// <summary>Letters, digits, dot, dash and underscore; at most 80 characters; never empty.</summary>
    internal static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var chars = file.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        var safe = new string(chars).TrimStart('.');
        if (safe.Length > 80) safe = safe[^80..];
        return safe.Length == 0 ? "upload.txt" : safe;
    }

    public void Dispose()
    {
        store.Dispose();
        writers.Dispose();
    }
}
