using Npgsql;

namespace Vigie.Server.Tests.Infrastructure;

/// <summary>
/// A fresh, empty store for one test: a temporary data directory, and for PostgreSQL a new
/// database in the cluster ./test.sh started (VIGIE_TEST_POSTGRES).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string dataDirectory, string? postgres, string? databaseName)
    {
        DataDirectory = dataDirectory;
        Postgres = postgres;
        DatabaseName = databaseName;
    }

    public string DataDirectory { get; }

    public string? Postgres { get; }

    private string? DatabaseName { get; }

    public static async Task<TestStore> CreateAsync(bool postgres)
    {
        var dir = Directory.CreateTempSubdirectory("vigie-test-").FullName;
        if (!postgres)
        {
            return new TestStore(dir, null, null);
        }

        var admin = AdminConnectionString();
        var name = "vigie_" + Guid.NewGuid().ToString("N")[..16];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestStore(dir, builder.ToString(), name);
    }

    public static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("VIGIE_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "VIGIE_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL cluster.");

    public async ValueTask DisposeAsync()
    {
        if (DatabaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(AdminConnectionString());
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open by a pooled connection; the temp folder is cleaned by the OS
        }
    }
}
