namespace Vigie.Core.Policies;

/// <summary>
/// One rule at one gate: its outcome, severity and message, the dossier values it read, the
/// waiver that covered it (<see cref="RuleOutcome.Waived"/>), and the evaluation error when it
/// could not be evaluated (it then fails). <see cref="Message"/> is the rule's message, with the
/// waiver or the error added in words so the stable JSON form carries them too.
/// </summary>
public sealed record RuleResult(
    string Id,
    RuleOutcome Outcome,
    RuleSeverity Severity,
    string Message,
    IReadOnlyList<RuleRead> Read,
    DossierWaiver? Waiver = null,
    string? Error = null);
