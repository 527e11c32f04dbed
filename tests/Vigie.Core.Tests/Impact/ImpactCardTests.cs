using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;
using Vigie.Core.Impact;
using Xunit;

namespace Vigie.Core.Tests.Impact;

/// <summary>Impact figures on the model card, and from there in the Hugging Face and CycloneDX exports (FORMATS.md).</summary>
public sealed class ImpactCardTests
{
    private static readonly CardExportOptions Export = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)) { FallbackName = "bloom", FallbackVersion = "1.0" };

    // BLOOM 176B (Luccioni et al. 2022): 433,196 kWh; ≈24.7 tCO2e at ≈57 g/kWh.
    private static readonly ImpactCardFigures Bloom = new(433_196, 433_196 * 57.0, "IT energy = 400 W × 1,082,990 A100-hours.", "Vigie impact estimates, log entries 7", 3.5e23);

    [Fact]
    public void TheFigures_ReachHuggingFaceCo2EqEmissions_AndCycloneDxEnvironmentalConsiderations()
    {
        var card = ImpactCard.Apply(ModelCard.Empty, Bloom).Card!;
        Assert.Equal(433_196, card.Number("training.energyKwh"));
        Assert.Equal(24_692_172, card.Number("environment.co2eqEmissionsGrams"));

        var readme = HuggingFaceCard.Write(card);
        Assert.Contains("co2_eq_emissions:", readme, StringComparison.Ordinal);
        Assert.Contains("emissions: 24692172", readme, StringComparison.Ordinal);
        Assert.Contains("source: Vigie impact estimates, log entries 7", readme, StringComparison.Ordinal);

        var bom = CycloneDxCard.Write(card, Export);
        var energy = bom["components"]![0]!["modelCard"]!["considerations"]!["environmentalConsiderations"]!["energyConsumptions"]![0]!;
        Assert.Equal(433_196, (double)energy["activityEnergyCost"]!["value"]!);
        Assert.Equal("kWh", (string?)energy["activityEnergyCost"]!["unit"]);
        Assert.Equal(24.692172, (double)energy["co2CostEquivalent"]!["value"]!, 9);
        Assert.Equal("tCO2eq", (string?)energy["co2CostEquivalent"]!["unit"]);
    }

    [Fact]
    public void OtherFields_AreKept_AndAnEmissionsFigureNoLongerEstimated_IsRemoved()
    {
        var start = ModelCard.FromJson(new JsonObject
        {
            ["model"] = new JsonObject { ["name"] = "bloom" },
            ["environment"] = new JsonObject { ["co2eqEmissionsGrams"] = 1, ["geographicalLocation"] = "France" },
        }).Card!;
        var card = ImpactCard.Apply(start, Bloom with { Co2eGrams = null, ComputeFlop = null }).Card!;
        Assert.Equal("bloom", card.Text("model.name"));
        Assert.Equal("France", card.Text("environment.geographicalLocation"));
        Assert.False(card.Has("environment.co2eqEmissionsGrams"));
        Assert.False(card.Has("training.computeFlop"));
        Assert.Equal(433_196, card.Number("training.energyKwh"));
    }
}
