using System.Text.Json;
using System.Text.RegularExpressions;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

public sealed class EvidenceCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    [Fact]
    public async Task EvidenceAddThenCheck_PublicFile_VerifiesInclusionAndNamesTheIndex()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var file = cli.WriteFile("model-card.md", "# Model card " + Guid.NewGuid());

        var added = await cli.RunAsync("evidence", "add", file, "--visibility", "public", "--subject", "model-x");
        Assert.Equal(0, added.ExitCode);
        var index = Regex.Match(added.Out, @"log entry (\d+)").Groups[1].Value;
        Assert.NotEqual("", index);

        cli.Token = null; // public evidence checks without a token
        var checkedResult = await cli.RunAsync("evidence", "check", file);

        Assert.True(checkedResult.ExitCode == 0, checkedResult.ToString());
        Assert.Contains($"by admin as entry {index}; inclusion proof verified against checkpoint", checkedResult.Out);
    }

    [Fact]
    public async Task EvidenceCheck_FileNeverRecorded_ExitsOne()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var file = cli.WriteFile("unknown.bin", "never recorded " + Guid.NewGuid());

        var result = await cli.RunAsync("evidence", "check", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("never recorded", result.Error);
    }

    [Fact]
    public async Task EvidenceCheck_InternalEvidence_VerifiesCommitmentWithToken()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var file = cli.WriteFile("eval.json", "{\"score\":" + Random.Shared.Next() + "}");
        var added = await cli.RunAsync("evidence", "add", file, "--json");
        Assert.Equal(0, added.ExitCode);
        var record = JsonDocument.Parse(added.Out).RootElement;
        Assert.Equal("internal", record.GetProperty("visibility").GetString());

        var withToken = await cli.RunAsync("evidence", "check", file, "--json");

        Assert.True(withToken.ExitCode == 0, withToken.ToString());
        var report = JsonDocument.Parse(withToken.Out).RootElement;
        Assert.True(report.GetProperty("verified").GetBoolean());
        Assert.Equal(record.GetProperty("index").GetInt64(), report.GetProperty("records")[0].GetProperty("index").GetInt64());

        cli.Token = null;
        var anonymous = await cli.RunAsync("evidence", "check", file);
        Assert.Equal(1, anonymous.ExitCode);
        Assert.Contains("token", anonymous.Error);
    }

    [Fact]
    public async Task EvidenceAdd_MissingFile_ExitsUsage()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);

        var result = await cli.RunAsync("evidence", "add", "/nonexistent/weights.safetensors");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no file", result.Error);
    }
}
