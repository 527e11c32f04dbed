using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

public sealed class HuggingFaceImportTests
{
    [Fact]
    public void BomCrlfAndNonAscii_AreRead_AsTheSameTextWithoutThem()
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], CardFixtures.Bytes("quirks-bom-crlf.md")[..3]);
        Assert.Contains("\r\n", CardFixtures.Text("quirks-bom-crlf.md"), StringComparison.Ordinal);

        var card = CardFixtures.Imported("quirks-bom-crlf.md");

        Assert.Equal("mit", card.Text("model.license"));
        Assert.Equal(["pt"], card.List("technical.languages"));
        Assert.Equal(["exemplo/modelo-base"], card.List("model.baseModels"));
        Assert.Equal(["geração de texto", "2024"], card.List("model.tags"));
        Assert.Equal("Olá! Como você está?\nTudo bem 🤗", card.Extra["widget"]![0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain(card.Sections, s => s.Text.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void Co2AsABareNumber_IsGramsOfEmissions()
    {
        Assert.Equal(412.5, CardFixtures.Imported("quirks-bom-crlf.md").Number("environment.co2eqEmissionsGrams"));
    }

    [Fact]
    public void ModelIndexWithEmptyResults_GivesTheName_AndNoResults()
    {
        var card = CardFixtures.Imported("quirks-bom-crlf.md");

        Assert.Equal("modelo-pequeno", card.Text("model.name"));
        Assert.False(card.Has("evaluation.results"));
    }

    [Fact]
    public void UnknownKeys_AreKeptVerbatim_WithYamlTypes()
    {
        var extra = CardFixtures.Imported("quirks-bom-crlf.md").Extra;

        Assert.Equal(["widget", "custom_key"], extra.Select(p => p.Key));
        Assert.Equal("""{"nested":[1,2,3],"flag":"yes"}""", extra["custom_key"]!.ToJsonString());
    }

    [Fact]
    public void Body_IsSplitAtHeadings_ButNotAtCommentsInCodeBlocks()
    {
        var sections = CardFixtures.Imported("quirks-bom-crlf.md").Sections;

        Assert.Equal([("", 0), ("Modelo Pequeno 🤗", 1), ("Uso", 2), ("Limitações", 2)], sections.Select(s => (s.Heading, s.Level)));
        Assert.Equal("Texto antes do primeiro título.", sections[0].Text);
        Assert.Contains("# Isto é um comentário, não um título", sections[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelIndexResults_AreFlattened_WithUnknownKeysKeptInTheRecord()
    {
        var card = CardFixtures.Imported("model-index.md");

        var results = card.Records("evaluation.results");
        Assert.Equal(2, results.Count);
        var arc = results[0];
        Assert.Equal("text-generation", arc["taskType"]!.GetValue<string>());
        Assert.Equal("ARC Challenge", arc["datasetName"]!.GetValue<string>());
        Assert.Equal("ARC-Challenge", arc["datasetConfig"]!.GetValue<string>());
        Assert.Equal("""{"num_few_shot":25}""", arc["datasetArgs"]!.ToJsonString());
        Assert.Equal("""[{"type":"acc_norm","value":41.5,"name":"normalized accuracy","verified":false}]""", arc["metrics"]!.ToJsonString());
        Assert.Equal("https://example.org/leaderboard", arc["sourceUrl"]!.GetValue<string>());
        Assert.Equal("""{"dataset":{"homepage":"https://allenai.org/data/arc"},"leaderboard_rank":7}""", arc["extra"]!.ToJsonString());
        Assert.Equal("0.82 ± 0.03", results[1]["metrics"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Co2Map_IsSpreadOverFields_AndAValueOfTheWrongType_IsKeptAsideWithAWarning()
    {
        var import = HuggingFaceCard.Read(CardFixtures.Text("model-index.md"));
        var card = import.Card!;

        Assert.False(card.Has("environment.co2eqEmissionsGrams"));
        Assert.Equal("CodeCarbon", card.Text("environment.emissionsSource"));
        Assert.Equal("pre-training", card.Text("training.type"));
        Assert.Equal("Paris, France", card.Text("environment.geographicalLocation"));
        Assert.Equal("8 x NVIDIA H100", card.Text("training.hardware"));
        Assert.Equal("""{"emissions":"lots","on_cloud":true}""", card.Extra["co2_eq_emissions"]!.ToJsonString());
        var warning = Assert.Single(import.Warnings);
        Assert.Equal("line 15: 'co2_eq_emissions.emissions' must be a number, not text; got 'lots'; kept verbatim in extra.co2_eq_emissions.emissions.", warning);
    }

    [Fact]
    public void BrokenYaml_IsAClearError_NamingLineAndColumnOfTheFile()
    {
        var import = HuggingFaceCard.Read(CardFixtures.Text("broken-yaml.md"));

        Assert.False(import.Succeeded);
        Assert.Matches(@"^The YAML front matter is not valid (at|near) line [345], column \d+", import.Error);
    }

    [Theory]
    [InlineData("---\nlicense: mit\nlicense: apache-2.0\n---\n", "line 3, column 1: Duplicate key license")]
    [InlineData("---\nlicense: \"unterminated\n---\n", "The YAML front matter is not valid at line")]
    [InlineData("---\n- just\n- a list\n---\n", "must be a YAML mapping (key: value lines); it is a list")]
    [InlineData("---\na: 1\n---\nb: 2\n", "")]
    [InlineData("---\n? [complex, key]\n: value\n---\n", "only text keys are supported")]
    public void MalformedFrontMatter_IsAnErrorThatSaysWhatToFix(string readme, string expected)
    {
        var import = HuggingFaceCard.Read(readme);

        if (expected.Length == 0)
        {
            Assert.True(import.Succeeded, import.Error);
            Assert.Equal("b: 2", import.Card!.Sections[0].Text);
            return;
        }

        Assert.False(import.Succeeded);
        Assert.Contains(expected, import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedFrontMatter_IsAnError()
    {
        var import = HuggingFaceCard.Read(CardFixtures.Text("unclosed-front-matter.md"));

        Assert.Contains("opened by '---' on line 1 is never closed", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeWithoutFrontMatter_IsAllProse()
    {
        var card = CardFixtures.Imported("no-front-matter.md");

        Assert.Equal([("Plain README", 1), ("Usage", 2)], card.Sections.Select(s => (s.Heading, s.Level)));
        Assert.Null(card.Get("model"));
    }

    [Fact]
    public void AliasBomb_IsRefused_NotExpanded()
    {
        var lines = new List<string> { "---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        lines.Add("---");
        var import = HuggingFaceCard.Read(string.Join("\n", lines));

        Assert.False(import.Succeeded);
        Assert.Contains("expands to more than", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownKeysOfAnUnexpectedShape_AreKeptAside_NotRejected()
    {
        var import = HuggingFaceCard.Read("---\nlicense: [mit, apache-2.0]\nlanguage: en\nmodel-index: not a list\n---\n");

        Assert.True(import.Succeeded, import.Error);
        Assert.Equal("""["mit","apache-2.0"]""", import.Card!.Extra["license"]!.ToJsonString());
        Assert.Equal("\"not a list\"", import.Card.Extra["model-index"]!.ToJsonString());
        Assert.Equal(["en"], import.Card.List("technical.languages"));
        Assert.Equal(2, import.Warnings.Count);
        Assert.StartsWith("line 2: 'license' must be text; got a list", import.Warnings[0], StringComparison.Ordinal);
    }
}
