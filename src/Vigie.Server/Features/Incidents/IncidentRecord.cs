using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// An incident as its entries make it: the fields as last set, the instant its clocks run from,
/// the regimes its system implied, and whether (and when) it was resolved. The projection keeps
/// it as canonical JSON; <see cref="Apply"/> is the one rule for folding an update into it.
/// </summary>
public sealed record IncidentRecord(
    [property: JsonPropertyName("fields")] IncidentFields Fields,
    [property: JsonPropertyName("discoveredAt")] string DiscoveredAt,
    [property: JsonPropertyName("zone")] string Zone,
    [property: JsonPropertyName("implied")] IReadOnlyList<IncidentEntries.ImpliedRegime> Implied,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("resolvedAt")] string? ResolvedAt = null,
    [property: JsonPropertyName("resolution")] string? Resolution = null)
{
    /// <summary>
    /// The fields after <paramref name="change"/>: a property given replaces the current value,
    /// "" clears an optional text, a property left out (null) stays as it was.
    /// </summary>
    public static IncidentFields Apply(IncidentFields current, IncidentFields change)
    {
        var merged = Node(current);
        foreach (var (name, value) in Node(change))
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 0)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = value?.DeepClone();
            }
        }

        return merged.Deserialize<IncidentFields>(BodyJson.Options)!;
    }

    /// <summary>The names (as in JSON) of the fields whose value <paramref name="change"/> would alter, in a stable order.</summary>
    public static IReadOnlyList<string> Changed(IncidentFields current, IncidentFields change)
    {
        var before = Node(current);
        var after = Node(Apply(current, change));
        return before.Select(p => p.Key).Union(after.Select(p => p.Key))
            .Where(name => !JsonNode.DeepEquals(before[name], after[name]))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Only the changed properties of <paramref name="change"/> (what an update entry records).</summary>
    public static IncidentFields Only(IncidentFields change, IReadOnlyList<string> names)
    {
        var all = Node(change);
        var kept = new JsonObject();
        foreach (var name in names)
        {
            if (all[name] is { } value)
            {
                kept[name] = value.DeepClone();
            }
        }

        return kept.Deserialize<IncidentFields>(BodyJson.Options)!;
    }

    private static JsonObject Node(IncidentFields fields) => JsonSerializer.SerializeToNode(fields, BodyJson.Options)!.AsObject();
}
