using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Parallax.Model;

namespace Parallax.Store;

/// <summary>
/// The store on any SQL database a <see cref="SqlDialect"/> describes. One connection, one writer: each document (or
/// batch of documents) is one transaction that takes the writers' lock, reloads the cluster state if another writer
/// committed since (the "generation" counter in meta), asks the <see cref="IStoryPlacement"/> it was opened with for the
/// stories, and writes the documents, their quotes, their stories and any merge. Reads (lists, search, documents) run on
/// reader connections of their own, so they may run on any thread, beside each other and beside the writer, and a slow
/// search never waits for (or holds up) anything else; a search is bounded by <see cref="SearchTerms"/> and stopped when
/// over its budget or cancelled.
/// </summary>
internal class SqlCorpusStore : ICorpusStore
{
    /// <summary>The schema version this build writes; a database at a higher version is refused.</summary>
    public const int SchemaVersion = 2;
    public const string Application = "parallax";

    private readonly DbConnection conn;
    private readonly SqlDialect dialect;
    private readonly IStoryPlacement? placement;
    private long knownGeneration = -1;

    /// <summary>Documents this store added lately, as analysed, by row id: the refresh after an ingest builds their
    /// stories without decoding the stored analysis again (decoding was about half of the refresh). Bounded, so memory
    /// does not grow with a run; cleared when a transaction fails (its row ids may be reused).</summary>
    private readonly Dictionary<long, Document> recent = [];
    private readonly Queue<long> recentOrder = new();
    private const int RecentDocuments = 2048; // about 150 MB of analysed news articles

    private readonly Func<DbConnection>? openReader;
    private readonly ConcurrentBag<DbConnection> idleReaders = [];
    private const int MaxIdleReaders = 64;
    private int disposed;

    /// <summary>How long one search or word-filtered list may run (settable so tests can make it expire).</summary>
    internal TimeSpan SearchBudget { get; set; } = SearchTerms.Budget;

    /// <param name="openReader">Opens a further connection for reads; null reads on the writer's connection (then the
    /// store is for one thread at a time).</param>
    protected SqlCorpusStore(DbConnection conn, SqlDialect dialect, string location, IStoryPlacement? placement, Func<DbConnection>? openReader = null)
    {
        this.openReader = openReader;
        this.conn = conn;
        this.dialect = dialect;
        this.placement = placement;
        Location = location;
    }

    public string Location { get; }

    /// <summary>Checks the database is Parallax's at a version this build knows (refusing before any write), then
    /// brings it to <see cref="SchemaVersion"/> (tests stop at an older <paramref name="target"/> to make the databases
    /// earlier builds left), all in one transaction.</summary>
    protected void Migrate(int target = SchemaVersion)
    {
        ReadVersion(null); // refuses a foreign or newer database before any lock or write
        using var t = conn.BeginTransaction();
        dialect.LockWriters(conn, t);
        int version = ReadVersion(t);
        for (int v = version; v < target; v++)
            foreach (var statement in dialect.Migrations[v]) Sql.Exec(conn, t, statement);
        if (version == 0)
        {
            Sql.Exec(conn, t, "INSERT INTO meta(key, value) VALUES ('application', @a)", ("a", Application));
            Sql.Exec(conn, t, "INSERT INTO meta(key, value) VALUES ('schema_version', '0')");
            Sql.Exec(conn, t, "INSERT INTO meta(key, value) VALUES ('generation', '0')");
        }
        Sql.Exec(conn, t, "UPDATE meta SET value = @v WHERE key = 'schema_version'", ("v", Math.Max(version, target).ToString(CultureInfo.InvariantCulture)));
        t.Commit();
    }

