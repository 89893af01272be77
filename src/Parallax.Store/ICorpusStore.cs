using System.Globalization;
using Parallax.Model;

namespace Parallax.Store;

/// <summary>What adding one document did.</summary>
/// <param name="Id">The stored document's id ("d42"); for a duplicate, the id it already had.</param>
public readonly record struct AddResult(string Id, bool Added, long Story, bool StartedStory);

/// <summary>One line of <c>parallax stories</c>.</summary>
public sealed record StorySummary(long Id, long Family, string Title, DateOnly? FirstDay, DateOnly? LastDay, int Documents, int Sources, int Disputed)
{
    /// <summary>This story's place in the list, for a page that starts right after (or ends right before) it.</summary>
    public StoryCursor Cursor => new(LastDay, Documents, Id);
}

/// <summary>
/// A place in the stories list: the sort key of one story (latest day, then most documents, then newest id). Paging by
/// cursor seeks straight to it in the index, where an offset counts past every earlier story. Written into links as
/// "2025-03-04_12_345" ("none" for an undated story).
/// </summary>
public readonly record struct StoryCursor(DateOnly? LastDay, int Documents, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"}_{Documents}_{Id}");

    /// <summary>Reads <see cref="ToString"/>'s form; anything else (a tampered link) is false, not an exception.</summary>
    public static bool TryParse(string? text, out StoryCursor cursor)
    {
        cursor = default;
        var parts = (text ?? "").Split('_');
        if (parts.Length != 3) return false;
        DateOnly? day = null;
        if (parts[0] != "none")
        {
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
            day = d;
        }
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int docs)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return false;
        cursor = new StoryCursor(day, docs, id);
        return true;
    }
}

/// <summary>A full-text hit: a document or a quote, with a snippet whose matches are between <see cref="SearchHit.Open"/>
/// and <see cref="SearchHit.Close"/>.</summary>
public sealed record SearchHit(string Kind, string Document, long Story, string Title, string Snippet)
{
    public const string Open = "\u0002";
    public const string Close = "\u0003";
}

/// <summary>
/// A persistent corpus: documents with their analysis, the stories an <see cref="IStoryPlacement"/> put them in, and a
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

    /// <summary>Adds an analysed document and places it in a story (through the placement the store was opened with), in
    /// one transaction. Same text twice: nothing added.</summary>
    AddResult Add(Document analysed);

    /// <summary>Adds analysed documents in order, all in one transaction (a crash keeps all of them or none), each
    /// placed in a story as <see cref="Add"/> would. Cheaper per document than one transaction each.</summary>
    IReadOnlyList<AddResult> AddAll(IReadOnlyList<Document> analysed);

    long CountDocuments();

    /// <summary>Recomputes title, sources and disputed facts of stories changed since the last refresh, as
    /// <paramref name="digests"/> sums them up (only those stories' documents are read).</summary>
    int RefreshStories(IStoryDigests digests, CancellationToken ct = default);

    /// <summary>Stories, latest first (latest day, then most documents, then newest); <paramref name="outlet"/> keeps those
    /// with a document from that outlet (any case). Paging: <paramref name="after"/> gives the stories right after that
    /// cursor, <paramref name="before"/> the <paramref name="limit"/> stories right before it (still latest first);
    /// <paramref name="offset"/> then skips that many (costs time in proportion to it; cursors do not).</summary>
    /// <remarks>With <paramref name="query"/>, bounded as <see cref="Search"/> is.</remarks>
    IReadOnlyList<StorySummary> Stories(DateOnly? since = null, string? query = null, int limit = 100, string? outlet = null, int offset = 0,
        StoryCursor? after = null, StoryCursor? before = null);

    /// <summary><see cref="Stories"/>, stopped when <paramref name="ct"/> fires (the client went away, the server stops).</summary>
    IReadOnlyList<StorySummary> CancellableStories(DateOnly? since, string? query, int limit, string? outlet, int offset,
        StoryCursor? after, StoryCursor? before, CancellationToken ct);

    /// <summary>One stored document with its analysis and the story it is in; null for an unknown id.</summary>
    (Document Document, long Story)? FindDocument(string id);

    /// <summary>Grows with every document any writer commits, so a cache keyed by it is right across processes.</summary>
    long Generation();

    /// <summary>The story's documents with their analysis, oldest first; empty when there is no such story.</summary>
    IReadOnlyList<Document> StoryDocuments(long story);

    /// <summary>Documents and quotes containing every word of <paramref name="query"/>, best first. Bounded: at most
    /// <see cref="SearchTerms.MaxTerms"/> distinct words and <see cref="SearchTerms.Budget"/> of time, else a
    /// <see cref="SearchRefusedException"/>. Reads may run on any thread, beside each other and beside a writer.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit = 20);

    /// <summary><see cref="Search"/>, interrupted when <paramref name="ct"/> fires (the client went away, the server stops).</summary>
    IReadOnlyList<SearchHit> CancellableSearch(string query, int limit, CancellationToken ct);
}

/// <summary>A refusal to open a database (not Parallax's, newer schema, unreachable): a user error, nothing touched.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
