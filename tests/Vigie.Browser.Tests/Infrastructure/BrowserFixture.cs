using Microsoft.Playwright;
using Xunit;

[assembly: AssemblyFixture(typeof(Vigie.Browser.Tests.Infrastructure.BrowserFixture))]

namespace Vigie.Browser.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole test run (starting it costs about a second). Tests never
/// share pages or cookies: each gets its own context from <see cref="NewContextAsync"/>.
/// Uses Debian's /usr/bin/chromium; Playwright downloads nothing (docs: TOOLCHAIN "Browser tests").
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with 'apt-get install -y chromium' (./test.sh does).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run",
                // Keeps Chromium from resolving any name but the test server's.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
            ],
        });
    }

    /// <summary>A fresh browser profile (no cookies) whose relative URLs go to <paramref name="baseUrl"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(string baseUrl) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
