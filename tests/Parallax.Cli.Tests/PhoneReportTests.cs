using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>The founding case's report.html on a 390-pixel phone and on a desktop, in headless Chromium: no sideways
/// scroll, tables as cards, long tables collapsed, every source named (never a bare document id).</summary>
public sealed partial class PhoneReportTests
{
    /// <summary>Screenshots land here for a person to look at (the closing note describes them).</summary>
    public static string Shots => Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static readonly Lazy<string> SeedsReport = new(() =>
    {
        var outDir = Repo.TempDir();
        var run = Repo.Parallax("analyze", Path.Combine(Repo.Shared!, "seeds"), "--out", outDir, "--quiet");
        Assert.Equal(0, run.ExitCode);
        return Path.Combine(outDir, "report.html");
    });

    [GeneratedRegex(@"^d\d+$")]
    private static partial Regex BareId();

    /// <summary>Chromium on the founding case's report at <paramref name="width"/> pixels (skips without Chromium or seeds).</summary>
    private static async Task<(IPlaywright, IBrowser, IPage)> OpenSeeds(int width)
    {
        if (Repo.Shared is null || !Directory.Exists(Path.Combine(Repo.Shared, "seeds")))
            Assert.Skip("../shared/seeds is not present beside the repository; the founding-case browser test needs it");
        var (playwright, browser) = await BrowserEndToEndTests.Launch();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 } });
        await page.GotoAsync("file://" + SeedsReport.Value);
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"seeds-{width}.png") });
        return (playwright, browser, page);
    }

    [Fact]
    public async Task The_founding_case_fits_a_phone_with_every_section_open()
    {
        var (playwright, browser, page) = await OpenSeeds(390);
        using var _ = playwright;
        await using var __ = browser;
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the founding case scrolls sideways at 390 px");

        // How tall the page and each section are on the phone, for the closing note (not asserted: content varies).
        var heights = await page.EvaluateAsync<string>(
            "() => document.documentElement.scrollHeight + ' px; ' + [...document.querySelectorAll('main section[id]')].map(s => s.id + ' ' + Math.round(s.getBoundingClientRect().height)).join(', ')");
        await File.WriteAllTextAsync(Path.Combine(Shots, "seeds-390-heights.txt"), heights, TestContext.Current.CancellationToken);

        // Long reference tables are collapsed; opened, they still fit (cards, not columns).
        Assert.True(await page.Locator("details.more").CountAsync() > 0, "no long section is collapsed");
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "with every section open the founding case scrolls sideways at 390 px");
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.timeline-table thead')).display"));
        Assert.Equal("block", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.timeline-table tbody tr')).display"));
        // No element of the page sticks out to the right of the viewport.
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main *')].filter(e => !e.closest('.sr-only') && e.getBoundingClientRect().right > window.innerWidth + 0.5 && getComputedStyle(e).overflow === 'visible').slice(0, 5).map(e => e.tagName + '.' + e.className)");
        Assert.Empty(wide);
    }

    [Fact]
    public async Task Every_source_is_named_and_the_disagreements_box_names_each_source_once()
    {
        var (playwright, browser, page) = await OpenSeeds(1280);
        using var _ = playwright;
        await using var __ = browser;

        // A folded section opens when its link at the top is followed.
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('#agreed-facts').closest('details.fold').open"));
        await page.Locator(".glance a[href='#agreed-facts']").ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#agreed-facts').closest('details.fold').open"),
            "following the link to a folded section leaves it closed");

        // Chips name sources: no chip reads "d1"; the reports without an outlet go by their file name.
        var chips = await page.Locator(".src").AllInnerTextsAsync();
        Assert.NotEmpty(chips);
        Assert.DoesNotContain(chips, c => BareId().IsMatch(c.Trim()));
        Assert.Contains(chips, c => c.StartsWith("004_f3cc9b", StringComparison.Ordinal));
        var sources = await page.Locator("#sources").InnerTextAsync();
        Assert.DoesNotContain("unknown", sources);
        Assert.DoesNotContain("untitled", sources);
        Assert.DoesNotContain("/seeds/", sources); // file names only, no folders

        // In each line of the disagreements box a source is named once, whatever side it is on.
        foreach (var line in await page.Locator(".disagreements li:has(a[href^='#fact-']) .spread").AllInnerTextsAsync())
        {
            var named = Regex.Matches(line, @"\(([^()]*)\)").SelectMany(m => m.Groups[1].Value.Split(", "))
                .Select(n => n.Split(", which also")[0].Trim()).Where(n => n.Length > 0 && !n.StartsWith("which also", StringComparison.Ordinal)).ToList();
            Assert.Equal(named.Count, named.Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain(named, n => BareId().IsMatch(n));
        }
    }
}
