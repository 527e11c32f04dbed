using System.Text.Json;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>Small texts the policy pages share.</summary>
public static class PolicyViews
{
    /// <summary>"added x; changed y (severity)" from the stored rule changes.</summary>
    public static string ChangeSummary(string changesJson)
    {
        var changes = JsonSerializer.Deserialize<List<GateEntries.RuleChangeBody>>(changesJson, BodyJson.Options) ?? [];
        return changes.Count == 0
            ? "no rule changes"
            : string.Join("; ", changes.Select(c => $"{c.Change} {c.Id}" + (c.Fields.Count > 0 ? $" ({string.Join(", ", c.Fields)})" : "")));
    }
}
