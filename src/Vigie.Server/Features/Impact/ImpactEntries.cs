using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// The impact feature's ledger entries. Estimates and assessments carry their full result and
/// every input with its origin and source, so the log alone shows what was claimed on which data,
/// even after the reference tables change.
/// </summary>
public static class ImpactEntries
{
    public const string EnergyEstimated = "impact.energy-estimated/v1";
    public const string FairnessAssessed = "impact.fairness-assessed/v1";
    public const string ObligationMet = "regulatory.obligation-met/v1";
    public const string RevenueRecorded = "regulatory.revenue-recorded/v1";
    public const string ClassificationRecorded = "rights.classification-recorded/v1";
    public const string FriaRevised = "rights.fria-revised/v1";
    public const string FriaReviewed = "rights.fria-reviewed/v1";

    public static readonly IReadOnlyList<string> All =
        [EnergyEstimated, FairnessAssessed, ObligationMet, RevenueRecorded, ClassificationRecorded, FriaRevised, FriaReviewed];

    /// <summary>The energy, CO2e and water of one training run: the estimate as <c>ImpactJson.Energy</c> writes it.</summary>
    public sealed record EnergyBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("run")] string Run,
        [property: JsonPropertyName("estimate")] JsonElement Estimate);

    /// <summary>A fairness assessment of a version: the file's digest, how it was read, and the report.</summary>
    public sealed record FairnessBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("assessment")] string Assessment,
        [property: JsonPropertyName("fileSha256")] string FileSha256,
        [property: JsonPropertyName("rows")] long Rows,
        [property: JsonPropertyName("report")] JsonElement Report);

    /// <summary>An obligation met, e.g. the Art. 52 notification sent, with its reference.</summary>
    public sealed record MetBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("obligation")] string Obligation,
        [property: JsonPropertyName("reference")] string Reference,
        [property: JsonPropertyName("note")] string? Note);

    /// <summary>The organisation's annual gross revenue with affiliates for a calendar year (SB 53's large-developer test).</summary>
    public sealed record RevenueBody(
        [property: JsonPropertyName("year")] int Year,
        [property: JsonPropertyName("revenueUsd")] double RevenueUsd,
        [property: JsonPropertyName("source")] string Source);

    /// <summary>One revision of a system's EU AI Act classification: the answers and the result.</summary>
    public sealed record ClassificationBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("revision")] int Revision,
        [property: JsonPropertyName("answers")] IReadOnlyDictionary<string, bool> Answers,
        [property: JsonPropertyName("trainingComputeFlop")] double? TrainingComputeFlop,
        [property: JsonPropertyName("result")] JsonElement Result);

    /// <summary>One revision of a deployment's fundamental rights impact assessment (Art. 27 (a)-(f)).</summary>
    public sealed record FriaBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("deployment")] string Deployment,
        [property: JsonPropertyName("revision")] int Revision,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("document")] JsonElement Document,
        [property: JsonPropertyName("sha256")] string Sha256);

    /// <summary>The review decision on a FRIA revision: approved or changes requested, by someone other than its author.</summary>
    public sealed record FriaReviewBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("deployment")] string Deployment,
        [property: JsonPropertyName("revision")] int Revision,
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("comment")] string Comment);
}
