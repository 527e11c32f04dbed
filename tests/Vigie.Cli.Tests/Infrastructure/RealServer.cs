using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Tests.Infrastructure;

/// <summary>
/// The real Vigie server on a fresh SQLite data directory, listening on 127.0.0.1 on a free port,
/// so the CLI talks real HTTP to it (as VigieFactory does for the server suite, but over Kestrel).
/// </summary>
public sealed class RealServer : WebApplicationFactory<global::Program>
{
    public const string Origin = "cli.vigie.example/log";

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("vigie-cli-server-").FullName;
    private readonly Action<IWebHostBuilder>? configure;

    /// <param name="settings">Server settings on top of the tests' defaults (e.g. Vigie:Concerns:BatchFilings).</param>
    public RealServer(IReadOnlyDictionary<string, string> settings)
        : this(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        })
    {
    }

    /// <param name="configure">Extra settings (witnesses, a given signer key) applied after the defaults.</param>
    public RealServer(Action<IWebHostBuilder>? configure = null)
    {
        this.configure = configure;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Url = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }

    public string Url { get; }

    /// <summary>The token printed on first start.</summary>
    public string AdminToken => File.ReadAllText(Path.Combine(dataDirectory, "initial-admin-token")).Trim();

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Waits for a signed checkpoint that covers <paramref name="size"/> entries.</summary>
    public async Task<long> WaitForCheckpointAsync(long size)
    {
        using var client = Client();
        var key = (await client.GetStringAsync("/log/key")).Trim();
        Xunit.Assert.True(NoteVerifier.TryParse(key, out var verifier, out _));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var note = await client.GetStringAsync("/log/checkpoint");
            Xunit.Assert.True(SignedNote.TryOpen(note, [verifier!], out var opened, out var error), error);
            Xunit.Assert.True(Checkpoint.TryParse(opened!.Text, out var checkpoint, out _));
            if (checkpoint!.Size >= size)
            {
                return checkpoint.Size;
            }

            Xunit.Assert.True(DateTime.UtcNow < deadline, $"No checkpoint covered {size} entries in time.");
            await Task.Delay(20);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Vigie:DataDirectory", dataDirectory);
        builder.UseSetting("Vigie:Log:Origin", Origin);
        builder.UseSetting("Vigie:Log:CheckpointDelayMilliseconds", "20");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel", "Error");
        // Concerns enter the log when filed, so tests can follow them at once (the default holds them for a batch).
        builder.UseSetting("Vigie:Concerns:BatchFilings", "false");
        configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a pooled connection; the OS cleans temp folders
        }
    }
}
