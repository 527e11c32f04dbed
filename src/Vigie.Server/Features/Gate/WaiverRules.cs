using System.Globalization;
using System.Text.RegularExpressions;
using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Core.Policies;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// What makes a waiver acceptable (ADR 0009): a rule of the active policy that applies to the
/// action, a reason, an expiry in the future and at most <see cref="MaxDays"/> away, and no loop —
/// the rule must not judge waivers itself, and the same scope cannot hold two waivers at once (a
/// waiver is renewed after it expires, by a new decision, not stacked).
/// </summary>
public static partial class WaiverRules
{
    /// <summary>Longest a waiver may run: a year; a longer exception is a policy change.</summary>
    public const int MaxDays = 366;

    public const int MaxReasonLength = 2000;

    /// <summary>The fields' own form (also what the projection re-checks); null when well formed.</summary>
    public static string? CheckShape(GateEntries.WaiverProposal w)
    {
        if (w.RuleId is null || !RuleIdPattern().IsMatch(w.RuleId)) return $"'{w.RuleId}' is not a rule id (lower-case letters, digits, '.', '_' or '-').";
        if (!DecisionTypes.IsAction(w.Action)) return $"'{w.Action}' is not an action the gate checks; actions are: {DecisionTypes.ActionNames}.";
        if (string.IsNullOrWhiteSpace(w.Reason)) return "reason cannot be blank: say why the rule may be set aside.";
        if (TextRules.Check("reason", w.Reason, 1, MaxReasonLength, multiline: true) is { } reason) return reason;
        if (!LedgerTime.TryParse(w.ExpiresAt, out _)) return $"expiresAt '{w.ExpiresAt}' is not a UTC time such as 2026-12-31T00:00:00.000Z.";
        return w.PolicyVersion is { Length: > 0 and <= 80 } ? null : "The waiver names no policy version.";
    }

    /// <summary>Reads an expiry as a person writes it (RFC 3339 with an offset, or a date meaning its start in UTC), in the log's form.</summary>
    public static string? ParseExpiry(string text, out string? normalized)
    {
        normalized = null;
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            normalized = LedgerTime.Format(time);
            return null;
        }

        return $"expiresAt '{text}' is not a date (2026-12-31) or an RFC 3339 time (2026-12-31T18:00:00Z).";
    }

    /// <summary>The checks against the active policy and the clock; null when the waiver may be proposed.</summary>
    public static string? CheckAgainst(Policy policy, GateEntries.WaiverProposal w, DateTimeOffset now)
    {
        if (policy.Find(w.RuleId) is not { } rule)
        {
            return $"Policy {policy.PolicyVersion} has no rule '{w.RuleId}'; its rules are: {string.Join(", ", policy.Rules.Select(r => r.Id))}.";
        }

        if (!rule.AppliesToAction(w.Action))
        {
            return $"Rule '{rule.Id}' does not apply to {w.Action} (it applies to {string.Join(", ", rule.AppliesTo)}), so there is nothing to waive.";
        }

        if (rule.ReadsWaivers)
        {
            return $"Rule '{rule.Id}' reads the dossier's waivers: it judges waivers, so waiving it would let a waiver excuse the check on waivers. " +
                   "Such a rule can only be changed by a policy-change decision.";
        }

        LedgerTime.TryParse(w.ExpiresAt, out var expires);
        if (expires <= now)
        {
            return $"expiresAt {w.ExpiresAt} is not in the future.";
        }

        return expires > now.AddDays(MaxDays)
            ? $"expiresAt {w.ExpiresAt} is more than {MaxDays} days away; an exception that long is a policy change."
            : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,79}$")]
    private static partial Regex RuleIdPattern();
}
