namespace Vigie.Core.Impact.Obligations;

/// <summary>
/// A legal regime and whether it applies to the system, with why. <see cref="Id"/> is stable;
/// the incident regimes use the names of <c>Vigie.Core.Concerns.IncidentNames</c> ("sb53",
/// "raise", "eu-ai-act-art73", "gpai-cop").
/// </summary>
public sealed record Regime(string Id, string Name, bool Applies, string Why);
