using Dapper;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Portal;

/// <summary>What the public portal reads about withheld entries: that they exist, when, why, and whether they were published since.</summary>
public sealed class PortalQueries(Database database)
{
    public sealed record WithheldRow(long Index, string Kind, string Visibility, string Time, string? Actor)
    {
        public string? Reason { get; set; }

        public long? ReasonIndex { get; set; }

        public long? DisclosedIndex { get; set; }
    }

    public sealed record ReasonRow(long LogIndex, long Entry, string Reason, string StatedAt, string StatedBy);

    public sealed record DisclosureRow(long LogIndex, long Entry, string? Reason, string PublishedAt, string PublishedBy);

    /// <summary>Withheld (internal or confidential) entries, newest first, below <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<WithheldRow>> WithheldAsync(long? before, int limit, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var rows = new List<WithheldRow>();
        foreach (var visibility in new[] { "internal", "confidential" })
        {
            rows.AddRange(await c.QueryAsync<WithheldRow>(new CommandDefinition(
                "SELECT idx AS \"Index\", kind AS Kind, visibility AS Visibility, time AS Time, actor AS Actor FROM log_entries " +
                "WHERE visibility = @visibility AND idx < @before ORDER BY idx DESC LIMIT @limit",
                new { visibility, before = before ?? long.MaxValue, limit }, cancellationToken: cancellationToken)));
        }

        rows = rows.OrderByDescending(r => r.Index).Take(limit).ToList();
        await AnnotateAsync(c, rows, cancellationToken);
        return rows;
    }

    public async Task<long> WithheldCountAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM log_entries WHERE visibility = 'internal') + (SELECT COUNT(*) FROM log_entries WHERE visibility = 'confidential')",
            cancellationToken: cancellationToken));
    }

    /// <summary>Every reason stated for an entry, oldest first (a later statement adds to, never erases, an earlier one).</summary>
    public async Task<IReadOnlyList<ReasonRow>> ReasonsAsync(long entry, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<ReasonRow>(new CommandDefinition(
            "SELECT log_index AS LogIndex, entry AS Entry, reason AS Reason, stated_at AS StatedAt, stated_by AS StatedBy FROM portal_redaction_reasons WHERE entry = @entry ORDER BY log_index",
            new { entry }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<DisclosureRow?> DisclosureAsync(long entry, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QueryFirstOrDefaultAsync<DisclosureRow>(new CommandDefinition(
            "SELECT log_index AS LogIndex, entry AS Entry, reason AS Reason, published_at AS PublishedAt, published_by AS PublishedBy FROM portal_disclosures WHERE entry = @entry ORDER BY log_index LIMIT 1",
            new { entry }, cancellationToken: cancellationToken));
    }

    /// <summary>The most recent disclosures, newest first (the feed and the portal's documents page list them).</summary>
    public async Task<IReadOnlyList<DisclosureRow>> RecentDisclosuresAsync(int limit, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<DisclosureRow>(new CommandDefinition(
            "SELECT log_index AS LogIndex, entry AS Entry, reason AS Reason, published_at AS PublishedAt, published_by AS PublishedBy FROM portal_disclosures ORDER BY log_index DESC LIMIT @limit",
            new { limit }, cancellationToken: cancellationToken))).AsList();
    }

    private static async Task AnnotateAsync(System.Data.Common.DbConnection c, List<WithheldRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entries = rows.Select(r => r.Index).ToArray();
        var low = entries.Min();
        var high = entries.Max();
        var reasons = await c.QueryAsync<ReasonRow>(new CommandDefinition(
            "SELECT log_index AS LogIndex, entry AS Entry, reason AS Reason, stated_at AS StatedAt, stated_by AS StatedBy FROM portal_redaction_reasons WHERE entry BETWEEN @low AND @high ORDER BY log_index",
            new { low, high }, cancellationToken: cancellationToken));
        var disclosures = await c.QueryAsync<(long LogIndex, long Entry)>(new CommandDefinition(
            "SELECT log_index, entry FROM portal_disclosures WHERE entry BETWEEN @low AND @high", new { low, high }, cancellationToken: cancellationToken));
        var byEntry = rows.ToDictionary(r => r.Index);
        foreach (var reason in reasons)
        {
            if (byEntry.TryGetValue(reason.Entry, out var row))
            {
                row.Reason = reason.Reason;
                row.ReasonIndex = reason.LogIndex;
            }
        }

        foreach (var (logIndex, entry) in disclosures)
        {
            if (byEntry.TryGetValue(entry, out var row) && row.DisclosedIndex is null)
            {
                row.DisclosedIndex = logIndex;
            }
        }
    }
}
