namespace Vigie.Core.Concerns;

/// <summary>
/// What an incident did, as the reporting regimes tell their deadlines apart. When several fit,
/// choose the most severe: the clocks give each regime's shortest period for it.
/// Names for CLI and JSON: <see cref="IncidentNames"/>.
/// </summary>
public enum IncidentCategory
{
    /// <summary>"death": the death of a person.</summary>
    Death,

    /// <summary>"critical-infrastructure": serious and irreversible disruption of critical infrastructure.</summary>
    CriticalInfrastructure,

    /// <summary>"widespread-infringement": a widespread infringement (EU AI Act Art. 3(61)), e.g. of fundamental rights obligations.</summary>
    WidespreadInfringement,

    /// <summary>"cybersecurity": a serious cybersecurity breach, including exfiltration of model weights.</summary>
    Cybersecurity,

    /// <summary>"other-serious-harm": serious harm to health, rights, property or the environment not listed above.</summary>
    OtherSeriousHarm,

    /// <summary>"near-miss": nothing happened but could have; recorded, never reportable under these regimes.</summary>
    NearMiss,
}