    /// <summary>0 for an empty database; the stored version for Parallax's; throws for anything else.</summary>
    private int ReadVersion(DbTransaction? t)
    {
        // Any table first, then meta: a concurrent first run creates every table in one transaction, so once a table
        // is visible meta is too (the other order can see "no meta" before that commit and "tables" after it).
        bool anyTable = dialect.HasAnyTable(conn, t);
        if (!dialect.HasMetaTable(conn, t))
            return anyTable ? throw new StoreException($"{Location} is not a Parallax database (it has tables of its own); nothing was changed") : 0;
        var app = Sql.Scalar(conn, t, "SELECT value FROM meta WHERE key = 'application'") as string;
        var ver = Sql.Scalar(conn, t, "SELECT value FROM meta WHERE key = 'schema_version'") as string;
        if (app != Application || !int.TryParse(ver, CultureInfo.InvariantCulture, out int version))
            throw new StoreException($"{Location} is not a Parallax database; nothing was changed");
        if (version > SchemaVersion)
            throw new StoreException($"{Location} has schema version {version}, newer than this parallax knows ({SchemaVersion}); upgrade parallax. Nothing was changed");
        return version;
    }

    /// <summary>Runs a read on an idle reader connection (opening one if none is idle), then returns it to the idle set;
    /// a connection whose read failed is closed rather than reused.</summary>
    private T Read<T>(Func<DbConnection, T> read)
    {
        if (openReader is null) return read(conn);
        if (!idleReaders.TryTake(out var c)) c = openReader();
        bool ok = false;
        try
        {
            var result = read(c);
            ok = true;
            return result;
        }
        finally
        {
            if (ok && Volatile.Read(ref disposed) == 0 && idleReaders.Count < MaxIdleReaders) idleReaders.Add(c);
            else CloseReader(c);
        }
    }

