using System.Text.Json.Nodes;
using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// What each regime's report asks for, field by field (../shared/reference/REGULATIONS.md):
/// SB 53 — date, why it qualifies, a short plain statement, whether it involved internal use;
/// RAISE — as SB 53 (the Act's text was not verified, see ADR 0010); AI Act Art. 73 — the
/// system, the kind of serious incident, dates, what happened, harm and who, the causal link,
/// corrective action, the investigation (Art. 73(6)); Code of Practice (Measure 9.3) — dates,
/// harm and victims, chain of events, model, response, recommendations, root cause; a final
/// report adds the resolution.
/// </summary>
public static class IncidentReportForms
{
    public const string Initial = "initial";
    public const string Update = "update";
    public const string Final = "final";

    /// <summary>One field of a report: its key, its label as the form names it, whether the report needs it, and where its value comes from.</summary>
    public sealed record ReportField(string Key, string Label, bool Required, Func<IncidentRecord, JsonNode?> Value);

    /// <summary>"initial", "update" or "final", from the obligation code.</summary>
    public static string KindOf(string obligation) =>
        obligation == IncidentDeadlines.CopUpdate ? Update : obligation.EndsWith("/final-report", StringComparison.Ordinal) ? Final : Initial;

    public static string Recipient(string obligation) => obligation.Split('/')[0] switch
    {
        "sb53" when obligation.EndsWith("imminent-danger-disclosure", StringComparison.Ordinal) =>
            "An appropriate authority (a law enforcement or public safety agency)",
        "sb53" => "California Office of Emergency Services",
        "raise" => "The State of New York (the office the RAISE Act designates)",
        "eu-ai-act-art73" => "The market surveillance authority of each Member State where the incident occurred",
        _ => "The AI Office (and national competent authorities where appropriate)",
    };

    public static IReadOnlyList<ReportField> For(IncidentRegime regime, string kind) => regime switch
    {
        IncidentRegime.Sb53 =>
        [
            Model("Frontier model involved", required: false),
            new("incidentDate", "Date of the critical safety incident", true, r => Text(r.Fields.OccurredOn ?? r.Fields.Discovered)),
            Discovered("Date the developer discovered it"),
            Text("whyReportable", "Reasons the incident qualifies as a critical safety incident", true, r => r.Fields.WhyReportable),
            Text("description", "Short and plain statement describing the incident", true, r => r.Fields.Description),
            new("internalUse", "Associated with internal use of a frontier model", true, r => Flag(r.Fields.InternalUse)),
            new("imminentDanger", "Imminent risk of death or serious physical injury", false, r => Flag(r.Fields.ImminentDanger)),
        ],
        IncidentRegime.Raise =>
        [
            Model("Frontier model involved", required: false),
            new("incidentDate", "Date of the safety incident", true, r => Text(r.Fields.OccurredOn ?? r.Fields.Discovered)),
            Discovered("Date the developer learned of it"),
            Text("whyReportable", "Reasons the incident qualifies as a safety incident", true, r => r.Fields.WhyReportable),
            Text("description", "Short and plain statement describing the incident", true, r => r.Fields.Description),
            new("imminentDanger", "Imminent danger of death or serious physical injury", false, r => Flag(r.Fields.ImminentDanger)),
        ],
        IncidentRegime.EuAiActArt73 =>
        [
            Model("AI system and version", required: true),
            new("type", "Type of serious incident (Art. 3(49))", true, r => Text(CategoryText(r.Fields.Category))),
            Text("occurredOn", "Date or start of the incident", true, r => r.Fields.OccurredOn),
            Discovered("Date the provider became aware of it"),
            Text("description", "Description of the serious incident", true, r => r.Fields.Description),
            Text("harm", "Harm caused", true, r => r.Fields.Harm),
            Text("affected", "Persons or groups affected", true, r => r.Fields.Affected),
            new("peopleAffected", "Number of people affected", false, r => r.Fields.PeopleAffected is { } n ? JsonValue.Create(n) : null),
            Text("chainOfEvents", "Causal link between the AI system and the incident", true, r => r.Fields.ChainOfEvents),
            Text("response", "Corrective action taken or planned", true, r => r.Fields.Response),
            Text("rootCause", "Investigation and risk assessment (Art. 73(6))", false, r => r.Fields.RootCause),
        ],
        IncidentRegime.GpaiCodeOfPractice =>
        [
            Model("General-purpose AI model involved", required: true),
            Text("occurredOn", "Start date of the serious incident", true, r => r.Fields.OccurredOn),
            Text("endedOn", "End date of the serious incident", kind == Final, r => r.Fields.EndedOn),
            Discovered("Date the provider became aware of it"),
            Text("description", "Description of the serious incident", true, r => r.Fields.Description),
            Text("harm", "Resulting harm", true, r => r.Fields.Harm),
            Text("affected", "Victims or affected group", true, r => r.Fields.Affected),
            new("peopleAffected", "Number of people affected", false, r => r.Fields.PeopleAffected is { } n ? JsonValue.Create(n) : null),
            Text("chainOfEvents", "Chain of events that led to it, including the model's outputs involved", true, r => r.Fields.ChainOfEvents),
            Text("response", "What the provider did or intends to do in response", true, r => r.Fields.Response),
            Text("recommendations", "Recommendations to the AI Office and national competent authorities", false, r => r.Fields.Recommendations),
            Text("rootCause", "Root cause analysis, including the model's outputs and contributing factors", kind == Final, r => r.Fields.RootCause),
            Text("resolvedAt", "Date the serious incident was resolved", kind == Final, r => r.ResolvedAt),
            Text("resolution", "How it was resolved", kind == Final, r => r.Resolution),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(regime)),
    };

    private static ReportField Model(string label, bool required) =>
        new("model", label, required, r => Text(r.Fields.System is null ? null : r.Fields.Version is null ? r.Fields.System : $"{r.Fields.System}@{r.Fields.Version}"));

    private static ReportField Discovered(string label) => new("discovered", label, true, r => Text(r.Fields.Discovered));

    private static ReportField Text(string key, string label, bool required, Func<IncidentRecord, string?> value) => new(key, label, required, r => Text(value(r)));

    private static JsonValue? Text(string? value) => string.IsNullOrEmpty(value) ? null : JsonValue.Create(value);

    private static JsonValue? Flag(bool? value) => value is { } b ? JsonValue.Create(b) : null;

    private static string? CategoryText(string? category) => category switch
    {
        "death" => "death of a person (Art. 3(49)(a))",
        "critical-infrastructure" => "serious and irreversible disruption of critical infrastructure (Art. 3(49)(b))",
        "widespread-infringement" => "infringement of obligations protecting fundamental rights (Art. 3(49)(c)), widespread",
        "cybersecurity" => "serious harm from a cybersecurity breach (Art. 3(49)(a) or (d), as applicable)",
        "other-serious-harm" => "serious harm to health, property or the environment (Art. 3(49)(a) or (d))",
        "near-miss" => "near miss (not a serious incident)",
        _ => category,
    };
}
