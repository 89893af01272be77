using Parallax.Stories.Streaming;
using Microsoft.Data.Sqlite;

namespace Parallax.Store.Tests;

public sealed class SqliteStoreTests : CorpusStoreContract, IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "parallax-store-tests", Guid.NewGuid().ToString("N"));

    public SqliteStoreTests() => Directory.CreateDirectory(dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    protected override string NewLocation() => Path.Combine(dir, Guid.NewGuid().ToString("N") + ".db");

    protected override ICorpusStore Open(string location) => CorpusStore.Open(location, new StreamingPlacement());

    protected override ICorpusStore OpenAt(string location, int schemaVersion) => CorpusStore.OpenSqliteAt(location, schemaVersion, new StreamingPlacement());

    protected override object? ScalarAt(string location, string sql)
    {
        using var c = new SqliteConnection($"Data Source={location};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    protected override string CountIndexSql(string name) => $"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '{name}'";

    /// <summary>The list's queries as SQLite plans them: read in order from stories_recent, never a sort of all stories
    /// (which is what made the list take seconds on a million documents).</summary>
    [Theory]
    [InlineData(false, false, false, false)]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, false, false)]
    [InlineData(false, false, true, false)]
    [InlineData(false, false, false, true)]
    [InlineData(true, true, false, true)]
    [InlineData(false, false, false, false, true)]
    [InlineData(true, false, true, true, true)]
    public void The_list_is_read_in_index_order_without_a_sort(bool after, bool before, bool since, bool outlet, bool words = false)
    {
        var path = NewLocation();
        using (var store = Open(path)) store.Add(TestDocs.Doc("a", TestDocs.BridgeA, new DateOnly(2025, 3, 4)));
        var conditions = new List<string>();
        if (after) conditions.Add(SqlCorpusStore.AfterCursor);
        if (before) conditions.Add(SqlCorpusStore.BeforeCursor);
        if (outlet) conditions.Add(SqlCorpusStore.Outlet.Probe);
        if (words) conditions.Add(new SqliteDialect().StoryHasMatch);
        var sql = SqlCorpusStore.ListSql(conditions, since, backward: before && !after);
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in new (string, object)[] { ("limit", 26), ("offset", 0), ("ak", "2025-03-04"), ("an", 1), ("ai", 5), ("bk", "2025-03-01"), ("bn", 1), ("bi", 1), ("since", "2025-01-01"), ("outlet", "Reuters"), ("q", "\"barge\"") })
            cmd.Parameters.AddWithValue("@" + name, value);
        var plan = new List<string>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) plan.Add(r.GetString(3));
        var text = string.Join("\n", plan);
        Assert.Contains("stories USING INDEX stories_recent", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", text, StringComparison.Ordinal);
        // No pass over every document (the full-text index's own scans are checked below).
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN documents ", StringComparison.Ordinal) || line == "SCAN documents" || line.StartsWith("SCAN d ", StringComparison.Ordinal));
        if (after || before || since) Assert.Contains("SEARCH stories USING INDEX stories_recent", text, StringComparison.Ordinal);
        if (outlet) Assert.Contains("USING INDEX documents_outlet", text, StringComparison.Ordinal);
        // Words: each story's few documents, each looked up by rowid in the full-text index (":=" in the plan); a plain
        // MATCH scan there would read the word's whole match list once per story.
        if (words) Assert.True(text.Contains("SEARCH d USING COVERING INDEX documents_story", StringComparison.Ordinal), text);
        if (words) Assert.DoesNotContain("VIRTUAL TABLE INDEX 0:M", text, StringComparison.Ordinal);
        Assert.True(plan.Count > 0);
    }

    [Fact]
    public void A_new_database_is_in_wal_mode_with_a_version()
    {
        var path = NewLocation();
        using (Open(path)) { }
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar() as string);
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        Assert.Equal("2", cmd.ExecuteScalar() as string);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_untouched()
    {
        var path = NewLocation();
        var bytes = "just some notes, not a database\n"u8.ToArray();
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<StoreException>(() => Open(path));
        Assert.Contains("not a Parallax database", e.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public void Another_programs_sqlite_database_is_refused_untouched()
    {
        var path = NewLocation();
        Exec(path, "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices(total) VALUES (9.5);");
        var before = File.ReadAllBytes(path);
        var e = Assert.Throws<StoreException>(() => Open(path));
        Assert.Contains("not a Parallax database", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_database_with_a_newer_schema_is_refused_untouched()
    {
        var path = NewLocation();
        using (var s = Open(path)) s.Add(TestDocs.Doc("a", TestDocs.BridgeA));
        // Back to a rollback journal so the whole database is in the one file this test compares.
        Exec(path, "PRAGMA journal_mode=DELETE; UPDATE meta SET value = '99' WHERE key = 'schema_version';");
        var before = File.ReadAllBytes(path);
        var e = Assert.Throws<StoreException>(() => Open(path));
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Rows_written_in_the_older_analysis_format_are_still_read()
    {
        var path = NewLocation();
        var a = TestDocs.Doc("a", TestDocs.BridgeA, new DateOnly(2025, 3, 3), "Barge hits bridge");
        AddResult added;
        using (var s = Open(path)) added = s.Add(a);
        // The row as a database written before the binary format holds it.
        var (json, layers) = DocumentCodec.EncodeLegacy(a);
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE documents SET analysis = $j, layers = $l";
            cmd.Parameters.AddWithValue("$j", json);
            cmd.Parameters.AddWithValue("$l", layers);
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }
        using var store = Open(path);
        var (back, story) = store.FindDocument(added.Id)!.Value;
        Assert.Equal(added.Story, story);
        DocumentCodecTests.AssertSame(a with { Id = added.Id }, back);
        DocumentCodecTests.AssertSame(a with { Id = added.Id }, store.StoryDocuments(story).Single());
    }

    [Fact]
    public void A_missing_folder_is_an_error_not_a_new_database()
    {
        var e = Assert.Throws<StoreException>(() => Open(Path.Combine(dir, "no", "such", "x.db")));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    private static void Exec(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
