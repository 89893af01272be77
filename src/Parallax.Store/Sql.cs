using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Parallax.Store;

/// <summary>Small ADO.NET helpers, so both databases share every statement without an ORM. Statements run through
/// <see cref="Exec"/> and <see cref="Scalar"/> are kept per connection and reused, so each SQL text is parsed once per
/// connection rather than once per document.</summary>
internal static class Sql
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Cache = [];

    public static DbCommand Command(DbConnection c, DbTransaction? t, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = t;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static DbCommand Reused(DbConnection c, DbTransaction? t, string sql, (string Name, object? Value)[] args)
    {
        var commands = Cache.GetOrCreateValue(c);
        if (!commands.TryGetValue(sql, out var cmd) || cmd.Parameters.Count != args.Length)
        {
            if (cmd is not null) cmd.Dispose();
            return commands[sql] = Command(c, t, sql, args);
        }
        cmd.Transaction = t;
        for (int i = 0; i < args.Length; i++)
        {
            var p = cmd.Parameters[i];
            if (p.ParameterName != args[i].Name) { cmd.Dispose(); return commands[sql] = Command(c, t, sql, args); }
            p.Value = args[i].Value ?? DBNull.Value;
        }
        return cmd;
    }

    public static int Exec(DbConnection c, DbTransaction? t, string sql, params (string, object?)[] args) =>
        Reused(c, t, sql, args).ExecuteNonQuery();

    public static object? Scalar(DbConnection c, DbTransaction? t, string sql, params (string, object?)[] args)
    {
        var v = Reused(c, t, sql, args).ExecuteScalar();
        return v is DBNull ? null : v;
    }

    /// <summary>Disposes the statements kept for a connection (before it closes).</summary>
    public static void Forget(DbConnection c)
    {
        if (!Cache.TryGetValue(c, out var commands)) return;
        foreach (var cmd in commands.Values) cmd.Dispose();
        Cache.Remove(c);
    }
}
