using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Core.Policies;

/// <summary>
/// A gate's answer for one dossier under one policy, with every rule's outcome. Its stable JSON
/// form (<see cref="ToJsonObject"/>), on which CI scripts rely:
/// <c>{"result", "dossierDigest", "policyVersion", "rules": [{"id", "outcome", "severity", "message", "read"}]}</c>,
/// with <c>read</c> an object from dossier path to value, in the order the rule reads them.
/// </summary>
public sealed record GateResult(
    GateVerdict Verdict,
    string DossierDigest,
    string PolicyVersion,
    string PolicySha256,
    IReadOnlyList<RuleResult> Rules)
{
    /// <summary>The verdict's name: <c>allow</c>, <c>deny</c> or <c>allow-with-warnings</c>.</summary>
    public string Result => PolicyNames.Name(Verdict);

    public bool Allowed => Verdict != GateVerdict.Deny;

    public JsonObject ToJsonObject() => new()
    {
        ["result"] = Result,
        ["dossierDigest"] = DossierDigest,
        ["policyVersion"] = PolicyVersion,
        ["rules"] = new JsonArray([.. Rules.Select(Rule)]),
    };

    public string ToJson(bool indented = false) =>
        ToJsonObject().ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

    private static JsonObject Rule(RuleResult rule)
    {
        var read = new JsonObject();
        foreach (var value in rule.Read)
        {
            read[value.Path] = value.Value?.DeepClone();
        }

        return new JsonObject
        {
            ["id"] = rule.Id,
            ["outcome"] = PolicyNames.Name(rule.Outcome),
            ["severity"] = PolicyNames.Name(rule.Severity),
            ["message"] = rule.Message,
            ["read"] = read,
        };
    }
}
