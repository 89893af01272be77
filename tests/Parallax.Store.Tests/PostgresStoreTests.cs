using Parallax.Stories.Streaming;
using Npgsql;

namespace Parallax.Store.Tests;

/// <summary>The same contract on a real PostgreSQL, when PARALLAX_TEST_POSTGRES holds an Npgsql connection string
/// (.ci/with-postgres starts a throwaway server and sets it). Each test gets its own schema.</summary>
public sealed class PostgresStoreTests : CorpusStoreContract
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("PARALLAX_TEST_POSTGRES");

    protected override string NewLocation()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Server), "PARALLAX_TEST_POSTGRES is not set (an Npgsql connection string); PostgreSQL store tests skipped.");
        var schema = "t" + Guid.NewGuid().ToString("N");
        Exec(Server!, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(Server) { SearchPath = schema, Pooling = false }.ConnectionString;
    }

    protected override ICorpusStore Open(string location) => CorpusStore.OpenPostgres(location, placement: new StreamingPlacement());

    protected override ICorpusStore OpenAt(string location, int schemaVersion) => CorpusStore.OpenPostgresAt(location, schemaVersion, new StreamingPlacement());

    protected override object? ScalarAt(string location, string sql) => Scalar(location, sql);

    protected override string CountIndexSql(string name) => $"SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '{name}'";

    [Fact]
    public void Another_programs_database_is_refused_untouched()
    {
        var cs = NewLocation();
        Exec(cs, "CREATE TABLE invoices(id INT PRIMARY KEY)");
        var e = Assert.Throws<StoreException>(() => Open(cs));
        Assert.Contains("not a Parallax database", e.Message, StringComparison.Ordinal);
        Assert.Equal(1L, Scalar(cs, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"));
    }

    [Fact]
    public void A_database_with_a_newer_schema_is_refused_untouched()
    {
        var cs = NewLocation();
        using (var s = Open(cs)) s.Add(TestDocs.Doc("a", TestDocs.BridgeA));
        Exec(cs, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        var e = Assert.Throws<StoreException>(() => Open(cs));
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
        Assert.Equal("99", Scalar(cs, "SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(1L, Scalar(cs, "SELECT count(*) FROM documents"));
    }

    [Fact]
    public void A_server_that_is_down_is_a_one_line_error()
    {
        var e = Assert.Throws<StoreException>(() => CorpusStore.Open("postgres://u:secret@127.0.0.1:1/none"));
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    private static void Exec(string cs, string sql)
    {
        using var c = new NpgsqlConnection(cs);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(string cs, string sql)
    {
        using var c = new NpgsqlConnection(cs);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteScalar();
    }
}
