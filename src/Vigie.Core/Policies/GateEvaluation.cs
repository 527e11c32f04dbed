namespace Vigie.Core.Policies;

/// <summary>
/// The result of running a gate: the <see cref="GateResult"/>, or the reasons it could not be run
/// (a waiver naming a rule the policy does not have), never both.
/// </summary>
public sealed record GateEvaluation(GateResult? Result, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Result is not null;

    public string ErrorText => string.Join(Environment.NewLine, Errors);
}
