namespace Parallax.Store.Tests;

public sealed class PostgresUrlTests
{
    [Theory]
    [InlineData("postgres://app:p%40ss@db.example:6543/news", "db.example", 6543, "news", "app", "p@ss")]
    [InlineData("postgresql://app@localhost/news", "localhost", 5432, "news", "app", null)]
    public void A_url_becomes_connection_settings(string url, string host, int port, string db, string user, string? password)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(url));
        Assert.Equal((host, port, db, user, password), (b.Host, b.Port, b.Database, b.Username, b.Password));
    }

    [Theory]
    [InlineData("postgres://")]
    [InlineData("postgres://host-only")]
    [InlineData("postgres://u:p@host/a/b")]
    [InlineData("postgres://u:p@host:notaport/db")]
    [InlineData("postgres://u:p@host/db?nosuchsetting=1")]
    public void A_malformed_url_is_refused_without_its_password(string url)
    {
        var e = Assert.Throws<StoreException>(() => CorpusStore.Open(url));
        Assert.StartsWith("malformed PostgreSQL URL", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(":p@", e.Message, StringComparison.Ordinal);
    }
}
