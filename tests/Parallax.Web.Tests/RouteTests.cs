using System.Net;
using System.Text;
using System.Text.Json;

namespace Parallax.Web.Tests;

/// <summary>What holds for every route the app maps, read from its routing table: a new page or endpoint is covered
/// without anyone remembering to add it here.</summary>
public sealed class RouteTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private const string Report = "Fire crews put out a warehouse fire in Springfield on Monday after about 40 minutes, the fire chief said.\n"
        + "\"Nobody was hurt,\" Chief Ann Lee told reporters. About 30 firefighters were at the scene.";

    [Fact]
    public async Task Every_get_also_answers_head_with_the_same_status_and_headers_and_no_body()
    {
        await using var s = await TestServer.StartAsync();
        var post = new HttpRequestMessage(HttpMethod.Post, "api/documents") { Content = new StringContent(Report, Encoding.UTF8, "text/plain") };
        post.Headers.Add("X-Api-Key", TestServer.Key);
        using var added = JsonDocument.Parse(await (await s.Http.SendAsync(post, Ct)).Content.ReadAsStringAsync(Ct));
        var first = added.RootElement.GetProperty("added")[0];
        string doc = first.GetProperty("id").GetString()!, story = first.GetProperty("story").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var gets = s.Routes.Where(r => r.Methods.Contains("GET")).ToList();
        Assert.True(gets.Count >= 10, $"only {gets.Count} GET routes found");
        var paths = new List<string>();
        foreach (var (pattern, methods) in gets)
        {
            Assert.Contains("HEAD", methods);
            // A real id for each parameter, so the HEAD is compared on a found page, not only on a 404.
            var path = pattern.Replace("/stories/{id}", "/stories/" + story, StringComparison.Ordinal)
                .Replace("/documents/{id}", "/documents/" + doc, StringComparison.Ordinal);
            Assert.DoesNotContain('{', path);
            paths.Add(path + (pattern is "/api/search" ? "?q=warehouse" : ""));
        }
        paths.Add("/stories/999999");
        paths.Add("/no/such/page");
        foreach (var path in paths)
        {
            using var get = await s.Http.GetAsync(path.TrimStart('/'), Ct);
            var getBody = await get.Content.ReadAsByteArrayAsync(Ct);
            using var head = await s.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path.TrimStart('/')), Ct);
            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Equal(get.Headers.GetValues("Content-Security-Policy").Single(), head.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
            // A length the server stated must be the GET's (HttpClient would compute 0 for the empty body when none was sent).
            if (head.Content.Headers.NonValidated.TryGetValues("Content-Length", out var length))
                Assert.Equal(getBody.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), length.ToString());
            Assert.True(getBody.Length > 0, path);
        }
        Assert.Contains(paths, p => p.StartsWith("/stories/", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/api/documents/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Head_changes_nothing_on_a_write_route()
    {
        await using var s = await TestServer.StartAsync();
        var head = new HttpRequestMessage(HttpMethod.Head, "api/documents");
        head.Headers.Add("X-Api-Key", TestServer.Key);
        Assert.False((await s.Http.SendAsync(head, Ct)).IsSuccessStatusCode);
        Assert.Equal("[]", await s.Http.GetStringAsync("api/stories", Ct));
    }

    [Fact]
    public async Task The_openapi_description_and_the_mapped_api_routes_are_the_same_set()
    {
        await using var s = await TestServer.StartAsync();
        // HEAD is stated once in the description ("every GET also answers HEAD"), not per path.
        var mapped = s.Routes.Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(r => r.Methods.Where(m => m != "HEAD").Select(m => $"{m.ToLowerInvariant()} {r.Pattern}"))
            .Order(StringComparer.Ordinal).ToList();
        using var doc = JsonDocument.Parse(await s.Http.GetStringAsync("api/openapi.json", Ct));
        var described = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name} {p.Name}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(mapped, described);
        Assert.Contains("post /api/documents", mapped);
        Assert.Contains(described, d => d.StartsWith("get /api/stories", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_query_parameter_the_stories_api_reads_is_described()
    {
        await using var s = await TestServer.StartAsync();
        using var doc = JsonDocument.Parse(await s.Http.GetStringAsync("api/openapi.json", Ct));
        var names = doc.RootElement.GetProperty("paths").GetProperty("/api/stories").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToHashSet();
        foreach (var n in new[] { "q", "since", "outlet", "limit", "offset", "after", "before" }) Assert.Contains(n, names);
        // A described parameter is read: a malformed cursor is refused, not ignored.
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Http.GetAsync("api/stories?after=yesterday", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Http.GetAsync("api/stories?before=1_2", Ct)).StatusCode);
    }
}
