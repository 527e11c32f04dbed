namespace Vigie.Core.Ledger;

/// <summary>
/// Outcome of checking a proof or a signed object: a failed check is an expected outcome,
/// not an exception. <see cref="Error"/> says what to fix when <see cref="IsValid"/> is false.
/// </summary>
public readonly record struct ProofCheck(bool IsValid, string? Error)
{
    public static ProofCheck Ok { get; } = new(true, null);

    public static ProofCheck Fail(string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new ProofCheck(false, error);
    }
}
