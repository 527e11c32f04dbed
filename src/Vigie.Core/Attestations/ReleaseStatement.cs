using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Core.Attestations;

/// <summary>
/// What a release attestation states, as an in-toto Statement v1: the subject is the model's
/// weights (by SHA-256), the predicate the gate evaluation that allowed the action — the dossier
/// digest, the policy version, the result, the approving decision and the log entry recording it.
/// </summary>
public sealed record ReleaseStatement(
    string System,
    string Version,
    string Action,
    string Result,
    string WeightsSha256,
    string DossierDigest,
    string PolicyVersion,
    string PolicySha256,
    string? Decision,
    long LogIndex,
    string LogOrigin,
    string CheckedAt)
{
    public const string StatementType = "https://in-toto.io/Statement/v1";

    /// <summary>The predicate's type: Vigie's release-gate result, version 1 (a URN, as the dossier schema's id).</summary>
    public const string PredicateType = "urn:vigie:predicate:release-gate:1";

    public JsonObject ToJson()
    {
        var predicate = new JsonObject
        {
            ["system"] = System,
            ["version"] = Version,
            ["action"] = Action,
            ["result"] = Result,
            ["dossierDigest"] = new JsonObject { ["sha256"] = DossierDigest },
            ["policyVersion"] = PolicyVersion,
            ["policySha256"] = PolicySha256,
        };
        if (Decision is not null)
        {
            predicate["decision"] = Decision;
        }

        predicate["log"] = new JsonObject { ["origin"] = LogOrigin, ["index"] = LogIndex, ["checkedAt"] = CheckedAt };
        return new JsonObject
        {
            ["_type"] = StatementType,
            ["subject"] = new JsonArray(new JsonObject
            {
                ["name"] = $"{System}@{Version}",
                ["digest"] = new JsonObject { ["sha256"] = WeightsSha256 },
            }),
            ["predicateType"] = PredicateType,
            ["predicate"] = predicate,
        };
    }

    /// <summary>Reads a statement this class wrote; null (with the reason) for anything else.</summary>
    public static ReleaseStatement? FromJson(JsonElement json, out string? error)
    {
        error = null;
        try
        {
            if (Text(json, "_type") != StatementType)
            {
                error = $"the payload is not an in-toto Statement v1 (_type {Text(json, "_type") ?? "missing"}).";
                return null;
            }

            if (Text(json, "predicateType") != PredicateType)
            {
                error = $"the predicate is {Text(json, "predicateType") ?? "missing"}, not {PredicateType}.";
                return null;
            }

            var subject = json.GetProperty("subject");
            if (subject.GetArrayLength() != 1)
            {
                error = "the statement must have exactly one subject (the weights).";
                return null;
            }

            var p = json.GetProperty("predicate");
            var log = p.GetProperty("log");
            var statement = new ReleaseStatement(
                Required(p, "system"), Required(p, "version"), Required(p, "action"), Required(p, "result"),
                Required(subject[0].GetProperty("digest"), "sha256"), Required(p.GetProperty("dossierDigest"), "sha256"),
                Required(p, "policyVersion"), Required(p, "policySha256"), Text(p, "decision"),
                log.GetProperty("index").GetInt64(), Required(log, "origin"), Required(log, "checkedAt"));
            if (Text(subject[0], "name") != $"{statement.System}@{statement.Version}")
            {
                error = "the subject's name is not the system version the predicate is about.";
                return null;
            }

            return statement;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            error = $"the statement lacks a field or has one of the wrong type ({e.Message}).";
            return null;
        }
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Required(JsonElement json, string name) =>
        Text(json, name) ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is missing or not a string"));
}
