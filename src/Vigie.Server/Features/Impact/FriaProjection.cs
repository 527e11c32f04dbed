using System.Text.Json;
using Dapper;
using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// FRIA revisions, and the fria-approval decisions that review them, derived from the log: the
/// proposal a decision carries when it opens, then its standing as it closes or is reversed. It
/// reads only the entries it is given (decision entries included), never the decisions feature's
/// tables. It refuses a revision that is not the next one, and a review of a revision whose digest
/// is not the proposal's; a review of a revision whose body was erased is skipped, so a rebuild
/// never stops on it.
/// </summary>
public sealed class FriaProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } =
        [ImpactEntries.FriaRevised, DecisionEntries.Opened, DecisionEntries.Closed, DecisionEntries.Reversed];

    public bool MayRefuse => true;

    public IReadOnlyList<string> Tables { get; } = ["rights_fria_decisions", "rights_fria"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null;
        }

        await tx.FlushAsync();
        var e = record.Envelope;
        var at = LedgerTime.Format(e.Time);
        switch (e.Kind)
        {
            case ImpactEntries.FriaRevised:
                return await RevisedAsync(tx, record, BodyJson.Read<ImpactEntries.FriaBody>(body));
            case DecisionEntries.Opened:
                return await OpenedAsync(tx, record, BodyJson.Read<DecisionEntries.OpenedBody>(body));
            case DecisionEntries.Closed:
                var closed = BodyJson.Read<DecisionEntries.ClosedBody>(body);
                await SetStatusAsync(tx, closed.Decision, closed.Outcome, at);
                return null;
            default:
                await SetStatusAsync(tx, BodyJson.Read<DecisionEntries.RulingBody>(body).Decision, "reversed", at);
                return null;
        }
    }

    private static async Task<string?> RevisedAsync(LedgerTransaction tx, LedgerRecord record, ImpactEntries.FriaBody b)
    {
        var head = await tx.Connection.ExecuteScalarAsync<long?>(
            "SELECT MAX(revision) FROM rights_fria WHERE system = @System AND deployment = @Deployment", b, tx.Transaction) ?? 0;

        // Gaps are allowed (an erased non-public revision leaves one on replay); going back is not.
        if (b.Revision <= head)
        {
            return $"The FRIA of {b.System} / {b.Deployment} is at revision {head}; the new one must be {head + 1}. Someone changed it meanwhile: look again and retry.";
        }

        var e = record.Envelope;
        await tx.InsertAsync(
            "INSERT INTO rights_fria (log_index, system, deployment, revision, version, document_json, sha256, note, visibility, recorded_at, recorded_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)",
            record.Index, b.System, b.Deployment, (long)b.Revision, b.Version, ImpactProjection.Canonical(b.Document), b.Sha256, b.Note,
            VisibilityNames.Of(e.Visibility), LedgerTime.Format(e.Time), e.Actor ?? "");
        return null;
    }

    private static async Task<string?> OpenedAsync(LedgerTransaction tx, LedgerRecord record, DecisionEntries.OpenedBody body)
    {
        if (body.Type != DecisionTypes.FriaApproval)
        {
            return null;
        }

        var p = ImpactEntries.FriaProposal.Read(body.Proposal);

        if (p is null || body.System is null || body.Version is null)
        {
            return "A fria-approval decision names the system version and the FRIA revision it reviews (deployment, revision, sha256).";
        }

        var sha256 = await tx.Connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT sha256 FROM rights_fria WHERE system = @System AND deployment = @Deployment AND revision = @Revision",
            new { body.System, p.Deployment, Revision = (long)p.Revision }, tx.Transaction);
        if (sha256 is null)
        {
            return null; // the revision's body was erased: nothing to attach the review to (the endpoint checked it existed)
        }

        if (sha256 != p.Sha256)
        {
            return $"Revision {p.Revision} of the FRIA of {body.System} / {p.Deployment} has digest {sha256}, not {p.Sha256}.";
        }

        var e = record.Envelope;
        await tx.InsertAsync(
            "INSERT INTO rights_fria_decisions (decision, log_index, system, deployment, revision, sha256, status, visibility, opened_at, opened_by, closed_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)",
            DecisionIds.Format(record.Index), record.Index, body.System, p.Deployment, (long)p.Revision, p.Sha256, "open",
            VisibilityNames.Of(e.Visibility), LedgerTime.Format(e.Time), e.Actor ?? "", null);
        return null;
    }

    private static Task SetStatusAsync(LedgerTransaction tx, string decision, string status, string at) =>
        tx.Connection.ExecuteAsync("UPDATE rights_fria_decisions SET status = @status, closed_at = @at WHERE decision = @decision",
            new { decision, status, at }, tx.Transaction);
}
