using Vigie.Server.Features.Gate;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// Waivers granted by decision: each is a document of its own (the rule waived, for what, why,
/// until when), standing as the gate judges it (<see cref="WaiverStanding"/>): in force while
/// approved, unexpired and its rule still in the active policy; otherwise it shows when it ended —
/// its expiry, its reversal, or the activation of the policy that retired its rule.
/// </summary>
public sealed class WaiverDocumentSource(WaiverQueries waivers, PolicyQueries policies, TimeProvider time) : IGovernanceDocumentSource
{
    public async Task<IReadOnlyList<GovernanceDocument>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var active = await policies.ActiveAsync(cancellationToken);
        return (await waivers.ListAsync(includeInternal: false, system: null, limit: 1000, cancellationToken))
            .Where(w => w.Status is "approved" or "reversed")
            .OrderBy(w => w.LogIndex)
            .Select(w =>
            {
                var standing = WaiverStanding.Of(w, active?.Policy, now);
                var until = standing switch
                {
                    "in-force" => null,
                    "retired" => active?.ActivatedAt ?? w.ExpiresAt,
                    "reversed" => w.ClosedAt ?? w.ExpiresAt,
                    _ => w.ExpiresAt,
                };
                return new GovernanceDocument(
                    "waivers", $"{w.RuleId} for {w.System} {w.Version}", w.Decision, w.LogIndex, w.RequestedAt, w.RequestedBy, w.Decision,
                    $"Rule: {w.RuleId}\nPolicy: {w.PolicyVersion}\nScope: {w.System} {w.Version}, action {w.Action}\nExpires: {w.ExpiresAt}\nStanding: {standing}\nJustification: {w.Reason}\n",
                    until,
                    $"Waiver of rule {w.RuleId} for {w.System} {w.Version} ({w.Action}) until {w.ExpiresAt[..10]}, {standing}: {w.Reason}");
            })
            .ToList();
    }
}
