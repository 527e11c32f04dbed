namespace Vigie.Core.Concerns;

/// <summary>An incident-reporting regime. Names for CLI and JSON: <see cref="IncidentNames"/>.</summary>
public enum IncidentRegime
{
    /// <summary>"sb53": California SB 53, critical safety incidents (Bus. &amp; Prof. Code §22757.10 ff.).</summary>
    Sb53,

    /// <summary>"raise": New York RAISE Act (General Business Law Art. 44-B), safety incidents.</summary>
    Raise,

    /// <summary>"eu-ai-act-art73": EU AI Act Art. 73, serious incidents of high-risk AI systems.</summary>
    EuAiActArt73,

    /// <summary>"gpai-cop": General-Purpose AI Code of Practice, Safety and Security chapter, serious incidents.</summary>
    GpaiCodeOfPractice,
}
