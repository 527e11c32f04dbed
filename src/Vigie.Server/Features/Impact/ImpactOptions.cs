namespace Vigie.Server.Features.Impact;

/// <summary>Settings under Vigie:Impact.</summary>
public sealed class ImpactOptions
{
    /// <summary>A directory holding the organisation's own copies of the reference tables (same file names); absent: the shipped tables.</summary>
    public string? DataDirectory { get; set; }
}
