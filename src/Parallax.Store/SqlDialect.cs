using System.Data.Common;

namespace Parallax.Store;

/// <summary>What differs between the databases: the DDL of each schema version, full-text search and locking. The
/// tables and columns are the same in both.</summary>
internal abstract class SqlDialect
{
    /// <summary>Schema migrations: entry i takes the schema from version i to i + 1. Only ever append.</summary>
    public abstract IReadOnlyList<string[]> Migrations { get; }

    /// <summary>Whether the database has any table of its own (an empty database may be initialised).</summary>
    public abstract bool HasAnyTable(DbConnection c, DbTransaction? t);

    public abstract bool HasMetaTable(DbConnection c, DbTransaction? t);

    /// <summary>Serialises writers for the rest of the transaction.</summary>
    public abstract void LockWriters(DbConnection c, DbTransaction t);

    /// <summary>Indexes a stored document's title and text, and its stored quotes, for full-text search.</summary>
    public abstract void IndexDocument(DbConnection c, DbTransaction t, long id);

    /// <summary>SQL of document ids matching @q (the query as <see cref="FtsQuery"/> turns it).</summary>
    public abstract string MatchingDocuments { get; }

    /// <summary>SQL of a condition on a row of stories: the story has a document matching @q (checked for that story
    /// alone, so a list can test stories one by one).</summary>
    public abstract string StoryHasMatch { get; }

    /// <summary>How many of the latest matches search ranks: a word in half the corpus would otherwise be ranked in
    /// every document it is in, on every request.</summary>
    public const int RankWindow = 2000;

    /// <summary>SQL of hits (kind, document id, story, title, snippet) for @q, best first among the latest
    /// <see cref="RankWindow"/> matches of each kind, at most @limit.</summary>
    public abstract string SearchSql { get; }

    /// <summary>The user's words as this database's full-text query: every word must occur; no operator syntax is
    /// passed through, so no input can make the query fail.</summary>
    public abstract string FtsQuery(string userQuery);

    /// <summary>The distinct words of a search (at most <see cref="SearchTerms.MaxTerms"/>; more are refused).</summary>
    protected static IReadOnlyList<string> Words(string q) => SearchTerms.Of(q);

    /// <summary>Stops <paramref name="cmd"/>, running on <paramref name="c"/> on another thread (a search over its
    /// budget, or one whose client went away).</summary>
    public virtual void Interrupt(DbConnection c, DbCommand cmd) => cmd.Cancel();
}
