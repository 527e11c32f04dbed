namespace Vigie.Server.Features.Incidents;

/// <summary>
/// The facts of an incident that people record and later correct: what the GPAI Code of Practice
/// (Safety and Security chapter, Measure 9.3: dates, harm and who was affected, chain of events,
/// model involved, response, recommendations, root cause) and SB 53 (§22757.13: date, why it
/// qualifies, a short plain statement, whether it involved internal use) ask a report to carry.
/// In an update every property is optional: null leaves it as it is, "" clears an optional text.
/// </summary>
public record IncidentFields
{
    public string? Title { get; init; }

    /// <summary>When the organisation discovered or became aware of it: a date (YYYY-MM-DD) or an RFC 3339 time with offset.</summary>
    public string? Discovered { get; init; }

    public string? System { get; init; }

    public string? Version { get; init; }

    /// <summary>One of <see cref="Vigie.Core.Concerns.IncidentNames.CategoryNames"/>, the most severe that fits.</summary>
    public string? Category { get; init; }

    /// <summary>critical, high, medium or low (the release dossier's scale).</summary>
    public string? Severity { get; init; }

    public bool? ImminentDanger { get; init; }

    /// <summary>Whether it arose from the developer's internal use of the model (SB 53 asks).</summary>
    public bool? InternalUse { get; init; }

    /// <summary>Regimes named by people, applying in addition to those the system's obligations imply.</summary>
    public IReadOnlyList<string>? Regimes { get; init; }

    /// <summary>When it started (date or time), if known.</summary>
    public string? OccurredOn { get; init; }

    /// <summary>When it ended (date or time), if known.</summary>
    public string? EndedOn { get; init; }

    /// <summary>A short, plain statement of what happened.</summary>
    public string? Description { get; init; }

    /// <summary>The harm that resulted.</summary>
    public string? Harm { get; init; }

    /// <summary>Who was harmed or affected (people, groups, infrastructure).</summary>
    public string? Affected { get; init; }

    /// <summary>How many people were affected, as far as known.</summary>
    public long? PeopleAffected { get; init; }

    /// <summary>The chain of events that led to it, including the model's outputs involved.</summary>
    public string? ChainOfEvents { get; init; }

    /// <summary>What the organisation did or intends to do in response.</summary>
    public string? Response { get; init; }

    /// <summary>What it recommends authorities do in response (Code of Practice).</summary>
    public string? Recommendations { get; init; }

    /// <summary>Root cause analysis, as far as possible.</summary>
    public string? RootCause { get; init; }

    /// <summary>Why it qualifies as a reportable incident under the regimes (SB 53 asks for the reasons).</summary>
    public string? WhyReportable { get; init; }
}
