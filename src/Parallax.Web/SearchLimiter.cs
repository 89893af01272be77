using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Parallax.Web;

/// <summary>
/// Requests that search (any with a non-empty q=) take turns: at most half the cores' worth run at once, the rest wait
/// in a short asynchronous queue (no thread held), and past it a search is refused at once (503, "too many searches at
/// once"), so a queued search still answers within its budget. Many concurrent searches, each bounded, could otherwise
/// still take every core from the stories list; this way the list competes with a few searches, not with all of them.
/// </summary>
public static class SearchLimiter
{
    public static readonly int Concurrent = Math.Max(1, Environment.ProcessorCount / 2);
    private static readonly int Queue = 4 * Concurrent;
    public const string Busy = "too many searches at once; try again in a moment";

    internal static void Add(IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
        o.OnRejected = (context, ct) =>
        {
            var response = context.HttpContext.Response;
            response.Headers.RetryAfter = "1";
            bool api = context.HttpContext.Request.Path.StartsWithSegments("/api");
            response.ContentType = api ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
            return new ValueTask(response.WriteAsync(api ? "{\"error\":\"" + Busy + "\"}"
                : new Page("Busy").Header("Busy").Raw("<main class=\"wrap\"><p class=\"message error\" role=\"alert\">").T(Busy)
                    .Raw(". <a href=\"/\">Back to the stories</a>.</p></main>\n").End(), ct));
        };
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            string.IsNullOrWhiteSpace(ctx.Request.Query["q"])
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetConcurrencyLimiter("search", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Concurrent,
                    QueueLimit = Queue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
    });

    internal static void Use(WebApplication app) => app.UseRateLimiter();
}
