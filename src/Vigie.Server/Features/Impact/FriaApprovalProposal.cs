using System.Text.Json;
using Vigie.Core.Governance;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// The fria-approval decision's proposal: one FRIA revision, by digest. It opens only on the latest
/// revision of a complete FRIA, about the version that FRIA deploys, and not while another review of
/// the same FRIA is open. Approval is refused when the FRIA was revised since (the approval would be
/// of a text nobody now holds) or when the person whose signature decides it wrote that revision (a
/// review is a second pair of eyes). Its standing is projected by <see cref="FriaProjection"/>.
/// </summary>
public sealed class FriaApprovalProposal(FriaQueries frias) : IDecisionProposal
{
    public string Type => DecisionTypes.FriaApproval;

    public async Task<StepOutcome?> CheckAsync(DecisionRequests.Open request, JsonElement? proposal, CancellationToken cancellationToken)
    {
        var p = ImpactEntries.FriaProposal.Read(proposal);

        if (p is null || request.System is null)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest,
                "A fria-approval decision reviews one FRIA revision: submit it with 'vigie fria submit SYSTEM DEPLOYMENT' (POST /api/v1/systems/{system}/frias/{deployment}/review).");
        }

        var latest = await frias.LatestAsync(request.System, p.Deployment, includeInternal: true, cancellationToken);
        if (latest is null || latest.Revision != p.Revision || latest.Sha256 != p.Sha256)
        {
            return StepOutcome.Fail(StatusCodes.Status409Conflict,
                latest is null
                    ? $"There is no FRIA of {request.System} / {p.Deployment}."
                    : $"The FRIA of {request.System} / {p.Deployment} is at revision {latest.Revision}; only the latest revision goes to review.");
        }

        if (request.Version != latest.Version)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest, $"Revision {latest.Revision} assesses the deployment of {request.System}@{latest.Version}, not {request.Version}.");
        }

        if (latest.Document().Missing is { Count: > 0 } missing)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest,
                $"Revision {latest.Revision} is not complete; write {string.Join(", ", missing.Select(f => $"{f.Label} ({f.Point})"))} first.");
        }

        var open = (await frias.DecisionsAsync(request.System, p.Deployment, includeInternal: true, cancellationToken)).FirstOrDefault(d => d.Status == "open");
        return open is null
            ? null
            : StepOutcome.Fail(StatusCodes.Status409Conflict, $"{open.Decision} is already reviewing revision {open.Revision} of this FRIA; it is decided first.");
    }

    public async Task<(IReadOnlyList<LedgerWrite> Writes, string? Refusal)> ApprovedAsync(DecisionQueries.DecisionDetail decision, string actor, CancellationToken cancellationToken)
    {
        if (await frias.DecisionAsync(decision.Summary.Id, cancellationToken) is not { } reviewed)
        {
            return ([], null); // its FRIA revision was erased: nothing left to approve or refuse
        }

        var latest = await frias.LatestAsync(reviewed.System, reviewed.Deployment, includeInternal: true, cancellationToken);
        if (latest is not null && latest.Revision != reviewed.Revision)
        {
            return ([], $"The FRIA of {reviewed.System} / {reviewed.Deployment} was revised (it is at revision {latest.Revision}) after {decision.Summary.Id} opened on revision {reviewed.Revision}; " +
                        "it cannot be approved. Reject it, and submit the latest revision for review.");
        }

        var author = (await frias.RevisionAsync(reviewed.System, reviewed.Deployment, reviewed.Revision, includeInternal: true, cancellationToken))?.RecordedBy;
        return author == actor
            ? ([], $"'{actor}' wrote revision {reviewed.Revision} of this FRIA, so their signature cannot be the one that approves it; someone else in the role decides.")
            : ([], null);
    }

    public Task<IReadOnlyList<LedgerWrite>> ReversedAsync(DecisionQueries.DecisionDetail decision, string actor, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerWrite>>([]);
}
