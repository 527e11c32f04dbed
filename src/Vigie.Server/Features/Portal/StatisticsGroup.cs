namespace Vigie.Server.Features.Portal;

/// <summary>One feature's figures, under a heading; <paramref name="Note"/> says how they are counted.</summary>
public sealed record StatisticsGroup(string Key, string Title, IReadOnlyList<Statistic> Figures, string? Note = null);
