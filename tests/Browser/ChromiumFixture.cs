using Microsoft.Playwright;

namespace Parallax.Testing;

/// <summary>One headless Debian Chromium for the browser tests, or none when it is not installed. Compiled into the
/// test projects that drive a browser (they reference Microsoft.Playwright; the others need not).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public static bool Installed => File.Exists(ExecutablePath);

    public async ValueTask InitializeAsync()
    {
        if (!Installed) return;
        _playwright = await Playwright.CreateAsync();
        // Flags from docs/recipes.md: keep Chromium off the (closed) network and quiet.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
