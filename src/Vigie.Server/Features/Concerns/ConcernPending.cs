using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Concerns held until their batch (issue 7, ADR 0005 addendum "Time"): an entry's position in the
/// log lies between neighbours whose times are exact, so appending a concern when it is filed
/// would date it to the minute. Each filing is instead appended at a uniformly random instant of
/// the day after it was filed (UTC), drawn independently of the filing time, so its position says
/// only which day it was filed — what its entries already say.
/// </summary>
public sealed class ConcernPending(Database database)
{
    /// <summary>A filing waiting for its append: the two entry bodies, as they will be written.</summary>
    public sealed record Row(string Locator, string ConcernId, string Received, string Filed, string ReceivedOn, string AppendAt);

    /// <summary>When a concern filed at <paramref name="now"/> enters the log: a random instant of the next UTC day.</summary>
    public static DateTimeOffset AppendTime(DateTimeOffset now)
    {
        var nextDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        return nextDay.AddMilliseconds(RandomNumberGenerator.GetInt32(24 * 60 * 60 * 1000));
    }

    public async Task<bool> LocatorOrIdTakenAsync(string locator, string id, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM concern_pending WHERE locator = @locator OR concern_id = @id", new { locator, id }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Queues a filing; false when its locator or id is taken meanwhile (the client makes a new receipt).</summary>
    public async Task<bool> AddAsync(ConcernEntries.ReceivedBody received, ConcernEntries.FactBody filed, DateTimeOffset appendAt, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var inserted = await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO concern_pending (locator, concern_id, received, filed, received_on, append_at)
            VALUES (@locator, @id, @received, @filed, @on, @at) ON CONFLICT DO NOTHING
            """,
            new
            {
                locator = received.Locator, id = received.Concern, received = JsonSerializer.Serialize(received, BodyJson.Options),
                filed = JsonSerializer.Serialize(filed, BodyJson.Options), on = received.Date, at = LedgerTime.Format(appendAt),
            },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<Row?> FindByLocatorAsync(string locator, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM concern_pending WHERE locator = @locator", new { locator }, cancellationToken: cancellationToken));
    }

    /// <summary>The filings whose instant has come, in a random order.</summary>
    public async Task<IReadOnlyList<Row>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM concern_pending WHERE append_at <= @now", new { now = LedgerTime.Format(now) }, cancellationToken: cancellationToken))).ToArray();
        RandomNumberGenerator.Shuffle(rows.AsSpan());
        return rows;
    }

    public async Task RemoveAsync(string locator, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM concern_pending WHERE locator = @locator", new { locator }, cancellationToken: cancellationToken));
    }

    private const string Columns =
        "locator AS Locator, concern_id AS ConcernId, received AS Received, filed AS Filed, received_on AS ReceivedOn, append_at AS AppendAt";
}
