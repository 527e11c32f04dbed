using System.Text.Json;
using Vigie.Core.Governance;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// Policies and waivers, derived from the log: the proposal a policy-change or waiver decision
/// carries when it opens, its standing as the decision closes or is reversed, and each policy
/// made active. It reads only the entries it is given (decision entries included), never the
/// decisions feature's tables, and it refuses an activation that is not the approved proposal
/// amending the policy in force — or a restore that is not the reversal of the policy in force —
/// so a policy that was not decided can never become active, even on replay.
/// </summary>
public sealed class PolicyProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } =
        [DecisionEntries.Opened, DecisionEntries.Closed, DecisionEntries.Reversed, GateEntries.PolicyActivated];

    public bool MayRefuse => true;

    public IReadOnlyList<string> Tables { get; } = ["policies", "policy_proposals", "waivers"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null;
        }

        await tx.FlushAsync();
        var store = new PolicyStore(tx);
        switch (record.Envelope.Kind)
        {
            case DecisionEntries.Opened:
                return await OpenedAsync(store, record, BodyJson.Read<DecisionEntries.OpenedBody>(body));
            case DecisionEntries.Closed:
                var closed = BodyJson.Read<DecisionEntries.ClosedBody>(body);
                await store.SetStatusAsync(closed.Decision, closed.Outcome, record.Envelope.Time);
                return null;
            case DecisionEntries.Reversed:
                await store.SetStatusAsync(BodyJson.Read<DecisionEntries.RulingBody>(body).Decision, "reversed", record.Envelope.Time);
                return null;
            default:
                return await ActivatedAsync(store, record, BodyJson.Read<GateEntries.PolicyActivatedBody>(body));
        }
    }

    private static async Task<string?> OpenedAsync(PolicyStore store, LedgerRecord record, DecisionEntries.OpenedBody body)
    {
        if (body.Proposal is not { } proposal)
        {
            return null; // decisions of other types, and policy changes opened before proposals existed
        }

        var decision = DecisionIds.Format(record.Index);
        switch (body.Type)
        {
            case DecisionTypes.PolicyChange:
                var policy = GateJson.Read<GateEntries.PolicyProposal>(proposal);
                if (policy is null || PolicyCache.Read(policy.Text).Policy is not { } loaded || loaded.Sha256 != policy.Sha256 ||
                    loaded.Name != policy.Name || loaded.Version != policy.Version)
                {
                    return "The proposed policy does not load, or its name, version or digest are not those of its text.";
                }

                await store.InsertProposalAsync(record, decision, policy, body.Title);
                return null;
            case DecisionTypes.Waiver:
                var waiver = GateJson.Read<GateEntries.WaiverProposal>(proposal);
                if (waiver is null || body.System is null || body.Version is null || WaiverRules.CheckShape(waiver) is not null)
                {
                    return "The waiver decision does not state a valid rule, action, reason and expiry for one system version.";
                }

                await store.InsertWaiverAsync(record, decision, body.System, body.Version, waiver);
                return null;
            default:
                return null;
        }
    }

    private static async Task<string?> ActivatedAsync(PolicyStore store, LedgerRecord record, GateEntries.PolicyActivatedBody body)
    {
        var active = await store.ActiveAsync();
        var proposal = await store.ProposalAsync(body.Decision);
        if (proposal is null)
        {
            return $"{body.Decision} is not a policy-change decision with a proposed policy.";
        }

        string? text;
        if (!body.Restores)
        {
            if (proposal.Status != "approved" || proposal.Sha256 != body.Sha256)
            {
                return $"{body.Decision} is {proposal.Status}; only the policy an approved policy-change decision proposes becomes active.";
            }

            if (proposal.BasedOn != active?.Sha256)
            {
                return $"{body.Decision} amends a policy that is no longer the one in force; open a new policy-change against the active policy.";
            }

            text = proposal.Text;
        }
        else
        {
            if (proposal.Status != "reversed" || active is null || active.Decision != body.Decision || active.Restores != 0 ||
                active.PreviousSha256 != body.Sha256)
            {
                return $"Only the reversal of the decision that made the active policy active restores the policy before it.";
            }

            text = await store.ActivatedTextAsync(body.Sha256);
        }

        if (text is null || PolicyCache.Read(text).Policy is not { } policy || policy.Sha256 != body.Sha256)
        {
            return "The policy to make active does not load; the active policy is unchanged.";
        }

        await store.InsertActivationAsync(record, body, policy.Title, text, JsonSerializer.Serialize(body.Changes, BodyJson.Options));
        return null;
    }
}
