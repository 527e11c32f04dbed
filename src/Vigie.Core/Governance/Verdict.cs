namespace Vigie.Core.Governance;

/// <summary>What a signer says. Approval with conditions counts as an approval and carries the conditions.</summary>
public enum Verdict
{
    Approve,
    ApproveWithConditions,
    Reject,
}
