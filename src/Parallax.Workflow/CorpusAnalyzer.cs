using System.Diagnostics;
using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Ingest.Copies;
using Parallax.Model;
using Parallax.Stories;

namespace Parallax.Workflow;

/// <summary>An analyze run: the report model and how long each step took.</summary>
public sealed record AnalyzeResult(CorpusAnalysis Report, TimeSpan Reading, TimeSpan Analysis, TimeSpan Stories);

/// <summary>Nothing could be read: no inputs at all, or every one skipped.</summary>
public sealed class NothingReadException(int skipped)
    : Exception(skipped == 0 ? "no input documents found" : $"nothing could be read ({skipped} input{(skipped == 1 ? "" : "s")} skipped)")
{
    public int Skipped { get; } = skipped;
}

/// <summary>
/// The analyze journey: read the inputs (on <see cref="Threads"/> cores, in input order), mark copies (exact duplicates
/// left out and listed as skipped, near-copies marked with the document they copy), analyse every document, then
/// group them into stories with the one streaming clusterer (publication order, as ingest places them) and build
/// each story. <c>analyze</c>, <c>eval facts</c> and the benchmarks run it.
/// </summary>
public sealed class CorpusAnalyzer(DocumentPipeline pipeline, int threads)
{
    public int Threads { get; } = Math.Max(1, threads);

    /// <summary>Called for each input skipped (unreadable, or an exact duplicate), as it is found.</summary>
    public Action<Rejection>? Skipped { get; init; }

    /// <summary>Called from worker threads with the number of documents analysed so far, out of the total given.</summary>
    public Action<int, int>? Progress { get; init; }

    public AnalyzeResult Run(CorpusSource source, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var (docs, skipped) = Read(source, ct);
        var reading = clock.Elapsed;
        var progress = Progress;
        var analysed = pipeline.RunAll(docs, Threads, progress is null ? null : done => progress(done, docs.Count), ct);
        var analysis = clock.Elapsed - reading;
        var report = new StoryBuilder().Build(analysed, skipped, ct);
        return new AnalyzeResult(report, reading, analysis, clock.Elapsed - reading - analysis);
    }

    /// <summary>Read and copies: the documents to analyse and the inputs skipped. Throws
    /// <see cref="NothingReadException"/> when there is no document.</summary>
    public (List<Document> Documents, List<Rejection> Skipped) Read(CorpusSource source, CancellationToken ct = default)
    {
        var docs = new List<Document>();
        var skipped = new List<Rejection>();
        foreach (var item in source.Read(new CorpusReader(new IngestOptions { Threads = Threads }), ct))
        {
            if (item.Document is { } d) docs.Add(d);
            else if (item.Rejection is { } rej) Skip(rej);
        }
        var copies = CopyDetector.Default.Find(docs);
        docs = [.. copies.Documents];
        foreach (var dup in copies.Duplicates) Skip(dup);
        if (docs.Count == 0) throw new NothingReadException(skipped.Count);
        return (docs, skipped);

        void Skip(Rejection r)
        {
            skipped.Add(r);
            Skipped?.Invoke(r);
        }
    }
}
