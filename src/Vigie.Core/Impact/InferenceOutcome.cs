namespace Vigie.Core.Impact;

/// <summary>An inference estimate, or why it could not be made (a message a person can act on).</summary>
public sealed record InferenceOutcome(InferenceEstimate? Estimate, string? Error)
{
    public static InferenceOutcome Fail(string error) => new(null, error);
}
