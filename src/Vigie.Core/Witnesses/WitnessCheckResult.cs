namespace Vigie.Core.Witnesses;

/// <summary>
/// The result of checking a checkpoint's cosignatures against the witnesses a verifier trusts:
/// who cosigned (with when), who did not, and whether the quorum was met.
/// </summary>
public sealed record WitnessCheckResult(IReadOnlyList<Cosignature> Cosigned, IReadOnlyList<string> Missing, int Required, string? Error)
{
    public bool Satisfied => Error is null && Cosigned.Count >= Required;

    public string Summary => Satisfied
        ? $"Cosigned by {Cosigned.Count} of {Cosigned.Count + Missing.Count} trusted witnesses ({string.Join(", ", Cosigned.Select(c => c.Name))}); {Required} required."
        : Error ?? $"Only {Cosigned.Count} of the {Required} required witness cosignatures are on the checkpoint" +
          (Missing.Count > 0 ? $" (missing: {string.Join(", ", Missing)})." : ".");
}
