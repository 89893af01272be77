using Microsoft.Playwright;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>The HTML report of a real run, loaded in Debian's headless Chromium.</summary>
public sealed class BrowserEndToEndTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    internal static async Task<(IPlaywright, IBrowser)> Launch()
    {
        if (!File.Exists(ChromiumPath)) Assert.Skip("chromium is not installed (apt-get install chromium); browser tests skip");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"],
        });
        return (playwright, browser);
    }

    [Fact]
    public async Task The_samples_report_shows_the_disputed_facts_section_first()
    {
        var outDir = Repo.TempDir();
        Assert.Equal(0, Repo.Parallax("analyze", Path.Combine(Repo.Root, "samples", "reports"), "--out", outDir, "--quiet").ExitCode);
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync("file://" + Path.Combine(outDir, "report.html"));
        var disputed = page.Locator("#disputed-facts");
        Assert.True(await disputed.IsVisibleAsync());
        var text = await disputed.InnerTextAsync();
        Assert.Contains("40 minutes", text);
        Assert.Contains("25 minutes", text);
        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "samples-report.png"), FullPage = false });
    }

    [Fact]
    public async Task A_report_built_from_hostile_input_runs_no_script()
    {
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "hostile.txt"),
            "Council <script>alert(1)</script> member Anna Vey said \"the vote was <img src=x onerror=alert(2)> rigged by 40 votes\" on Monday.\n" +
            "Mayor Elena Ortiz said the margin was about 12 votes <svg onload=alert(3)>.");
        File.WriteAllText(Path.Combine(dir, "hostile.html"),
            "<html><head><title>T<script>alert(4)</script></title></head><body><article><p>Officials said 40 votes were cast <b onmouseover=alert(5)>late</b>.</p>" +
            "<script>alert(6)</script><p>\"We counted every ballot twice,\" Mayor Elena Ortiz said.</p></article></body></html>");
        var outDir = Repo.TempDir();
        Assert.Equal(0, Repo.Parallax("analyze", dir, "--out", outDir, "--quiet").ExitCode);

        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        await page.GotoAsync("file://" + Path.Combine(outDir, "report.html"));
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("script, img, svg[onload], [onerror], [onmouseover]").CountAsync());
        Assert.Contains("<script>alert(1)</script>", await page.InnerTextAsync("body"));
    }
}
