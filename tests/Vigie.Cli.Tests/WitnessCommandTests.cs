using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Vigie.Cli.Tests.Infrastructure;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>
/// `vigie witness serve` cosigns a log's checkpoints; `vigie verify --witness` requires the
/// cosignature. Two servers holding the same signing key but different histories — the split
/// view a log could present to two audiences — cannot both be witnessed, and the client shown
/// the second history finds out.
/// </summary>
public sealed class WitnessCommandTests : IAsyncLifetime
{
    private readonly CancellationTokenSource stop = new();
    private readonly CliRunner operatorCli = new();
    private readonly string witnessDir = Directory.CreateTempSubdirectory("vigie-witness-").FullName;
    private readonly string logKeyFile = Path.Combine(Path.GetTempPath(), $"vigie-split-{Guid.NewGuid():N}.key");
    private readonly NoteSigner logKey = NoteSigner.Generate(RealServer.Origin);
    private Task<CliResult> witness = null!;
    private string witnessUrl = null!;
    private string witnessKey = null!;

    public async ValueTask InitializeAsync()
    {
        File.WriteAllText(logKeyFile, logKey.SignerKey + "\n");
        var key = await operatorCli.RunAsync("witness", "key", "--dir", witnessDir, "--name", "witness.test/board", "--json");
        Assert.True(key.ExitCode == 0, key.ToString());
        witnessKey = JsonDocument.Parse(key.Out).RootElement.GetProperty("key").GetString()!;

        var port = FreePort();
        witnessUrl = $"http://127.0.0.1:{port}";
        witness = operatorCli.RunAsync(stop.Token, "witness", "serve", "--dir", witnessDir, "--log", logKey.Verifier.VerifierKey, "--listen", $"127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var i = 0; ; i++)
        {
            try
            {
                var about = await http.GetStringAsync(witnessUrl + "/");
                Assert.Contains(witnessKey, about);
                break;
            }
            catch (HttpRequestException) when (i < 100 && !witness.IsCompleted)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        var result = await witness;
        Assert.Equal(0, result.ExitCode);
        operatorCli.Dispose();
        File.Delete(logKeyFile);
        Directory.Delete(witnessDir, recursive: true);
    }

    private RealServer Witnessed() => new(b =>
    {
        b.UseSetting("Vigie:Log:SignerKeyFile", logKeyFile);
        b.UseSetting("Vigie:Witnesses:0:Url", witnessUrl);
        b.UseSetting("Vigie:Witnesses:0:Key", witnessKey);
    });

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task AddEvidenceAsync(RealServer server, int count)
    {
        using var admin = server.Client(server.AdminToken);
        for (var i = 0; i < count; i++)
        {
            var response = await admin.PostAsync("/api/v1/evidence", new StringContent(
                JsonSerializer.Serialize(new { sha256 = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), name = $"file-{i}" }),
                System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    [Fact]
    public async Task SplitView_TheSecondHistoryGetsNoCosignature_AndVerifyWithTheWitnessRefusesIt()
    {
        await using var honest = Witnessed();
        await AddEvidenceAsync(honest, 2);
        using var auditor = new CliRunner(honest.Url);
        var ok = await auditor.RunAsync("verify", "--witness", witnessKey, "--json");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        var report = JsonDocument.Parse(ok.Out).RootElement;
        Assert.Equal("witness.test/board", report.GetProperty("witnesses").GetProperty("cosigned")[0].GetProperty("witness").GetString());
        var honestSize = report.GetProperty("size").GetInt64();

        // Same key, same origin, another history: what a log would show a second audience.
        await using var forked = Witnessed();
        await AddEvidenceAsync(forked, 5);
        await forked.WaitForCheckpointAsync(honestSize + 3);
        using var victim = new CliRunner(forked.Url);
        var unwitnessedOk = await victim.RunAsync("verify");
        Assert.True(unwitnessedOk.ExitCode == 0, "Without a witness, one client alone cannot see the fork: " + unwitnessedOk);

        using var careful = new CliRunner(forked.Url);
        var refused = await careful.RunAsync("verify", "--witness", witnessKey);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not witnessed", refused.Error);
        Assert.Contains("witness.test/board", refused.Error);

        // The witness still holds the honest history, and said why it refused the other one.
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(witnessDir, "state.json"))).RootElement;
        Assert.True(state.GetProperty("logs").GetProperty(RealServer.Origin).GetProperty("size").GetInt64() >= honestSize);
        var again = await auditor.RunAsync("verify", "--witness", witnessKey);
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [Fact]
    public async Task Verify_WithBadWitnessOptions_IsAUsageError()
    {
        using var cli = new CliRunner("http://127.0.0.1:9");
        var logKeyAsWitness = await cli.RunAsync("verify", "--witness", logKey.Verifier.VerifierKey);
        Assert.Equal(2, logKeyAsWitness.ExitCode);
        Assert.Contains("0x04", logKeyAsWitness.Error);
        var tooMany = await cli.RunAsync("verify", "--witness", witnessKey, "--min-witnesses", "2");
        Assert.Equal(2, tooMany.ExitCode);
        var none = await cli.RunAsync("verify", "--min-witnesses", "1");
        Assert.Equal(2, none.ExitCode);
    }

    [Fact]
    public async Task Witness_AnswersProtocolErrors_WithTheSpecStatuses()
    {
        using var http = new HttpClient();
        var empty = await http.PostAsync(witnessUrl + "/add-checkpoint", new StringContent("nonsense"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var other = NoteSigner.Generate("other.example/log");
        var unknown = await http.PostAsync(witnessUrl + "/add-checkpoint", new StringContent(
            "old 0\n\n" + other.Sign(new Checkpoint("other.example/log", 1, new byte[32], []).ToBody())));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var impostor = NoteSigner.Generate(RealServer.Origin);
        var forged = await http.PostAsync(witnessUrl + "/add-checkpoint", new StringContent(
            "old 0\n\n" + impostor.Sign(new Checkpoint(RealServer.Origin, 1, new byte[32], []).ToBody())));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var get = await http.GetAsync(witnessUrl + "/add-checkpoint");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }
}
