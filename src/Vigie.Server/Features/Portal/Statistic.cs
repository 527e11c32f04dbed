namespace Vigie.Server.Features.Portal;

/// <summary>
/// One figure and where it comes from: the log entries it counts (<paramref name="Entries"/>,
/// each provable by inclusion), or, when the feature's entries are not public one by one (the
/// concern channel), a description of the source in <paramref name="Source"/>.
/// </summary>
public sealed record Statistic(string Key, string Label, double Value, IReadOnlyList<long> Entries, string? Unit = null, string? Source = null);
