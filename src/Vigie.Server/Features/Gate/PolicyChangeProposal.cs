using System.Text.Json;
using Vigie.Core.Governance;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// The policy-change decision's proposal (a policy text) and what its outcome does: approval makes
/// the policy active, in the same transaction as the closing entry, if the policy it amends is
/// still the one in force; a reversal of the decision that made the active policy active brings
/// back the policy before it.
/// </summary>
public sealed class PolicyChangeProposal(PolicyQueries policies) : IDecisionProposal
{
    public string Type => DecisionTypes.PolicyChange;

    public async Task<StepOutcome?> CheckAsync(DecisionRequests.Open request, JsonElement? proposal, CancellationToken cancellationToken)
    {
        if (proposal is not { } json || GateJson.Read<GateEntries.PolicyProposal>(json) is not { } p)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest,
                "A policy-change decision carries the proposed policy, checked first: use 'vigie policy apply FILE' (POST /api/v1/policies).");
        }

        if (request.System is not null || request.Version is not null)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest, "A policy-change decision is about the organisation's policy, not one system version.");
        }

        var active = await policies.ActiveAsync(cancellationToken);
        return p.BasedOn == active?.Sha256
            ? null
            : StepOutcome.Fail(StatusCodes.Status409Conflict, $"The active policy changed while the proposal was prepared (it is now {active?.PolicyVersion ?? "none"}); apply it again.");
    }

    public async Task<(IReadOnlyList<LedgerWrite> Writes, string? Refusal)> ApprovedAsync(
        DecisionQueries.DecisionDetail decision, string actor, CancellationToken cancellationToken)
    {
        if (await policies.ProposalAsync(decision.Summary.Id, includeInternal: true, cancellationToken) is not { } proposal)
        {
            return ([], null); // a policy change opened before proposals existed: nothing to make active
        }

        var active = await policies.ActiveAsync(cancellationToken);
        if (proposal.BasedOn != active?.Sha256)
        {
            return ([], $"{decision.Summary.Id} amends {(proposal.BasedOn is null ? "no policy" : "a policy")} that is no longer the one in force " +
                        $"(the active policy is {active?.PolicyVersion ?? "none"}, since log entry {active?.LogIndex}); it cannot be approved. " +
                        "Reject it, and apply the policy again against the active one.");
        }

        var after = PolicyCache.Get(proposal.Sha256, proposal.Text);
        return ([PolicyActivation.Write(actor, decision.Summary.Id, active?.Policy, after, restores: false)], null);
    }

    public async Task<IReadOnlyList<LedgerWrite>> ReversedAsync(DecisionQueries.DecisionDetail decision, string actor, CancellationToken cancellationToken)
    {
        var active = await policies.ActiveAsync(cancellationToken);
        if (active is null || active.Decision != decision.Summary.Id || active.Restores != 0 || active.PreviousSha256 is null)
        {
            return []; // a later change replaced it already (that one stands on its own decision), or there was no policy before
        }

        var previous = (await policies.HistoryAsync(cancellationToken)).First(p => p.Sha256 == active.PreviousSha256);
        return [PolicyActivation.Write(actor, decision.Summary.Id, active.Policy, previous.Policy, restores: true)];
    }
}
