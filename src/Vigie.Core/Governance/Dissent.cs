namespace Vigie.Core.Governance;

/// <summary>
/// A dissent statement attached to a decision forever. Public unless a reason for confidentiality
/// is given; the reason itself is always public. <see cref="Statement"/> is null only while a
/// confidential statement has not yet been attached (it travels in its own sealed entry).
/// </summary>
public sealed record Dissent(long Entry, string Author, string? Statement, string? ConfidentialReason, DateTimeOffset At)
{
    public bool IsConfidential => ConfidentialReason is not null;
}
