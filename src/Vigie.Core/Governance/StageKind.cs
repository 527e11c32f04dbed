namespace Vigie.Core.Governance;

/// <summary>
/// What a stage's outcome does. An <see cref="Approve"/> stage that fails rejects the decision;
/// a <see cref="Recommend"/> stage only records a recommendation that later stages weigh, and a
/// later signer who goes against it must justify it.
/// </summary>
public enum StageKind
{
    Approve,
    Recommend,
}
