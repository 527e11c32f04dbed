namespace Vigie.Core.Policies;

/// <summary>
/// A waiver as the dossier lists it: rule <see cref="RuleId"/> is waived for one system version
/// and action by the approved decision <see cref="DecisionId"/>, for <see cref="Reason"/>, until
/// <see cref="ExpiresAt"/> (exclusive). The dossier, not a separate input, carries the waivers
/// so that the dossier digest in a gate result covers the waivers it used.
/// </summary>
public sealed record DossierWaiver(
    string RuleId,
    string System,
    string Version,
    string Action,
    string DecisionId,
    string Reason,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Whether it covers this rule for this action at this time (an expired waiver covers nothing).</summary>
    public bool Covers(string ruleId, string action, DateTimeOffset time) =>
        RuleId == ruleId && Action == action && time < ExpiresAt;
}
