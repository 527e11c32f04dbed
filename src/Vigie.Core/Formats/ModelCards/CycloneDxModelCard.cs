using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>The CycloneDX 1.6 <c>modelCard</c> object (bom-1.6.schema.json #/definitions/modelCard) of a card.</summary>
internal static class CycloneDxModelCard
{
    public static (JsonObject ModelCard, List<string> Placed) Write(ModelCard card)
    {
        var placed = new List<string>();
        var modelCard = new JsonObject();
        Put(modelCard, "modelParameters", Parameters(card, placed));
        Put(modelCard, "quantitativeAnalysis", Metrics(card, placed));
        Put(modelCard, "considerations", Considerations(card, placed));
        return (modelCard, placed);
    }

    private static JsonObject Parameters(ModelCard card, List<string> placed)
    {
        var parameters = new JsonObject();
        if (Take(card, "technical.learningApproach", placed) is { } approach)
        {
            parameters["approach"] = new JsonObject { ["type"] = approach };
        }

        if (card.List("uses.tasks") is { Count: > 0 } tasks)
        {
            parameters["task"] = string.Join(", ", tasks);
            placed.Add("uses.tasks");
        }

        Put(parameters, "architectureFamily", Take(card, "technical.architectureFamily", placed));
        Put(parameters, "modelArchitecture", Take(card, "technical.architecture", placed));
        Put(parameters, "datasets", Items(card, "training.datasets", placed, d => new JsonObject { ["type"] = "dataset", ["name"] = d }));
        Put(parameters, "inputs", Items(card, "technical.inputModalities", placed, m => new JsonObject { ["format"] = m }));
        Put(parameters, "outputs", Items(card, "technical.outputModalities", placed, m => new JsonObject { ["format"] = m }));
        return parameters;
    }

    /// <summary>Each metric of each result is a performance metric, sliced by the dataset it was measured on.</summary>
    private static JsonObject Metrics(ModelCard card, List<string> placed)
    {
        var metrics = new JsonArray();
        foreach (var result in card.Records("evaluation.results"))
        {
            var slice = string.Join(" / ", new[] { "datasetName", "datasetType", "datasetSplit" }
                .Select(k => JsonNodes.StringOrNull(result[k])).Where(s => s is not null).Distinct());
            foreach (var metric in (result["metrics"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var entry = new JsonObject();
                Put(entry, "type", JsonNodes.StringOrNull(metric["type"]) ?? JsonNodes.StringOrNull(metric["name"]));
                Put(entry, "value", metric["value"] is { } value ? FieldText.Format(EvaluationFields.MetricFields[1], value) : null);
                Put(entry, "slice", slice.Length > 0 ? slice : null);
                metrics.Add(entry);
            }
        }

        // Result details CycloneDX cannot hold (sources, arguments) still travel as properties.
        return metrics.Count > 0 ? new JsonObject { ["performanceMetrics"] = metrics } : [];
    }

    private static JsonObject Considerations(ModelCard card, List<string> placed)
    {
        var considerations = new JsonObject();
        Put(considerations, "users", Items(card, "uses.users", placed, u => JsonValue.Create(u)));
        Put(considerations, "useCases", Items(card, "uses.intended", placed, u => JsonValue.Create(u)));
        Put(considerations, "technicalLimitations", Items(card, "risk.limitations", placed, u => JsonValue.Create(u)));
        Put(considerations, "performanceTradeoffs", Items(card, "risk.performanceTradeoffs", placed, u => JsonValue.Create(u)));
        Put(considerations, "ethicalConsiderations", Records(card, "risk.ethicalConsiderations", placed));
        Put(considerations, "fairnessAssessments", Records(card, "risk.fairnessAssessments", placed));
        if (Energy(card, placed) is { } energy)
        {
            considerations["environmentalConsiderations"] = new JsonObject { ["energyConsumptions"] = new JsonArray(energy) };
        }

        return considerations;
    }

    /// <summary>
    /// CycloneDX requires an energy cost for a consumption entry, so emissions go here only with a
    /// known energy figure (otherwise they stay properties). Grams become tonnes of CO₂-equivalent.
    /// </summary>
    private static JsonObject? Energy(ModelCard card, List<string> placed)
    {
        if (card.Number("training.energyKwh") is not { } kwh)
        {
            return null;
        }

        placed.Add("training.energyKwh");
        var fineTuning = card.Text("training.type")?.Contains("fine", StringComparison.OrdinalIgnoreCase) == true;
        var energy = new JsonObject
        {
            ["activity"] = fineTuning ? "fine-tuning" : "training",
            ["energyProviders"] = new JsonArray(),
            ["activityEnergyCost"] = new JsonObject { ["value"] = JsonNodes.Number(kwh), ["unit"] = "kWh" },
        };
        foreach (var (path, key) in new[] { ("environment.co2eqEmissionsGrams", "co2CostEquivalent"), ("environment.co2OffsetGrams", "co2CostOffset") })
        {
            if (card.Number(path) is { } grams)
            {
                energy[key] = new JsonObject { ["value"] = JsonNodes.Number(grams / 1e6), ["unit"] = "tCO2eq" };
                placed.Add(path);
            }
        }

        return energy;
    }

    private static JsonArray? Records(ModelCard card, string path, List<string> placed)
    {
        var records = card.Records(path);
        if (records.Count == 0)
        {
            return null;
        }

        placed.Add(path);
        return new JsonArray([.. records]);
    }

    private static JsonArray? Items(ModelCard card, string path, List<string> placed, Func<string, JsonNode> item)
    {
        var items = card.List(path);
        if (items.Count == 0)
        {
            return null;
        }

        placed.Add(path);
        return new JsonArray([.. items.Select(item)]);
    }

    private static string? Take(ModelCard card, string path, List<string> placed)
    {
        var value = card.Text(path);
        if (value is not null)
        {
            placed.Add(path);
        }

        return value;
    }

    private static void Put(JsonObject target, string key, object? value)
    {
        switch (value)
        {
            case null:
            case JsonObject { Count: 0 }:
                return;
            case JsonNode node:
                target[key] = node;
                return;
            case string text:
                target[key] = text;
                return;
        }
    }
}