    /// <summary><paramref name="c"/> opened, with <paramref name="settings"/> run on it (closed again if any fails).</summary>
    protected static T Opened<T>(T c, params string[] settings) where T : DbConnection
    {
        try
        {
            c.Open();
            foreach (var setting in settings) Sql.Exec(c, null, setting);
            return c;
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    private static void CloseReader(DbConnection c)
    {
        Sql.Forget(c);
        c.Dispose();
    }

    /// <summary>Runs a search's statements on <paramref name="c"/> within <see cref="SearchBudget"/>: over it, or when
    /// <paramref name="ct"/> fires (client gone, server stopping), the running statement is interrupted. Over budget is
    /// a <see cref="SearchRefusedException"/>; cancelled is an <see cref="OperationCanceledException"/>.</summary>
    private T Bounded<T>(DbConnection c, CancellationToken ct, Func<CancellationToken, Func<DbCommand, DbCommand>, T> run)
    {
        ct.ThrowIfCancellationRequested();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (SearchBudget <= TimeSpan.Zero) budget.Cancel();
        else budget.CancelAfter(SearchBudget);
        DbCommand? running = null;
        DbCommand Track(DbCommand cmd) => running = cmd;
        try
        {
            if (budget.IsCancellationRequested) throw new OperationCanceledException(budget.Token);
            using var interrupt = budget.Token.Register(() => { if (Volatile.Read(ref running) is { } cmd) dialect.Interrupt(c, cmd); });
            var result = run(budget.Token, Track);
            budget.Token.ThrowIfCancellationRequested(); // rows read after an interrupt that came too late to stop them
            return result;
        }
        catch (Exception e) when (e is OperationCanceledException || (e is DbException or InvalidOperationException && (budget.IsCancellationRequested || e is DbException { SqlState: "57014" })))
        {
            ct.ThrowIfCancellationRequested();
            throw new SearchRefusedException(SearchTerms.TooSlow);
        }
    }

    /// <summary>Runs any scalar statement the way a search runs (reader connection, budget, interrupt), so a test can
    /// show a statement that would run for minutes is stopped.</summary>
    internal object? RunBoundedForTests(string sql, CancellationToken ct) =>
        Read(c => Bounded(c, ct, (_, track) =>
        {
            using var cmd = track(Sql.Command(c, null, sql));
            return cmd.ExecuteScalar();
        }));

    public string? Find(string hash) => Sql.Scalar(conn, null, "SELECT id FROM documents WHERE hash = @h", ("h", hash)) is { } id ? DocId(id) : null;

    public long CountDocuments() => Convert.ToInt64(Sql.Scalar(conn, null, "SELECT count(*) FROM documents"), CultureInfo.InvariantCulture);

    public AddResult Add(Document analysed) => AddAll([analysed])[0];

    public IReadOnlyList<AddResult> AddAll(IReadOnlyList<Document> analysed)
    {
        var place = placement ?? throw new InvalidOperationException($"{Location} was opened without a story placement, so it cannot add documents");
        // Hashing, features and encoding need no lock: done before the transaction, on every core.
        var prepared = new Prepared[analysed.Count];
        Parallel.For(0, analysed.Count, i =>
        {
            var d = analysed[i];
            var (json, layers) = DocumentCodec.Encode(d);
            prepared[i] = new Prepared(d, ContentHash.Of(d.Text), place.Describe(d), json, layers);
        });
        // A near-copy names its original by the id it was read with; stored, it names the original's stored id.
        var storedIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new AddResult[analysed.Count];
        using var t = conn.BeginTransaction();
        dialect.LockWriters(conn, t);
        long generation = Convert.ToInt64(Sql.Scalar(conn, t, "SELECT value FROM meta WHERE key = 'generation'"), CultureInfo.InvariantCulture);
        try
        {
            bool added = false;
            for (int i = 0; i < prepared.Length; i++)
            {
                // Also catches a text repeated within the batch: the earlier copy is already visible in this transaction.
                if (Sql.Scalar(conn, t, "SELECT id FROM documents WHERE hash = @h", ("h", prepared[i].Hash)) is { } existing)
                {
                    results[i] = new AddResult(DocId(existing), false, 0, false);
                    storedIds[prepared[i].Doc.Id] = results[i].Id;
                    continue;
                }
                // Another writer committed since our last look: its documents and merges are in the database, not in memory.
                if (generation != knownGeneration) { Reload(t, place); knownGeneration = generation; }
                results[i] = Insert(t, place, WithStoredCopyOf(prepared[i], storedIds));
                storedIds[prepared[i].Doc.Id] = results[i].Id;
                added = true;
            }
            if (!added) { t.Rollback(); return results; }
            Sql.Exec(conn, t, "UPDATE meta SET value = @g WHERE key = 'generation'", ("g", (generation + 1).ToString(CultureInfo.InvariantCulture)));
            t.Commit();
            knownGeneration = generation + 1;
            return results;
        }
        catch
        {
            knownGeneration = -1; // memory may be ahead of the database now: rebuild it next time
            recent.Clear();
            recentOrder.Clear();
            throw;
        }
    }

    private readonly record struct Prepared(Document Doc, string Hash, PlacementFeatures Features, string Json, byte[] Layers);

    /// <summary>A copy of a document added earlier in the batch names that document's stored id; a copy of anything
    /// else names nothing (ids are the store's, and a reading id would point at another stored document).</summary>
    private static Prepared WithStoredCopyOf(Prepared p, Dictionary<string, string> storedIds)
    {
        if (p.Doc.CopyOf is not { } copy) return p;
        var doc = p.Doc with { CopyOf = storedIds.TryGetValue(copy.Original, out var id) ? copy with { Original = id } : null };
        var (json, layers) = DocumentCodec.Encode(doc);
        return p with { Doc = doc, Json = json, Layers = layers };
    }

    /// <summary>Places one new document in a story and writes it, its quotes, its story row and any merge.</summary>
    private AddResult Insert(DbTransaction t, IStoryPlacement place, Prepared p)
    {
        var (analysed, hash, features) = (p.Doc, p.Hash, p.Features);
        var a = place.Place(features);
        string? day = features.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var meta = analysed.Metadata;
        long id = Convert.ToInt64(Sql.Scalar(conn, t, """
            INSERT INTO documents(hash, origin, title, outlet, published, day, ingested, text, analysis, layers, features, story)
            VALUES (@hash, @origin, @title, @outlet, @published, @day, @now, @text, @analysis, @layers, @features, @story) RETURNING id
            """, ("hash", hash), ("origin", analysed.Origin), ("title", meta.Title?.Value), ("outlet", meta.Outlet?.Value),
            ("published", meta.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("day", day), ("now", now),
            ("text", analysed.Text), ("analysis", p.Json), ("layers", p.Layers), ("features", features.Stored), ("story", a.Story)),
            CultureInfo.InvariantCulture);
        InsertQuotes(t, id, analysed);
        dialect.IndexDocument(conn, t, id);
        recent[id] = analysed with { Id = DocId(id) };
        recentOrder.Enqueue(id);
        if (recentOrder.Count > RecentDocuments) recent.Remove(recentOrder.Dequeue());

        if (a.Started)
            Sql.Exec(conn, t, """
                INSERT INTO stories(id, family, title, first_day, last_day, documents, sources, disputed, dirty, updated)
                VALUES (@id, @family, @title, @day, @day, 1, 1, 0, 1, @now)
                """, ("id", a.Story), ("family", a.Family), ("title", FirstTitle(analysed)), ("day", day), ("now", now));
        else
            Sql.Exec(conn, t, """
                UPDATE stories SET documents = documents + 1, dirty = 1, updated = @now,
                  first_day = CASE WHEN first_day IS NULL OR @day < first_day THEN COALESCE(@day, first_day) ELSE first_day END,
                  last_day = CASE WHEN last_day IS NULL OR @day > last_day THEN COALESCE(@day, last_day) ELSE last_day END
                WHERE id = @id
                """, ("id", a.Story), ("day", day), ("now", now));
        foreach (var m in a.Merged)
        {
            Sql.Exec(conn, t, "UPDATE documents SET story = @keep WHERE story = @drop", ("keep", a.Story), ("drop", m));
            Sql.Exec(conn, t, "DELETE FROM stories WHERE id = @drop", ("drop", m));
        }
        if (a.Merged.Count > 0)
            Sql.Exec(conn, t, """
                UPDATE stories SET documents = (SELECT count(*) FROM documents WHERE story = @id),
                  first_day = (SELECT min(day) FROM documents WHERE story = @id), last_day = (SELECT max(day) FROM documents WHERE story = @id)
                WHERE id = @id
                """, ("id", a.Story));
        foreach (var f in a.FamiliesJoined)
            Sql.Exec(conn, t, "UPDATE stories SET family = @family WHERE family = @joined", ("family", a.Family), ("joined", f));
        return new AddResult(DocId(id), true, a.Story, a.Started);
    }

    /// <summary>Rows of a multi-row quote insert: a document's quotes take a few statements rather than one each (the
    /// statement texts stay few, so each is prepared once per connection).</summary>
    private const int QuoteRows = 16;
    private static readonly string[] QuoteInserts = [.. Enumerable.Range(0, QuoteRows + 1).Select(n => "INSERT INTO quotes(doc, start, stop, text) VALUES "
        + string.Join(", ", Enumerable.Range(0, n).Select(i => $"(@d, @s{i}, @e{i}, @t{i})")))];
    private static readonly string[][] QuoteParameters = [.. Enumerable.Range(0, QuoteRows).Select(i => new[] { $"s{i}", $"e{i}", $"t{i}" })];

    private void InsertQuotes(DbTransaction t, long doc, Document analysed)
    {
        var quotes = analysed.Quotes;
        for (int from = 0; from < quotes.Length; from += QuoteRows)
        {
            int n = Math.Min(QuoteRows, quotes.Length - from);
            var args = new (string, object?)[1 + 3 * n];
            args[0] = ("d", doc);
            for (int i = 0; i < n; i++)
            {
                var q = quotes[from + i];
                var names = QuoteParameters[i];
                args[1 + 3 * i] = (names[0], q.Content.Start);
                args[2 + 3 * i] = (names[1], q.Content.End);
                args[3 + 3 * i] = (names[2], analysed.Slice(q.Content));
            }
            Sql.Exec(conn, t, QuoteInserts[n], args);
        }
    }

    /// <summary>Rebuilds the placement's state from the stored features and assignments, in document order.</summary>
    private void Reload(DbTransaction? t, IStoryPlacement place)
    {
        place.Clear();
        using var cmd = Sql.Command(conn, t, "SELECT d.features, d.story, s.family FROM documents d JOIN stories s ON s.id = d.story ORDER BY d.id");
        using var r = cmd.ExecuteReader();
        while (r.Read()) place.Restore(r.GetString(0), r.GetInt64(1), r.GetInt64(2));
    }

    public int RefreshStories(IStoryDigests digests, CancellationToken ct = default)
    {
        var dirty = new List<long>();
        using (var cmd = Sql.Command(conn, null, "SELECT id FROM stories WHERE dirty = 1 ORDER BY id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) dirty.Add(r.GetInt64(0));
        // Chunks bound memory (a chunk's documents are held at once); within one, the caller's digests are made on
        // every core and their rows written in one transaction.
        const int Chunk = 128;
        foreach (var chunk in dirty.Chunk(Chunk))
        {
            var stored = chunk.Select(StoredDocuments).ToArray();
            var rows = new StoryDigest?[chunk.Length];
            Parallel.For(0, chunk.Length, new ParallelOptions { CancellationToken = ct }, i =>
            {
                if (stored[i].Count == 0) return;
                var docs = stored[i].Select(s => recent.TryGetValue(s.Row, out var d) ? d : DocumentCodec.Decode(s.Json, s.Layers, s.Id, s.Text)).ToList();
                rows[i] = digests.Of(docs, ct);
            });
            using var t = conn.BeginTransaction();
            for (int i = 0; i < chunk.Length; i++)
                if (rows[i] is { } row)
                    // Only if no writer added a document meanwhile; otherwise it stays dirty for the next refresh.
                    Sql.Exec(conn, t, "UPDATE stories SET title = @title, sources = @s, disputed = @d, dirty = 0 WHERE id = @id AND documents = @n",
                        ("title", row.Title), ("s", row.Sources), ("d", row.Disputed), ("id", chunk[i]), ("n", stored[i].Count));
            t.Commit();
        }
        return dirty.Count;
    }

    private readonly record struct StoredDocument(long Row, string Id, string Text, string Json, byte[] Layers);

    /// <summary>A story's stored rows, oldest first, not yet decoded (decoding is done on the builders' threads).</summary>
    private List<StoredDocument> StoredDocuments(long story) => StoredDocuments(conn, story);

    private static List<StoredDocument> StoredDocuments(DbConnection conn, long story)
    {
        var docs = new List<StoredDocument>();
        using var cmd = Sql.Command(conn, null, "SELECT id, text, analysis, layers FROM documents WHERE story = @s ORDER BY id", ("s", story));
        using var r = cmd.ExecuteReader();
        while (r.Read()) docs.Add(new StoredDocument(r.GetInt64(0), DocId(r.GetInt64(0)), r.GetString(1), r.GetString(2), (byte[])r.GetValue(3)));
        return docs;
    }

    /// <summary>The list's sort key, exactly as the stories_recent index (schema 2) holds it: SQLite uses an expression
    /// index only for the identical expression. Undated stories ('') come last.</summary>
    private const string Key = "COALESCE(last_day, '')";

    /// <summary>A filter with at most this many matching documents is "selective": its stories are fetched through it
    /// and sorted; a broader one is checked story by story down the index, stopping when the page is full.</summary>
    internal int SelectiveMatches { get; set; } = 1000; // settable so tests can run both plans on a small corpus

    /// <summary>A filter keeping stories that have a matching document, in two equivalent forms for the two plans, and a
    /// query counting its matching documents up to <see cref="SelectiveMatches"/>.</summary>
    internal readonly record struct Membership(string Set, string Probe, string Sample);

    /// <summary>The stories after a cursor (@ak, @an, @ai) in the list's order, and before one (@bk, @bn, @bi). The
    /// first term is a range on the index's leading key, so the scan starts at the cursor; the rest only sorts out
    /// stories of the cursor's own day.</summary>
    internal const string AfterCursor = $"{Key} <= @ak AND ({Key} < @ak OR documents < @an OR (documents = @an AND id < @ai))";
    internal const string BeforeCursor = $"{Key} >= @bk AND ({Key} > @bk OR documents > @bn OR (documents = @bn AND id > @bi))";

    internal static readonly Membership Outlet = new(
        "id IN (SELECT story FROM documents WHERE outlet IS NOT NULL AND lower(outlet) = lower(@outlet))",
        "EXISTS (SELECT 1 FROM documents d WHERE d.outlet IS NOT NULL AND lower(d.outlet) = lower(@outlet) AND d.story = stories.id)",
        "SELECT count(*) FROM (SELECT 1 FROM documents WHERE outlet IS NOT NULL AND lower(outlet) = lower(@outlet) LIMIT @cap) m");

    private Membership Words => new(
        $"id IN (SELECT story FROM documents WHERE id IN ({dialect.MatchingDocuments}))",
        dialect.StoryHasMatch,
        $"SELECT count(*) FROM ({dialect.MatchingDocuments} LIMIT @cap) m");

    /// <summary>
    /// One page of the list, served from the stories_recent index: no filter and cursor pages seek and read just the
    /// page. A date filter is two index ranges (dated stories from that day on, then undated ones updated since). The
    /// outlet and word filters pick a plan by how many documents match: a few (a rare outlet, rare words) are looked up
    /// through their index and the few stories sorted; many are checked story by story down the list until the page is
    /// full, about limit / (share of stories matching) checks. The case neither serves well, an outlet with many
    /// documents but none lately, checks every newer story once per request.
    /// </summary>
    public IReadOnlyList<StorySummary> Stories(DateOnly? since = null, string? query = null, int limit = 100, string? outlet = null, int offset = 0,
        StoryCursor? after = null, StoryCursor? before = null) => CancellableStories(since, query, limit, outlet, offset, after, before, default);

    public IReadOnlyList<StorySummary> CancellableStories(DateOnly? since, string? query, int limit, string? outlet, int offset,
        StoryCursor? after, StoryCursor? before, CancellationToken ct) =>
        Read(c => string.IsNullOrWhiteSpace(query)
            ? Stories(c, since, query, limit, outlet, offset, after, before, default, cmd => cmd)
            : Bounded(c, ct, (token, track) => Stories(c, since, query, limit, outlet, offset, after, before, token, track)));

    private List<StorySummary> Stories(DbConnection conn, DateOnly? since, string? query, int limit, string? outlet, int offset,
        StoryCursor? after, StoryCursor? before, CancellationToken ct, Func<DbCommand, DbCommand> track)
    {
        var filters = new List<Membership>();
        offset = Math.Max(0, offset);
        limit = (int)Math.Min(limit, int.MaxValue - (long)offset); // "LIMIT @limit + @offset" must not overflow
        var args = new List<(string, object?)> { ("limit", limit), ("offset", offset) };
        if (!string.IsNullOrWhiteSpace(outlet))
        {
            filters.Add(Outlet);
            args.Add(("outlet", outlet.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = dialect.FtsQuery(query);
            if (q.Length == 0) return [];
            filters.Add(Words);
            args.Add(("q", q));
        }
        var conditions = new List<string>();
        if (after is { } a)
        {
            conditions.Add(AfterCursor);
            args.AddRange([("ak", KeyOf(a)), ("an", a.Documents), ("ai", a.Id)]);
        }
        if (before is { } b)
        {
            conditions.Add(BeforeCursor);
            args.AddRange([("bk", KeyOf(b)), ("bn", b.Documents), ("bi", b.Id)]);
        }
        if (since is { } s) args.Add(("since", s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        bool selective = filters.Any(f =>
        {
            using var sample = track(Sql.Command(conn, null, f.Sample,
                [("cap", SelectiveMatches), .. args.Where(x => f.Sample.Contains("@" + x.Item1, StringComparison.Ordinal))]));
            return Convert.ToInt64(sample.ExecuteScalar(), CultureInfo.InvariantCulture) < SelectiveMatches;
        });
        conditions.AddRange(filters.Select(f => selective ? f.Set : f.Probe));
        var sql = ListSql(conditions, since is not null, backward: before is not null && after is null, dialect is PostgresDialect);
        var list = new List<StorySummary>();
        using (var cmd = track(Sql.Command(conn, null, sql, [.. args])))
        using (var r = cmd.ExecuteReader())
            while (r.Read() && !ct.IsCancellationRequested)
                list.Add(new StorySummary(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Day(r, 3), Day(r, 4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7)));
        if (before is not null && after is null) list.Reverse();
        return list;
    }

    private static string KeyOf(StoryCursor c) => c.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The list's SQL: latest first (or, <paramref name="backward"/>, the stories before a cursor nearest first).
    /// With a date filter, the dated stories from that day on and the undated ones updated since are two ranges of the
    /// index, merged; one OR over both would scan the index past every older dated story.</summary>
    internal static string ListSql(IReadOnlyList<string> conditions, bool since, bool backward, bool cutRanges = false)
    {
        string dir = backward ? "ASC" : "DESC";
        string Arm(string? range)
        {
            var all = range is null ? conditions : [range, .. conditions];
            return $"SELECT id, family, title, first_day, last_day, documents, sources, disputed, {Key} AS k FROM stories"
                + (all.Count > 0 ? " WHERE " + string.Join(" AND ", all) : "");
        }
        string order = $" ORDER BY k {dir}, documents {dir}, id {dir}";
        if (!since) return Arm(null) + order + " LIMIT @limit OFFSET @offset";
        // '' is the least text, so "<= ''" is the undated stories as an index range both databases seek. SQLite merges
        // the two ranges in index order as they are; PostgreSQL sorts every story since the date unless each range is
        // cut to the page in its own subquery, and then merges two index scans.
        string Range(string range) => cutRanges ? $"SELECT * FROM ({Arm(range)}{order} LIMIT @limit + @offset) r" : Arm(range);
        return Range($"{Key} >= @since") + " UNION ALL " + Range($"{Key} <= '' AND substr(updated, 1, 10) >= @since")
            + order + " LIMIT @limit OFFSET @offset";
    }

    public IReadOnlyList<Document> StoryDocuments(long story)
    {
        return [.. Read(c => StoredDocuments(c, story)).Select(s => DocumentCodec.Decode(s.Json, s.Layers, s.Id, s.Text))];
    }

    public (Document Document, long Story)? FindDocument(string id)
    {
        // Ids are "d" and the row number; anything else cannot be stored, so it is simply not found.
        if (id.Length < 2 || id[0] != 'd' || !long.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out long row)) return null;
        return Read(c => FindDocument(c, row));
    }

    private static (Document Document, long Story)? FindDocument(DbConnection conn, long row)
    {
        using var cmd = Sql.Command(conn, null, "SELECT id, text, analysis, layers, story FROM documents WHERE id = @id", ("id", row));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return (DocumentCodec.Decode(r.GetString(2), (byte[])r.GetValue(3), DocId(r.GetInt64(0)), r.GetString(1)), r.GetInt64(4));
    }

    public long Generation() => Read(c => Convert.ToInt64(Sql.Scalar(c, null, "SELECT value FROM meta WHERE key = 'generation'"), CultureInfo.InvariantCulture));

    public IReadOnlyList<SearchHit> Search(string query, int limit = 20) => CancellableSearch(query, limit, default);

    public IReadOnlyList<SearchHit> CancellableSearch(string query, int limit, CancellationToken ct)
    {
        var q = dialect.FtsQuery(query);
        if (q.Length == 0) return [];
        return Read(c => Bounded(c, ct, (token, track) => Search(c, q, limit, token, track)));
    }

    private List<SearchHit> Search(DbConnection conn, string q, int limit, CancellationToken ct, Func<DbCommand, DbCommand> track)
    {
        var hits = new List<SearchHit>();
        using var cmd = track(Sql.Command(conn, null, dialect.SearchSql, ("q", q), ("limit", limit)));
        using var r = cmd.ExecuteReader();
        while (r.Read() && !ct.IsCancellationRequested) hits.Add(new SearchHit(r.GetString(0), DocId(r.GetInt64(1)), r.GetInt64(2), r.GetString(3), r.GetString(4)));
        return hits;
    }

    private static DateOnly? Day(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DocId(object id) => "d" + Convert.ToInt64(id, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string FirstTitle(Document d)
    {
        if (d.Metadata.Title?.Value is { Length: > 0 } t) return t;
        var s = d.Sentences.Length > 0 ? d.Slice(d.Sentences[0].Span) : d.Text;
        s = s.ReplaceLineEndings(" ").Trim();
        return s.Length > 120 ? s[..117] + "…" : s;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        Volatile.Write(ref disposed, 1);
        while (idleReaders.TryTake(out var reader)) CloseReader(reader);
        Sql.Forget(conn);
        conn.Dispose();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
