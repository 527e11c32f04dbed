namespace Vigie.Server.Features.Witnesses;

/// <summary>One configured witness: where to submit checkpoints, and the key its cosignatures must verify with.</summary>
public sealed class WitnessEndpointOptions
{
    public string? Url { get; set; }

    public string? Key { get; set; }
}
