namespace Vigie.Core.Concerns;

/// <summary>
/// The incident-reporting periods of each regime (../shared/reference/REGULATIONS.md), with
/// their citations. Codes are "&lt;regime name&gt;/&lt;what&gt;".
/// </summary>
internal static class IncidentRules
{
    private const string Sb53 = "California Business and Professions Code §22757.13 (SB 53)";
    private const string Raise = "New York General Business Law Art. 44-B (RAISE Act)";
    private const string AiAct = "Regulation (EU) 2024/1689 (AI Act), Art. 73";
    private const string CodeOfPractice = "General-Purpose AI Code of Practice, Safety and Security chapter, Commitment 9 (serious incident reporting)";

    public static readonly DeadlineRule Sb53Report = new(
        "sb53/oes-report", "Report the critical safety incident to the California Office of Emergency Services",
        $"{Sb53}(c)(1): report a critical safety incident to the Office of Emergency Services within 15 days of discovering it",
        15, PeriodUnit.Days);

    public static readonly DeadlineRule Sb53Imminent = new(
        "sb53/imminent-danger-disclosure", "Disclose the incident to an appropriate authority (law enforcement or public safety agency)",
        $"{Sb53}(c)(2): a critical safety incident that poses an imminent risk of death or serious physical injury is disclosed within 24 hours to an appropriate authority",
        24, PeriodUnit.Hours);

    public static readonly DeadlineRule RaiseReport = new(
        "raise/state-report", "Disclose the safety incident to the State of New York",
        $"{Raise}: disclose a safety incident within 72 hours of learning of it",
        72, PeriodUnit.Hours);

    public static readonly DeadlineRule RaiseImminent = RaiseReport with
    {
        LegalBasis = $"{Raise}: a safety incident posing an imminent danger of death or serious physical injury is disclosed within 24 hours",
        Amount = 24,
    };

    public static readonly DeadlineRule AiActReport = new(
        "eu-ai-act-art73/report", "Report the serious incident to the market surveillance authority",
        $"{AiAct}(2): report not later than 15 days after becoming aware of the serious incident",
        15, PeriodUnit.Days);

    public static readonly DeadlineRule AiActDeath = AiActReport with
    {
        LegalBasis = $"{AiAct}(4): in the event of the death of a person, report not later than 10 days after becoming aware of the serious incident",
        Amount = 10,
    };

    public static readonly DeadlineRule AiActWidespread = AiActReport with
    {
        LegalBasis = $"{AiAct}(3): a widespread infringement or a serious and irreversible disruption of critical infrastructure (Art. 3(49)(b)) is reported "
            + "immediately and not later than 2 days after becoming aware of it",
        Amount = 2,
    };

    public static readonly DeadlineRule CopInitial = new(
        "gpai-cop/initial-report", "Send the AI Office the initial serious incident report",
        $"{CodeOfPractice}, Measure 9.3: initial report not later than 15 days after becoming aware of serious harm to health, "
        + "an infringement of fundamental-rights obligations, or serious harm to property or the environment",
        15, PeriodUnit.Days);

    public static readonly DeadlineRule CopDeath = CopInitial with
    {
        LegalBasis = $"{CodeOfPractice}, Measure 9.3: initial report not later than 10 days after becoming aware of the death of a person",
        Amount = 10,
    };

    public static readonly DeadlineRule CopCybersecurity = CopInitial with
    {
        LegalBasis = $"{CodeOfPractice}, Measure 9.3: initial report not later than 5 days after becoming aware of a serious cybersecurity breach, "
            + "including the exfiltration of model weights",
        Amount = 5,
    };

    public static readonly DeadlineRule CopCriticalInfrastructure = CopInitial with
    {
        LegalBasis = $"{CodeOfPractice}, Measure 9.3: initial report not later than 2 days after becoming aware of a serious and irreversible "
            + "disruption of critical infrastructure",
        Amount = 2,
    };

    public static readonly DeadlineRule CopUpdate = new(
        "gpai-cop/update", "Send the AI Office an updated report on the unresolved serious incident",
        $"{CodeOfPractice}, Measure 9.3: updates at least every 4 weeks after the previous report until the serious incident is resolved",
        28, PeriodUnit.Days);

    public static readonly DeadlineRule CopFinal = new(
        "gpai-cop/final-report", "Send the AI Office the final serious incident report",
        $"{CodeOfPractice}, Measure 9.3: final report not later than 60 days after the serious incident is resolved",
        60, PeriodUnit.Days);
}
