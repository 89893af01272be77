using Parallax.Model;
using Parallax.Store;
using Parallax.Stories;
using Parallax.Stories.Streaming;

namespace Parallax.Workflow;

/// <summary>A persistent corpus wired to the Stories project: opened with the streaming placement (the same options
/// <c>analyze</c> groups with), refreshed with the story builder's digests.</summary>
public static class Corpus
{
    /// <summary>The listing digests every front end refreshes stories with.</summary>
    public static IStoryDigests Digests { get; } = new StoryDigests();

    /// <summary>Opens <c>--db</c> (a SQLite file or a postgres:// URL) able to add documents.</summary>
    public static ICorpusStore Open(string db, StreamingOptions? clustering = null) => CorpusStore.Open(db, new StreamingPlacement(clustering));

    public static ICorpusStore OpenSqlite(string path, StreamingOptions? clustering = null) => CorpusStore.OpenSqlite(path, new StreamingPlacement(clustering));

    /// <summary>Recomputes the listing line of every story changed since the last refresh.</summary>
    public static int Refresh(ICorpusStore store, CancellationToken ct = default) => store.RefreshStories(Digests, ct);

    /// <summary>One stored story's report model (the same report.json and HTML as <c>analyze</c> writes): its
    /// documents, oldest first, as one story.</summary>
    public static CorpusAnalysis StoryReport(IReadOnlyList<Document> members, CancellationToken ct = default) =>
        new StoryBuilder().Build(members, [members], [], ct);

    /// <summary>Distinct outlets of a story's documents (a document without one counts by its origin).</summary>
    public static int Sources(IReadOnlyList<Document> members) => StoryDigests.Sources(members);
}
