namespace Vigie.Core.Policies;

/// <summary>
/// What a failing rule does to the gate: <see cref="Block"/> denies, <see cref="Warn"/> allows
/// with a warning. Written <c>block</c> and <c>warn</c> in policies and in gate results.
/// </summary>
public enum RuleSeverity
{
    Block,
    Warn,
}
