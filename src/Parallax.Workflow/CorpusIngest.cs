using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Ingest.Copies;
using Parallax.Model;
using Parallax.Store;
using Parallax.Stories.Streaming;

namespace Parallax.Workflow;

/// <summary>What an ingest did.</summary>
/// <param name="Read">Documents read (before copies and the already-stored check).</param>
/// <param name="AlreadyStored">Documents whose text the corpus (or an earlier copy in the same run) already held.</param>
/// <param name="Rejected">Inputs that could not be read.</param>
public sealed record IngestResult(int Read, int Added, int AlreadyStored, int Rejected, int StartedStories);

/// <summary>
/// The corpus-ingest journey: read the inputs, mark copies within each batch, skip texts already stored (before any
/// analysis, so a rerun after a kill costs one index probe per document), analyse a batch on every core, and store it
/// in one transaction in publication order (as <c>analyze</c> places documents) while the store places each in a
/// story; then refresh the changed stories. <c>ingest</c>, web uploads and <c>bench store</c> run it.
/// </summary>
public sealed class CorpusIngest(ICorpusStore store, DocumentPipeline pipeline, int threads)
{
    /// <summary>Documents per batch: about a tenth of a second of work, so few commits, and a kill loses at most that.</summary>
    public int BatchSize { get; init; } = 64;

    public int Threads { get; } = Math.Max(1, threads);

    /// <summary>A second connection to the same corpus for the already-stored probes. With one, a batch is written
    /// while the next is read and analysed; without, the store is used by one step at a time.</summary>
    public ICorpusStore? Probe { get; init; }

    /// <summary>Taken around every call into the store, when the store is shared with other threads (a server).</summary>
    public Lock? StoreLock { get; init; }

    /// <summary>Called for each input that could not be read.</summary>
    public Action<Rejection>? Skipped { get; init; }

    /// <summary>Called for each document added, with its id and story.</summary>
    public Action<AddResult>? Added { get; init; }

    /// <summary>Called after each batch with the documents done so far (added or already stored).</summary>
    public Action<int>? Progress { get; init; }

    /// <summary>Refreshes the changed stories at the end (on by default).</summary>
    public bool Refresh { get; init; } = true;

    public IngestResult Run(CorpusSource source, CancellationToken ct = default)
    {
        int read = 0, added = 0, present = 0, rejected = 0, started = 0;
        var probe = Probe ?? store;
        IEnumerable<List<Document>> Batches()
        {
            var batch = new List<Document>(BatchSize);
            foreach (var item in source.Read(new CorpusReader(new IngestOptions { Threads = Threads }), ct))
            {
                if (item.Rejection is { } rej)
                {
                    rejected++;
                    Skipped?.Invoke(rej);
                    continue;
                }
                read++;
                batch.Add(item.Document!);
                if (batch.Count < BatchSize) continue;
                yield return batch;
                batch = new List<Document>(BatchSize);
            }
            if (batch.Count > 0) yield return batch;
        }
        List<Document> Fresh(List<Document> batch)
        {
            var copies = CopyDetector.Default.Find(batch);
            present += copies.Duplicates.Count;
            var fresh = new List<Document>(copies.Documents.Count);
            foreach (var d in copies.Documents)
                if (Locked(() => probe.Find(ContentHash.Of(d.Text))) is null) fresh.Add(d);
                else present++;
            return StreamingGroups.InPublicationOrder(fresh, d => d.PublishedDate);
        }
        void Finish(Task<IReadOnlyList<AddResult>> w)
        {
            foreach (var r in w.GetAwaiter().GetResult()) // rethrows a database error as itself
            {
                if (!r.Added) { present++; continue; }
                added++;
                if (r.StartedStory) started++;
                Added?.Invoke(r);
            }
            Progress?.Invoke(added + present);
        }

        Task<IReadOnlyList<AddResult>>? writing = null;
        try
        {
            foreach (var batch in Batches())
            {
                var fresh = Fresh(batch);
                var analysed = pipeline.RunAll(fresh, Threads, null, ct);
                if (writing is not null) Finish(writing);
                writing = null;
                if (analysed.Length == 0) { Progress?.Invoke(added + present); continue; }
                // With a separate probe connection, this batch is written while the next is read and analysed.
                writing = Probe is null ? Task.FromResult(Locked(() => store.AddAll(analysed))) : Task.Run(() => Locked(() => store.AddAll(analysed)), ct);
            }
            if (writing is not null) Finish(writing);
        }
        catch when (writing is { IsCompleted: false })
        {
            // A reading or analysis failure while a batch is being written: let the write end before the store is closed.
            ((IAsyncResult)writing).AsyncWaitHandle.WaitOne();
            throw;
        }
        if (Refresh) Locked(() => Corpus.Refresh(store, ct));
        return new IngestResult(read, added, present, rejected, started);
    }

    private T Locked<T>(Func<T> call)
    {
        if (StoreLock is not { } gate) return call();
        lock (gate) return call();
    }
}
