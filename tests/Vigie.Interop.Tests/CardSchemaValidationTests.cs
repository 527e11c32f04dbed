using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Interop.Tests;

/// <summary>Vigie's CycloneDX and SPDX exports against the official schemas, with the validator proven on official examples first.</summary>
public sealed class CardSchemaValidationTests
{
    private static readonly CardExportOptions Options = new(new DateTimeOffset(2026, 3, 2, 10, 30, 15, TimeSpan.Zero))
    {
        FallbackName = "system", FallbackVersion = "v1", DocumentUri = "https://vigie.example/spdx/system/v1/r1",
    };

    public static TheoryData<string> RealCards => [.. Directory.GetFiles(RealWorld.PathOf("hf-cards"), "*.md").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [InlineData("cyclonedx/examples/valid-machine-learning-1.6.json")]
    [InlineData("cyclonedx/examples/valid-machine-learning-considerations-env-1.6.json")]
    public void OfficialCycloneDxExamples_AreValid(string example)
    {
        Assert.Empty(OfficialSchemas.CycloneDxErrors(File.ReadAllText(RealWorld.PathOf(example))));
    }

    [Theory]
    [InlineData("approach", "magic")]
    [InlineData("energy", "")]
    [InlineData("licence", "Not-A-Licence")]
    public void BrokenCycloneDxExamples_AreInvalid_SoTheValidatorChecksModelCards(string what, string value)
    {
        var bom = JsonNode.Parse(File.ReadAllText(RealWorld.PathOf("cyclonedx/examples/valid-machine-learning-1.6.json")))!;
        var component = bom["components"]![0]!;
        switch (what)
        {
            case "approach":
                component["modelCard"]!["modelParameters"]!["approach"]!["type"] = value;
                break;
            case "energy":
                component["modelCard"]!["considerations"]!["environmentalConsiderations"] = new JsonObject
                {
                    ["energyConsumptions"] = new JsonArray(new JsonObject { ["activity"] = "training", ["energyProviders"] = new JsonArray() }),
                };
                break;
            default:
                component["licenses"] = new JsonArray(new JsonObject { ["license"] = new JsonObject { ["id"] = value } });
                break;
        }

        Assert.NotEmpty(OfficialSchemas.CycloneDxErrors(bom.ToJsonString()));
    }

    [Fact]
    public void FullCard_ExportsValidCycloneDx()
    {
        AssertValidCycloneDx(CycloneDxCard.Write(CardSamples.Full(), Options));
    }

    [Fact]
    public void EmptyCard_ExportsValidCycloneDx()
    {
        AssertValidCycloneDx(CycloneDxCard.Write(ModelCard.Empty, Options));
    }

    [Fact]
    public void ACardWithImpactFigures_ExportsValidCycloneDxAndSpdx_CarryingThem()
    {
        // BLOOM 176B (Luccioni et al. 2022): 433,196 kWh; ≈24.7 tCO2e at ≈57 g/kWh.
        var card = Vigie.Core.Impact.ImpactCard.Apply(ModelCard.Empty,
            new Vigie.Core.Impact.ImpactCardFigures(433_196, 433_196 * 57.0, "IT energy = 400 W × 1,082,990 A100-hours.", "Vigie impact estimate, location-based (log entries 7)", 3.5e23)).Card!;
        var bom = CycloneDxCard.Write(card, Options);
        AssertValidCycloneDx(bom);
        var energy = bom["components"]![0]!["modelCard"]!["considerations"]!["environmentalConsiderations"]!["energyConsumptions"]![0]!;
        Assert.Equal(433_196, (double)energy["activityEnergyCost"]!["value"]!);
        Assert.Equal(24.692172, (double)energy["co2CostEquivalent"]!["value"]!, 9);
        AssertValidSpdx(SpdxCard.Write(card, Options));
    }

    [Theory]
    [MemberData(nameof(RealCards))]
    public void ImportedRealCard_ExportsValidCycloneDxAndSpdx(string file)
    {
        var card = RealCardImportTests.Import(file);

        AssertValidCycloneDx(CycloneDxCard.Write(card, Options));
        AssertValidSpdx(SpdxCard.Write(card, Options));
    }

    [Fact]
    public void EveryMappedLicenceId_IsInTheSpdxListCycloneDxShips()
    {
        var ids = JsonDocument.Parse(File.ReadAllText(RealWorld.PathOf("cyclonedx/spdx.schema.json"))).RootElement
            .GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToHashSet();

        Assert.DoesNotContain(LicenseIds.HuggingFaceToSpdx.Values, id => !ids.Contains(id));
    }

    [Theory]
    [InlineData("spdx/examples/ai-example01-simplehtr-example.spdx3.json")]
    [InlineData("spdx/examples/ai-example02-sbom.spdx3.json")]
    public void OfficialSpdxAiExamples_AreValid(string example)
    {
        Assert.Empty(OfficialSchemas.SpdxErrors(File.ReadAllText(RealWorld.PathOf(example))));
    }

    [Fact]
    public void SpdxWithAnUnknownRiskLevel_IsInvalid_SoTheValidatorChecksTheAiProfile()
    {
        var document = SpdxCard.Write(CardSamples.Full(), Options);
        var package = document["@graph"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "ai_AIPackage" && e["ai_safetyRiskAssessment"] is not null)!;
        package["ai_safetyRiskAssessment"] = "critical";

        Assert.NotEmpty(OfficialSchemas.SpdxErrors(document.ToJsonString()));
    }

    [Fact]
    public void FullCard_ExportsValidSpdx()
    {
        AssertValidSpdx(SpdxCard.Write(CardSamples.Full(), Options));
    }

    [Fact]
    public void EmptyCard_ExportsValidSpdx_WithTheDefaultDocumentUri()
    {
        AssertValidSpdx(SpdxCard.Write(ModelCard.Empty, Options with { DocumentUri = null }));
    }

    private static void AssertValidCycloneDx(JsonObject bom)
    {
        var errors = OfficialSchemas.CycloneDxErrors(bom.ToJsonString());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static void AssertValidSpdx(JsonObject document)
    {
        var errors = OfficialSchemas.SpdxErrors(document.ToJsonString());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
