using System.Text.Json;
using Vigie.Core.Governance;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// The waiver decision's proposal: one rule of the active policy set aside for one system
/// version and action, for a stated reason, until an expiry. It is checked before the decision
/// opens (<see cref="WaiverRules"/>); once the decision is approved the waiver is in force until it
/// expires, is reversed, or a policy change removes its rule. Approval and reversal append nothing
/// more: the decision's own entries are the waiver's standing.
/// </summary>
public sealed class WaiverProposal(PolicyQueries policies, WaiverQueries waivers, TimeProvider time) : IDecisionProposal
{
    public string Type => DecisionTypes.Waiver;

    public async Task<StepOutcome?> CheckAsync(DecisionRequests.Open request, JsonElement? proposal, CancellationToken cancellationToken)
    {
        if (proposal is not { } json || GateJson.Read<GateEntries.WaiverProposal>(json) is not { } w)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest,
                "A waiver decision states the rule, action, reason and expiry: use 'vigie waivers request' (POST /api/v1/waivers).");
        }

        if (request.System is null || request.Version is null)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest, "A waiver is for one version of one system: give system and version.");
        }

        if (WaiverRules.CheckShape(w) is { } shape)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest, shape);
        }

        if (await policies.ActivePolicyAsync(cancellationToken) is not { } policy)
        {
            return StepOutcome.Fail(StatusCodes.Status409Conflict, "No policy is active, so there is no rule to waive.");
        }

        if (w.PolicyVersion != policy.PolicyVersion)
        {
            return StepOutcome.Fail(StatusCodes.Status409Conflict, $"The active policy is {policy.PolicyVersion} now, not {w.PolicyVersion}; request the waiver again.");
        }

        var now = time.GetUtcNow();
        if (WaiverRules.CheckAgainst(policy, w, now) is { } refused)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest, refused);
        }

        var overlapping = await waivers.OverlappingAsync(w.RuleId, request.System, request.Version, w.Action, now, cancellationToken);
        return overlapping.FirstOrDefault() is { } other
            ? StepOutcome.Fail(StatusCodes.Status409Conflict,
                $"A waiver of rule '{w.RuleId}' for {request.System}@{request.Version} {w.Action} is already " +
                (other.Status == "open" ? $"awaiting its decision ({other.Decision})" : $"in force until {other.ExpiresAt} ({other.Decision})") +
                ". Waivers do not stack: decide that one, or request a new one once it has expired.")
            : null;
    }

    public Task<(IReadOnlyList<LedgerWrite> Writes, string? Refusal)> ApprovedAsync(
        DecisionQueries.DecisionDetail decision, string actor, CancellationToken cancellationToken) =>
        Task.FromResult<(IReadOnlyList<LedgerWrite>, string?)>(([], null));

    public Task<IReadOnlyList<LedgerWrite>> ReversedAsync(DecisionQueries.DecisionDetail decision, string actor, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerWrite>>([]);
}
