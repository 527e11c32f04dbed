using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Vigie.Cli;
using Vigie.Core.Ledger;

namespace Vigie.Browser.Tests.Infrastructure;

/// <summary>
/// The server with one witness: the real `vigie witness serve`, run in-process before the server
/// starts, following the log's key (made in advance in the data directory, as the server would
/// make it). The server sends it each checkpoint; the portal shows its cosignature.
/// </summary>
public sealed class WitnessedVigieServer : VigieServer
{
    public const string WitnessName = "witness.browser.example/board";

    private readonly CancellationTokenSource stop = new();
    private readonly string witnessDirectory = Directory.CreateTempSubdirectory("vigie-browser-witness-").FullName;
    private Task<int>? witness;

    public string WitnessKey { get; private set; } = null!;

    public string WitnessUrl { get; private set; } = null!;

    protected override async Task PrepareAsync()
    {
        var log = NoteSigner.Generate("browser.vigie.example/log");
        File.WriteAllText(Path.Combine(DataDirectory, "log-signer.key"), log.SignerKey + "\n");
        var output = new StringWriter();
        Xunit.Assert.Equal(0, await CliApp.RunAsync(["witness", "key", "--dir", witnessDirectory, "--name", WitnessName, "--json"], Environment(output)));
        WitnessKey = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("key").GetString()!;

        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            WitnessUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        witness = CliApp.RunAsync(
            ["witness", "serve", "--dir", witnessDirectory, "--log", log.Verifier.VerifierKey, "--listen", WitnessUrl["http://".Length..]],
            Environment(TextWriter.Null), stop.Token);
        using var http = new HttpClient();
        for (var i = 0; ; i++)
        {
            try
            {
                await http.GetStringAsync(WitnessUrl + "/");
                return;
            }
            catch (HttpRequestException) when (i < 100 && !witness.IsCompleted)
            {
                await Task.Delay(50);
            }
        }
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Vigie:Witnesses:0:Url", WitnessUrl);
        builder.UseSetting("Vigie:Witnesses:0:Key", WitnessKey);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await stop.CancelAsync();
        if (witness is not null)
        {
            await witness;
        }

        Directory.Delete(witnessDirectory, recursive: true);
    }

    private CliEnvironment Environment(TextWriter output) =>
        new(output, TextWriter.Null, name => name == "VIGIE_CONFIG" ? Path.Combine(witnessDirectory, "cli-config.json") : null);
}
