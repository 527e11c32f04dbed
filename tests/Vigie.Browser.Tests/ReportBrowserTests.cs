using System.Diagnostics;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>
/// The public downloads the transparency report from the portal and reads it; the report pages,
/// in Chromium and as rendered PDF pages, are checked to show their headings on a non-blank page
/// (no pixel-exact comparison).
/// </summary>
public sealed class ReportBrowserTests(BrowserFixture browser, VigieServer server) : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    [Fact]
    public async Task Public_DownloadsTheTransparencyReportAsPdf_AndItReadsAsOne()
    {
        await PortalSeed.SeedAsync(Server);
        await Page.GotoAsync("/");
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Transparency report (PDF)" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"vigie-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        try
        {
            Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(path)[..5]);
            var text = await RunAsync("pdftotext", path, "-");
            Assert.Contains("Transparency report on AI governance", text);
            Assert.Contains("Governance statistics", text);
            Assert.Contains("Dissents recorded", text);
            Assert.Contains("against checkpoint", text);

            // The first page, rendered by poppler, is a page with ink on it.
            var png = Path.ChangeExtension(path, null);
            await RunAsync("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", path, png);
            Assert.True(await InkAsync(await File.ReadAllBytesAsync(png + ".png")) > 0.01, "The PDF's first page rendered blank.");
            File.Delete(png + ".png");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("/reports/transparency.html", "Transparency report on AI governance", "Charts")]
    [InlineData("/reports/sb53.html?system={system}", "California SB 53 transparency report", "Decisions and who took them")]
    [InlineData("/reports/annex-xi.html?system={system}", "EU AI Act Annex XI technical documentation (general-purpose AI models)", "Training runs and compute")]
    [InlineData("/reports/model-report.html?system={system}", "Model Report", "Deployments")]
    public async Task ReportPage_ShowsItsHeadings_OnANonBlankScreenshot(string path, string title, string section)
    {
        var seeded = await PortalSeed.SeedAsync(Server);
        await Page.SetViewportSizeAsync(1000, 1400);
        await Page.GotoAsync(path.Replace("{system}", seeded.System, StringComparison.Ordinal));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "About this document" })).ToBeVisibleAsync();
        var heading = Page.GetByRole(AriaRole.Heading, new() { Name = section });
        await heading.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(heading).ToBeVisibleAsync();
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var shot = await Page.ScreenshotAsync(new() { FullPage = false });
        Assert.True(await InkAsync(shot) > 0.01, $"{path} rendered a blank page.");
    }

    /// <summary>The share of pixels that are not near-white, counted by Chromium decoding the PNG into a canvas.</summary>
    private async Task<double> InkAsync(byte[] png)
    {
        var page = await Context.NewPageAsync();
        return await page.EvaluateAsync<double>("""
            async (b64) => {
              const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
              const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
              const g = c.getContext('2d'); g.drawImage(img, 0, 0);
              const d = g.getImageData(0, 0, c.width, c.height).data; let ink = 0;
              for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++;
              return ink / (c.width * c.height);
            }
            """, Convert.ToBase64String(png));
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail($"{tool} is missing: ./test.sh installs Debian's poppler-utils.");
            throw;
        }

        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
        return output;
    }
}
