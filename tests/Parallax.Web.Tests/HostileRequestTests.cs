using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Parallax.Model;
using Parallax.Store;

namespace Parallax.Web.Tests;

/// <summary>Issue 13: no request can freeze the server or get round the key.</summary>
public sealed class HostileRequestTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private const string Report = "Fire crews put out a warehouse fire in Springfield on Monday after about 40 minutes, the fire chief said.\n"
        + "\"Nobody was hurt,\" Chief Ann Lee told reporters. About 30 firefighters were at the scene.";

    private static HttpRequestMessage Post(string body, string? key)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, "api/documents") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        if (key is not null) m.Headers.Add("X-Api-Key", key);
        return m;
    }

    [Fact]
    public async Task Searches_over_the_word_limit_are_refused_with_the_limit_and_repeated_words_count_once()
    {
        await using var s = await TestServer.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await s.Http.SendAsync(Post(Report, TestServer.Key), Ct)).StatusCode);
        var many = string.Join('+', Enumerable.Range(0, 17).Select(i => "w" + i));
        var api = await s.Http.GetAsync("api/search?q=" + many, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("at most 16 different words", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Http.GetAsync("api/stories?q=" + many, Ct)).StatusCode);
        var page = await s.Http.GetStringAsync("?q=" + many, Ct);
        Assert.Contains("A search takes at most 16 different words", page, StringComparison.Ordinal);
        Assert.Contains("Search words (up to 16)", page, StringComparison.Ordinal);
        // 500 repeated words (a 1 KB address; 112 s before) are one word.
        var repeated = string.Join('+', Enumerable.Repeat("fire", 500));
        Assert.Contains("warehouse", await s.Http.GetStringAsync("api/search?q=" + repeated, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public Task A_search_in_progress_does_not_hold_up_the_stories_list() => WithSlowSearches(async (http, store) =>
    {
            var search = http.GetAsync("api/search?q=fire", Ct);
            Assert.True(store.Entered.Wait(TimeSpan.FromSeconds(30), Ct), "the search never reached the store");
            // The search is inside the store now, and stays there until released: the list must still answer.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            var list = await http.GetAsync("", limit.Token);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.False(search.IsCompleted);
            store.Release.Set();
            Assert.Equal(HttpStatusCode.OK, (await search).StatusCode);
    });

    [Fact]
    public Task Searches_past_the_concurrent_ones_and_their_queue_are_refused_at_once_and_the_list_still_answers() => WithSlowSearches(async (http, store) =>
    {
            int held = SearchLimiter.Concurrent, queued = 4 * SearchLimiter.Concurrent;
            var waiting = Enumerable.Range(0, held + queued).Select(_ => http.GetAsync("api/search?q=fire", Ct)).ToList();
            Assert.True(store.Entered.Wait(TimeSpan.FromSeconds(30), Ct), "no search reached the store");
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            HttpResponseMessage? refused = null;
            // The slots and the queue fill as the requests arrive (in no set order); once they are full, one more is
            // refused without waiting. Extra requests are sent until one is.
            var extras = new List<Task<HttpResponseMessage>>();
            for (int i = 0; i < 40 && refused is null; i++)
            {
                extras.Add(http.GetAsync("api/search?q=fire", limit.Token));
                await Task.WhenAny(Task.WhenAny(extras), Task.Delay(250, Ct));
                refused = extras.Where(e => e.IsCompletedSuccessfully).Select(e => e.Result).FirstOrDefault(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused!.StatusCode);
            Assert.Contains("too many searches at once", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("", limit.Token)).StatusCode);
            store.Release.Set();
            // The first requests were sent before the extras, but a few may reach the server after them and be the ones
            // refused: every request either ran (OK) or was refused at once (503), and as many ran as the slots and queue hold.
            var answers = new List<HttpStatusCode>();
            foreach (var w in waiting.Concat(extras)) answers.Add((await w).StatusCode);
            Assert.All(answers, a => Assert.True(a is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, a.ToString()));
            Assert.True(answers.Count(a => a == HttpStatusCode.OK) >= held, string.Join(",", answers));
    });

    [Fact]
    public async Task The_add_form_checks_the_key_before_reading_the_body()
    {
        await using var s = await TestServer.StartAsync();
        // A wrong key, then 100 MB: a server that reads the body first reads at least its 25 MB limit before
        // answering; this one stops after the key and closes (the client may see its write cut off).
        using var huge = new FormWithHugeFile("wrong", 100 * 1024 * 1024).Typed();
        HttpResponseMessage? r = null;
        try { r = await s.Http.PostAsync("add", huge, Ct); }
        catch (HttpRequestException) { }
        if (r is not null) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.True(huge.Written < 20 * 1024 * 1024, $"the server read {huge.Written:N0} bytes of a refused form");
        // The key must come first, as the page sends it.
        using var late = new MultipartFormDataContent { { new StringContent(Report), "text" }, { new StringContent(TestServer.Key), "key" } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await s.Http.PostAsync("add", late, Ct)).StatusCode);
        var form = await s.Http.GetStringAsync("add", Ct);
        Assert.True(form.IndexOf("name=\"key\"", StringComparison.Ordinal) < form.IndexOf("name=\"files\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_keys_are_limited_per_address()
    {
        await using var s = await TestServer.StartAsync();
        for (int i = 0; i < KeyAttempts.MaxFailures; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await s.Http.SendAsync(Post(Report, "guess" + new string('x', i)), Ct)).StatusCode);
        var refused = await s.Http.SendAsync(Post(Report, "guess"), Ct);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        // Even the right key waits out the window: guessing cannot go on at network speed.
        Assert.Equal((HttpStatusCode)429, (await s.Http.SendAsync(Post(Report, TestServer.Key), Ct)).StatusCode);
    }

    [Fact]
    public void The_attempt_window_passes()
    {
        long now = 0;
        var attempts = new KeyAttempts(() => now);
        var client = IPAddress.Loopback;
        for (int i = 0; i < KeyAttempts.MaxFailures; i++) attempts.Failed(client);
        Assert.True(attempts.RetryAfter(client) > 0);
        Assert.Equal(0, attempts.RetryAfter(IPAddress.IPv6Loopback));
        now += (long)KeyAttempts.Window.TotalMilliseconds + 1;
        Assert.Equal(0, attempts.RetryAfter(client));
    }

    [Theory]
    [InlineData("DELETE", "")]
    [InlineData("PUT", "api/documents")]
    [InlineData("PATCH", "stories/1")]
    [InlineData("TRACE", "")]
    public async Task Unknown_methods_get_405_with_the_allowed_ones(string method, string path)
    {
        await using var s = await TestServer.StartAsync();
        var r = await s.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
        Assert.Contains("GET", r.Content.Headers.Allow);
    }

    [Fact]
    public async Task Bidi_overrides_in_a_title_do_not_reach_the_pages()
    {
        await using var s = await TestServer.StartAsync();
        var title = "Warehouse fire \u202Egpj.exe\u202C in Springfield \u2067x";
        var posted = await s.Http.SendAsync(Post(title + "\n\n" + Report, TestServer.Key), Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        foreach (var page in new[] { "", "?q=fire", "stories/1", "documents/d1" })
        {
            var html = await s.Http.GetStringAsync(page, Ct);
            Assert.DoesNotContain('\u202E', html);
            Assert.DoesNotContain('\u2067', html);
        }
    }

    /// <summary>A multipart form (key first, then one file of zeros) written as it is sent, counting what was sent.</summary>
    private sealed class FormWithHugeFile(string key, long fileBytes) : HttpContent
    {
        private const string Boundary = "hostile-boundary";

        public long Written { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var head = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n{key}\r\n"
                + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\nContent-Type: text/plain\r\n\r\n");
            await stream.WriteAsync(head);
            Written += head.Length;
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (long left = fileBytes; left > 0; left -= chunk.Length)
            {
                await stream.WriteAsync(chunk);
                Written += chunk.Length;
            }
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        public FormWithHugeFile Typed()
        {
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
            return this;
        }
    }

    /// <summary>A server over a store whose searches wait inside it until released; the client may hold 64 connections.</summary>
    private static async Task WithSlowSearches(Func<HttpClient, SlowSearchStore, Task> test)
    {
        var dir = Directory.CreateTempSubdirectory("parallax-web-hostile-");
        var store = new SlowSearchStore(CorpusStore.OpenSqlite(Path.Combine(dir.FullName, "corpus.db")));
        var app = ParallaxServer.Create(store, new ServerOptions("http://127.0.0.1:0", null));
        await app.StartAsync(Ct);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(ParallaxServer.Addresses(app)[0].TrimEnd('/') + "/") };
            await test(http, store);
        }
        finally
        {
            store.Release.Set();
            await app.StopAsync(Ct);
            await app.DisposeAsync();
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The store, with a search that waits inside the store until the test releases it.</summary>
    private sealed class SlowSearchStore(ICorpusStore inner) : ICorpusStore
    {
        public ManualResetEventSlim Entered { get; } = new();
        public ManualResetEventSlim Release { get; } = new();
        public string Location => inner.Location;
        public string? Find(string hash) => inner.Find(hash);
        public AddResult Add(Document analysed) => inner.Add(analysed);
        public IReadOnlyList<AddResult> AddAll(IReadOnlyList<Document> analysed) => inner.AddAll(analysed);
        public long CountDocuments() => inner.CountDocuments();
        public int RefreshStories(IStoryDigests digests, CancellationToken ct = default) => inner.RefreshStories(digests, ct);
        public IReadOnlyList<StorySummary> Stories(DateOnly? since = null, string? query = null, int limit = 100, string? outlet = null, int offset = 0,
            StoryCursor? after = null, StoryCursor? before = null) => inner.Stories(since, query, limit, outlet, offset, after, before);
        public IReadOnlyList<StorySummary> CancellableStories(DateOnly? since, string? query, int limit, string? outlet, int offset,
            StoryCursor? after, StoryCursor? before, CancellationToken ct) => inner.CancellableStories(since, query, limit, outlet, offset, after, before, ct);
        public (Document Document, long Story)? FindDocument(string id) => inner.FindDocument(id);
        public long Generation() => inner.Generation();
        public IReadOnlyList<Document> StoryDocuments(long story) => inner.StoryDocuments(story);
        public IReadOnlyList<SearchHit> Search(string query, int limit = 20) => CancellableSearch(query, limit, default);
        public IReadOnlyList<SearchHit> CancellableSearch(string query, int limit, CancellationToken ct)
        {
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(60), ct);
            return inner.CancellableSearch(query, limit, ct);
        }

        public void Dispose()
        {
            inner.Dispose();
            Entered.Dispose();
            Release.Dispose();
        }
    }
}
