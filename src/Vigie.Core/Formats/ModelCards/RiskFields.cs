using static Vigie.Core.Formats.ModelCards.FieldFactory;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>The <c>risk</c> group: risk assessments and their results, mitigations, limitations and fairness.</summary>
internal static class RiskFields
{
    /// <summary>SPDX 3.0.1 ai_SafetyRiskAssessmentType, the EU AI Act's four risk levels.</summary>
    public static readonly IReadOnlyList<string> SafetyRiskLevels = ["serious", "high", "medium", "low"];

    public static readonly CardGroup Group = new("risk", "Risks and safeguards", [
        Enum("risk.safetyRiskAssessment", "Safety risk level", "The assessed level of safety risk: serious, high, medium or low.", SafetyRiskLevels, "SPDX ai_safetyRiskAssessment"),
        Prose("risk.catastrophicRiskAssessments", "Catastrophic-risk assessments", "A summary of the assessments of catastrophic risk made under the developer's frontier AI framework."),
        Prose("risk.catastrophicRiskResults", "Assessment results", "The results of those assessments."),
        Prose("risk.thirdPartyEvaluators", "Third-party evaluators", "The extent to which third-party evaluators were involved."),
        Prose("risk.frameworkSteps", "Other framework steps", "Other steps taken under the frontier AI framework for this model."),
        Prose("risk.acceptability", "Why the risk is acceptable", "The reasons the systemic risk is acceptable, with the safety margin."),
        Prose("risk.invalidatingConditions", "What would invalidate that", "Conditions under which those reasons would no longer hold."),
        Prose("risk.decisionProcess", "Decision process", "How the decision to proceed was made, and who made it."),
        Prose("risk.mitigations", "Mitigations", "Safety and security mitigations, and their limits."),
        Prose("risk.developmentOutlook", "Development outlook", "Expected development over the next six months."),
        Lines("risk.limitations", "Technical limitations", "Known limitations, one per line.", "CycloneDX considerations.technicalLimitations; SPDX ai_limitation"),
        Lines("risk.performanceTradeoffs", "Performance trade-offs", "One per line.", "CycloneDX considerations.performanceTradeoffs"),
        Records("risk.ethicalConsiderations", "Ethical considerations", "Risks and how they are addressed.", [
            Text("name", "Risk", "The risk.", "", 2000),
            Prose("mitigationStrategy", "Mitigation", "How it is addressed."),
        ], "CycloneDX considerations.ethicalConsiderations"),
        Records("risk.fairnessAssessments", "Fairness assessments", "Groups at risk of being systematically disadvantaged.", [
            Text("groupAtRisk", "Group at risk", "", "", 2000),
            Prose("benefits", "Benefits", ""),
            Prose("harms", "Harms", ""),
            Prose("mitigationStrategy", "Mitigation", ""),
        ], "CycloneDX considerations.fairnessAssessments"),
        Enum("risk.useSensitivePersonalInformation", "Uses sensitive personal information", "yes, no or noAssertion.", TechnicalFields.Presence, "SPDX ai_useSensitivePersonalInformation"),
        Tokens("risk.standardCompliance", "Standards complied with", "e.g. ISO/IEC 42001.", "SPDX ai_standardCompliance"),
        Lines("risk.explainability", "Explainability", "Explainability mechanisms, one per line.", "SPDX ai_modelExplainability"),
    ]);
}
