using Dapper;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Impact;

/// <summary>The impact feature's one way to read rows: a connection per query, the request's cancellation honoured.</summary>
internal static class ImpactSql
{
    public static async Task<IReadOnlyList<T>> ListAsync<T>(this Database database, string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    public static async Task<long> MaxAsync(this Database database, string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<long?>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) ?? 0;
    }
}
