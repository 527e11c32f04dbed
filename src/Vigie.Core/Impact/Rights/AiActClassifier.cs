namespace Vigie.Core.Impact.Rights;

/// <summary>
/// Classifies a system from its questionnaire answers (REGULATIONS.md, EU AI Act). Order of the
/// law: scope, then prohibited practices (Art. 5), then high-risk (Art. 6(1) Annex I, Art. 6(2)
/// Annex III, unless the Art. 6(3) exemption applies — never when the system profiles natural
/// persons), then transparency duties (Art. 50), which also apply on top of high-risk. General-
/// purpose model duties (Art. 53) and systemic risk (Art. 51, 55) are a separate axis; systemic
/// risk is presumed above 10^25 FLOP of training compute (Art. 51(2)).
/// </summary>
public static class AiActClassifier
{
    public static AiActClassification Classify(IReadOnlyDictionary<string, bool> answers, double? trainingComputeFlop = null)
    {
        bool Yes(string id) => answers.TryGetValue(id, out var v) && v;
        var reasons = new List<AiActFinding>();
        var duties = new List<AiActFinding>();

        var gpai = Yes("general-purpose");
        var computeRisk = trainingComputeFlop is { } flop && ComputeThresholds.EuSystemicRisk.IsCrossedBy(flop);
        var systemic = (gpai || computeRisk) && (Yes("systemic-risk-designated") || computeRisk);
        if (!Yes("eu-market"))
        {
            reasons.Add(new("Art. 2(1)", "Not placed on the EU market, put into service or used in the EU: the Regulation does not apply."));
            return new(AiActTier.OutsideScope, gpai || computeRisk, systemic, false, reasons, duties);
        }

        var prohibited = AiActQuestionnaire.InSection(AiActQuestionnaire.Prohibited).Where(q => Yes(q.Id)).ToList();
        foreach (var q in prohibited)
        {
            reasons.Add(new(q.Article, "Prohibited practice: " + q.Text));
        }

        var annexI = Yes("annex-i");
        var annexIII = AiActQuestionnaire.InSection(AiActQuestionnaire.HighRisk).Where(q => q.Id != "annex-i" && Yes(q.Id)).ToList();
        var exempt = false;
        if (annexI)
        {
            reasons.Add(new("Art. 6(1), Annex I", "Safety component of (or itself) a product under Annex I legislation needing third-party conformity assessment: high-risk."));
        }

        foreach (var q in annexIII)
        {
            reasons.Add(new(q.Article, "Used in a high-risk area: " + q.Text));
        }

        if (annexIII.Count > 0 && Yes("narrow-task"))
        {
            if (Yes("profiling"))
            {
                reasons.Add(new("Art. 6(3), last subparagraph", "The Art. 6(3) exemption was claimed but the system profiles natural persons, so it is always high-risk."));
            }
            else if (!annexI)
            {
                exempt = true;
                reasons.Add(new("Art. 6(3)", "Exempt from high-risk: it performs only a narrow procedural, improving, pattern-detecting or preparatory task and does not profile people."));
                duties.Add(new("Art. 6(4)", "Document the assessment that the system is not high-risk before placing it on the market, and give it to authorities on request."));
                duties.Add(new("Art. 49(2)", "Register the system in the EU database before placing it on the market."));
            }
        }

        var highRisk = annexI || (annexIII.Count > 0 && !exempt);
        if (highRisk)
        {
            duties.AddRange(HighRiskDuties(answers));
        }

        foreach (var q in AiActQuestionnaire.InSection(AiActQuestionnaire.Transparency).Where(q => Yes(q.Id)))
        {
            duties.Add(new(q.Article, q.Id switch
            {
                "interacts-with-people" => "Tell people they are interacting with an AI system, unless obvious.",
                "synthetic-content" => "Mark synthetic audio, image, video and text outputs in a machine-readable format, detectable as artificially generated.",
                "emotion-or-biometric-categorisation" => "Inform the people exposed to the emotion recognition or biometric categorisation system.",
                _ => "Disclose that deep-fake content, or text published on matters of public interest, was artificially generated or manipulated.",
            }));
        }

        if (gpai || computeRisk)
        {
            if (!gpai)
            {
                reasons.Add(new("Art. 51(2)", "Not declared general-purpose, but a model trained with more than 10^25 FLOP is treated as one: review the answer."));
            }

            duties.Add(new("Art. 53(1)(a), Annex XI", "Draw up and keep up to date the model's technical documentation (Annex XI), including training compute and energy."));
            duties.Add(new("Art. 53(1)(b), Annex XII", "Give downstream providers the information and documentation of Annex XII."));
            duties.Add(new("Art. 53(1)(c)", "Put in place a policy to comply with Union copyright law."));
            duties.Add(new("Art. 53(1)(d)", "Publish a sufficiently detailed summary of the content used for training."));
        }

        if (systemic)
        {
            reasons.Add(new(computeRisk ? "Art. 51(2)" : "Art. 51(1)(b)", computeRisk
                ? "General-purpose model with systemic risk: training compute is greater than 10^25 FLOP."
                : "General-purpose model with systemic risk: designated by the Commission."));
            duties.Add(new("Art. 52(1)", "Notify the Commission within 2 weeks of meeting the threshold (or knowing it will be met)."));
            duties.Add(new("Art. 55(1)(a)", "Evaluate the model with state-of-the-art protocols, including adversarial testing."));
            duties.Add(new("Art. 55(1)(b)", "Assess and mitigate possible systemic risks at Union level."));
            duties.Add(new("Art. 55(1)(c)", "Track, document and report serious incidents to the AI Office without undue delay."));
            duties.Add(new("Art. 55(1)(d)", "Ensure adequate cybersecurity protection for the model and its infrastructure."));
        }

        string tier;
        if (prohibited.Count > 0)
        {
            tier = AiActTier.Prohibited;
            duties.Insert(0, new("Art. 5(1)", "The practice may not be placed on the market, put into service or used in the EU (since 2025-02-02)."));
        }
        else if (highRisk)
        {
            tier = AiActTier.HighRisk;
        }
        else if (duties.Any(d => d.Article.StartsWith("Art. 50", StringComparison.Ordinal)))
        {
            tier = AiActTier.Transparency;
            reasons.Add(new("Art. 50", "Not high-risk, but it has transparency duties."));
        }
        else
        {
            tier = AiActTier.Minimal;
            reasons.Add(new("Art. 95", "No prohibited practice, high-risk use or transparency duty: minimal risk (voluntary codes of conduct)."));
        }

        return new(tier, gpai || computeRisk, systemic, exempt, reasons, duties);
    }

