using Dapper;
using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// Follows framework-change decisions through their own log entries (never the decisions
/// feature's tables): which are open, signed, approved, rejected or reversed. The entry that
/// approves a decision carrying a proposed framework puts that framework in force, in the same
/// transaction; a reversal takes it out again. It refuses nothing: these are another feature's entries.
/// </summary>
public sealed class FrameworkDecisionProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } =
        [DecisionEntries.Opened, DecisionEntries.Signed, DecisionEntries.Closed, DecisionEntries.Reversed];

    public IReadOnlyList<string> Tables { get; } = ["risk_framework_decisions"];

    public bool MayRefuse => false;

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null;
        }

        var c = tx.Connection;
        switch (record.Envelope.Kind)
        {
            case DecisionEntries.Opened:
                var opened = BodyJson.Read<DecisionEntries.OpenedBody>(body);
                if (opened.Type == DecisionTypes.FrameworkChange)
                {
                    await tx.InsertAsync(
                        "INSERT INTO risk_framework_decisions (decision, log_index, status, signoffs, opened_by) VALUES (@p0, @p1, @p2, @p3, @p4)",
                        DecisionIds.Format(record.Index), record.Index, "open", 0L, record.Envelope.Actor ?? "");
                }

                return null;
            case DecisionEntries.Signed:
                await tx.FlushAsync();
                await c.ExecuteAsync("UPDATE risk_framework_decisions SET signoffs = signoffs + 1 WHERE decision = @d",
                    new { d = BodyJson.Read<DecisionEntries.SignedBody>(body).Decision }, tx.Transaction);
                return null;
            case DecisionEntries.Closed:
                var closed = BodyJson.Read<DecisionEntries.ClosedBody>(body);
                await tx.FlushAsync();
                if (await c.ExecuteAsync("UPDATE risk_framework_decisions SET status = @s WHERE decision = @d",
                        new { s = closed.Outcome, d = closed.Decision }, tx.Transaction) > 0)
                {
                    await CloseProposalAsync(tx, record, closed.Decision, closed.Outcome == DecisionStateJson.Name(DecisionStatus.Approved));
                }

                return null;
            case DecisionEntries.Reversed:
                var reversed = BodyJson.Read<DecisionEntries.RulingBody>(body);
                await tx.FlushAsync();
                if (await c.ExecuteAsync("UPDATE risk_framework_decisions SET status = 'reversed' WHERE decision = @d",
                        new { d = reversed.Decision }, tx.Transaction) > 0)
                {
                    await c.ExecuteAsync("UPDATE risk_framework_proposals SET status = 'reversed' WHERE decision = @d AND status = 'adopted'",
                        new { d = reversed.Decision }, tx.Transaction);
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// An approved proposal is adopted unless a framework of the same or a higher version was
    /// adopted while it waited (it is then superseded); a rejected one is rejected.
    /// </summary>
    private static async Task CloseProposalAsync(LedgerTransaction tx, LedgerRecord record, string decision, bool approved)
    {
        var c = tx.Connection;
        var proposal = await c.QuerySingleOrDefaultAsync<ProposalKey>(
            "SELECT log_index AS LogIndex, version AS Version FROM risk_framework_proposals WHERE decision = @decision AND status = 'proposed'",
            new { decision }, tx.Transaction);
        if (proposal is not { } p)
        {
            return;
        }

        var inForce = await c.QuerySingleOrDefaultAsync<long?>(
            "SELECT version FROM risk_framework_proposals WHERE status = 'adopted' ORDER BY adopted_index DESC LIMIT 1", transaction: tx.Transaction);
        var status = !approved ? "rejected" : inForce is { } current && current >= p.Version ? "superseded" : "adopted";
        await c.ExecuteAsync(
            "UPDATE risk_framework_proposals SET status = @status, adopted_index = @index, adopted_at = @at WHERE log_index = @proposal",
            new
            {
                status, proposal = p.LogIndex,
                index = status == "adopted" ? record.Index : (long?)null,
                at = status == "adopted" ? LedgerTime.Format(record.Envelope.Time) : null,
            },
            tx.Transaction);
    }

    private sealed record ProposalKey(long LogIndex, long Version);
}
