namespace Vigie.Core.Risk;

/// <summary>
/// What the evidence says about one threshold. <see cref="CannotRuleOut"/> — within the safety
/// margin — counts as reached (Frontier Safety Framework: "cannot rule out" a CCL is reaching it).
/// <see cref="Missing"/> means no evaluation measured it.
/// </summary>
public enum ThresholdStatus
{
    Below,
    CannotRuleOut,
    Reached,
    Missing,
}
