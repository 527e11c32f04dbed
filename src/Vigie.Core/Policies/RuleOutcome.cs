namespace Vigie.Core.Policies;

/// <summary>
/// What happened to one rule at a gate. <see cref="NotApplicable"/>: the action is not in its
/// <c>applies_to</c>, or its <c>when</c> is false. <see cref="Fail"/> includes a rule that could
/// not be evaluated (the gate fails closed). <see cref="Waived"/>: it failed, and an approved,
/// unexpired waiver for this version and action covers it.
/// </summary>
public enum RuleOutcome
{
    Pass,
    Fail,
    Waived,
    NotApplicable,
}
