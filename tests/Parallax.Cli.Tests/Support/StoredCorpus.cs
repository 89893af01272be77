using Microsoft.Data.Sqlite;

namespace Parallax.Cli.Tests.Support;

/// <summary>Invented input for `parallax ingest` tests, and what a corpus file holds afterwards (read-only).</summary>
public static class StoredCorpus
{
    /// <summary>A folder of invented reports, each distinct, in pairs about numbered events.</summary>
    public static string WriteReports(int count)
    {
        var dir = Repo.TempDir();
        for (int i = 0; i < count; i++)
        {
            int e = i / 2;
            File.WriteAllText(Path.Combine(dir, $"r{i:D4}.txt"),
                $"Council of Town{e} approves Widget{e} plan\n\nThe council of Town{e} voted {i % 7 + 3} to 2 on Tuesday to approve the Widget{e} plan, report {i} said. "
                + $"Mayor Person{e} Smith said the plan would cost {e + 10} million dollars and open in {e % 12 + 1} months. "
                + "\"We have waited long enough,\" the mayor said. Opponents said they would appeal the decision to the county board.\n");
        }
        return dir;
    }

    /// <summary>Stored documents, distinct texts among them, and documents whose story row is missing.</summary>
    public static (long Documents, long Distinct, long Orphans) Count(string db)
    {
        using var c = Open(db);
        return ((long)Scalar(c, "SELECT count(*) FROM documents"), (long)Scalar(c, "SELECT count(DISTINCT hash) FROM documents"),
            (long)Scalar(c, "SELECT count(*) FROM documents WHERE story NOT IN (SELECT id FROM stories)"));
    }

    /// <summary>SQLite's own consistency check: "ok" when the file is sound.</summary>
    public static string IntegrityCheck(string db)
    {
        using var c = Open(db);
        return (string)Scalar(c, "PRAGMA integrity_check");
    }

    private static SqliteConnection Open(string db)
    {
        var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c;
    }

    private static object Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar()!;
    }
}
