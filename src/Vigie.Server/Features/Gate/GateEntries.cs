using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// The gate's ledger entries, and the proposals policy-change and waiver decisions carry in their
/// opening entry (<c>decision.opened/v1</c>, field <c>proposal</c>).
/// </summary>
public static class GateEntries
{
    /// <summary>A policy made active: by an approved policy-change decision, or restored by the reversal of one.</summary>
    public const string PolicyActivated = "policy.activated/v1";

    /// <summary>One gate evaluation: the dossier digest, the policy version and every rule's outcome (not the values read).</summary>
    public const string Checked = "gate.checked/v1";

    /// <summary>What a policy-change decision proposes: the policy text (with its name, version and SHA-256) and the active policy it amends.</summary>
    public sealed record PolicyProposal(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("basedOn")] string? BasedOn = null);

    /// <summary>What a waiver decision proposes, for the decision's system version: the rule, the action, why, until when, under which policy.</summary>
    public sealed record WaiverProposal(
        [property: JsonPropertyName("ruleId")] string RuleId,
        [property: JsonPropertyName("action")] string Action,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("expiresAt")] string ExpiresAt,
        [property: JsonPropertyName("policyVersion")] string PolicyVersion);

    /// <summary>A rule added, removed or changed (with the YAML fields that differ).</summary>
    public sealed record RuleChangeBody(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("change")] string Change,
        [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields);

    /// <summary>
    /// The policy in force from this entry on. Its text is in the opening entry of
    /// <c>decision</c>; the diff against the previous policy is here (in unified form, cut at a
    /// line when it would not fit in one entry: <c>diffTruncated</c>, the rule changes stay whole).
    /// <c>restores</c>: the reversal of <c>decision</c> brought the previous policy back.
    /// </summary>
    public sealed record PolicyActivatedBody(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("restores")] bool Restores,
        [property: JsonPropertyName("previousVersion")] string? PreviousVersion,
        [property: JsonPropertyName("previousSha256")] string? PreviousSha256,
        [property: JsonPropertyName("changes")] IReadOnlyList<RuleChangeBody> Changes,
        [property: JsonPropertyName("diff")] string Diff,
        [property: JsonPropertyName("diffTruncated")] bool DiffTruncated);

    public sealed record RuleOutcomeBody(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("outcome")] string Outcome);

    public sealed record CheckedBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("action")] string Action,
        [property: JsonPropertyName("result")] string Result,
        [property: JsonPropertyName("dossierDigest")] string DossierDigest,
        [property: JsonPropertyName("policyVersion")] string PolicyVersion,
        [property: JsonPropertyName("policySha256")] string PolicySha256,
        [property: JsonPropertyName("rules")] IReadOnlyList<RuleOutcomeBody> Rules);
}
