using System.Data.Common;

namespace Parallax.Store;

internal sealed class SqliteDialect : SqlDialect
{
    public override IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE documents(id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, origin TEXT NOT NULL, title TEXT,
              outlet TEXT, published TEXT, day TEXT, ingested TEXT NOT NULL, text TEXT NOT NULL, analysis TEXT NOT NULL, layers BLOB NOT NULL,
              features TEXT NOT NULL, story INTEGER NOT NULL)
            """,
            "CREATE INDEX documents_story ON documents(story)",
            "CREATE TABLE quotes(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL, text TEXT NOT NULL)",
            "CREATE INDEX quotes_doc ON quotes(doc)",
            """
            CREATE TABLE stories(id INTEGER PRIMARY KEY, family INTEGER NOT NULL, title TEXT NOT NULL, first_day TEXT,
              last_day TEXT, documents INTEGER NOT NULL, sources INTEGER NOT NULL, disputed INTEGER NOT NULL,
              dirty INTEGER NOT NULL, updated TEXT NOT NULL)
            """,
            "CREATE INDEX stories_dirty ON stories(dirty)",
            "CREATE INDEX stories_family ON stories(family)",
            // External-content FTS5 tables: the text is stored once, in documents and quotes.
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id', tokenize='porter unicode61')",
            "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', tokenize='porter unicode61')",
        ],
        [
            // 2: the stories list from an index. Its key is the list's ORDER BY expression, which SQLite matches only
            // when identical (SqlCorpusStore.Key); the list reads it backwards. Outlets: partial, so the build on an
            // existing corpus reads the story column (past the text) only of documents that have an outlet.
            "CREATE INDEX stories_recent ON stories(COALESCE(last_day, ''), documents, id)",
            "CREATE INDEX documents_outlet ON documents(lower(outlet), story) WHERE outlet IS NOT NULL",
        ],
    ];

    public override bool HasAnyTable(DbConnection c, DbTransaction? t) => Scalar(c, t, "SELECT count(*) FROM sqlite_master") > 0;

    public override bool HasMetaTable(DbConnection c, DbTransaction? t) => Scalar(c, t, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'") > 0;

    // BEGIN IMMEDIATE (the transaction's default) already holds the write lock.
    public override void LockWriters(DbConnection c, DbTransaction t) { }

    // Read back from the rows just written: the text is not bound (converted to UTF-8) a second time, and all of a
    // document's quotes take one statement.
    public override void IndexDocument(DbConnection c, DbTransaction t, long id)
    {
        Sql.Exec(c, t, "INSERT INTO documents_fts(rowid, title, text) SELECT id, COALESCE(title, ''), text FROM documents WHERE id = @id", ("id", id));
        Sql.Exec(c, t, "INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes WHERE doc = @id ORDER BY id", ("id", id));
    }

    public override string MatchingDocuments => "SELECT rowid FROM documents_fts WHERE documents_fts MATCH @q";

    // The story's documents through documents_story, each tested by rowid against the full-text index. CROSS JOIN fixes
    // that order: left to itself SQLite runs the MATCH outside, reading the word's whole match list once per story
    // (45 s for one page of "Trump" on 100k documents).
    public override string StoryHasMatch =>
        "EXISTS (SELECT 1 FROM documents d CROSS JOIN documents_fts ON documents_fts.rowid = d.id WHERE d.story = stories.id AND documents_fts MATCH @q)";

    // The best @limit of each kind are chosen by rank alone (from the index), and only they get a snippet: a snippet
    // reads and tokenises the text, and making one for every match of a common word took seconds on 100k documents.
    // Ranking itself is bounded too: only the latest RankWindow matches are ranked (ranking all 50,000 matches of
    // "Trump" cost 235 CPU ms a request). The rank comes from that one pass: bm25() asked again per snippet row
    // recounts the word's matches in the whole index each time (370 ms for 20 quotes).
    public override string SearchSql => $"""
        SELECT kind, doc, story, title, snippet FROM (
          SELECT 'document' AS kind, d.id AS doc, d.story AS story, COALESCE(d.title, '') AS title,
                 snippet(documents_fts, 1, '{SearchHit.Open}', '{SearchHit.Close}', '…', 16) AS snippet, top.rank AS rank
          FROM (SELECT rowid AS id, rank FROM (SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH @q ORDER BY rowid DESC LIMIT {RankWindow})
                ORDER BY rank, rowid LIMIT @limit) top
          CROSS JOIN documents_fts ON documents_fts.rowid = top.id JOIN documents d ON d.id = top.id WHERE documents_fts MATCH @q
          UNION ALL
          SELECT 'quote', d.id, d.story, COALESCE(d.title, ''),
                 snippet(quotes_fts, 0, '{SearchHit.Open}', '{SearchHit.Close}', '…', 16), top.rank
          FROM (SELECT rowid AS id, rank FROM (SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH @q ORDER BY rowid DESC LIMIT {RankWindow})
                ORDER BY rank, rowid LIMIT @limit) top
          CROSS JOIN quotes_fts ON quotes_fts.rowid = top.id JOIN quotes q ON q.id = top.id JOIN documents d ON d.id = q.doc WHERE quotes_fts MATCH @q)
        ORDER BY rank, doc LIMIT @limit
        """;

    // Each word quoted: FTS5 operators and punctuation in the input are plain text.
    public override string FtsQuery(string userQuery) => string.Join(' ', Words(userQuery).Select(w => $"\"{w}\""));

    // sqlite3_interrupt is safe from any thread; SqliteCommand.Cancel does nothing.
    public override void Interrupt(DbConnection c, DbCommand cmd)
    {
        if (c is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle }) SQLitePCL.raw.sqlite3_interrupt(handle);
    }

    private static long Scalar(DbConnection c, DbTransaction? t, string sql) => Convert.ToInt64(Sql.Scalar(c, t, sql), System.Globalization.CultureInfo.InvariantCulture);
}
