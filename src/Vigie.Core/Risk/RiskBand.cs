namespace Vigie.Core.Risk;

/// <summary>Scores up to <see cref="UpTo"/> (and above the previous band) are rated <see cref="Rating"/>.</summary>
public sealed record RiskBand(int UpTo, string Rating);
