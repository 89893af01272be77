using Parallax.Analysis.Citations;
using Parallax.Analysis.Entities;
using Parallax.Analysis.Facts;
using Parallax.Analysis.Quotes;
using Parallax.Analysis.Text;
using Parallax.Analysis.Time;
using Parallax.Model;

namespace Parallax.Analysis.Pipeline;

/// <summary>The per-document pipeline Parallax runs: text, entities, quotes, citations, dates, quantities.</summary>
public static class StandardPipeline
{
    public static DocumentPipeline Create(EntityLexicon? lexicon = null) =>
        DocumentPipeline.Build(
            new TokenizerStage(),
            new SentenceStage(),
            new EntityStage(lexicon ?? EntityLexicon.Default),
            new QuoteStage(),
            new CitationStage(),
            new TimeStage(),
            new QuantityStage());

    /// <summary>Runs the pipeline over many documents on up to <paramref name="threads"/> cores, keeping input order.
    /// <paramref name="progress"/> is called with the number done so far (from worker threads).</summary>
    public static Document[] RunAll(this DocumentPipeline pipeline, IReadOnlyList<Document> docs, int threads,
        Action<int>? progress = null, CancellationToken ct = default)
    {
        var output = new Document[docs.Count];
        int done = 0;
        Parallel.For(0, docs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct }, i =>
        {
            output[i] = pipeline.Run(docs[i], ct);
            progress?.Invoke(Interlocked.Increment(ref done));
        });
        return output;
    }
}
