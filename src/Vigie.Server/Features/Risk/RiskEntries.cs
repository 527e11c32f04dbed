using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// The ledger entries of the capability-risk feature (issue 5). A framework is proposed together
/// with the framework-change decision that will adopt it; it is in force from the entry that
/// approves that decision (the projection reads the decision's own entries). An evaluation import
/// follows, in the same group, the evidence entry that notarises the raw file (its index is the
/// import's index less one).
/// </summary>
public static class RiskEntries
{
    public const string FrameworkProposed = "framework.proposed/v1";
    public const string EvaluationImported = "evaluation.imported/v1";
    public const string ScorecardConfirmed = "scorecard.confirmed/v1";
    public const string SafeguardRecorded = "safeguard.recorded/v1";
    public const string ForecastAlert = "forecast.alert/v1";
    public const string RiskRecorded = "risk.recorded/v1";
    public const string RiskUpdated = "risk.updated/v1";

    public static readonly IReadOnlyList<string> All =
        [FrameworkProposed, EvaluationImported, ScorecardConfirmed, SafeguardRecorded, ForecastAlert, RiskRecorded, RiskUpdated];

    /// <summary>A framework's exact YAML, proposed for adoption by the open framework-change decision <see cref="Decision"/>.</summary>
    public sealed record ProposedBody(
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("digest")] string Digest,
        [property: JsonPropertyName("yaml")] string Yaml);

    public sealed record MetricBody(
        [property: JsonPropertyName("task")] string Task,
        [property: JsonPropertyName("metric")] string Metric,
        [property: JsonPropertyName("variant")] string? Variant,
        [property: JsonPropertyName("value")] double Value,
        [property: JsonPropertyName("stderr")] double? Stderr,
        [property: JsonPropertyName("samples")] long? Samples,
        [property: JsonPropertyName("higherIsBetter")] bool? HigherIsBetter);

    /// <summary>What an evaluation file said, bound to the raw file by its SHA-256 (recorded as evidence just before).</summary>
    public sealed record ImportedBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("size")] long Size,
        [property: JsonPropertyName("format")] string Format,
        [property: JsonPropertyName("formatVersion")] string? FormatVersion,
        [property: JsonPropertyName("model")] string? Model,
        [property: JsonPropertyName("harness")] string? Harness,
        [property: JsonPropertyName("harnessVersion")] string? HarnessVersion,
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("startedAt")] string? StartedAt,
        [property: JsonPropertyName("completedAt")] string? CompletedAt,
        [property: JsonPropertyName("samples")] long? Samples,
        [property: JsonPropertyName("stage")] string Stage,
        [property: JsonPropertyName("effectiveComputeFlop")] double? EffectiveComputeFlop,
        [property: JsonPropertyName("tasks")] IReadOnlyList<string> Tasks,
        [property: JsonPropertyName("metrics")] IReadOnlyList<MetricBody> Metrics,
        [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);

    /// <summary>A person's level for a category, next to the derived one at that moment, with the written rationale.</summary>
    public sealed record ConfirmedBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("framework")] string Framework,
        [property: JsonPropertyName("frameworkDigest")] string FrameworkDigest,
        [property: JsonPropertyName("category")] string Category,
        [property: JsonPropertyName("derivedPre")] string DerivedPre,
        [property: JsonPropertyName("derivedPost")] string DerivedPost,
        [property: JsonPropertyName("confirmedPre")] string ConfirmedPre,
        [property: JsonPropertyName("confirmedPost")] string ConfirmedPost,
        [property: JsonPropertyName("rationale")] string Rationale);

    /// <summary>A mitigation or safeguard of a version, with the evidence that it is in place.</summary>
    public sealed record SafeguardBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("standard")] string Standard,
        [property: JsonPropertyName("asl")] int? Asl,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("category")] string? Category,
        [property: JsonPropertyName("evidence")] IReadOnlyList<string> Evidence,
        [property: JsonPropertyName("description")] string? Description);

    /// <summary>An early warning: the upper prediction bound reaches a threshold within the next scale-up or the horizon.</summary>
    public sealed record AlertBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("metric")] string Metric,
        [property: JsonPropertyName("category")] string Category,
        [property: JsonPropertyName("level")] string Level,
        [property: JsonPropertyName("target")] double Target,
        [property: JsonPropertyName("basisVersion")] string BasisVersion,
        [property: JsonPropertyName("framework")] string Framework,
        [property: JsonPropertyName("upperCrossingFlop")] double? UpperCrossingFlop,
        [property: JsonPropertyName("upperCrossingDate")] string? UpperCrossingDate,
        [property: JsonPropertyName("fitCrossingFlop")] double? FitCrossingFlop,
        [property: JsonPropertyName("summary")] string Summary);

    /// <summary>A risk of the register, whole: recorded first, then each update carries the full new state and why.</summary>
    public sealed record RiskBody(
        [property: JsonPropertyName("risk")] string? Risk,
        [property: JsonPropertyName("category")] string Category,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("owner")] string Owner,
        [property: JsonPropertyName("likelihood")] int Likelihood,
        [property: JsonPropertyName("severity")] int Severity,
        [property: JsonPropertyName("treatment")] string Treatment,
        [property: JsonPropertyName("treatmentPlan")] string? TreatmentPlan,
        [property: JsonPropertyName("residualLikelihood")] int? ResidualLikelihood,
        [property: JsonPropertyName("residualSeverity")] int? ResidualSeverity,
        [property: JsonPropertyName("reviewDate")] string ReviewDate,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("links")] IReadOnlyList<string> Links,
        [property: JsonPropertyName("reason")] string? Reason);
}
