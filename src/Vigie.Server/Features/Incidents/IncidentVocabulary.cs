using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Incidents;

/// <summary>The register's fixed words: severities, statuses, visibilities, and the default severity of a category.</summary>
public static class IncidentVocabulary
{
    /// <summary>The release dossier's scale (src/Vigie.Core/Policies/dossier.schema.json, incidents[*].severity).</summary>
    public static readonly IReadOnlyList<string> Severities = ["critical", "high", "medium", "low"];

    public const string Open = "open";
    public const string Resolved = "resolved";

    /// <summary>Incident bodies are never public (issue 7: "store them as internal/confidential ledger entries").</summary>
    public static readonly IReadOnlyList<string> Visibilities = ["internal", "confidential"];

    /// <summary>"other-serious-harm" when none is given: the register says so, and clocks for it are the longest, so people are told to set it.</summary>
    public const string DefaultCategory = "other-serious-harm";

    /// <summary>
    /// Severity when none is given: critical for a death, a critical-infrastructure disruption or
    /// an imminent danger; high for the other reportable categories; low for a near miss.
    /// </summary>
    public static string DefaultSeverity(IncidentCategory category, bool imminentDanger) => category switch
    {
        _ when imminentDanger => "critical",
        IncidentCategory.Death or IncidentCategory.CriticalInfrastructure => "critical",
        IncidentCategory.NearMiss => "low",
        _ => "high",
    };

    /// <summary>What each regime is called for people.</summary>
    public static string RegimeTitle(IncidentRegime regime) => regime switch
    {
        IncidentRegime.Sb53 => "California SB 53 (critical safety incidents)",
        IncidentRegime.Raise => "New York RAISE Act (safety incidents)",
        IncidentRegime.EuAiActArt73 => "EU AI Act Art. 73 (serious incidents of high-risk AI systems)",
        IncidentRegime.GpaiCodeOfPractice => "General-Purpose AI Code of Practice (serious incidents)",
        _ => throw new ArgumentOutOfRangeException(nameof(regime)),
    };
}
