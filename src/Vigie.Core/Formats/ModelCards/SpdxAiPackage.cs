using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>The SPDX 3.0.1 <c>ai_AIPackage</c> element for a card (AI profile properties and the software and core ones it inherits).</summary>
internal static class SpdxAiPackage
{
    public static JsonObject Write(ModelCard card, CardExportOptions options, string id, string? supplierId)
    {
        var package = new JsonObject
        {
            ["type"] = "ai_AIPackage",
            ["spdxId"] = id,
            ["creationInfo"] = SpdxCard.CreationInfoId,
            ["name"] = card.Text("model.name") ?? options.FallbackName,
        };
        Put(package, "software_packageVersion", card.Text("model.version") ?? options.FallbackVersion);
        Put(package, "summary", card.Text("model.summary"));
        Put(package, "software_primaryPurpose", "model");
        Put(package, "software_homePage", card.Text("model.website"));
        Put(package, "suppliedBy", supplierId);
        if (card.Text("model.releaseDate") is { } release)
        {
            package["releaseTime"] = release + "T00:00:00Z";
        }

        Put(package, "ai_autonomyType", card.Text("technical.autonomyType"));
        Put(package, "ai_domain", Strings(card.List("uses.domains")));
        Put(package, "ai_energyConsumption", Energy(card));
        Put(package, "ai_hyperparameter", Entries(card.Map("technical.hyperparameters")));
        Put(package, "ai_informationAboutApplication", Joined(card.List("uses.intended")));
        Put(package, "ai_informationAboutTraining", card.Text("training.methodology"));
        Put(package, "ai_limitation", Joined(card.List("risk.limitations")));
        Put(package, "ai_metric", Entries(Metrics(card)));
        Put(package, "ai_metricDecisionThreshold", Entries(card.Map("evaluation.decisionThresholds")));
        Put(package, "ai_modelDataPreprocessing", Strings(card.List("training.dataPreprocessing")));
        Put(package, "ai_modelExplainability", Strings(card.List("risk.explainability")));
        Put(package, "ai_safetyRiskAssessment", card.Text("risk.safetyRiskAssessment"));
        Put(package, "ai_standardCompliance", Strings(card.List("risk.standardCompliance")));
        Put(package, "ai_typeOfModel", Strings(card.List("technical.typeOfModel")));
        Put(package, "ai_useSensitivePersonalInformation", card.Text("risk.useSensitivePersonalInformation"));
        return package;
    }

    /// <summary>Training energy; fine-tuning when the card says the training was a fine-tune.</summary>
    private static JsonObject? Energy(ModelCard card)
    {
        if (card.Number("training.energyKwh") is not { } kwh)
        {
            return null;
        }

        var fineTuning = card.Text("training.type")?.Contains("fine", StringComparison.OrdinalIgnoreCase) == true;
        return new JsonObject
        {
            ["type"] = "ai_EnergyConsumption",
            [fineTuning ? "ai_finetuningEnergyConsumption" : "ai_trainingEnergyConsumption"] = new JsonArray(new JsonObject
            {
                ["type"] = "ai_EnergyConsumptionDescription",
                ["ai_energyQuantity"] = JsonNodes.Number(kwh),
                ["ai_energyUnit"] = "kilowattHour",
            }),
        };
    }

    /// <summary>Metric name (and dataset) to value, as SPDX keeps metrics: a dictionary of text.</summary>
    private static List<KeyValuePair<string, string>> Metrics(ModelCard card)
    {
        var metrics = new List<KeyValuePair<string, string>>();
        foreach (var result in card.Records("evaluation.results"))
        {
            var dataset = JsonNodes.StringOrNull(result["datasetName"]) ?? JsonNodes.StringOrNull(result["datasetType"]);
            foreach (var metric in (result["metrics"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var name = JsonNodes.StringOrNull(metric["type"]) ?? JsonNodes.StringOrNull(metric["name"]) ?? "metric";
                var key = dataset is null ? name : $"{name} ({dataset})";
                var value = metric["value"] is { } v ? FieldText.Format(EvaluationFields.MetricFields[1], v) : "";
                metrics.Add(KeyValuePair.Create(key, value));
            }
        }

        return metrics;
    }

    private static JsonArray? Entries(IReadOnlyList<KeyValuePair<string, string>> pairs) =>
        pairs.Count == 0 ? null : new JsonArray([.. pairs.Select(p => (JsonNode)new JsonObject { ["type"] = "DictionaryEntry", ["key"] = p.Key, ["value"] = p.Value })]);

    private static JsonArray? Strings(IReadOnlyList<string> items) =>
        items.Count == 0 ? null : new JsonArray([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);

    private static string? Joined(IReadOnlyList<string> items) => items.Count == 0 ? null : string.Join("\n", items);

    private static void Put(JsonObject target, string key, JsonNode? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    private static void Put(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    public static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
