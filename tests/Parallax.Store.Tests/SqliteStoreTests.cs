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

    protected override ICorpusStore Open(string location) => CorpusStore.Open(location);

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
        Assert.Equal("1", cmd.ExecuteScalar() as string);
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
