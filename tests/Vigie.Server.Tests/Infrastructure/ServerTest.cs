using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;
using Xunit;

namespace Vigie.Server.Tests.Infrastructure;

/// <summary>
/// Base of the server suite: each test gets a fresh store and a running server. Every suite is
/// an abstract class with one subclass per provider, so the same tests run on SQLite and on
/// PostgreSQL.
/// </summary>
public abstract class ServerTest : IAsyncLifetime
{
    protected abstract bool UsePostgres { get; }

    protected TestStore Store { get; private set; } = null!;

    protected VigieFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Store = await TestStore.CreateAsync(UsePostgres);
        Factory = new VigieFactory(Store, configure: ConfigureServer);
        _ = Factory.Server; // start it now: migrations, first-start admin
    }

    /// <summary>Settings a suite's servers always get (on every start and restart).</summary>
    protected virtual void ConfigureServer(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts a second server on the same store (a restart, or a second process sharing PostgreSQL).</summary>
    protected async Task RestartAsync(TimeProvider? time = null, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        await Factory.DisposeAsync();
        Factory = new VigieFactory(Store, time, configure: b =>
        {
            ConfigureServer(b);
            configure?.Invoke(b);
        });
        _ = Factory.Server;
    }

    /// <summary>As <see cref="RestartAsync"/>, but on a real loopback socket (for outside clients such as Go's); returns its URL.</summary>
    protected async Task<string> RestartOnLoopbackAsync(Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        await Factory.DisposeAsync();
        Factory = new VigieFactory(Store, configure: configure);
        Factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        Factory.StartServer();
        return Factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!
            .Addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
    }

    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected async Task<NoteVerifier> LogKeyAsync(HttpClient client)
    {
        var text = (await client.GetStringAsync("/log/key")).Trim();
        Assert.True(NoteVerifier.TryParse(text, out var verifier, out var error), error);
        return verifier!;
    }

    /// <summary>Waits (at most the second the design allows, plus slack) for a checkpoint covering <paramref name="size"/>.</summary>
    protected async Task<Checkpoint> CheckpointCoveringAsync(HttpClient client, long size, TimeSpan? within = null)
    {
        var key = await LogKeyAsync(client);
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(1.5));
        while (true)
        {
            var note = await client.GetStringAsync("/log/checkpoint");
            Assert.True(SignedNote.TryOpen(note, [key], out var opened, out var error), error);
            Assert.True(Checkpoint.TryParse(opened!.Text, out var checkpoint, out var parseError), parseError);
            if (checkpoint!.Size >= size)
            {
                return checkpoint;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No checkpoint covered size {size} in time; the newest is {checkpoint.Size}.");
            await Task.Delay(20);
        }
    }

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement;
    }

    protected async Task<JsonElement> RecordEvidenceAsync(HttpClient client, string sha256, string name = "weights.safetensors", string visibility = "public")
    {
        var response = await client.PostAsJsonAsync("/api/v1/evidence", new { sha256, name, visibility });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    protected async Task<string> CreateUserAsync(HttpClient admin, string name, params string[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { name, roles });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("token").GetString()!;
    }

    protected static string RandomSha256() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    protected long TreeSize => Factory.Service<Ledger.Ledger>().Tree.Size;

    /// <summary>
    /// Every projection table's rows as text, rows sorted, so two states compare exactly
    /// whatever order the database returns them in.
    /// </summary>
    protected async Task<string> DumpProjectionsAsync()
    {
        var database = Factory.Service<Database>();
        await using var c = await database.OpenAsync();
        var text = new System.Text.StringBuilder();
        var tables = Factory.Services.GetServices<IProjection>().SelectMany(p => p.Tables).Order(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            text.AppendLine(table);
            var rows = new List<string>();
            foreach (IDictionary<string, object?> row in await Dapper.SqlMapper.QueryAsync(c, $"SELECT * FROM {table}"))
            {
                rows.Add(string.Join("|", row.Select(kv => kv.Key + "=" + (kv.Value is byte[] b ? Convert.ToHexString(b) : kv.Value))));
            }

            rows.Sort(StringComparer.Ordinal);
            rows.ForEach(r => text.AppendLine(r));
        }

        return text.ToString();
    }
}
