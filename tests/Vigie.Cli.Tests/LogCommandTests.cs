using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

public sealed class LogCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    [Fact]
    public async Task LogCheckpoint_Json_IsVerifiedCheckpointOfTheLog()
    {
        await Server.WaitForCheckpointAsync(1);
        using var cli = new CliRunner(Server.Url);

        var result = await cli.RunAsync("log", "checkpoint", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var checkpoint = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(RealServer.Origin, checkpoint.GetProperty("origin").GetString());
        Assert.True(checkpoint.GetProperty("size").GetInt64() >= 1);
        Assert.Equal(32, Convert.FromBase64String(checkpoint.GetProperty("rootHash").GetString()!).Length);
        Assert.Contains("trusted", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LogEntry_Json_ShowsEntryWithLeafHash()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);

        var result = await cli.RunAsync("log", "entry", "0", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var entry = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(0, entry.GetProperty("index").GetInt64());
        Assert.True(entry.GetProperty("valid").GetBoolean());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("envelope").GetProperty("kind").GetString()));
        using var client = Server.Client(Server.AdminToken);
        var served = JsonDocument.Parse(await client.GetStringAsync("/api/v1/log/entries/0")).RootElement;
        Assert.Equal(served.GetProperty("leafHash").GetString(), entry.GetProperty("leafHash").GetString());
    }

    [Fact]
    public async Task LogEntry_BeyondTheLog_ExitsOne()
    {
        using var cli = new CliRunner(Server.Url);

        var result = await cli.RunAsync("log", "entry", "999999");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no entry 999999", result.Error);
    }

    [Fact]
    public async Task Help_And_Version_DescribeTheTool()
    {
        using var cli = new CliRunner(Server.Url);

        var help = await cli.RunAsync("--help");
        var version = await cli.RunAsync("--version");

        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "users", "evidence", "log", "verify" })
        {
            Assert.Contains(command, help.Out);
        }

        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out.Trim());
    }

    [Fact]
    public async Task UnknownCommand_ExitsUsage()
    {
        using var cli = new CliRunner(Server.Url);

        var result = await cli.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help", result.Error);
    }
}
