using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

/// <summary>The committed README fixtures, and a card with every group filled in.</summary>
internal static class CardFixtures
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Formats", "ModelCards", "Fixtures", name));

    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Formats", "ModelCards", "Fixtures", name));

    public static ModelCard Card(string json)
    {
        var parsed = ModelCard.FromJson(json);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Issues));
        return parsed.Card!;
    }

    public static ModelCard Imported(string name)
    {
        var import = HuggingFaceCard.Read(Text(name));
        Assert.True(import.Succeeded, import.Error);
        return import.Card!;
    }

    /// <summary>A frontier-model card that fills every profile, with values that exercise each export.</summary>
    public static ModelCard Full() => Card("""
        {
          "model": {
            "name": "Aurora-7", "version": "2026.03", "summary": "A general-purpose language model.",
            "developer": "Example Lab", "website": "https://example.org/", "contact": "safety@example.org",
            "releaseDate": "2026-03-01", "distribution": "API and downloadable weights.", "license": "apache-2.0", "licenseName": "Apache License 2.0", "licenseLink": "https://www.apache.org/licenses/LICENSE-2.0",
            "baseModels": ["example/aurora-base"], "libraryName": "transformers", "tags": ["frontier", "chat"]
          },
          "uses": {
            "tasks": ["text generation", "summarisation"], "pipelineTag": "text-generation",
            "integration": "Chat assistants through the API; on-premise via weights.",
            "intended": ["Drafting and summarising text", "Research"],
            "restrictions": ["No medical diagnosis", "No weapons uplift"],
            "acceptableUsePolicy": "https://example.org/aup", "internal": "Code review assistance.",
            "users": ["Developers"], "domains": ["natural language processing"]
          },
          "technical": {
            "architecture": "Decoder-only transformer.", "architectureFamily": "transformer", "parameterCount": 7000000000,
            "learningApproach": "self-supervised", "typeOfModel": ["language model"], "inputModalities": ["text"],
            "outputModalities": ["text"], "contextLength": 32768, "languages": ["en", "fr"], "autonomyType": "no",
            "hyperparameters": {"learning_rate": "3e-4", "batch_size": "1024"},
            "specification": "Helpful, honest, harmless.", "systemPrompt": "You are Aurora."
          },
          "training": {
            "methodology": "Pre-training then RLHF.", "designChoices": "Long context for documents.",
            "data": "Web text and licensed books.", "dataCuration": "Deduplication and toxicity filtering.",
            "datasets": ["example/web-corpus"], "dataPreprocessing": ["Tokenised with BPE"], "tokens": 2000000000000,
            "computeFlop": 3.8e25, "type": "pre-training", "startDate": "2025-10-01", "endDate": "2026-01-15",
            "durationHours": 2520, "hardware": "1024 NVIDIA H100", "acceleratorHours": 2580480, "energyKwh": 1800000,
            "energyMethod": "Metered at the rack."
          },
          "environment": {"co2eqEmissionsGrams": 450000000, "co2OffsetGrams": 100000000, "emissionsSource": "CodeCarbon", "geographicalLocation": "France"},
          "evaluation": {
            "metrics": ["accuracy"],
            "results": [{"taskType": "question-answering", "datasetName": "MMLU", "datasetType": "cais/mmlu", "datasetSplit": "test",
                         "metrics": [{"type": "accuracy", "value": 71.2, "verified": false}], "sourceName": "internal", "sourceUrl": "https://example.org/evals"}],
            "decisionThresholds": {"accuracy": "0.6"},
            "method": "Held-out benchmarks and red-teaming.", "elicitation": "Best-of-16 with tools.", "adversarialTesting": "External red team."
          },
          "risk": {
            "safetyRiskAssessment": "medium", "catastrophicRiskAssessments": "CBRN and cyber evaluations under the framework.",
            "catastrophicRiskResults": "Below the high thresholds.", "thirdPartyEvaluators": "Two external labs.",
            "frameworkSteps": "Security review of weights.", "acceptability": "Margins hold.", "invalidatingConditions": "A jump on cyber evals.",
            "decisionProcess": "Safety board, then CEO.", "mitigations": "Refusal training; monitoring.", "developmentOutlook": "A larger model in Q3.",
            "limitations": ["Hallucinates citations"], "performanceTradeoffs": ["Longer context costs latency"],
            "ethicalConsiderations": [{"name": "Bias", "mitigationStrategy": "Fairness evaluations"}],
            "fairnessAssessments": [{"groupAtRisk": "Non-English speakers", "benefits": "Access", "harms": "Lower quality", "mitigationStrategy": "More data"}],
            "useSensitivePersonalInformation": "no", "standardCompliance": ["ISO/IEC 42001"], "explainability": ["Attribution graphs"]
          },
          "sections": [{"heading": "Aurora-7", "level": 1, "text": "The flagship model."}, {"heading": "Uses", "level": 2, "text": "See above."}]
        }
        """);

    public static JsonObject Json(ModelCard card) => card.ToJsonObject();
}
