using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>The policy projection's reads and writes, inside the append (or rebuild) transaction.</summary>
internal sealed class PolicyStore(LedgerTransaction tx)
{
    public sealed record ActiveRow(long LogIndex, string Name, long Version, string Sha256, string Decision, long Restores, string? PreviousSha256);

    public sealed record ProposalRow(string Decision, string Name, long Version, string Sha256, string Text, string? BasedOn, string Status);

    public Task<ActiveRow?> ActiveAsync() =>
        tx.Connection.QueryFirstOrDefaultAsync<ActiveRow?>(
            "SELECT log_index AS LogIndex, name AS Name, version AS Version, sha256 AS Sha256, decision AS Decision, restores AS Restores, previous_sha256 AS PreviousSha256 FROM policies ORDER BY log_index DESC LIMIT 1",
            transaction: tx.Transaction);

    public Task<ProposalRow?> ProposalAsync(string decision) =>
        tx.Connection.QueryFirstOrDefaultAsync<ProposalRow?>(
            "SELECT decision AS Decision, name AS Name, version AS Version, sha256 AS Sha256, text AS Text, based_on AS BasedOn, status AS Status FROM policy_proposals WHERE decision = @decision",
            new { decision }, tx.Transaction);

    /// <summary>The text of a policy that was active before, by digest.</summary>
    public Task<string?> ActivatedTextAsync(string sha256) =>
        tx.Connection.QueryFirstOrDefaultAsync<string?>(
            "SELECT text FROM policies WHERE sha256 = @sha256 ORDER BY log_index DESC LIMIT 1", new { sha256 }, tx.Transaction);

    public Task InsertProposalAsync(LedgerRecord record, string decision, GateEntries.PolicyProposal p, string title) =>
        tx.InsertAsync(
            "INSERT INTO policy_proposals (decision, log_index, name, version, sha256, text, based_on, status, visibility, title, opened_at, opened_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)",
            decision, record.Index, p.Name, (long)p.Version, p.Sha256, p.Text, p.BasedOn, "open", VisibilityNames.Of(record.Envelope.Visibility), title,
            LedgerTime.Format(record.Envelope.Time), record.Envelope.Actor ?? "").AsTask();

    public Task InsertWaiverAsync(LedgerRecord record, string decision, string system, string version, GateEntries.WaiverProposal w) =>
        tx.InsertAsync(
            "INSERT INTO waivers (decision, log_index, rule_id, system, version, action, reason, expires_at, policy_version, status, visibility, requested_at, requested_by, closed_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)",
            decision, record.Index, w.RuleId, system, version, w.Action, w.Reason, w.ExpiresAt, w.PolicyVersion, "open",
            VisibilityNames.Of(record.Envelope.Visibility), LedgerTime.Format(record.Envelope.Time), record.Envelope.Actor ?? "", null).AsTask();

    /// <summary>A decision closed or reversed: the proposal or waiver it carried (if any) takes its standing.</summary>
    public async Task SetStatusAsync(string decision, string status, DateTimeOffset time)
    {
        await tx.Connection.ExecuteAsync("UPDATE policy_proposals SET status = @status WHERE decision = @decision", new { decision, status }, tx.Transaction);
        await tx.Connection.ExecuteAsync("UPDATE waivers SET status = @status, closed_at = @at WHERE decision = @decision",
            new { decision, status, at = LedgerTime.Format(time) }, tx.Transaction);
    }

    public Task InsertActivationAsync(LedgerRecord record, GateEntries.PolicyActivatedBody b, string title, string text, string changes) =>
        tx.InsertAsync(
            "INSERT INTO policies (log_index, name, version, sha256, title, text, decision, restores, previous_version, previous_sha256, changes, diff, diff_truncated, activated_at, activated_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14)",
            record.Index, b.Name, (long)b.Version, b.Sha256, title, text, b.Decision, b.Restores ? 1L : 0L, b.PreviousVersion, b.PreviousSha256,
            changes, b.Diff, b.DiffTruncated ? 1L : 0L, LedgerTime.Format(record.Envelope.Time), record.Envelope.Actor ?? "").AsTask();
}
