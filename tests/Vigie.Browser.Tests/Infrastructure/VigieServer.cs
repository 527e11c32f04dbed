using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Vigie.Browser.Tests.Infrastructure;

/// <summary>
/// The real Vigie server on Kestrel at 127.0.0.1 (a free port), on SQLite in a temporary data
/// directory, so Chromium can reach it. Used as a class fixture: one server per test class.
/// Mirrors tests/Vigie.Server.Tests/Infrastructure/VigieFactory.cs.
/// </summary>
public class VigieServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("vigie-browser-").FullName;

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = null!;

    /// <summary>The first-start admin's API token.</summary>
    public string AdminToken => File.ReadAllText(Path.Combine(_dataDirectory, "initial-admin-token")).Trim();

    /// <summary>
    /// The log's verifier key, derived from the signer key the server keeps in its data directory:
    /// the key an organisation publishes, known to the test apart from anything the server answers.
    /// </summary>
    public string LogVerifierKey
    {
        get
        {
            Assert.True(Vigie.Core.Ledger.NoteSigner.TryParse(File.ReadAllText(Path.Combine(_dataDirectory, "log-signer.key")).Trim(), out var signer, out var error), error);
            return signer!.Verifier.VerifierKey;
        }
    }

    public virtual async ValueTask InitializeAsync()
    {
        await PrepareAsync();
        UseKestrel();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUrl = address.TrimEnd('/');
    }

    /// <summary>Work a variant does before the server starts (a database to create, a witness to run).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Settings a variant adds (PostgreSQL, witnesses, a given log key).</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    /// <summary>The data directory, for files a variant puts there (a log key made in advance).</summary>
    protected string DataDirectory => _dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Port 0: the system picks a free one; read back in InitializeAsync.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Vigie:DataDirectory", _dataDirectory);
        builder.UseSetting("Vigie:Log:Origin", "browser.vigie.example/log");
        builder.UseSetting("Vigie:Log:CheckpointDelayMilliseconds", "20");
        builder.UseSetting("Vigie:PrintInitialAdminToken", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Concerns enter the log when filed, so tests can follow them at once (the default holds them for a batch).
        builder.UseSetting("Vigie:Concerns:BatchFilings", "false");
        Configure(builder);
    }

    /// <summary>A client of the JSON API on the real port, with <paramref name="token"/> as bearer.</summary>
    public HttpClient Api(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Creates a user through the API (as admin); returns their first token and its id.</summary>
    public async Task<(string Token, string TokenId)> CreateUserAsync(string name, params string[] roles)
    {
        using var admin = Api(AdminToken);
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { name, roles });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("token").GetString()!, body.GetProperty("tokenId").GetString()!);
    }

    public async Task RevokeTokenAsync(string user, string tokenId)
    {
        using var admin = Api(AdminToken);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/users/{user}/tokens/{tokenId}")).StatusCode);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temporary folder is left for the OS to clean
        }
    }
}
