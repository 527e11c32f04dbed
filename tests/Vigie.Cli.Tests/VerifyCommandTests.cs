using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Cli.Tests;

public sealed class VerifyCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    [Fact]
    public async Task Verify_FreshLog_ExitsZeroAndPinsTheServedKey()
    {
        await Server.WaitForCheckpointAsync(1);
        using var cli = new CliRunner(Server.Url);

        var result = await cli.RunAsync("verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("is valid", result.Out);
        Assert.Contains("trusted the server's key on first use", result.Error, StringComparison.OrdinalIgnoreCase);
        using var client = Server.Client();
        var servedKey = (await client.GetStringAsync("/log/key")).Trim();
        var config = JsonDocument.Parse(File.ReadAllText(cli.ConfigPath)).RootElement;
        var state = config.GetProperty("servers").EnumerateObject().Single().Value;
        Assert.Equal(servedKey, state.GetProperty("verifierKey").GetString());
        Assert.True(state.GetProperty("checkpoint").GetProperty("size").GetInt64() >= 1);
    }

    [Fact]
    public async Task Verify_AfterMoreAppends_IsConsistentWithTheLastCheckpoint()
    {
        await Server.WaitForCheckpointAsync(1);
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var first = await cli.RunAsync("verify", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstSize = JsonDocument.Parse(first.Out).RootElement.GetProperty("size").GetInt64();

        for (var i = 0; i < 3; i++)
        {
            var file = cli.WriteFile($"report-{i}.txt", $"report {i} {Guid.NewGuid()}");
            Assert.Equal(0, (await cli.RunAsync("evidence", "add", file, "--visibility", "public")).ExitCode);
        }

        await Server.WaitForCheckpointAsync(firstSize + 3);
        var second = await cli.RunAsync("verify");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"Consistent with checkpoint {firstSize} seen before", second.Out);
        var saved = JsonDocument.Parse(File.ReadAllText(cli.ConfigPath)).RootElement.GetProperty("servers").EnumerateObject().Single().Value;
        Assert.True(saved.GetProperty("checkpoint").GetProperty("size").GetInt64() >= firstSize + 3);
    }

    [Fact]
    public async Task Verify_WithAWrongKey_ExitsOneNamingBothKeys()
    {
        using var cli = new CliRunner(Server.Url);
        var impostor = NoteSigner.Generate(RealServer.Origin).Verifier.VerifierKey;

        var result = await cli.RunAsync("verify", "--key", impostor);

        Assert.Equal(1, result.ExitCode);
        using var client = Server.Client();
        var servedKey = (await client.GetStringAsync("/log/key")).Trim();
        Assert.Contains(impostor, result.Error);
        Assert.Contains(servedKey, result.Error);
        Assert.False(File.Exists(cli.ConfigPath), "a refused key must not be pinned");
    }

    [Fact]
    public async Task Verify_WithTheRightKey_PinsItAndPasses()
    {
        using var client = Server.Client();
        var servedKey = (await client.GetStringAsync("/log/key")).Trim();
        using var cli = new CliRunner(Server.Url);

        var result = await cli.RunAsync("verify", "--key", servedKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Pinned the key given with --key", result.Error);
    }

    [Fact]
    public async Task Verify_MalformedKey_ExitsUsage()
    {
        using var cli = new CliRunner(Server.Url);

        var result = await cli.RunAsync("verify", "--key", "not-a-key");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--key", result.Error);
    }

    [Fact]
    public async Task Verify_ServerNotListening_ExitsThree()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var cli = new CliRunner($"http://127.0.0.1:{port}");

        var result = await cli.RunAsync("verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot reach the Vigie server", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
