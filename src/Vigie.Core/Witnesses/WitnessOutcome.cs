namespace Vigie.Core.Witnesses;

/// <summary>What a witness answers to add-checkpoint (C2SP tlog-witness), with the HTTP status each maps to.</summary>
public enum WitnessOutcome
{
    /// <summary>200: consistent with what the witness holds; it records the checkpoint and cosigns.</summary>
    Cosign,

    /// <summary>400: the body is malformed, or the old size is above the checkpoint's size.</summary>
    BadRequest,

    /// <summary>403: no signature on the checkpoint verifies with a key the witness trusts for its origin.</summary>
    Forbidden,

    /// <summary>404: the witness does not know the checkpoint's origin.</summary>
    UnknownLog,

    /// <summary>409: the old size is not the size the witness last cosigned (it answers that size), or equal sizes with different roots.</summary>
    Conflict,

    /// <summary>422: the consistency proof does not verify.</summary>
    BadProof,
}
