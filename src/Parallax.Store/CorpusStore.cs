using Microsoft.Data.Sqlite;
using Npgsql;
using Parallax.Model;

namespace Parallax.Store;

/// <summary>Opens a corpus from what a user types after <c>--db</c>: a file path (SQLite) or a
/// <c>postgres://user:password@host:port/database</c> URL (PostgreSQL). Adding documents needs a
/// <paramref name="placement"/> (the Stories project's); a store opened without one reads only.</summary>
public static class CorpusStore
{
    public const string DefaultFile = "parallax.db";

    public static ICorpusStore Open(string db, IStoryPlacement? placement = null) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? OpenPostgres(PostgresUrl.ToConnectionString(db), PostgresUrl.Describe(db), placement)
            : OpenSqlite(db, placement);

    public static ICorpusStore OpenSqlite(string path, IStoryPlacement? placement = null) => SqliteCorpusStore.Open(path, placement);

    /// <summary>Opens PostgreSQL from an Npgsql connection string (what tests and teams that already have one use).</summary>
    public static ICorpusStore OpenPostgres(string connectionString, string? location = null, IStoryPlacement? placement = null) =>
        PostgresCorpusStore.Open(connectionString, location ?? Describe(connectionString), placement);

    /// <summary>A database left at an older schema version, as an earlier build made it (for upgrade tests).</summary>
    internal static ICorpusStore OpenSqliteAt(string path, int schemaVersion, IStoryPlacement? placement = null) => SqliteCorpusStore.Open(path, placement, schemaVersion);

    internal static ICorpusStore OpenPostgresAt(string connectionString, int schemaVersion, IStoryPlacement? placement = null) =>
        PostgresCorpusStore.Open(connectionString, Describe(connectionString), placement, schemaVersion);

    private static string Describe(string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        return $"postgres://{b.Host}:{b.Port}/{b.Database}";
    }
}

internal sealed class SqliteCorpusStore : SqlCorpusStore
{
    internal static void Close(IDisposable? store, System.Data.Common.DbConnection conn)
    {
        if (store is not null) { store.Dispose(); return; }
        Sql.Forget(conn);
        conn.Dispose();
    }

    private SqliteCorpusStore(SqliteConnection c, string location, IStoryPlacement? placement, string readerConnection)
        : base(c, new SqliteDialect(), location, placement, () => OpenReader(readerConnection)) { }

    /// <summary>A connection for reads: in WAL mode readers neither wait for the writer nor block it.</summary>
    private static SqliteConnection OpenReader(string cs) => Opened(new SqliteConnection(cs), "PRAGMA busy_timeout=10000", "PRAGMA query_only=1");

    public static SqliteCorpusStore Open(string path, IStoryPlacement? placement, int schemaVersion = SchemaVersion)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new StoreException($"{path} is a folder, not a database file");
        bool exists = File.Exists(full);
        var dir = Path.GetDirectoryName(full);
        if (!exists && dir is not null && !Directory.Exists(dir)) throw new StoreException($"cannot create {path}: folder {dir} does not exist");
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            // An existing file is opened without create rights, so a wrong path is never turned into an empty database.
            Mode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Waits this long for another writer's transaction (concurrent ingest runs take turns per document).
            DefaultTimeout = 120,
        }.ToString();
        var conn = new SqliteConnection(cs);
        SqliteCorpusStore? store = null;
        try
        {
            conn.Open();
            Sql.Exec(conn, null, "PRAGMA busy_timeout=120000"); // a setting of this connection: writes nothing to the file
            var readers = new SqliteConnectionStringBuilder(cs) { Mode = SqliteOpenMode.ReadWrite }.ToString();
            store = new SqliteCorpusStore(conn, path, placement, readers);
            store.Migrate(schemaVersion);
            // After the checks: WAL rewrites the file header, which must not happen to a file we refuse.
            Sql.Exec(conn, null, "PRAGMA journal_mode=WAL");
            Sql.Exec(conn, null, "PRAGMA synchronous=NORMAL"); // in WAL: a commit survives a process crash; a power cut may lose the last ones
            // 64 MB of page cache rather than 2: the hash index takes inserts at random places, and past a few thousand
            // documents its pages no longer fit the default, so every insert read pages back from the file.
            Sql.Exec(conn, null, "PRAGMA cache_size=-65536");
            return store;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11) // SQLITE_NOTADB, SQLITE_CORRUPT
        {
            Close(store, conn);
            throw new StoreException($"{path} is not a Parallax database (not an SQLite file); nothing was changed", e);
        }
        catch (SqliteException e)
        {
            Close(store, conn);
            throw new StoreException($"cannot open {path}: {e.Message}", e);
        }
        catch
        {
            Close(store, conn);
            throw;
        }
    }
}

internal sealed class PostgresCorpusStore : SqlCorpusStore
{
    private static void Close(IDisposable? store, System.Data.Common.DbConnection conn) => SqliteCorpusStore.Close(store, conn);

    private PostgresCorpusStore(NpgsqlConnection c, string location, IStoryPlacement? placement, string connectionString)
        : base(c, new PostgresDialect(), location, placement, () => OpenReader(connectionString)) { }

    /// <summary>A connection for reads; the server stops any statement on it past the search budget.</summary>
    private static NpgsqlConnection OpenReader(string cs) =>
        Opened(new NpgsqlConnection(cs), "SET jit = off", $"SET statement_timeout = {(int)SearchTerms.Budget.TotalMilliseconds + 500}");

    public static PostgresCorpusStore Open(string connectionString, string location, IStoryPlacement? placement, int schemaVersion = SchemaVersion)
    {
        NpgsqlConnection conn;
        try { conn = new NpgsqlConnection(connectionString); }
        catch (ArgumentException e) { throw new StoreException($"bad PostgreSQL connection settings: {e.Message}", e); }
        PostgresCorpusStore? store = null;
        try
        {
            conn.Open();
            // The store's queries are small and indexed: compiling one with JIT (PostgreSQL does above a cost that a
            // list checked story by story reaches) took longer than running it.
            Sql.Exec(conn, null, "SET jit = off");
            store = new PostgresCorpusStore(conn, location, placement, connectionString);
            store.Migrate(schemaVersion);
            return store;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            Close(store, conn);
            throw new StoreException($"cannot use PostgreSQL at {location}: {e.Message}", e);
        }
        catch
        {
            Close(store, conn);
            throw;
        }
    }
}

/// <summary><c>postgres://user:password@host:port/database?sslmode=…</c> to an Npgsql connection string.</summary>
public static class PostgresUrl
{
    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql") || uri.Host.Length == 0)
            throw new StoreException($"malformed PostgreSQL URL '{Describe(url)}' (expected postgres://user:password@host:port/database)");
        var db = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (db.Length == 0 || db.Contains('/', StringComparison.Ordinal))
            throw new StoreException($"malformed PostgreSQL URL '{Describe(url)}': name one database after the host (…/database)");
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Database = db, Timeout = 10 };
        if (uri.Port > 0) b.Port = uri.Port;
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0) b.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length > 1) b.Password = Uri.UnescapeDataString(user[1]);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            try { b[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""; }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new StoreException($"malformed PostgreSQL URL '{Describe(url)}': {e.Message}", e);
            }
        }
        return b.ConnectionString;
    }

    /// <summary>The URL without its password, for messages.</summary>
    public static string Describe(string url)
    {
        int at = url.LastIndexOf('@'), scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme) return url;
        var userInfo = url[(scheme + 3)..at];
        int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? url : url[..(scheme + 3)] + userInfo[..colon] + ":***" + url[at..];
    }
}
