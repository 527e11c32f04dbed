namespace Vigie.Core.Policies;

/// <summary>
/// One evaluation of a rule expression: its value, or the error that stopped it (then <see cref="Value"/> is false).
/// A program compiled to locate its errors gives the error's 1-based line and column in the expression (else 0).
/// </summary>
internal readonly record struct CelRun(bool Value, string? Error, long Line = 0, long Column = 0)
{
    public bool Failed => Error is not null;
}
