namespace Vigie.Core.Governance;

/// <summary>Why a step was refused; servers map it to a status (not permitted → 403, invalid → 400, the rest → 409).</summary>
public enum RefusalKind
{
    /// <summary>The person lacks the role the charter asks for.</summary>
    NotPermitted,

    /// <summary>The person is recused from this decision.</summary>
    Recused,

    /// <summary>A later stage tried to sign before an earlier one reached its quorum, or a finished stage was signed again.</summary>
    OutOfOrder,

    AlreadySigned,

    Closed,

    /// <summary>The sign-off was given on an evidence snapshot that is no longer the decision's.</summary>
    StaleEvidence,

    /// <summary>Going against the recommendation needs a written justification.</summary>
    JustificationRequired,

    /// <summary>The review window for a reversal has closed.</summary>
    WindowClosed,

    /// <summary>The step contradicts the decision's state in some other way (already reversed, not ready to close…).</summary>
    Conflict,

    /// <summary>The step itself is malformed: an empty reason, conditions without approval…</summary>
    Invalid,
}
