namespace Vigie.Server.Features.Witnesses;

/// <summary>
/// The witnesses the organisation asks to cosign its checkpoints, bound from the "Vigie" section:
/// <c>Vigie__Witnesses__0__Url=https://witness.example/</c> (the witness's submission prefix) and
/// <c>Vigie__Witnesses__0__Key=&lt;name&gt;+&lt;key id&gt;+&lt;base64(0x04 ‖ key)&gt;</c> (its cosignature key).
/// </summary>
public sealed class WitnessOptions
{
    public List<WitnessEndpointOptions> Witnesses { get; set; } = [];

    /// <summary>How long one add-checkpoint call may take before the round goes on without that witness.</summary>
    public int WitnessTimeoutSeconds { get; set; } = 5;
}
