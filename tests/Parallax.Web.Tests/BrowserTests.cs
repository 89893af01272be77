using Microsoft.Playwright;

namespace Parallax.Web.Tests;

/// <summary>The web app as a reader's browser shows it: a real server, real Chromium. Skipped where Chromium or
/// ../shared is absent; CI installs Chromium.</summary>
public sealed class BrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IBrowser Browser()
    {
        Assert.SkipUnless(ChromiumFixture.Installed,
            $"chromium is not installed at {ChromiumFixture.ExecutablePath} (apt-get install -y chromium); browser tests skipped.");
        return chromium.Browser ?? throw new InvalidOperationException("Chromium is installed but did not start.");
    }

    private static async Task<(IPage Page, List<string> Dialogs)> Open(IBrowser browser, int width = 1280, int height = 900)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        // Ingest analyses on a shared 2-core machine beside other test classes: give it time rather than flake.
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        var dialogs = new List<string>();
        page.Dialog += async (_, d) =>
        {
            lock (dialogs) dialogs.Add(d.Message);
            await d.DismissAsync();
        };
        return (page, dialogs);
    }

    /// <summary>Fills and submits the add-reports form; returns the result message.</summary>
    private static async Task<string> Add(IPage page, string root, string[] files, string? text)
    {
        await page.GotoAsync(root + "/add");
        if (files.Length > 0) await page.SetInputFilesAsync("input[name=files]", files);
        if (text is not null) await page.FillAsync("textarea[name=text]", text);
        await page.FillAsync("input[name=key]", TestServer.Key);
        await page.ClickAsync("button[type=submit]");
        // Wait for the answer page's message itself: a load-state wait can miss the navigation the click starts.
        await page.Locator(".message").WaitForAsync();
        return await page.Locator(".message").InnerTextAsync();
    }

    [Fact]
    public async Task The_stories_page_loads_on_an_empty_corpus()
    {
        var browser = Browser();
        await using var server = await TestServer.StartAsync();
        var (page, _) = await Open(browser);
        var response = await page.GotoAsync(server.Root + "/");
        Assert.Equal(200, response!.Status);
        Assert.Equal("Stories", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("input[name=q]").IsVisibleAsync());
        // The site's stylesheet applied under the policy (the header is dark, not the browser's default white).
        var bg = await page.EvalOnSelectorAsync<string>(".page-head", "e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(16, 42, 67)", bg);
    }

    [Fact]
    public async Task Seeds_story_shows_the_disputed_length_side_by_side_and_updates_after_an_upload()
    {
        var seeds = RepositoryPaths.RequireShared("seeds");
        var browser = Browser();
        await using var server = await TestServer.StartAsync();
        var (page, dialogs) = await Open(browser);
        var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var message = await Add(page, server.Root, files, null);
        Assert.Contains($"Added {files.Length} report", message, StringComparison.Ordinal);

        await page.GotoAsync(server.Root + "/");
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "stories-1280.png") });
        await AssertStructure(page, "stories");
        Assert.Equal(1, await page.Locator("table.stories-table caption").CountAsync());
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "stories-phone.png") });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the stories page scrolls sideways on a phone");
        await page.SetViewportSizeAsync(1280, 900);
        var link = page.Locator("table.stories-table a").First;
        await link.ClickAsync();
        await page.WaitForLoadStateAsync();
        var storyUrl = page.Url;

        // Both values of the stand-off's length in one disputed card, on the first screen.
        var spread = page.Locator("#disputed-facts .spread").First;
        var spreadText = await spread.InnerTextAsync();
        Assert.Contains("25 min", spreadText, StringComparison.Ordinal);
        Assert.Contains("20 min", spreadText, StringComparison.Ordinal);
        var box = await page.Locator(".disagreements, #disputed-facts").First.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y < 900, $"the disagreements start at y={box.Y}, below the first screen");
        Assert.Equal(files.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#sources h3 .count").InnerTextAsync());

        await AssertStructure(page, "story");
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "story-1280.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "story-1280-full.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "story-phone.png") });
        // Nothing wider than a phone: no horizontal scrolling of the page itself (tables scroll in their own box).
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await page.SetViewportSizeAsync(1280, 900);

        // A new report of the same event (a seed retold by another outlet, read at run time) joins the story.
        var retold = "Kansas City Courier\n" + File.ReadAllText(files[1]) + "\nThe family said they would appeal.";
        message = await Add(page, server.Root, [], retold);
        Assert.Contains("Added 1 report", message, StringComparison.Ordinal);
        await page.GotoAsync(storyUrl);
        Assert.Equal((files.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#sources h3 .count").InnerTextAsync());

        // Every document link of the story opens its page.
        await page.Locator("nav[aria-label='Documents of this story'] a").First.ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.True(await page.Locator(".doc-text .ent").CountAsync() > 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "document-1280.png") });
        await AssertStructure(page, "document");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "document-phone.png") });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the document page scrolls sideways on a phone");
        await page.SetViewportSizeAsync(1280, 900);
        Assert.Empty(dialogs);
    }

    /// <summary>What a screen reader user navigates by: one h1, no heading level skipped on the way down, every
    /// table header cell saying whether it heads a column or a row, a main region, the skip link first.</summary>
    private static async Task AssertStructure(IPage page, string what)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var levels = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])");
        for (int i = 1; i < levels.Length; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"{what}: h{levels[i - 1]} is followed by h{levels[i]}");
        Assert.Equal(0, await page.Locator("th:not([scope])").CountAsync());
        Assert.Equal(1, await page.Locator("main").CountAsync());
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.querySelector('body a').className"));
    }

    [Fact]
    public async Task A_keyboard_user_skips_to_the_content_and_always_sees_where_the_focus_is()
    {
        var browser = Browser();
        await using var server = await TestServer.StartAsync();
        var (page, _) = await Open(browser);
        await page.GotoAsync(server.Root + "/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        // Hidden until focused, then on screen and outlined.
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Height > 10, $"the focused skip link is at y={box.Y}, height {box.Height}");
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "skip-link-focused.png") });

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("content", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        // The next Tab lands in the page (the search box), past the site links.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("q", await page.EvaluateAsync<string>("() => document.activeElement.name"));
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        Assert.NotEqual("0px", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineWidth"));
    }

    [Fact]
    public async Task A_report_with_script_and_event_handler_markup_executes_nothing()
    {
        var browser = Browser();
        await using var server = await TestServer.StartAsync();
        var (page, dialogs) = await Open(browser);
        const string payload = "Police said the stand-off lasted about 25 minutes on Monday, according to a statement.\n"
            + "<script>window.__pwned = 1; alert('script')</script>\n"
            + "<img src=x onerror=\"window.__pwned = 2; alert('onerror')\"> \"<svg onload=alert('svg')>\" said Chief <b onmouseover=alert(3)>Lee</b>.\n"
            + "Officers said about 30 people were at the scene.";
        var message = await Add(page, server.Root, [], payload);
        Assert.Contains("Added 1 report", message, StringComparison.Ordinal);
        var pastedPage = await page.Locator(".message a[href^='/documents/']").First.EvaluateAsync<string>("e => e.href");

        var evilHtml = Path.Combine(Directory.CreateTempSubdirectory("parallax-xss-").FullName, "evil.html");
        await File.WriteAllTextAsync(evilHtml, "<html><head><title>Fire <script>alert('title')</script></title></head><body><article><h1>Fire in town</h1>"
            + "<p>Crews fought the fire for about 40 minutes, the chief said. <img src=x onerror=\"window.__pwned = 3; alert('html')\"></p>"
            + "<script>window.__pwned = 4; alert('body')</script><p>About 12 people were moved out of nearby homes on Tuesday.</p></article></body></html>",
            TestContext.Current.CancellationToken);
        message = await Add(page, server.Root, [evilHtml], null);
        Assert.Contains("Added 1 report", message, StringComparison.Ordinal);

        var links = await page.Locator(".message a").EvaluateAllAsync<string[]>("els => els.map(e => e.href)");
        var visit = new List<string> { server.Root + "/", server.Root + "/?q=police", pastedPage };
        visit.AddRange(links);
        using (var api = await server.Http.GetAsync("api/stories", TestContext.Current.CancellationToken))
            foreach (var s in System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.EnumerateArray())
                visit.Add($"{server.Root}/stories/{s.GetProperty("id").GetInt64()}");
        foreach (var url in visit)
        {
            await page.GotoAsync(url);
            await page.HoverAsync("body");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), url);
        }
        // The markup is shown as text on the document page, not dropped silently.
        await page.GotoAsync(pastedPage);
        Assert.Contains("<script>window.__pwned", await page.Locator(".doc-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(dialogs);
    }
}
