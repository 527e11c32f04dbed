using Vigie.Core.Governance;
using Vigie.Core.Policies;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Users;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// Proposing a policy: the text is loaded first (every rule compiled, checked against the dossier
/// schema and dry-run), then a policy-change decision is opened under the charter with the text as
/// its proposal. Nothing changes until that decision is approved; a text that does not load opens
/// nothing and leaves the active policy as it is.
/// </summary>
public sealed class PolicyApply(PolicyQueries policies, DecisionOpening opening)
{
    /// <summary>What a proposal would change: the policy it loads as, the active one, and the diff. Refused texts give the load errors.</summary>
    public sealed record Review(PolicyLoad Load, PolicyQueries.PolicyRow? Active, PolicyDiff? Diff, string? Refusal);

    public async Task<Review> ReviewAsync(string text, CancellationToken cancellationToken)
    {
        var load = PolicyCache.Read(text);
        var active = await policies.ActiveAsync(cancellationToken);
        if (load.Policy is not { } policy)
        {
            return new Review(load, active, null, null);
        }

        var diff = PolicyDiff.Compute(active?.Policy, policy);
        string? refusal = null;
        if (active is not null && active.Sha256 == policy.Sha256)
        {
            refusal = $"This text is the active policy {active.PolicyVersion} already; change something first.";
        }
        else if (active is not null && active.Name == policy.Name && policy.Version <= active.Version)
        {
            refusal = $"The policy is {policy.PolicyVersion}; raise 'version' above the active {active.PolicyVersion} (every change gets a new version).";
        }

        return new Review(load, active, diff, refusal);
    }

    /// <summary>Opens the policy-change decision for a text that loads; the review says why not otherwise.</summary>
    public async Task<(Review Review, StepOutcome? Opened)> ProposeAsync(
        CurrentUser user, PolicyRequests.Apply request, CancellationToken cancellationToken)
    {
        var review = await ReviewAsync(request.Text, cancellationToken);
        if (review.Load.Policy is not { } policy || review.Refusal is not null)
        {
            return (review, null);
        }

        var proposal = new GateEntries.PolicyProposal(policy.Name, policy.Version, policy.Sha256, policy.Text, review.Active?.Sha256);
        var open = new DecisionRequests.Open(DecisionTypes.PolicyChange,
            request.Title ?? $"Make policy {policy.PolicyVersion} active" + (review.Active is null ? "" : $" (replacing {review.Active.PolicyVersion})"),
            Description: request.Description ?? policy.Description);
        var opened = await opening.OpenAsync(user, open, cancellationToken, BodyJson.ToElement(proposal));
        return (review, opened);
    }
}
