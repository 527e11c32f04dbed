using System.Text.Json;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// A decision type whose decisions carry a proposal that takes effect when approved: a policy
/// change (the policy text), a waiver (the rule, scope, reason and expiry). The feature that owns
/// the proposal implements this; the decisions feature stays generic. It asks the feature to check
/// the proposal before the decision opens, records the proposal in the opening entry
/// (<c>proposal</c>), and appends what the feature returns together with the closing entry of an
/// approved decision, or with a reversal, in one atomic group (as a charter change is adopted).
/// </summary>
public interface IDecisionProposal
{
    /// <summary>The decision type this proposal belongs to.</summary>
    string Type { get; }

    /// <summary>Null when the decision may open with this proposal; otherwise the refusal to answer.</summary>
    Task<StepOutcome?> CheckAsync(DecisionRequests.Open request, JsonElement? proposal, CancellationToken cancellationToken);

    /// <summary>The entries to append with the closing entry of the approved decision, or why it cannot take effect (nothing is then written).</summary>
    Task<(IReadOnlyList<LedgerWrite> Writes, string? Refusal)> ApprovedAsync(DecisionQueries.DecisionDetail decision, string actor, CancellationToken cancellationToken);

    /// <summary>The entries to append with the reversal of the approved decision (none when reversing changes nothing else).</summary>
    Task<IReadOnlyList<LedgerWrite>> ReversedAsync(DecisionQueries.DecisionDetail decision, string actor, CancellationToken cancellationToken);
}
