namespace Vigie.Core.Risk;

/// <summary>One level or tier of a framework (Preparedness "High", RSP "ASL-3", an FSF CCL), lowest first; <see cref="Risk"/> places it on the common scale.</summary>
public sealed record FrameworkLevel(string Id, string Name, string Risk, int? Asl, string? Description);
