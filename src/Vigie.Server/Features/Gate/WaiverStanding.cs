using Vigie.Core.Policies;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// Where a waiver stands now, in words the public list shows: <c>pending</c> (its decision is
/// open), <c>in-force</c>, <c>expired</c>, <c>retired</c> (the active policy no longer has the rule,
/// or its rule now judges waivers), <c>rejected</c> or <c>reversed</c>.
/// </summary>
public static class WaiverStanding
{
    public static string Of(WaiverQueries.WaiverRow w, Policy? active, DateTimeOffset now) => w.Status switch
    {
        "open" => "pending",
        "approved" when active?.Find(w.RuleId) is not { ReadsWaivers: false } => "retired",
        "approved" => w.InForceAt(now) ? "in-force" : "expired",
        _ => w.Status,
    };

    public static object Json(WaiverQueries.WaiverRow w, Policy? active, DateTimeOffset now) => new
    {
        decision = w.Decision,
        index = w.LogIndex,
        ruleId = w.RuleId,
        system = w.System,
        version = w.Version,
        action = w.Action,
        reason = w.Reason,
        expiresAt = w.ExpiresAt,
        policyVersion = w.PolicyVersion,
        status = w.Status,
        standing = Of(w, active, now),
        visibility = w.Visibility,
        requestedAt = w.RequestedAt,
        requestedBy = w.RequestedBy,
        decidedAt = w.ClosedAt,
    };
}
