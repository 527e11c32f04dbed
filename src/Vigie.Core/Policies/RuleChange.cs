namespace Vigie.Core.Policies;

/// <summary>A rule added, removed or changed between two policy versions; for a change, the fields that differ (YAML names).</summary>
public sealed record RuleChange(string Id, RuleChangeKind Kind, IReadOnlyList<string> Fields);
