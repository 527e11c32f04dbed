namespace Vigie.Core.Impact;

/// <summary>An estimate, or why it could not be made (a message a person can act on).</summary>
public sealed record EnergyOutcome(EnergyEstimate? Estimate, string? Error)
{
    public static EnergyOutcome Fail(string error) => new(null, error);
}
