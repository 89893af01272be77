using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Parallax.Store;

namespace Parallax.Web.Tests;

/// <summary>A real Kestrel on a free loopback port over a fresh SQLite corpus in a temporary folder.</summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string Key = "test-key-123";

    private readonly WebApplication app;
    private readonly DirectoryInfo dir;

    private TestServer(WebApplication app, DirectoryInfo dir, string root)
    {
        this.app = app;
        this.dir = dir;
        Root = root;
        Http = new HttpClient { BaseAddress = new Uri(root + "/") };
    }

    public string Root { get; }
    public HttpClient Http { get; }

    /// <summary>Every route the app mapped, with its methods (what the routing table holds, not what a test expects).</summary>
    public IReadOnlyList<(string Pattern, IReadOnlyList<string> Methods)> Routes =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .Select(e => (e.RoutePattern.RawText!, e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods))];

    public static async Task<TestServer> StartAsync(string? key = Key, ServerOptions? options = null)
    {
        var dir = Directory.CreateTempSubdirectory("parallax-web-test-");
        var store = Parallax.Workflow.Corpus.OpenSqlite(Path.Combine(dir.FullName, "corpus.db"));
        var app = ParallaxServer.Create(store, options ?? new ServerOptions("http://127.0.0.1:0", key));
        await app.StartAsync();
        return new TestServer(app, dir, ParallaxServer.Addresses(app)[0].TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        try { dir.Delete(recursive: true); } catch (IOException) { }
    }
}
