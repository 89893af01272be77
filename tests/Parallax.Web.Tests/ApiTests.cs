using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Parallax.Web.Tests;

public sealed class ApiTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static HttpRequestMessage Post(string body, string type, string? key)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, "api/documents") { Content = new StringContent(body, Encoding.UTF8, type) };
        if (key is not null) m.Headers.Add("X-Api-Key", key);
        return m;
    }

    private const string Report = "Fire crews put out a warehouse fire in Springfield on Monday after about 40 minutes, the fire chief said.\n"
        + "\"Nobody was hurt,\" Chief Ann Lee told reporters. About 30 firefighters were at the scene.";

    [Fact]
    public async Task Empty_corpus_starts_and_lists_nothing()
    {
        await using var s = await TestServer.StartAsync();
        Assert.Equal("[]", await s.Http.GetStringAsync("api/stories", Ct));
        var page = await s.Http.GetAsync("", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no stories yet", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stories/12345")]
    [InlineData("stories/abc")]
    [InlineData("documents/d999")]
    [InlineData("documents/%3Cscript%3E")]
    [InlineData("no/such/page")]
    public async Task Unknown_ids_are_404_pages(string path)
    {
        await using var s = await TestServer.StartAsync();
        var r = await s.Http.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("api/stories/12345")]
    [InlineData("api/documents/d7")]
    [InlineData("api/documents/x")]
    public async Task Unknown_ids_are_404_json(string path)
    {
        await using var s = await TestServer.StartAsync();
        var r = await s.Http.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Posting_a_report_adds_it_to_a_story_and_every_read_endpoint_shows_it()
    {
        await using var s = await TestServer.StartAsync();
        var r = await s.Http.SendAsync(Post(Report, "text/plain", TestServer.Key), Ct);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using var added = JsonDocument.Parse(await r.Content.ReadAsStringAsync(Ct));
        var first = added.RootElement.GetProperty("added")[0];
        string id = first.GetProperty("id").GetString()!;
        long story = first.GetProperty("story").GetInt64();

        using var list = JsonDocument.Parse(await s.Http.GetStringAsync("api/stories", Ct));
        Assert.Equal(story, list.RootElement[0].GetProperty("id").GetInt64());
        using var report = JsonDocument.Parse(await s.Http.GetStringAsync($"api/stories/{story}", Ct));
        Assert.Equal("parallax.report/1", report.RootElement.GetProperty("schema").GetString());
        using var doc = JsonDocument.Parse(await s.Http.GetStringAsync($"api/documents/{id}", Ct));
        Assert.Contains("warehouse fire", doc.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        using var hits = JsonDocument.Parse(await s.Http.GetStringAsync("api/search?q=warehouse", Ct));
        Assert.Equal(id, hits.RootElement[0].GetProperty("document").GetString());

        Assert.Equal(HttpStatusCode.OK, (await s.Http.GetAsync($"stories/{story}", Ct)).StatusCode);
        var docPage = await s.Http.GetStringAsync($"documents/{id}", Ct);
        Assert.Contains("class=\"qt\"", docPage, StringComparison.Ordinal);

        // The same text again is recognised, not stored twice.
        var again = await s.Http.SendAsync(Post(Report, "text/plain", TestServer.Key), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"alreadyStored\":1", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_story_is_rebuilt_after_a_document_joins_it()
    {
        await using var s = await TestServer.StartAsync();
        var r = await s.Http.SendAsync(Post(Report, "text/plain", TestServer.Key), Ct);
        using var first = JsonDocument.Parse(await r.Content.ReadAsStringAsync(Ct));
        long story = first.RootElement.GetProperty("added")[0].GetProperty("story").GetInt64();
        using (var before = JsonDocument.Parse(await s.Http.GetStringAsync($"api/stories/{story}", Ct)))
            Assert.Equal(1, before.RootElement.GetProperty("documents").GetArrayLength());
        var page = await s.Http.GetStringAsync($"stories/{story}", Ct);

        r = await s.Http.SendAsync(Post(Report + "\nThe cause of the fire in Springfield is not yet known, the chief said.", "text/plain", TestServer.Key), Ct);
        using var second = JsonDocument.Parse(await r.Content.ReadAsStringAsync(Ct));
        Assert.Equal(story, second.RootElement.GetProperty("added")[0].GetProperty("story").GetInt64());
        using (var after = JsonDocument.Parse(await s.Http.GetStringAsync($"api/stories/{story}", Ct)))
            Assert.Equal(2, after.RootElement.GetProperty("documents").GetArrayLength());
        Assert.NotEqual(page, await s.Http.GetStringAsync($"stories/{story}", Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("test-key-12")]
    public async Task A_wrong_or_missing_key_is_401_and_changes_nothing(string? key)
    {
        await using var s = await TestServer.StartAsync();
        var r = await s.Http.SendAsync(Post(Report, "text/plain", key), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("[]", await s.Http.GetStringAsync("api/stories", Ct));
    }

    [Fact]
    public async Task The_bearer_header_is_accepted()
    {
        await using var s = await TestServer.StartAsync();
        var m = Post(Report, "text/plain", null);
        m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Key);
        Assert.Equal(HttpStatusCode.Created, (await s.Http.SendAsync(m, Ct)).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_key_writing_is_disabled()
    {
        await using var s = await TestServer.StartAsync(key: null);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Http.SendAsync(Post(Report, "text/plain", "anything"), Ct)).StatusCode);
        Assert.Contains("turned off", await s.Http.GetStringAsync("add", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "text/plain", HttpStatusCode.BadRequest)]
    [InlineData("{\"id\": broken", "application/x-ndjson", HttpStatusCode.BadRequest)]
    [InlineData("hello", "image/png", HttpStatusCode.UnsupportedMediaType)]
    public async Task Bad_bodies_are_4xx_and_keep_what_is_stored(string body, string type, HttpStatusCode expected)
    {
        await using var s = await TestServer.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await s.Http.SendAsync(Post(Report, "text/plain", TestServer.Key), Ct)).StatusCode);
        var before = await s.Http.GetStringAsync("api/stories", Ct);
        var r = await s.Http.SendAsync(Post(body, type, TestServer.Key), Ct);
        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(before, await s.Http.GetStringAsync("api/stories", Ct));
    }

    [Fact]
    public async Task Binary_and_oversized_bodies_are_refused()
    {
        await using var s = await TestServer.StartAsync(options: new ServerOptions("http://127.0.0.1:0", TestServer.Key) { MaxFileBytes = 1000 });
        var binary = new HttpRequestMessage(HttpMethod.Post, "api/documents") { Content = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2, 3]) };
        binary.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        binary.Headers.Add("X-Api-Key", TestServer.Key);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Http.SendAsync(binary, Ct)).StatusCode);
        var huge = await s.Http.SendAsync(Post(new string('a', 5000), "text/plain", TestServer.Key), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("[]", await s.Http.GetStringAsync("api/stories", Ct));
    }

    [Fact]
    public async Task The_add_page_refuses_a_wrong_key_and_bad_files_with_a_message()
    {
        await using var s = await TestServer.StartAsync();
        using var wrongKey = new MultipartFormDataContent { { new StringContent("nope"), "key" }, { new StringContent(Report), "text" } };
        var r = await s.Http.PostAsync("add", wrongKey, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Contains("API key is missing or wrong", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var empty = new MultipartFormDataContent { { new StringContent(TestServer.Key), "key" }, { new ByteArrayContent([]), "files", "empty.txt" } };
        r = await s.Http.PostAsync("add", empty, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("empty.txt is empty", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var exe = new MultipartFormDataContent { { new StringContent(TestServer.Key), "key" }, { new ByteArrayContent([1, 2, 3]), "files", "tool.exe" } };
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await s.Http.PostAsync("add", exe, Ct)).StatusCode);
        Assert.Equal("[]", await s.Http.GetStringAsync("api/stories", Ct));

        using var good = new MultipartFormDataContent { { new StringContent(TestServer.Key), "key" }, { new StringContent(Report), "files", "fire.txt" } };
        r = await s.Http.PostAsync("add", good, Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Added 1 report", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_description_lists_the_endpoints()
    {
        await using var s = await TestServer.StartAsync();
        using var doc = JsonDocument.Parse(await s.Http.GetStringAsync("api/openapi.json", Ct));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var p in new[] { "/api/stories", "/api/stories/{id}", "/api/documents/{id}", "/api/search", "/api/documents" })
            Assert.True(paths.TryGetProperty(p, out _), p);
    }

    [Fact]
    public async Task Filters_and_paging_on_the_stories_page_are_encoded_and_tolerant()
    {
        await using var s = await TestServer.StartAsync();
        var html = await s.Http.GetStringAsync("?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&since=notadate&outlet=%3Cb%3E&page=-4", Ct);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("is not a date", html, StringComparison.Ordinal);
    }

    private const int PageSize = 25; // the stories page's

    [Fact]
    public async Task Older_and_newer_links_page_through_every_story_by_cursor()
    {
        await using var s = await TestServer.StartAsync();
        // 30 unrelated invented events a month apart, so each is its own story and the list is more than a page.
        var lines = Enumerable.Range(0, 30).Select(i => JsonSerializer.Serialize(new
        {
            id = $"e{i}",
            outlet = $"Outlet {i % 3}",
            title = $"Event {i}",
            published = new DateOnly(2020, 1, 1).AddDays(31 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            text = $"The Quorvane{i} board in Talmoth{i} approved the Brindle{i} depot on Monday. Chair Ossie{i} Varn said {i + 10} drivers would be hired.",
        }));
        var post = Post(string.Join("\n", lines), "application/x-ndjson", TestServer.Key);
        Assert.Equal(HttpStatusCode.Created, (await s.Http.SendAsync(post, Ct)).StatusCode);
        using var all = JsonDocument.Parse(await s.Http.GetStringAsync("api/stories?limit=500", Ct));
        var ids = all.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.True(ids.Count > PageSize, $"only {ids.Count} stories");

        static List<long> Rows(string html) =>
            [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr><td><a href=\"/stories/(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
        static string? Link(string html, string rel)
        {
            var m = System.Text.RegularExpressions.Regex.Match(html, $"<a rel=\"{rel}\" href=\"([^\"]+)\"");
            return m.Success ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        }
        var first = await s.Http.GetStringAsync("", Ct);
        Assert.Equal(ids.Take(PageSize), Rows(first));
        Assert.Null(Link(first, "prev"));
        var older = Link(first, "next");
        Assert.NotNull(older);
        Assert.Contains("after=", older, StringComparison.Ordinal);
        var second = await s.Http.GetStringAsync(older.TrimStart('/'), Ct);
        Assert.Equal(ids.Skip(PageSize), Rows(second));
        Assert.Null(Link(second, "next"));
        var newer = Link(second, "prev");
        Assert.NotNull(newer);
        Assert.Equal(Rows(first), Rows(await s.Http.GetStringAsync(newer.TrimStart('/'), Ct)));
        // The API pages the same way with the cursors it returns.
        var cursor = all.RootElement[9].GetProperty("cursor").GetString();
        using var next = JsonDocument.Parse(await s.Http.GetStringAsync($"api/stories?limit=5&after={cursor}", Ct));
        Assert.Equal(ids.Skip(10).Take(5), next.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        using var prev = JsonDocument.Parse(await s.Http.GetStringAsync($"api/stories?limit=5&before={cursor}", Ct));
        Assert.Equal(ids.Skip(4).Take(5), prev.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        // A tampered cursor in a page link is ignored (the first page), not an error page.
        Assert.Equal(Rows(first), Rows(await s.Http.GetStringAsync("?after=2020-01-01_x_%3Cb%3E", Ct)));
    }
}
