using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Ingest.Readers;

/// <summary>A document before it gets its id: ids are numbered by <see cref="CorpusReader"/> in output order.</summary>
internal sealed record Draft(string Origin, string Text, DocumentMetadata Metadata, ImmutableArray<RemovedText> Removed);

/// <summary>What a reader produces for one input: a draft or a rejection — or, for expensive inputs (an HTML page),
/// the work that will produce one, which <see cref="CorpusReader"/> may run on another core.</summary>
internal readonly record struct ReadResult(Draft? Draft, Rejection? Rejection, Func<ReadResult>? Work = null)
{
    /// <summary>Work to run later (it must be thread-safe and must not itself return deferred work).</summary>
    public static ReadResult Deferred(Func<ReadResult> work) => new(null, null, work);

    public static implicit operator ReadResult(Draft draft) => new(draft, null);
    public static implicit operator ReadResult(Rejection rejection) => new(null, rejection);
}
