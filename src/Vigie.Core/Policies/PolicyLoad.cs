namespace Vigie.Core.Policies;

/// <summary>
/// The result of reading a policy: the policy, or every error found (never both). A policy that
/// has errors is not returned at all, so it cannot be made active by mistake.
/// </summary>
public sealed record PolicyLoad(Policy? Policy, IReadOnlyList<PolicyError> Errors)
{
    public bool Succeeded => Policy is not null;

    /// <summary>All errors, one per line, for a problem response or a CLI message.</summary>
    public string ErrorText => string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}
