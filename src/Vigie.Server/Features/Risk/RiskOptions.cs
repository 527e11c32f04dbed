namespace Vigie.Server.Features.Risk;

/// <summary>Settings under <c>Vigie:Risk</c>.</summary>
public sealed class RiskOptions
{
    /// <summary>The largest evaluation file accepted (real Inspect logs with samples run to hundreds of MB).</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;
}
