using Vigie.Core.Ledger;
using Vigie.Server.Features.Gate;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// Waivers granted by decision: each is a document of its own (the rule waived, for what, why,
/// until when). In force while approved and not expired; otherwise it shows when it ended.
/// </summary>
public sealed class WaiverDocumentSource(WaiverQueries waivers, TimeProvider time) : IGovernanceDocumentSource
{
    public async Task<IReadOnlyList<GovernanceDocument>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (await waivers.ListAsync(includeInternal: false, system: null, limit: 1000, cancellationToken))
            .Where(w => w.Status is "approved" or "reversed")
            .OrderBy(w => w.LogIndex)
            .Select(w => new GovernanceDocument(
                "waivers", $"{w.RuleId} for {w.System} {w.Version}", w.Decision, w.LogIndex, w.RequestedAt, w.RequestedBy, w.Decision,
                $"Rule: {w.RuleId}\nPolicy: {w.PolicyVersion}\nScope: {w.System} {w.Version}, action {w.Action}\nExpires: {w.ExpiresAt}\nStatus: {w.Status}\nJustification: {w.Reason}\n",
                w.InForceAt(now) ? null : w.Status == "approved" ? w.ExpiresAt : w.ClosedAt ?? w.ExpiresAt,
                $"Waiver of rule {w.RuleId} for {w.System} {w.Version} ({w.Action}) until {w.ExpiresAt[..10]}: {w.Reason}"))
            .ToList();
    }
}
