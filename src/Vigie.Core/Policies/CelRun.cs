namespace Vigie.Core.Policies;

/// <summary>One evaluation of a rule expression: its value, or the error that stopped it (then <see cref="Value"/> is false).</summary>
internal readonly record struct CelRun(bool Value, string? Error)
{
    public bool Failed => Error is not null;
}
