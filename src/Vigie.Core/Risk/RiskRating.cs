namespace Vigie.Core.Risk;

/// <summary>A risk's place on the matrix: likelihood, severity, their product and the band's rating.</summary>
public sealed record RiskRating(int Likelihood, int Severity, int Score, string Rating);
