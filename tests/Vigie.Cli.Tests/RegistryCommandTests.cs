using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

public sealed class RegistryCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task SystemsAdd_VersionsAddWithWeights_ShowListsTheVersionAndItsDigest()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var name = Unique("atlas");
        var weights = cli.WriteFile("model.safetensors", "weights " + Guid.NewGuid());
        var expectedDigest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(weights)));

        var added = await cli.RunAsync("systems", "add", name, "--purpose", "General assistant");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains($"Registered system {name} (internal) as log entry", added.Out);

        var version = await cli.RunAsync("versions", "add", name, "1.0", "--weights", weights);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Matches(@"weights digest recorded as evidence ev-\d+", version.Out);

        var shown = await cli.RunAsync("versions", "show", name, "1.0", "--json");
        Assert.Equal(0, shown.ExitCode);
        var json = JsonDocument.Parse(shown.Out).RootElement;
        Assert.Equal(expectedDigest, json.GetProperty("version").GetProperty("weightsSha256").GetString());

        var system = await cli.RunAsync("systems", "show", name);
        Assert.Contains("owner admin", system.Out);
        Assert.Contains("1.0", system.Out);
    }

    [Fact]
    public async Task RunsAdd_ThenVersionsShow_ReportsComputeWithLineage()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var name = Unique("lineage");
        Assert.Equal(0, (await cli.RunAsync("systems", "add", name)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("versions", "add", name, "base")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("runs", "add", name, "base", "pretrain", "--started", "2026-01-01", "--flop", "9e25")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("versions", "add", name, "ft", "--kind", "fine-tune", "--base", name + "@base")).ExitCode);
        var run = await cli.RunAsync("runs", "add", name, "ft", "rl", "--started", "2026-02-01", "--flop", "2e25", "--hardware", "512 x H100");
        Assert.True(run.ExitCode == 0, run.ToString());

        var shown = await cli.RunAsync("versions", "show", name, "ft");
        Assert.Contains("Training compute of this version: 2E+25 FLOP; with its lineage: 1.1E+26 FLOP", shown.Out);
        Assert.Contains("512 x H100", shown.Out);
    }

    [Fact]
    public async Task VersionsAdd_UnknownSystem_ExitsOneWithTheServersReason()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var result = await cli.RunAsync("versions", "add", Unique("ghost"), "1.0");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("register it first", result.Error);
    }

    [Fact]
    public async Task SystemsAdd_BadName_ExitsUsage_AndWithoutTokenExitsThree()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var bad = await cli.RunAsync("systems", "add", "Not Valid");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a valid system name", bad.Error);

        cli.Token = null;
        var anonymous = await cli.RunAsync("systems", "add", Unique("x"));
        Assert.Equal(3, anonymous.ExitCode);
    }

    [Fact]
    public async Task VersionsStatus_RecordsTheReason_AndListShowsTheNewStatus()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var name = Unique("status");
        await cli.RunAsync("systems", "add", name);
        await cli.RunAsync("versions", "add", name, "1");
        var changed = await cli.RunAsync("versions", "status", name, "1", "retired", "--reason", "Superseded by 2");
        Assert.True(changed.ExitCode == 0, changed.ToString());

        var list = await cli.RunAsync("versions", "list", name, "--json");
        Assert.Equal("retired", JsonDocument.Parse(list.Out).RootElement[0].GetProperty("status").GetString());
        var shown = await cli.RunAsync("versions", "show", name, "1");
        Assert.Contains("status → retired by admin: Superseded by 2", shown.Out);

        var missingReason = await cli.RunAsync("versions", "status", name, "1", "deployed");
        Assert.Equal(2, missingReason.ExitCode);
    }

    [Fact]
    public async Task AliasesSet_WithoutAnApprovedDecision_ExitsOneNamingTheDecisionNeeded()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var name = Unique("deploy");
        await cli.RunAsync("systems", "add", name);
        await cli.RunAsync("versions", "add", name, "1.0");

        var refused = await cli.RunAsync("aliases", "set", name, "production", "1.0");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("needs an approved deploy-external decision", refused.Error);

        var list = await cli.RunAsync("aliases", "list", name, "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(0, JsonDocument.Parse(list.Out).RootElement.GetProperty("history").GetArrayLength());
    }
}
