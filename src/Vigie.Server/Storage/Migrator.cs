using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Vigie.Server.Storage;

/// <summary>
/// Applies the numbered SQL migrations embedded for the store's provider, each in its own
/// transaction, at start-up. On PostgreSQL an advisory lock stops two processes that start
/// together from applying the same migration twice.
/// </summary>
public static class Migrator
{
    private const long PostgresMigrationLock = 0x5669676965_01; // "Vigie" + 1

    public static async Task<int> MigrateAsync(Database database, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var migrations = LoadMigrations(database.Provider);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Provider == DbProvider.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@k)", new { k = PostgresMigrationLock });
        }

        try
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
            var count = 0;
            foreach (var (version, name, sql) in migrations)
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(sql, transaction: tx);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = time.GetUtcNow().ToString("O") },
                    tx);
                await tx.CommitAsync(cancellationToken);
                count++;
            }

            return count;
        }
        finally
        {
            if (database.Provider == DbProvider.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@k)", new { k = PostgresMigrationLock });
            }
        }
    }

    private static List<(int Version, string Name, string Sql)> LoadMigrations(DbProvider provider)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{provider}/";
        var result = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalized = resource.Replace('\\', '/');
            if (!normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = normalized[prefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_')), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            result.Add((version, name, reader.ReadToEnd()));
        }

        return result.OrderBy(m => m.Item1).ToList();
    }
}
