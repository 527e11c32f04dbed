using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Interop.Tests;

/// <summary>Every real Hugging Face card in the shared folder imports, with values read off the files themselves.</summary>
public sealed class RealCardImportTests
{
    public static ModelCard Import(string file)
    {
        var import = HuggingFaceCard.Read(File.ReadAllText(RealWorld.PathOf(Path.Combine("hf-cards", file))));
        Assert.True(import.Succeeded, import.Error);
        Assert.Empty(import.Warnings);
        return import.Card!;
    }

    [Theory]
    [MemberData(nameof(CardSchemaValidationTests.RealCards), MemberType = typeof(CardSchemaValidationTests))]
    public void RealCard_RoundTripsThroughAnExportedReadme(string file)
    {
        var card = Import(file);

        var again = HuggingFaceCard.Read(HuggingFaceCard.Write(card));

        Assert.Empty(CardDiff.Compute(card, again.Card!));
    }

    [Fact]
    public void TeenyTinyLlama_FullModelIndex()
    {
        var card = Import("model-index-full_TeenyTinyLlama-160m.md");

        Assert.Equal("TeenyTinyLlama-160m", card.Text("model.name"));
        var results = card.Records("evaluation.results");
        Assert.Equal(9, results.Count);
        Assert.Equal(("ENEM Challenge (No Images)", "eduagarcia/enem_challenge", "train"),
            (Str(results[0], "datasetName"), Str(results[0], "datasetType"), Str(results[0], "datasetSplit")));
        Assert.Equal("""{"num_few_shot":3}""", results[0]["datasetArgs"]!.ToJsonString());
        Assert.Equal("""[{"type":"acc","value":19.24,"name":"accuracy"}]""", results[0]["metrics"]!.ToJsonString());
        Assert.Equal("Open Portuguese LLM Leaderboard", Str(results[0], "sourceName"));
        Assert.Equal(11.39, results[8]["metrics"]![0]!["value"]!.GetValue<double>());
        Assert.Equal(5600, card.Number("environment.co2eqEmissionsGrams"));
        Assert.Equal(("pre-training", "Germany"), (card.Text("training.type"), card.Text("environment.geographicalLocation")));
        Assert.Equal(["pt"], card.List("technical.languages"));
        Assert.Equal(["widget", "inference"], card.Extra.Select(p => p.Key));
        Assert.Equal("A PUCRS é uma universidade ", card.Extra["widget"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(card.Sections, s => s.Heading == "Intended Uses" && s.Level == 2);
        Assert.Contains(card.Sections, s => s.Heading == "Basic usage" && s.Text.Contains("# Load model and the tokenizer", StringComparison.Ordinal));
        Assert.True(CardProfiles.HfBasic.Check(card).Complete);
    }

    [Fact]
    public void Aira_Co2MapAndBaseModelList()
    {
        var card = Import("co2-map_Aira-2-1B1.md");

        Assert.Equal(1710, card.Number("environment.co2eqEmissionsGrams"));
        Assert.Equal("CodeCarbon", card.Text("environment.emissionsSource"));
        Assert.Equal("fine-tuning", card.Text("training.type"));
        Assert.Equal("Singapore", card.Text("environment.geographicalLocation"));
        Assert.Equal("NVIDIA A100-SXM4-40GB", card.Text("training.hardware"));
        Assert.Equal(["TinyLlama/TinyLlama-1.1B-intermediate-step-955k-token-2T"], card.List("model.baseModels"));
        Assert.Equal(["alignment", "instruction tuned", "text generation", "conversation", "assistant"], card.List("model.tags"));
        Assert.False(card.Has("model.name"));
        Assert.Equal(200, card.Extra["inference"]!["parameters"]!["max_new_tokens"]!.GetValue<double>());
    }

    [Fact]
    public void RewardModelPT_NonAsciiAndEscapes()
    {
        var card = Import("non-ascii_RewardModelPT.md");

        Assert.Equal("text-classification", card.Text("uses.pipelineTag"));
        Assert.Equal(["neuralmind/bert-base-portuguese-cased"], card.List("model.baseModels"));
        Assert.Equal(70, card.Number("environment.co2eqEmissionsGrams"));
        Assert.Equal(["RewardModel (Portuguese)", "Details", "Usage", "Cite as 🤗", "License"], card.Sections.Select(s => s.Heading));
        var good = card.Extra["widget"]![1]!["text"]!.GetValue<string>();
        Assert.StartsWith("A ética da IA é importante por vários motivos convincentes:\n\n1.**Impacto social**", good, StringComparison.Ordinal);
    }

    [Fact]
    public void Bloom_LargeCardWithLongLanguageList()
    {
        var card = Import("large-model_bloom.md");

        Assert.Equal("bigscience-bloom-rail-1.0", card.Text("model.license"));
        var languages = card.List("technical.languages");
        Assert.Equal(48, languages.Count);
        Assert.Equal(("ak", "zu"), (languages[0], languages[^1]));
        Assert.Equal(35, card.Sections.Count);
        Assert.Contains(card.Sections, s => s.Text.Contains("Île-de-France, France", StringComparison.Ordinal));
        Assert.Empty(card.Extra);
        Assert.True(card.CanonicalJson.Length < ModelCard.MaxCanonicalBytes);
    }

    [Fact]
    public void TestTrainer_EmptyResults()
    {
        var card = Import("results-empty_test_trainer.md");

        Assert.Equal("test_trainer", card.Text("model.name"));
        Assert.False(card.Has("evaluation.results"));
        Assert.Equal(["bert-base-uncased"], card.List("model.baseModels"));
        Assert.Equal(["generated_from_trainer"], card.List("model.tags"));
        Assert.Equal(["technical.languages", "uses.pipelineTag", "model.libraryName", "training.datasets"],
            CardProfiles.HfBasic.Check(card).Missing.Select(m => m.Path));
        Assert.StartsWith("---\nlicense: apache-2.0\n", HuggingFaceCard.Write(card), StringComparison.Ordinal);
        Assert.Contains("model-index:\n- name: test_trainer\n  results: []\n", HuggingFaceCard.Write(card), StringComparison.Ordinal);
    }

    private static string? Str(JsonObject o, string key) => o[key]?.GetValue<string>();
}
