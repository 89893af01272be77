using Microsoft.Playwright;

namespace Parallax.Web.Tests;

/// <summary>The web pages name every source, show file names and never folders, say where metadata came from in words,
/// take a title and outlet with pasted text, and fit a 390-pixel phone with every collapsed section open.</summary>
public sealed class NamedSourcesBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Pasted = "Harbor officials said the Alder Street bridge would reopen on Friday after inspectors finished repairs.\n"
        + "The inspection took about 40 minutes longer than planned, a spokesperson for the harbor authority said on Tuesday.";

    private IBrowser Browser()
    {
        Assert.SkipUnless(ChromiumFixture.Installed,
            $"chromium is not installed at {ChromiumFixture.ExecutablePath} (apt-get install -y chromium); browser tests skipped.");
        return chromium.Browser ?? throw new InvalidOperationException("Chromium is installed but did not start.");
    }

    private static async Task<IPage> Open(IBrowser browser, int width)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 844 } });
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        return page;
    }

    private static Task<bool> FitsWidth(IPage page) =>
        page.EvaluateAsync<bool>("() => { document.querySelectorAll('details').forEach(d => d.open = true); return document.documentElement.scrollWidth <= window.innerWidth; }");

    [Fact]
    public async Task Pasted_text_with_a_title_and_outlet_is_shown_by_name_on_every_page()
    {
        var browser = Browser();
        await using var server = await TestServer.StartAsync();
        var page = await Open(browser, 390);

        await page.GotoAsync(server.Root + "/add");
        Assert.True(await FitsWidth(page), "the add page scrolls sideways at 390 px");
        await page.FillAsync("input[name=title]", "Alder Street bridge to reopen Friday");
        await page.FillAsync("input[name=outlet]", "Harbor Ledger");
        await page.FillAsync("textarea[name=text]", Pasted);
        await page.FillAsync("input[name=key]", TestServer.Key);
        await page.ClickAsync("button[type=submit]");
        // Wait for the answer page's message itself: a load-state wait can miss the navigation the click starts.
        await page.Locator(".message").WaitForAsync();
        Assert.Contains("Added 1 report", await page.Locator(".message").InnerTextAsync(), StringComparison.Ordinal);
        var docUrl = await page.Locator(".message a[href^='/documents/']").First.EvaluateAsync<string>("e => e.href");
        var storyUrl = await page.Locator(".message a[href^='/stories/']").First.EvaluateAsync<string>("e => e.href");

        // The document page: the typed title and outlet, where they came from in words, the file name alone.
        await page.GotoAsync(docUrl);
        Assert.Equal("Alder Street bridge to reopen Friday", await page.Locator("h1").InnerTextAsync());
        var meta = await page.Locator(".meta-list").InnerTextAsync();
        Assert.Contains("Harbor Ledger", meta, StringComparison.Ordinal);
        Assert.Contains("given with the input", meta, StringComparison.Ordinal);
        Assert.DoesNotContain("from input", meta, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.True(await FitsWidth(page), "the document page scrolls sideways at 390 px");

        // The story page names the source by its outlet on its chips and in the document list.
        await page.GotoAsync(storyUrl);
        Assert.Contains("Harbor Ledger", await page.Locator("#sources").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Harbor Ledger", await page.Locator("nav[aria-label='Documents of this story']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await FitsWidth(page), "the story page scrolls sideways at 390 px");
    }

    [Fact]
    public async Task A_file_without_an_outlet_goes_by_its_file_name_with_provenance_in_words()
    {
        var browser = Browser();
        await using var server = await TestServer.StartAsync();
        var page = await Open(browser, 1280);
        var dir = Directory.CreateTempSubdirectory("parallax-named-");
        // An invented report that names its outlet only in its own text ("told the Harbor Ledger"), and one that names none.
        var self = Path.Combine(dir.FullName, "self.txt");
        await File.WriteAllTextAsync(self, "Alder Street bridge closed after barge strike\n\nThe Alder Street bridge was closed on Monday after a barge struck a pier, "
            + "a harbor spokesperson said in a statement to Harbor Weekly. About 40 vehicles were turned back.", TestContext.Current.CancellationToken);
        var bare = Path.Combine(dir.FullName, "0042_9e1c77d0a1b2c3d4.txt");
        await File.WriteAllTextAsync(bare, "The Alder Street bridge stayed closed on Monday after a barge struck one of its piers, officials said. "
            + "About 35 vehicles were turned back before police set up a detour.", TestContext.Current.CancellationToken);
        await page.GotoAsync(server.Root + "/add");
        await page.SetInputFilesAsync("input[name=files]", [self, bare]);
        await page.FillAsync("input[name=key]", TestServer.Key);
        await page.ClickAsync("button[type=submit]");
        // Wait for the answer page's message itself: a load-state wait can miss the navigation the click starts.
        await page.Locator(".message").WaitForAsync();
        Assert.Contains("Added 2 report", await page.Locator(".message").InnerTextAsync(), StringComparison.Ordinal);
        var docs = await page.Locator(".message a[href^='/documents/']").EvaluateAllAsync<string[]>("els => els.map(e => e.href)");

        var bodies = new List<string>();
        foreach (var url in docs)
        {
            await page.GotoAsync(url);
            bodies.Add(await page.InnerTextAsync("body"));
        }
        Assert.Contains(bodies, b => b.Contains("outlet named in the text", StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, b => b.Contains("selfreference", StringComparison.OrdinalIgnoreCase));
        // Without an outlet the heading and sub-heading give the file name, not an id such as "d2".
        Assert.Contains(bodies, b => b.Contains("0042_9e1c7", StringComparison.Ordinal) && b.Contains("outlet not named", StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, b => b.Contains(dir.FullName, StringComparison.Ordinal) || b.Contains("parallax-upload-", StringComparison.Ordinal));
        dir.Delete(recursive: true);
    }
}
