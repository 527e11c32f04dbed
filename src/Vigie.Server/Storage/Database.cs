using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigie.Server.Storage;

/// <summary>
/// Opens connections to the configured store. SQLite connections are tuned for the ledger:
/// WAL so readers never block the writer, and synchronous=FULL so a commit that returned
/// is on disk (an acknowledged entry must survive a crash).
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    private Database(DbProvider provider, string? sqlite, NpgsqlDataSource? postgres, string description)
    {
        Provider = provider;
        _sqlite = sqlite;
        _postgres = postgres;
        Description = description;
    }

    public DbProvider Provider { get; }

    /// <summary>Where the data lives, without credentials, for start-up messages.</summary>
    public string Description { get; }

    public static Database ForSqlite(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new Database(DbProvider.Sqlite, builder.ToString(), null, $"SQLite {path}");
    }

    public static Database ForPostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        return new Database(DbProvider.Postgres, null, NpgsqlDataSource.Create(builder), description);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
