using Npgsql;

namespace Vigie.Benchmarks;

/// <summary>A fresh database on the given PostgreSQL server for one run, dropped afterwards.</summary>
internal sealed class PostgresScratch : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private PostgresScratch(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresScratch> CreateAsync(string connectionString)
    {
        var name = $"vigie_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(connectionString, $"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = name };
        return new PostgresScratch(connectionString, name, builder.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
