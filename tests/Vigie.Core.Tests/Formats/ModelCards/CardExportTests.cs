using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

public sealed class CardExportTests
{
    private static readonly CardExportOptions Options = new(new DateTimeOffset(2026, 3, 2, 10, 30, 15, 123, TimeSpan.Zero))
    {
        FallbackName = "sys", FallbackVersion = "v1", DocumentUri = "https://vigie.example/spdx/sys/v1/r3",
    };

    [Fact]
    public void CycloneDx_HasOneModelComponent_WithItsModelCard()
    {
        var bom = CycloneDxCard.Write(CardFixtures.Full(), Options);

        Assert.Equal("1.6", bom["specVersion"]!.GetValue<string>());
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", bom["serialNumber"]!.GetValue<string>());
        Assert.Equal("2026-03-02T10:30:15Z", bom["metadata"]!["timestamp"]!.GetValue<string>());
        var component = Assert.Single(bom["components"]!.AsArray())!;
        Assert.Equal("machine-learning-model", component["type"]!.GetValue<string>());
        Assert.Equal("Aurora-7", component["name"]!.GetValue<string>());
        Assert.Equal("""[{"license":{"id":"Apache-2.0"}}]""", component["licenses"]!.ToJsonString());
        var modelCard = component["modelCard"]!;
        Assert.Equal("self-supervised", modelCard["modelParameters"]!["approach"]!["type"]!.GetValue<string>());
        Assert.Equal("""[{"type":"accuracy","value":"71.2","slice":"MMLU / cais/mmlu / test"}]""", modelCard["quantitativeAnalysis"]!["performanceMetrics"]!.ToJsonString());
        var energy = modelCard["considerations"]!["environmentalConsiderations"]!["energyConsumptions"]![0]!;
        Assert.Equal("""{"value":1800000,"unit":"kWh"}""", energy["activityEnergyCost"]!.ToJsonString());
        Assert.Equal("""{"value":450,"unit":"tCO2eq"}""", energy["co2CostEquivalent"]!.ToJsonString());
    }

    [Fact]
    public void CycloneDx_KeepsLegalFieldsAsNamespacedProperties()
    {
        var properties = CycloneDxCard.Write(CardFixtures.Full(), Options)["components"]![0]!["modelCard"]!["properties"]!.AsArray()
            .Select(p => (p!["name"]!.GetValue<string>(), p["value"]!.GetValue<string>())).ToList();

        Assert.Contains(("vigie:training.computeFlop", "3.8e+25"), properties);
        Assert.Contains(("vigie:model.contact", "safety@example.org"), properties);
        Assert.Contains(("vigie:uses.restrictions", "No weapons uplift"), properties);
        Assert.Contains(("vigie:technical.hyperparameters.learning_rate", "3e-4"), properties);
        Assert.DoesNotContain(properties, p => p.Item1 == "vigie:model.name" || p.Item1 == "vigie:training.energyKwh");
    }

    [Fact]
    public void CycloneDx_OfAnEmptyCard_UsesTheFallbackName_AndNoModelCard()
    {
        var component = CycloneDxCard.Write(ModelCard.Empty, Options)["components"]![0]!;

        Assert.Equal("""{"bom-ref":"model","type":"machine-learning-model","name":"sys","version":"v1"}""", component.ToJsonString());
    }

    [Fact]
    public void CycloneDx_NamesALicenceThatHasNoSpdxId()
    {
        var card = CardFixtures.Card("""{"model":{"license":"other","licenseName":"Tiny licence","licenseLink":"https://example.org/l"}}""");

        Assert.Equal("""[{"license":{"name":"Tiny licence","url":"https://example.org/l"}}]""",
            CycloneDxCard.Write(card, Options)["components"]![0]!["licenses"]!.ToJsonString());
    }

    [Fact]
    public void Spdx_IsAnAiPackageInAn301Graph()
    {
        var document = SpdxCard.Write(CardFixtures.Full(), Options);

        Assert.Equal("https://spdx.org/rdf/3.0.1/spdx-context.jsonld", document["@context"]!.GetValue<string>());
        var graph = document["@graph"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var package = graph.Single(e => e["spdxId"]?.GetValue<string>() == "https://vigie.example/spdx/sys/v1/r3#model");
        Assert.Equal("ai_AIPackage", package["type"]!.GetValue<string>());
        Assert.Equal("medium", package["ai_safetyRiskAssessment"]!.GetValue<string>());
        Assert.Equal("2026-03-01T00:00:00Z", package["releaseTime"]!.GetValue<string>());
        Assert.Equal("""[{"type":"DictionaryEntry","key":"accuracy (MMLU)","value":"71.2"}]""", package["ai_metric"]!.ToJsonString());
        Assert.Equal(1800000, package["ai_energyConsumption"]!["ai_trainingEnergyConsumption"]![0]!["ai_energyQuantity"]!.GetValue<double>());
        Assert.Equal("2026-03-02T10:30:15Z", graph.Single(e => e["type"]!.GetValue<string>() == "CreationInfo")["created"]!.GetValue<string>());
        var relationships = graph.Where(e => e["type"]!.GetValue<string>() == "Relationship").Select(e => e["relationshipType"]!.GetValue<string>());
        Assert.Equal(["hasDeclaredLicense", "descendantOf", "trainedOn"], relationships);
        var spdxDocument = graph.Single(e => e["type"]!.GetValue<string>() == "SpdxDocument");
        Assert.Equal(graph.Count - 2, spdxDocument["element"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("apache-2.0", "Apache-2.0")]
    [InlineData("MIT", "MIT")]
    [InlineData("bigscience-bloom-rail-1.0", "LicenseRef-bigscience-bloom-rail-1.0")]
    [InlineData("llama 3", "LicenseRef-llama-3")]
    public void SpdxLicenceExpression_IsTheIdOrALicenseRef(string huggingFace, string expression)
    {
        Assert.Equal(expression, LicenseIds.SpdxExpression(huggingFace));
    }

    [Fact]
    public void Exports_AreDeterministic_ForTheSameCardAndTime()
    {
        var card = CardFixtures.Full();

        Assert.Equal(CycloneDxCard.Write(card, Options).ToJsonString(), CycloneDxCard.Write(card, Options).ToJsonString());
        Assert.Equal(SpdxCard.Write(card, Options).ToJsonString(), SpdxCard.Write(card, Options).ToJsonString());
        Assert.NotEqual(CycloneDxCard.Write(card, Options)["serialNumber"]!.ToJsonString(),
            CycloneDxCard.Write(card, Options with { Time = Options.Time.AddSeconds(1) })["serialNumber"]!.ToJsonString());
    }
}
