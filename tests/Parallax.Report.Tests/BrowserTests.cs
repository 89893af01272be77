using Microsoft.Playwright;
using Parallax.Model;

namespace Parallax.Report.Tests;

/// <summary>The page as a reader's browser shows it. Skipped (not failed) where Chromium is absent; CI installs it.</summary>
public sealed class BrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IBrowser Browser()
    {
        Assert.SkipUnless(ChromiumFixture.Installed,
            $"chromium is not installed at {ChromiumFixture.ExecutablePath} (apt-get install -y chromium); browser tests skipped.");
        return chromium.Browser ?? throw new InvalidOperationException("Chromium is installed but did not start.");
    }

    /// <summary>Writes the page next to the test binaries and returns its file:// address.</summary>
    private static string Save(CorpusAnalysis analysis, string name)
    {
        Directory.CreateDirectory(Dir);
        var path = Path.Combine(Dir, name);
        using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
            HtmlReportWriter.Write(analysis, writer);
        return new Uri(path).AbsoluteUri;
    }

    [Fact]
    public async Task Disputed_facts_are_visible_on_first_screen_with_both_values()
    {
        var browser = Browser();
        var url = Save(Fixtures.Corpus(), "report.html");
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        try
        {
            await page.GotoAsync(url);
            var disputed = page.Locator("#disputed-facts");
            Assert.True(await disputed.IsVisibleAsync());
            var text = await disputed.InnerTextAsync();
            Assert.Contains("about 25 minutes", text);
            Assert.Contains("about 20 minutes", text);

            // "Obvious without scrolling far": the section's heading starts within the first screen.
            var heading = await page.Locator("#disputed-facts h3").BoundingBoxAsync();
            Assert.NotNull(heading);
            Assert.True(heading.Y < 900, $"disputed facts heading at y={heading.Y}");

            // Layout sanity: nothing forces a horizontal scrollbar at desktop width.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

            var shot = Path.Combine(Dir, "report.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            var top = Path.Combine(Dir, "report-top.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = top });
            output.WriteLine($"screenshot: {shot}");
            output.WriteLine($"first screen: {top}");
            TestContext.Current.SendDiagnosticMessage($"report screenshot: {shot}");
            Assert.True(new FileInfo(shot).Length > 10_000);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Reads_at_phone_width_without_horizontal_scrolling()
    {
        var browser = Browser();
        var url = Save(Fixtures.Corpus(), "report.html");
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
        });
        try
        {
            await page.GotoAsync(url);
            Assert.True(await page.Locator("#disputed-facts").IsVisibleAsync());
            // Wide tables scroll inside their own wrapper; the page body itself must not.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"),
                "the page scrolls sideways at phone width");
            var shot = Path.Combine(Dir, "report-phone.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Dir, "report-phone-top.png") });
            await page.Locator("#disputed-facts").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Dir, "report-phone-disputed.png") });
            var heading = await page.Locator("#disputed-facts h3").BoundingBoxAsync();
            Assert.NotNull(heading);
            Assert.True(heading.Y < 844, $"disputed facts heading at y={heading.Y} on a phone");
            output.WriteLine($"phone screenshot: {shot}");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Markup_in_the_input_never_runs()
    {
        var browser = Browser();
        var url = Save(Fixtures.Corpus(hostile: true), "hostile.html");
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        var console = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        // Our page has no script at all, so any console message (a script's output, or a CSP report of a blocked
        // script or image) means input markup became live.
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add("pageerror: " + error);
        try
        {
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.WaitForTimeoutAsync(300); // let any late onerror handler fire

            Assert.Empty(dialogs);
            Assert.Empty(console);
            Assert.Equal(0, await page.EvaluateAsync<int>("document.scripts.length"));
            Assert.Equal(0, await page.EvaluateAsync<int>("document.images.length"));
            Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('[onerror],[onmouseover],[onload]').length"));
            // The markup is there for the reader to see, as text.
            var body = await page.Locator("body").InnerTextAsync();
            Assert.Contains(Fixtures.Evil, body);
            Assert.Contains(Fixtures.EvilImg, body);

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Dir, "hostile.png"), FullPage = true });
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
