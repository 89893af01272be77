using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Parallax.Store;
using Parallax.Workflow;
using Parallax.Web;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax serve</c>: the web app over a corpus store (pages and the JSON API).</summary>
internal static class ServeCommand
{
    public const string KeyVariable = "PARALLAX_API_KEY";

    public static Command Create()
    {
        var db = new Option<string>("--db")
        {
            Description = "SQLite file, or postgres://user:password@host:port/database",
            DefaultValueFactory = _ => CorpusStore.DefaultFile,
        };
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var key = new Option<string?>("--api-key") { Description = $"Key that write requests must carry (or set {KeyVariable}); without one, writing is disabled" };
        var command = new Command("serve", "Serve the corpus in a browser (stories, story, document, add reports) and as a JSON API under /api/") { db, urls, key };
        command.SetAction(r => Run(r.GetValue(db)!, r.GetValue(urls)!, r.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable)));
        return command;
    }

    private static int Run(string db, string urls, string? apiKey)
    {
        ICorpusStore store;
        try { store = Corpus.Open(db); }
        catch (StoreException e) { throw new UserError(e.Message); }
        var options = new ServerOptions(urls, string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim());
        Microsoft.AspNetCore.Builder.WebApplication app;
        try { app = ParallaxServer.Create(store, options); }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            store.Dispose();
            throw new UserError($"--urls: {e.Message}");
        }
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException or UriFormatException)
        {
            throw new UserError($"cannot listen on {urls}: {e.Message}");
        }
        Console.WriteLine($"parallax: serving {store.Location} at {string.Join(", ", ParallaxServer.Addresses(app))} "
            + (options.WritesEnabled ? "(adding reports needs the API key)" : $"(read-only: no API key; give --api-key or {KeyVariable} to allow adding reports)")
            + "; Ctrl+C stops");
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        return 0;
    }
}
