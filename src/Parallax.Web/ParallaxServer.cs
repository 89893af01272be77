using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parallax.Store;

namespace Parallax.Web;

/// <summary>Builds the web app: pages, the JSON API, security headers, limits. The corpus store is opened by the
/// caller and owned by the app from then on.</summary>
public static class ParallaxServer
{
    public static WebApplication Create(ICorpusStore store, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.Services.Configure<FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = options.MaxRequestBytes;
            f.ValueLengthLimit = options.MaxPasteChars * 4; // UTF-8 bytes; the character limit is checked after
            f.ValueCountLimit = 64;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failed start (port taken, bad address) is thrown to the caller, who words it; the host's own log of it
        // would print a stack trace to a user.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.AddSingleton(new CorpusService(store));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new KeyAttempts());
        SearchLimiter.Add(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler(e => e.Run(async ctx =>
        {
            // A search stopped over its time budget: the reader's fault only in part, so 503, with what to change.
            if (ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is SearchRefusedException refused)
            {
                ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await Send(ctx, ctx.Request.Path.StartsWithSegments("/api") ? null : new Page("Search stopped").Header("Search stopped")
                    .Raw("<main class=\"wrap\"><p class=\"message error\" role=\"alert\">").T(refused.Message).Raw(". <a href=\"/\">Back to the stories</a>.</p></main>\n").End(),
                    new System.Text.Json.Nodes.JsonObject { ["error"] = refused.Message }.ToJsonString()).ConfigureAwait(false);
                return;
            }
            // A bug must not show a stack trace to a reader; the log keeps it.
            ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await Send(ctx, ctx.Request.Path.StartsWithSegments("/api") ? null : new Page("Error").Header("Something went wrong")
                .Raw("<main class=\"wrap\"><p>The server could not answer this request. Nothing stored was changed.</p></main>\n").End(),
                "{\"error\":\"internal error\"}").ConfigureAwait(false);
        }));
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = Page.ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h.XFrameOptions = "DENY";
            await next(ctx).ConfigureAwait(false);
        });

        SearchLimiter.Use(app);

        var css = Encoding.UTF8.GetBytes(Parallax.Report.HtmlReportWriter.Css + Page.SiteCss);
        app.MapRead("/static/parallax.css", (HttpContext ctx) =>
        {
            ctx.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(css, "text/css; charset=utf-8");
        });
        Pages.Map(app);
        Api.Map(app);
        app.MapFallback(async ctx =>
        {
            // A method no address here answers (PUT, DELETE, TRACE, …): 405, not "no such page".
            if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method) && !HttpMethods.IsPost(ctx.Request.Method))
            {
                ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                ctx.Response.Headers.Allow = "GET, HEAD, POST";
                await Send(ctx, ctx.Request.Path.StartsWithSegments("/api") ? null : new Page("Method not allowed").Header("Method not allowed")
                    .Raw("<main class=\"wrap\"><p>This server answers GET, HEAD and POST only.</p></main>\n").End(),
                    "{\"error\":\"method not allowed\"}").ConfigureAwait(false);
                return;
            }
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            await Send(ctx, ctx.Request.Path.StartsWithSegments("/api") ? null : Pages.NotFound("There is no page at this address."),
                "{\"error\":\"not found\"}").ConfigureAwait(false);
        });
        app.Lifetime.ApplicationStopped.Register(() => app.Services.GetRequiredService<CorpusService>().Dispose());
        return app;
    }

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps a read for GET and HEAD alike: a HEAD gets the status and headers the GET would (a link checker or
    /// a monitor asks so), and Kestrel sends no body for it.</summary>
    internal static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, ReadMethods, handler);

    /// <summary>Maps a POST whose handler answers asynchronously as a plain request delegate, its services taken from
    /// the request: the published native executable cannot build the generic plumbing for a Task&lt;IResult&gt;
    /// handler at run time (it would write the task itself as JSON).</summary>
    internal static IEndpointConventionBuilder MapPostAsync(this IEndpointRouteBuilder app, string pattern,
        Func<HttpContext, CorpusService, ServerOptions, KeyAttempts, Task<IResult>> handler) =>
        app.MapPost(pattern, (RequestDelegate)(async ctx =>
        {
            var services = ctx.RequestServices;
            var result = await handler(ctx, services.GetRequiredService<CorpusService>(), services.GetRequiredService<ServerOptions>(),
                services.GetRequiredService<KeyAttempts>()).ConfigureAwait(false);
            await result.ExecuteAsync(ctx).ConfigureAwait(false);
        }));

    /// <summary>The addresses Kestrel bound (the real port when asked for port 0); call after start.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    private static Task Send(HttpContext ctx, string? html, string json)
    {
        if (html is null)
        {
            ctx.Response.ContentType = "application/json; charset=utf-8";
            return ctx.Response.WriteAsync(json);
        }
        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync(html);
    }

    /// <summary>Constant-time comparison, so response timing does not reveal how much of a guess was right, nor the
    /// key's length: both sides are hashed to the same length first (FixedTimeEquals returns at once on a length
    /// mismatch).</summary>
    internal static bool KeyMatches(ServerOptions options, string? given) =>
        options.WritesEnabled && given is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey!)));

    /// <summary>The key from X-Api-Key or an Authorization: Bearer header.</summary>
    internal static string? KeyFrom(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var k) && k.Count > 0) return k[0];
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null;
    }
}
