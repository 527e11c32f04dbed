using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

public sealed class HuggingFaceExportTests
{
    [Theory]
    [InlineData("quirks-bom-crlf.md")]
    [InlineData("model-index.md")]
    [InlineData("no-front-matter.md")]
    public void ExportedReadme_ImportsAsTheSameCard(string fixture)
    {
        var card = CardFixtures.Imported(fixture);

        var again = HuggingFaceCard.Read(HuggingFaceCard.Write(card));

        Assert.True(again.Succeeded, again.Error);
        Assert.Empty(CardDiff.Compute(card, again.Card!));
        Assert.Equal(card.Sha256, again.Card!.Sha256);
    }

    [Fact]
    public void FullCard_RoundTrips_WithLegalFieldsUnderVigie()
    {
        var card = CardFixtures.Full();

        var readme = HuggingFaceCard.Write(card);
        var again = HuggingFaceCard.Read(readme);

        Assert.Empty(again.Warnings);
        Assert.Empty(CardDiff.Compute(card, again.Card!));
        Assert.Contains("\nvigie:\n  model:\n    version: \"2026.03\"\n", readme, StringComparison.Ordinal);
        Assert.Contains("    computeFlop: 3.8e+25\n", readme, StringComparison.Ordinal);
        Assert.Contains("\nlicense: apache-2.0\n", readme, StringComparison.Ordinal);
        Assert.Contains("\nco2_eq_emissions:\n  emissions: 450000000\n  source: CodeCarbon\n", readme, StringComparison.Ordinal);
        Assert.EndsWith("---\n\n# Aurora-7\n\nThe flagship model.\n\n## Uses\n\nSee above.\n", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelNameWithoutResults_IsWrittenAsTheTrainerDoes()
    {
        var readme = HuggingFaceCard.Write(CardFixtures.Card("""{"model":{"name":"test_trainer"}}"""));

        Assert.Equal("---\nmodel-index:\n- name: test_trainer\n  results: []\n---\n", readme);
    }

    [Fact]
    public void BareEmissions_AreWrittenAsABareNumber()
    {
        var readme = HuggingFaceCard.Write(CardFixtures.Card("""{"environment":{"co2eqEmissionsGrams":70}}"""));

        Assert.Equal("---\nco2_eq_emissions: 70\n---\n", readme);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("off")]
    [InlineData("1.0")]
    [InlineData("2024-01-01")]
    [InlineData("1_000")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData(" leading space")]
    [InlineData("key: value")]
    [InlineData("# not a comment")]
    [InlineData("line\n  indented line \nlast")]
    [InlineData("tab\tinside")]
    public void AmbiguousText_IsQuoted_SoYaml11And12ReadersGetTheSameString(string text)
    {
        var card = CardFixtures.Card(System.Text.Json.JsonSerializer.Serialize(new { model = new { summary = text } }));

        var again = HuggingFaceCard.Read(HuggingFaceCard.Write(card)).Card!;

        Assert.Equal(text, again.Text("model.summary"));
    }

    [Fact]
    public void NumbersWithExponents_CarryADecimalPoint_ForYaml11Readers()
    {
        var readme = HuggingFaceCard.Write(CardFixtures.Card("""{"training":{"computeFlop":1e25}}"""));

        Assert.Contains("computeFlop: 1.0e+25\n", readme, StringComparison.Ordinal);
        Assert.Equal(1e25, HuggingFaceCard.Read(readme).Card!.Number("training.computeFlop"));
    }
}
