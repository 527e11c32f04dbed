namespace Vigie.Core.Governance;

/// <summary>Where one stage stands: waiting for earlier stages, collecting sign-offs, or decided either way.</summary>
public enum StageResult
{
    NotReached,
    Pending,
    Passed,
    Failed,
}
