using System.Text.Json.Nodes;

namespace Vigie.Core.Policies;

/// <summary>
/// One dossier value a rule read: its path (see <c>docs/dossier.md</c>, "What a gate result
/// shows") and the value, null when absent. A path through <c>[*]</c> gives the list of values
/// found in every element.
/// </summary>
public sealed record RuleRead(string Path, JsonNode? Value);
