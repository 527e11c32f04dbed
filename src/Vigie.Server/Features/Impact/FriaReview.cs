using Vigie.Core.Governance;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Users;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// Submits a FRIA's latest revision for review: opens a fria-approval decision under the charter,
/// about the version the FRIA deploys, carrying the revision and its digest as its proposal. The
/// charter says who recommends and who decides; <see cref="FriaApprovalProposal"/> checks the rest.
/// </summary>
public sealed class FriaReview(FriaQueries frias, DecisionOpening opening)
{
    public async Task<StepOutcome> SubmitAsync(CurrentUser user, string system, string deployment, FriaRequests.Submit request, CancellationToken cancellationToken)
    {
        if (FriaRequests.Check(request) is { } invalid)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest, invalid);
        }

        var latest = await frias.LatestAsync(system, deployment, includeInternal: true, cancellationToken);
        if (latest is null)
        {
            return StepOutcome.Fail(StatusCodes.Status404NotFound, $"There is no FRIA of {system} / {deployment}; write one first (vigie fria save {system} {deployment} FILE --version V).");
        }

        var open = new DecisionRequests.Open(
            DecisionTypes.FriaApproval,
            request.Title ?? $"Approve the FRIA of {system} / {deployment}, revision {latest.Revision}",
            system,
            latest.Version,
            request.Description ?? $"Fundamental rights impact assessment (EU AI Act Art. 27) of deployment {deployment} of {system}@{latest.Version}, revision {latest.Revision}, SHA-256 {latest.Sha256}.",
            request.Visibility);
        if (DecisionRequests.Check(open) is { } bad)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest, bad);
        }

        var proposal = new ImpactEntries.FriaProposal(deployment, (int)latest.Revision, latest.Sha256);
        return await opening.OpenAsync(user, open, cancellationToken, BodyJson.ToElement(proposal));
    }
}
