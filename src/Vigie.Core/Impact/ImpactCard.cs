using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;

namespace Vigie.Core.Impact;

/// <summary>
/// Lays a version's impact figures over its model card (ADR 0012): <c>training.energyKwh</c> and
/// <c>training.energyMethod</c> (EU AI Act Annex XI point 2(e); CycloneDX
/// <c>environmentalConsiderations.energyConsumptions[].activityEnergyCost</c>; SPDX
/// <c>ai_energyConsumption</c>), <c>environment.co2eqEmissionsGrams</c> and
/// <c>environment.emissionsSource</c> (Hugging Face <c>co2_eq_emissions</c>; CycloneDX
/// <c>co2CostEquivalent</c>), and <c>training.computeFlop</c> (Annex XI point 2(d)). The figures
/// replace what the card said in those fields; an emissions figure that was not estimated is
/// removed rather than left beside a new energy figure it no longer matches. Every other field is kept.
/// </summary>
public static class ImpactCard
{
    public static CardParseResult Apply(ModelCard card, ImpactCardFigures f)
    {
        var root = card.ToJsonObject();
        var training = root["training"] as JsonObject ?? [];
        var environment = root["environment"] as JsonObject ?? [];
        training["energyKwh"] = Math.Round(f.EnergyKwh, 1);
        training["energyMethod"] = f.EnergyMethod;
        if (f.ComputeFlop is { } flop)
        {
            training["computeFlop"] = flop;
        }

        if (f.Co2eGrams is { } grams)
        {
            environment["co2eqEmissionsGrams"] = Math.Round(grams);
            environment["emissionsSource"] = f.EmissionsSource;
        }
        else
        {
            environment.Remove("co2eqEmissionsGrams");
            environment.Remove("emissionsSource");
        }

        root["training"] = training;
        root["environment"] = environment;
        return ModelCard.FromJson(root);
    }
}
