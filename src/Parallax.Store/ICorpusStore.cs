using Parallax.Model;

namespace Parallax.Store;

/// <summary>What adding one document did.</summary>
/// <param name="Id">The stored document's id ("d42"); for a duplicate, the id it already had.</param>
public readonly record struct AddResult(string Id, bool Added, long Story, bool StartedStory);

/// <summary>One line of <c>parallax stories</c>.</summary>
public sealed record StorySummary(long Id, long Family, string Title, DateOnly? FirstDay, DateOnly? LastDay, int Documents, int Sources, int Disputed);

/// <summary>A full-text hit: a document or a quote, with a snippet whose matches are between <see cref="SearchHit.Open"/>
/// and <see cref="SearchHit.Close"/>.</summary>
public sealed record SearchHit(string Kind, string Document, long Story, string Title, string Snippet)
{
    public const string Open = "\u0002";
    public const string Close = "\u0003";
}

/// <summary>
/// A persistent corpus: documents with their analysis, the stories the streaming clusterer put them in, and a
/// full-text index. One implementation per database (SQLite by default, PostgreSQL for teams), one schema, one set of
/// tests. Each <see cref="Add"/> or <see cref="AddAll"/> is one transaction: a crash loses no committed document and leaves no half-written
/// one. Writers on one database are serialised: a writer that finds another's documents reloads the cluster state
/// before deciding.
/// </summary>
public interface ICorpusStore : IDisposable
{
    /// <summary>Where the corpus lives, for messages (a file path, or host/database without password).</summary>
    string Location { get; }

    /// <summary>The stored document with this content hash (<see cref="ContentHash.Of"/>), if any.</summary>
    string? Find(string hash);

    /// <summary>Adds an analysed document and places it in a story, in one transaction. Same text twice: nothing added.</summary>
    AddResult Add(Document analysed);

    /// <summary>Adds analysed documents in order, all in one transaction (a crash keeps all of them or none), each
    /// placed in a story as <see cref="Add"/> would. Cheaper per document than one transaction each.</summary>
    IReadOnlyList<AddResult> AddAll(IReadOnlyList<Document> analysed);

    long CountDocuments();

    /// <summary>Recomputes title, sources and disputed facts of stories changed since the last refresh (the per-story
    /// comparison is rebuilt only for those stories).</summary>
    int RefreshStories(CancellationToken ct = default);

    /// <summary>Stories, latest first; <paramref name="outlet"/> keeps those with a document from that outlet (any case),
    /// <paramref name="offset"/> skips that many (paging).</summary>
    IReadOnlyList<StorySummary> Stories(DateOnly? since = null, string? query = null, int limit = 100, string? outlet = null, int offset = 0);

    /// <summary>One stored document with its analysis and the story it is in; null for an unknown id.</summary>
    (Document Document, long Story)? FindDocument(string id);

    /// <summary>Grows with every document any writer commits, so a cache keyed by it is right across processes.</summary>
    long Generation();

    /// <summary>The story's documents with their analysis, oldest first; empty when there is no such story.</summary>
    IReadOnlyList<Document> StoryDocuments(long story);

    IReadOnlyList<SearchHit> Search(string query, int limit = 20);
}

/// <summary>A refusal to open a database (not Parallax's, newer schema, unreachable): a user error, nothing touched.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
