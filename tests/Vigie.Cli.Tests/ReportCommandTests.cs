using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

public sealed class ReportCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    [Fact]
    public async Task Report_WritesTheTransparencyReportAsPdf_AndMarkdownNamingTheCheckpoint()
    {
        await Server.WaitForCheckpointAsync(1);
        using var cli = new CliRunner(Server.Url);
        var pdfPath = cli.WriteFile("report.pdf", "");
        var pdf = await cli.RunAsync("report", "transparency", "--format", "pdf", "-o", pdfPath, "--json");
        Assert.True(pdf.ExitCode == 0, pdf.ToString());
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(pdfPath)[..5]);
        Assert.Equal(new FileInfo(pdfPath).Length, JsonDocument.Parse(pdf.Out).RootElement.GetProperty("bytes").GetInt64());

        var mdPath = cli.WriteFile("report.md", "");
        var md = await cli.RunAsync("report", "transparency", "--format", "md", "--from", "2020-01-01", "-o", mdPath);
        Assert.True(md.ExitCode == 0, md.ToString());
        var text = File.ReadAllText(mdPath);
        Assert.Contains("# Transparency report on AI governance", text);
        Assert.Contains("against checkpoint", text);
        Assert.Contains("from 2020-01-01", text);
    }

    [Fact]
    public async Task Report_RefusesWhatItCannotMake_WithTheRightExitCodes()
    {
        using var cli = new CliRunner(Server.Url);
        var path = cli.WriteFile("x.md", "");
        var noSystem = await cli.RunAsync("report", "sb53", "-o", path);
        Assert.Equal(2, noSystem.ExitCode);
        Assert.Contains("--system", noSystem.Error);
        var badKind = await cli.RunAsync("report", "annual", "-o", path);
        Assert.Equal(2, badKind.ExitCode);
        var unknown = await cli.RunAsync("report", "annex-xi", "--system", "nope", "-o", path);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("nope", unknown.Error);
        var badDay = await cli.RunAsync("report", "transparency", "--from", "yesterday", "-o", path);
        Assert.Equal(2, badDay.ExitCode);
    }
}
