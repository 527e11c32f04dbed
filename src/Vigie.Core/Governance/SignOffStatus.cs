namespace Vigie.Core.Governance;

/// <summary>
/// Whether a sign-off still counts. <see cref="Stale"/>: given on evidence or on an earlier stage
/// outcome that no longer holds, so it must be given again. <see cref="Withdrawn"/>: its signer
/// was recused afterwards.
/// </summary>
public enum SignOffStatus
{
    Counting,
    Stale,
    Withdrawn,
}
