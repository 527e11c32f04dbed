using System.Diagnostics;
using System.Net;
using Xunit;

namespace Vigie.Server.Tests.Portal;

/// <summary>Generated documents: derived from the ledger, each figure with its entries, naming the checkpoint.</summary>
public abstract class ReportTests : PortalTest
{
    /// <summary>The text of a PDF, extracted by poppler's pdftotext (an outside reader, not PDFsharp).</summary>
    internal static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Fail("pdftotext is missing: ./test.sh installs Debian's poppler-utils (apt-get install -y poppler-utils).");
                throw;
            }

            var text = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "pdftotext could not read the PDF: " + error);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TransparencyReport_AsPdf_IsAValidPdf_NamingItsCheckpoint_AndItsFigures()
    {
        await DecisionWithDissentAsync();
        var response = await App.CreateClient().GetAsync("/reports/transparency.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var size = response.Headers.GetValues("X-Vigie-Checkpoint").Single();
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);

        var text = await PdfTextAsync(pdf);
        Assert.Contains("Transparency report on AI governance", text);
        Assert.Contains($"checkpoint {size}", text);
        Assert.Contains("Dissents recorded", text);
        Assert.Contains("Decisions opened per month", text);
        Assert.Contains("No data — Capability forecasts", text);
    }

    [Fact]
    public async Task Sb53Report_ReadsTheCardFieldByField_WithClauses_AndTheDecisionsWithTheirDissent()
    {
        var id = await DecisionWithDissentAsync();
        var md = await App.CreateClient().GetStringAsync("/api/v1/reports/sb53?system=atlas&format=md");
        Assert.Contains("# California SB 53 transparency report", md);
        Assert.Contains("§22757.12", md);
        Assert.Contains("_Not recorded._", md);
        Assert.Contains($"{id}: deploy-external atlas 1.0", md);
        Assert.Contains("Cyber uplift is below the High threshold.", md);
        Assert.Contains("The cyber evaluation skipped the agentic setting.", md);
        Assert.Contains("It names a customer under NDA.", md);
        Assert.DoesNotContain("Customer Z", md);
        Assert.Contains("/entries/", md);

        var html = await App.CreateClient().GetStringAsync("/reports/annex-xi.html?system=atlas&version=1.0");
        Assert.Contains("Annex XI", html);
        Assert.Contains("3.8e+25", html);
        Assert.Contains("<span id=\"checkpoint-size\">", html);
    }

    [Theory]
    [InlineData("/reports/nonsense.pdf", HttpStatusCode.NotFound)]
    [InlineData("/reports/transparency.docx", HttpStatusCode.BadRequest)]
    [InlineData("/reports/sb53.pdf", HttpStatusCode.BadRequest)]
    [InlineData("/reports/sb53.pdf?system=nope", HttpStatusCode.NotFound)]
    [InlineData("/reports/transparency.md?from=2026-02-30", HttpStatusCode.BadRequest)]
    [InlineData("/reports/transparency", HttpStatusCode.NotFound)]
    public async Task BadReportRequests_AreProblems(string path, HttpStatusCode status)
    {
        var response = await App.CreateClient().GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}

public sealed class ReportTestsOnSqlite : ReportTests
{
    protected override bool UsePostgres => false;
}

public sealed class ReportTestsOnPostgres : ReportTests
{
    protected override bool UsePostgres => true;
}
