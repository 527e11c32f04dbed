using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Registry;

/// <summary>The registry's ledger entries: systems, their versions, training runs, status and aliases.</summary>
public static class RegistryEntries
{
    public const string SystemRegistered = "system.registered/v1";
    public const string VersionRegistered = "version.registered/v1";
    public const string VersionStatusChanged = "version.status-changed/v1";
    public const string TrainingRunRecorded = "training-run.recorded/v1";
    public const string AliasMoved = "alias.moved/v1";

    public static readonly IReadOnlyList<string> All =
        [SystemRegistered, VersionRegistered, VersionStatusChanged, TrainingRunRecorded, AliasMoved];

    public sealed record SystemBody(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("owner")] string Owner,
        [property: JsonPropertyName("purpose")] string? Purpose,
        [property: JsonPropertyName("description")] string? Description);

    /// <summary>
    /// A version: a model, checkpoint or fine-tune. Lineage is either a registered version of
    /// this registry (<c>baseVersion</c>, "system@version") or an outside model's name.
    /// </summary>
    public sealed record VersionBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("baseVersion")] string? BaseVersion,
        [property: JsonPropertyName("baseModel")] string? BaseModel,
        [property: JsonPropertyName("weightsSha256")] string? WeightsSha256,
        [property: JsonPropertyName("description")] string? Description);

    public sealed record StatusBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("reason")] string Reason);

    /// <summary>One training run of a version; compute in FLOP counts toward the version's total (SB 53, EU AI Act Art. 51).</summary>
    public sealed record TrainingRunBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("run")] string Run,
        [property: JsonPropertyName("startedOn")] string StartedOn,
        [property: JsonPropertyName("endedOn")] string? EndedOn,
        [property: JsonPropertyName("hardware")] string? Hardware,
        [property: JsonPropertyName("acceleratorHours")] double? AcceleratorHours,
        [property: JsonPropertyName("computeFlop")] double? ComputeFlop,
        [property: JsonPropertyName("tokens")] long? Tokens,
        [property: JsonPropertyName("notes")] string? Notes);

    /// <summary>
    /// An alias moved to a version: a deployment action, bound to the approved decision that allowed
    /// it and to the log entry of the gate evaluation it passed (absent while no policy is active).
    /// </summary>
    public sealed record AliasBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("alias")] string Alias,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("previousVersion")] string? PreviousVersion,
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("decisionType")] string DecisionType,
        [property: JsonPropertyName("gateCheck")] long? GateCheck = null);
}
