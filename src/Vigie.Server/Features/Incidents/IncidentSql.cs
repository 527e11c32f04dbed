using Vigie.Server.Storage;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// "column is one of a list" in each provider's SQL: Dapper expands <c>IN @list</c> for SQLite,
/// but hands a list to Npgsql as one array parameter, which PostgreSQL reads with <c>= ANY(...)</c>.
/// </summary>
internal static class IncidentSql
{
    public static string In(DbProvider provider, string column, string parameter) =>
        provider == DbProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";
}
