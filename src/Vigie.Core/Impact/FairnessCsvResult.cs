namespace Vigie.Core.Impact;

/// <summary>The groups read from a CSV (and how many rows), or the first problem found, naming its line.</summary>
public sealed record FairnessCsvResult(IReadOnlyList<GroupCounts>? Groups, long Rows, bool CountsFormat, string? Error);
