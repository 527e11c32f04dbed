using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Vigie.Browser.Tests.Infrastructure;

/// <summary>The same server on PostgreSQL: a fresh database in the cluster of VIGIE_TEST_POSTGRES, dropped afterwards.</summary>
public sealed class VigieServerOnPostgres : VigieServer
{
    private readonly string database = "vigie_browser_" + Guid.NewGuid().ToString("N")[..12];

    private static string Admin =>
        Environment.GetEnvironmentVariable("VIGIE_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("VIGIE_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL cluster.");

    protected override async Task PrepareAsync()
    {
        await using var c = new NpgsqlConnection(Admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", c);
        await cmd.ExecuteNonQueryAsync();
    }

    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("Vigie:Storage:Postgres", new NpgsqlConnectionStringBuilder(Admin) { Database = database }.ToString());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(Admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