    private static IEnumerable<AiActFinding> HighRiskDuties(IReadOnlyDictionary<string, bool> answers)
    {
        yield return new("Art. 9", "Establish and maintain a risk management system over the whole lifecycle.");
        yield return new("Art. 10", "Govern training, validation and testing data: relevance, representativeness, examination for biases.");
        yield return new("Art. 11, Annex IV", "Draw up technical documentation before placing on the market.");
        yield return new("Art. 12", "Record events automatically (logs) over the system's lifetime.");
        yield return new("Art. 13", "Give deployers instructions for use and transparent information.");
        yield return new("Art. 14", "Design for effective human oversight.");
        yield return new("Art. 15", "Achieve appropriate accuracy, robustness and cybersecurity.");
        yield return new("Art. 17", "Put a quality management system in place.");
        yield return new("Art. 43", "Undergo the conformity assessment before placing on the market.");
        yield return new("Art. 49(1)", "Register the system in the EU database.");
        yield return new("Art. 72", "Run post-market monitoring.");
        yield return new("Art. 73", "Report serious incidents to market surveillance authorities (15 days; 10 for a death; 2 for critical infrastructure).");
        if (answers.TryGetValue("essential-services", out var essential) && essential)
        {
            yield return new("Art. 27", "Deployers that are public bodies, provide public services, or use credit scoring or life and health insurance pricing carry out a fundamental rights impact assessment before first use.");
        }
        else
        {
            yield return new("Art. 27", "Deployers that are public bodies or provide public services carry out a fundamental rights impact assessment before first use.");
        }
    }
}
