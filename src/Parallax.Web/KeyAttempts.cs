using System.Collections.Concurrent;
using System.Net;

namespace Parallax.Web;

/// <summary>
/// Limits wrong API keys per client address: after <see cref="MaxFailures"/> wrong keys within <see cref="Window"/>,
/// that address is refused (429) until the window has passed, so a key cannot be guessed at network speed. Memory is
/// bounded: past <see cref="MaxClients"/> addresses the table starts over.
/// </summary>
public sealed class KeyAttempts(Func<long>? clock = null)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int MaxClients = 10_000;
    private readonly Func<long> now = clock ?? (() => Environment.TickCount64);
    private readonly ConcurrentDictionary<string, (int Failures, long Since)> failures = new(StringComparer.Ordinal);

    private static string Key(IPAddress? client) => client?.ToString() ?? "unknown";

    /// <summary>Seconds until <paramref name="client"/> may try again, or 0 when it may now.</summary>
    public int RetryAfter(IPAddress? client)
    {
        if (!failures.TryGetValue(Key(client), out var f)) return 0;
        long left = f.Since + (long)Window.TotalMilliseconds - now();
        if (left <= 0) { failures.TryRemove(Key(client), out _); return 0; }
        return f.Failures >= MaxFailures ? (int)Math.Ceiling(left / 1000.0) : 0;
    }

    public void Failed(IPAddress? client)
    {
        if (failures.Count >= MaxClients) failures.Clear();
        long t = now();
        failures.AddOrUpdate(Key(client), (1, t), (_, f) => t - f.Since > (long)Window.TotalMilliseconds ? (1, t) : (f.Failures + 1, f.Since));
    }
}
