using Microsoft.Extensions.Options;
using Vigie.Server.Features.Users;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Hosting;

/// <summary>
/// Runs before the server takes requests: migrates the store, loads the committed tree, checks
/// it against the last signed checkpoint, and on first start creates the admin account.
/// </summary>
public sealed class VigieStartup(
    Database database,
    Ledger.Ledger ledger,
    CheckpointService checkpoints,
    LedgerStore store,
    UserQueries users,
    UserAccounts accounts,
    TimeProvider time,
    IOptions<VigieOptions> options,
    ILogger<VigieStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await Migrator.MigrateAsync(database, time, cancellationToken);
        await CheckOriginAsync(cancellationToken);
        await ledger.StartAsync(cancellationToken);
        await checkpoints.InitializeAsync(cancellationToken);
        logger.LogInformation(
            "Vigie log '{Origin}' on {Store}: {Size} entries, {Migrations} migrations applied",
            checkpoints.Origin, database.Description, ledger.Tree.Size, applied);
        await InitialAdmin.EnsureAsync(users, accounts, options.Value.DataDirectory,
            options.Value.PrintInitialAdminToken ? Console.Out : TextWriter.Null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The origin is fixed when the log is created; a changed setting is an error, not a new log.</summary>
    private async Task CheckOriginAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var origin = options.Value.Log.Origin;
        await store.WriteMetaAsync(connection, "origin", origin);
        var stored = await store.ReadMetaAsync(connection, "origin");
        if (stored != origin)
        {
            throw new InvalidOperationException(
                $"This log's origin is '{stored}', but Vigie__Log__Origin is '{origin}'. A log's origin cannot change.");
        }
    }
}
