using System.Text.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Appends the held filings whose instant has come (<see cref="ConcernPending"/>): for each, the
/// confidential <c>concern.received/v1</c> and the public <c>concern.filed/v1</c>, as filing would
/// have, with day-only times. Run by <see cref="ConcernBatchService"/>, and callable directly.
/// </summary>
public sealed class ConcernBatch(ConcernPending pending, ConcernQueries queries, Ledger.Ledger ledger, TimeProvider time)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var appended = 0;
        foreach (var row in await pending.DueAsync(time.GetUtcNow(), cancellationToken))
        {
            using var received = JsonDocument.Parse(row.Received);
            using var filed = JsonDocument.Parse(row.Filed);
            var result = await ledger.AppendAllAsync(
            [
                new LedgerWrite(ConcernEntries.Received, null, Visibility.Confidential, received.RootElement.Clone()) { DayPrecisionTime = true },
                new LedgerWrite(ConcernEntries.Filed, null, Visibility.Public, filed.RootElement.Clone()) { DayPrecisionTime = true },
            ], cancellationToken);

            // Refused only when it is already in the log (a run stopped between the append and
            // the removal, or another server sharing the store appended it): then it leaves the queue too.
            if (result.Succeeded || await queries.FindAsync(row.ConcernId, cancellationToken) is not null)
            {
                await pending.RemoveAsync(row.Locator, cancellationToken);
                appended += result.Succeeded ? 1 : 0;
            }
        }

        return appended;
    }
}
