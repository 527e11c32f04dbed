using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigie.Server.Hosting;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Benchmarks;

/// <summary>
/// The server's ledger without HTTP: the services VigieApp.AddServices wires (real Database,
/// LedgerStore, Ledger, every projection, the checkpoint signer), started the way VigieStartup
/// starts them, on a fresh SQLite data directory or a fresh PostgreSQL database.
/// </summary>
internal sealed class LedgerHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _dataDirectory;
    private readonly PostgresScratch? _postgres;
    private CheckpointService? _checkpoints;

    private LedgerHost(ServiceProvider services, string dataDirectory, PostgresScratch? postgres)
    {
        _services = services;
        _dataDirectory = dataDirectory;
        _postgres = postgres;
    }

    public Ledger Ledger => _services.GetRequiredService<Ledger>();

    public Database Database => _services.GetRequiredService<Database>();

    public string Description => Database.Description;

    public string DataDirectory => _dataDirectory;

    /// <summary>Leave the data directory in place on dispose (the verify scenario serves it afterwards).</summary>
    public bool KeepDataDirectory { get; set; }

    /// <param name="into">A data directory to use (created if missing) instead of a fresh temporary one.</param>
    public static async Task<LedgerHost> StartAsync(BenchOptions options, string? into = null)
    {
        var dataDirectory = into is not null ? Directory.CreateDirectory(into).FullName : Directory.CreateTempSubdirectory("vigie-bench-").FullName;
        if (into is null && options.DataRoot is { } root)
        {
            Directory.Delete(dataDirectory);
            dataDirectory = Directory.CreateDirectory(Path.Combine(root, $"vigie-bench-{Guid.NewGuid():N}")).FullName;
        }

        var settings = new Dictionary<string, string?> { ["Vigie:DataDirectory"] = dataDirectory };
        PostgresScratch? postgres = null;
        if (options.Store == "postgres")
        {
            postgres = await PostgresScratch.CreateAsync(options.Postgres
                ?? throw new ArgumentException("--store postgres needs --postgres \"<connection string>\"."));
            settings["Vigie:Storage:Postgres"] = postgres.ConnectionString;
        }
        else if (options.Store != "sqlite")
        {
            throw new ArgumentException($"--store is sqlite or postgres, not '{options.Store}'.");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        VigieApp.AddServices(services, configuration);
        var host = new LedgerHost(services.BuildServiceProvider(), dataDirectory, postgres);
        await host.StartLedgerAsync(options.Checkpoints);
        return host;
    }

    private async Task StartLedgerAsync(bool signCheckpoints)
    {
        await Migrator.MigrateAsync(Database, TimeProvider.System);
        await Ledger.StartAsync(CancellationToken.None);
        if (signCheckpoints)
        {
            _checkpoints = _services.GetRequiredService<CheckpointService>();
            await _checkpoints.InitializeAsync(CancellationToken.None);
            await _checkpoints.StartAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_checkpoints is not null)
        {
            await _checkpoints.StopAsync(CancellationToken.None);
        }

        await Ledger.DisposeAsync();
        await _services.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (!KeepDataDirectory)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
