using Vigie.Core.Concerns;
using Vigie.Server.Features.Registry;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Incidents;

/// <summary>The request bodies of the incident endpoints, and their checks (each names the field and says what to give).</summary>
public static class IncidentRequests
{
    /// <summary>Request bodies are refused above this, before parsing.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>POST /api/v1/incidents: title and discovered are required.</summary>
    public sealed record Open : IncidentFields
    {
        /// <summary>internal (any signed-in person reads it) or confidential (admins, auditors, safety officers, executives, the board, and whoever opened it).</summary>
        public string? Visibility { get; init; }
    }

    /// <summary>PATCH /api/v1/incidents/{id}: any field, and a note saying why.</summary>
    public sealed record Update : IncidentFields
    {
        public string? Note { get; init; }
    }

    public sealed record Resolve(string? ResolvedAt = null, string? Resolution = null, string? RootCause = null);

    public sealed record Reopen(string Reason);

    /// <param name="Obligation">An obligation code such as "gpai-cop/update"; default: the regime's earliest one still unmet.</param>
    /// <param name="SentText">The report as actually sent, kept as documentation.</param>
    public sealed record Submit(
        string Regime, string? Obligation = null, string? SubmittedAt = null, string? Reference = null,
        string? Recipient = null, string? Note = null, string? SentText = null);

    public static string? Check(Open r, ClockZone zone, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(r.Title)) return "title is required: what happened, in one line.";
        if (string.IsNullOrEmpty(r.Discovered)) return "discovered is required: when the organisation discovered or became aware of the incident (2026-04-01 or 2026-04-01T09:30:00Z).";
        if (r.System is "" || r.Version is "") return "system and version, when given, cannot be empty.";
        if (r.Version is not null && r.System is null) return "version needs system: give the system the version belongs to.";
        if (r.Category is "" || r.Severity is "") return "category and severity, when given, cannot be empty.";
        if (r.Visibility is not null && !IncidentVocabulary.Visibilities.Contains(r.Visibility))
            return "visibility must be 'internal' or 'confidential' (incident records are never public).";
        return CheckFields(r, zone, now);
    }

    public static string? Check(Update r, ClockZone zone, DateTimeOffset now)
    {
        if (r.Title is "") return "title cannot be cleared.";
        if (r.Discovered is "") return "discovered cannot be cleared.";
        if (r.Category is "" || r.Severity is "") return "category and severity cannot be cleared.";
        if (r.Note is not null && TextRules.Check("note", r.Note, 1, 2000, multiline: true) is { } note) return note;
        return CheckFields(r, zone, now);
    }

    public static string? Check(Resolve r, ClockZone zone, DateTimeOffset now)
    {
        if (r.ResolvedAt is not null && IncidentTimes.Read("resolvedAt", r.ResolvedAt, zone, now).Error is { } at) return at;
        if (r.Resolution is not null && TextRules.Check("resolution", r.Resolution, 1, 8000, multiline: true) is { } resolution) return resolution;
        return r.RootCause is not null ? TextRules.Check("rootCause", r.RootCause, 1, 8000, multiline: true) : null;
    }

    public static string? Check(Reopen r) => TextRules.Check("reason", r.Reason, 1, 2000, multiline: true);

    public static string? Check(Submit r, ClockZone zone, DateTimeOffset now)
    {
        if (!IncidentNames.TryParseRegime(r.Regime, out _, out var regime)) return regime;
        if (r.Obligation is not null && (!r.Obligation.StartsWith(r.Regime + "/", StringComparison.Ordinal) || r.Obligation.Length > 80))
            return $"obligation '{r.Obligation}' is not one of regime {r.Regime}'s (its codes start with '{r.Regime}/'; vigie incidents show lists them).";
        if (r.SubmittedAt is not null && IncidentTimes.Read("submittedAt", r.SubmittedAt, zone, now).Error is { } at) return at;
        if (r.Reference is not null && TextRules.Check("reference", r.Reference, 1, 200) is { } reference) return reference;
        if (r.Recipient is not null && TextRules.Check("recipient", r.Recipient, 1, 200) is { } recipient) return recipient;
        if (r.Note is not null && TextRules.Check("note", r.Note, 1, 2000, multiline: true) is { } note) return note;
        return r.SentText is not null ? TextRules.Check("sentText", r.SentText, 1, 32000, multiline: true) : null;
    }

    private static string? CheckFields(IncidentFields f, ClockZone zone, DateTimeOffset now)
    {
        if (f.Title is { Length: > 0 } && TextRules.Check("title", f.Title, 1, 200) is { } title) return title;
        if (f.Discovered is { Length: > 0 } && IncidentTimes.Read("discovered", f.Discovered, zone, now).Error is { } discovered) return discovered;
        if (f.System is { Length: > 0 } && RegistryNames.CheckSystem(f.System) is { } system) return system;
        if (f.Version is { Length: > 0 } && RegistryNames.CheckVersion(f.Version) is { } version) return version;
        if (f.Category is { Length: > 0 } && !IncidentNames.TryParseCategory(f.Category, out _, out var category)) return category;
        if (f.Severity is { Length: > 0 } && !IncidentVocabulary.Severities.Contains(f.Severity))
            return $"severity '{f.Severity}' is not one of: {string.Join(", ", IncidentVocabulary.Severities)}.";
        if (f.Regimes is { } regimes && CheckRegimes(regimes) is { } regime) return regime;
        if (IncidentTimes.Check("occurredOn", f.OccurredOn, zone, now) is { } occurred) return occurred;
        if (IncidentTimes.Check("endedOn", f.EndedOn, zone, now) is { } ended) return ended;
        if (f.PeopleAffected is < 0 or > 10_000_000_000) return "peopleAffected must be a whole number from 0 to 10,000,000,000.";
        foreach (var (name, value, max) in Texts(f))
        {
            if (value is not null && TextRules.Check(name, value, 0, max, multiline: true) is { } text) return text;
        }

        return null;
    }

    private static string? CheckRegimes(IReadOnlyList<string> regimes)
    {
        foreach (var name in regimes)
        {
            if (!IncidentNames.TryParseRegime(name, out _, out var error)) return error;
        }

        return regimes.Distinct(StringComparer.Ordinal).Count() != regimes.Count ? "regimes lists a regime twice." : null;
    }

    private static IEnumerable<(string Name, string? Value, int Max)> Texts(IncidentFields f) =>
    [
        ("description", f.Description, 8000), ("harm", f.Harm, 4000), ("affected", f.Affected, 4000),
        ("chainOfEvents", f.ChainOfEvents, 8000), ("response", f.Response, 8000), ("recommendations", f.Recommendations, 4000),
        ("rootCause", f.RootCause, 8000), ("whyReportable", f.WhyReportable, 4000),
    ];
}
