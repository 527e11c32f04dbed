using System.IO.Compression;
using System.Text.Json;
using Vigie.Core.Formats.Evaluations;
using Xunit;

namespace Vigie.Interop.Tests;

/// <summary>
/// Every real evaluation file in the shared folder is imported, and what Vigie extracted is
/// checked against the file as a plain JSON reader (or the MANIFEST) sees it.
/// </summary>
public sealed class RealEvaluationImportTests
{
    public static TheoryData<string> InspectFiles => Files("inspect", "*.json", "*.eval");

    public static TheoryData<string> LmEvalFiles => Files("lm-eval", "*.json");

    private static TheoryData<string> Files(string folder, params string[] patterns)
    {
        var data = new TheoryData<string>();
        foreach (var pattern in patterns)
        {
            foreach (var file in Directory.GetFiles(RealWorld.PathOf(folder), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RealWorld.Root, file));
            }
        }

        return data;
    }

    private static EvaluationRun Import(string relative, string? format = null)
    {
        using var stream = File.OpenRead(RealWorld.PathOf(relative));
        var import = EvaluationReader.Read(stream, Path.GetFileName(relative), format);
        Assert.True(import.Succeeded, import.Error);
        return import.Run!;
    }

    /// <summary>The EvalLog object of a .json log, or the header.json of a .eval archive, read with System.Text.Json.</summary>
    private static JsonElement InspectDocument(string relative)
    {
        var path = RealWorld.PathOf(relative);
        if (path.EndsWith(".eval", StringComparison.Ordinal))
        {
            using var zip = ZipFile.OpenRead(path);
            using var header = zip.GetEntry("header.json")!.Open();
            return JsonDocument.Parse(header).RootElement.Clone();
        }

        return JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(InspectFiles))]
    public void InspectLog_EveryMetricMatchesTheFile(string relative)
    {
        var run = Import(relative, "inspect");
        var log = InspectDocument(relative);
        var eval = log.GetProperty("eval");

        Assert.Equal(eval.GetProperty("task").GetString(), Assert.Single(run.Tasks));
        Assert.Equal(eval.GetProperty("model").GetString(), run.Model);
        Assert.Equal(eval.GetProperty("packages").GetProperty("inspect_ai").GetString(), run.HarnessVersion);
        Assert.Equal(log.GetProperty("status").GetString(), run.Status);
        Assert.Equal(log.GetProperty("results").GetProperty("completed_samples").GetInt64(), run.Samples);
        Assert.Equal(DateTimeOffset.Parse(log.GetProperty("stats").GetProperty("started_at").GetString()!), run.StartedAt);
        var expected = 0;
        foreach (var score in log.GetProperty("results").GetProperty("scores").EnumerateArray())
        {
            var metrics = score.GetProperty("metrics");
            var stderr = metrics.TryGetProperty("stderr", out var se) ? se.GetProperty("value").GetDouble() : (double?)null;
            foreach (var metric in metrics.EnumerateObject().Where(m => m.Name != "stderr"))
            {
                expected++;
                var found = Assert.Single(run.Metrics, m => m.Metric == metric.Name && m.Variant == score.GetProperty("name").GetString());
                Assert.Equal(metric.Value.GetProperty("value").GetDouble(), found.Value);
                Assert.Equal(stderr, found.Stderr);
            }
        }

        Assert.Equal(expected, run.Metrics.Count);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void InspectLog_TheJsonAndEvalFormsOfOneRun_GiveTheSameResults()
    {
        // MANIFEST: log_formats.json and log_formats.eval are the same run (run_id BpiPFmbV…), inspect 0.3.41,
        // the .json with the older 'options' metric field.
        var json = Import("inspect/test_eval_log/log_formats.json");
        var zip = Import("inspect/test_eval_log/log_formats.eval");

        Assert.Equal(json.Metrics, zip.Metrics);
        Assert.Equal(("popularity", "ollama/llama3.1", "accuracy", 0.0), (json.Tasks[0], json.Model, json.Metrics[0].Metric, json.Metrics[0].Value));
        Assert.StartsWith("0.3.41", json.HarnessVersion);
    }

    [Theory]
    [MemberData(nameof(LmEvalFiles))]
    public void LmEvalResults_EveryMetricMatchesTheFile(string relative)
    {
        var run = Import(relative, "lm-eval");
        var file = JsonDocument.Parse(File.ReadAllBytes(RealWorld.PathOf(relative))).RootElement;

        var expected = 0;
        foreach (var task in file.GetProperty("results").EnumerateObject())
        {
            Assert.Contains(task.Name, run.Tasks);
            foreach (var field in task.Value.EnumerateObject().Where(f => f.Name != "alias" && !f.Name.Contains("_stderr", StringComparison.Ordinal)))
            {
                expected++;
                var parts = field.Name.Split(',');
                var variant = parts.Length > 1 && parts[1] != "none" ? parts[1] : null;
                var found = Assert.Single(run.Metrics, m => m.Task == task.Name && m.Metric == parts[0] && m.Variant == variant);
                Assert.Equal(field.Value.GetDouble(), found.Value);
                var stderrKey = parts.Length > 1 ? $"{parts[0]}_stderr,{parts[1]}" : parts[0] + "_stderr";
                Assert.Equal(task.Value.TryGetProperty(stderrKey, out var se) && se.ValueKind == JsonValueKind.Number ? se.GetDouble() : null, found.Stderr);
            }
        }

        Assert.Equal(expected, run.Metrics.Count);
        Assert.Equal(file.TryGetProperty("n-shot", out _) ? "0.4" : "0.3", run.FormatVersion);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void LmEval_ModelAndRunFacts_AsTheManifestDescribesThem()
    {
        var bloom = Import("lm-eval/v0.3_bloom-1b1_common_sense_reasoning_0-shot.json");
        Assert.Equal("bigscience/bloom-1b1", bloom.Model);
        Assert.Equal(0.5908256880733945, Assert.Single(bloom.Metrics, m => m.Task == "boolq" && m.Metric == "acc").Value);

        var pythia = Import("lm-eval/v0.3_pythia-160m-5shot_step93000.json");
        Assert.Equal("EleutherAI/pythia-v1.1-160m", pythia.Model);
        Assert.Equal(65, pythia.Tasks.Count);

        var llama = Import("lm-eval/v0.4_results_2024-08-25T21-59-12.123082.json");
        Assert.Equal(("meta-llama/Meta-Llama-3-8B-Instruct", "git 7489a342"), (llama.Model, llama.HarnessVersion));
        var strict = Assert.Single(llama.Metrics, m => m.Variant == "strict-match");
        Assert.Equal((0.7725549658832449, 1319L, true), (strict.Value, strict.Samples, strict.HigherIsBetter));

        var groups = Import("lm-eval/v0.4_groups_results_2025-03-06T22-33-41.820962.json");
        Assert.False(Assert.Single(groups.Metrics, m => m.Task == "lambada_openai" && m.Metric == "perplexity").HigherIsBetter);
        Assert.Equal(-0.012868008388016484, Assert.Single(groups.Metrics, m => m.Task == "glue" && m.Metric == "mcc").Value);
    }

    [Fact]
    public void HfCard_ModelIndex_NineResults()
    {
        var run = Import("hf-cards/model-index-full_TeenyTinyLlama-160m.md", "hf-model-index");

        Assert.Equal("TeenyTinyLlama-160m", run.Model);
        Assert.Equal(9, run.Metrics.Count);
        var enem = run.Metrics[0];
        Assert.Equal(("eduagarcia/enem_challenge", "acc", "train", 19.24), (enem.Task, enem.Metric, enem.Variant, enem.Value));
    }

    [Theory]
    [InlineData("hf-cards/co2-map_Aira-2-1B1.md", "without a model-index")]
    [InlineData("hf-cards/non-ascii_RewardModelPT.md", "without a model-index")]
    [InlineData("hf-cards/large-model_bloom.md", "without a model-index")]
    [InlineData("hf-cards/results-empty_test_trainer.md", "has a model-index with no results")]
    public void HfCard_WithoutResults_IsAClearError(string relative, string expected)
    {
        using var stream = File.OpenRead(RealWorld.PathOf(relative));
        var import = EvaluationReader.Read(stream, Path.GetFileName(relative));
        Assert.False(import.Succeeded);
        Assert.Contains(expected, import.Error);
    }
}
