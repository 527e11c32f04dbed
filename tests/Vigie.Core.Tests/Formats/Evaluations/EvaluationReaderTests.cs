using System.IO.Compression;
using System.Text;
using Vigie.Core.Formats.Evaluations;
using Xunit;

namespace Vigie.Core.Tests.Formats.Evaluations;

public sealed class EvaluationReaderTests
{
    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Formats", "Evaluations", "Fixtures", name);

    private static EvaluationImport ReadFile(string path, string? format = null)
    {
        using var stream = File.OpenRead(path);
        return EvaluationReader.Read(stream, Path.GetFileName(path), format);
    }

    private static EvaluationImport ReadBytes(byte[] bytes, string name, string? format = null) =>
        EvaluationReader.Read(new MemoryStream(bytes), name, format);

    private static EvaluationRun Ok(EvaluationImport import)
    {
        Assert.True(import.Succeeded, import.Error);
        return import.Run!;
    }

    [Fact]
    public void InspectJson_OlderOptionsShape_WithBomAndCrlf_IsRead()
    {
        var run = Ok(ReadFile(FixturePath("inspect-options-bom-crlf.json")));

        Assert.Equal("inspect", run.Format);
        Assert.Equal("2", run.FormatVersion);
        Assert.Equal("vigie/test-model-a", run.Model);
        Assert.Equal("0.3.41", run.HarnessVersion);
        Assert.Equal(38, run.Samples);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 5, TimeSpan.Zero), run.StartedAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 20, 0, TimeSpan.Zero), run.CompletedAt);
        var accuracy = Assert.Single(run.Metrics, m => m.Metric == "accuracy");
        Assert.Equal(("cyber_ctf", "includes", 0.625, 0.0765), (accuracy.Task, accuracy.Variant, accuracy.Value, accuracy.Stderr));
        // A numeric string is a number; a list is not, and is reported rather than guessed.
        Assert.Equal(0.5, Assert.Single(run.Metrics, m => m.Metric == "mean").Value);
        Assert.DoesNotContain(run.Metrics, m => m.Metric is "broken" or "stderr");
        Assert.Contains(run.Warnings, w => w.Contains("'broken'", StringComparison.Ordinal));
    }

    [Fact]
    public void InspectEvalArchive_NewerParamsShape_IsReadFromHeaderOnly()
    {
        var bytes = Zip(("_journal/start.json", "{}"), ("samples/1_epoch_1.json", "not json at all: samples are never read"),
            ("header.json", File.ReadAllText(FixturePath("inspect-params-header.json"))), ("summaries.json", "[]"));
        var run = Ok(ReadBytes(bytes, "run.eval"));

        Assert.Equal("vigie/test-model-b", run.Model);
        Assert.Equal("0.3.95", run.HarnessVersion);
        var metric = Assert.Single(run.Metrics);
        Assert.Equal(("bio_uplift", "accuracy", "choice", 0.41, 0.045, 120L), (metric.Task, metric.Metric, metric.Variant, metric.Value, metric.Stderr, metric.Samples));
    }

    [Fact]
    public void InspectEvalArchive_WithoutHeader_SaysTheRunHasNotFinished()
    {
        var import = ReadBytes(Zip(("_journal/start.json", "{}")), "run.eval");
        Assert.False(import.Succeeded);
        Assert.Contains("has not finished", import.Error);
    }

    [Fact]
    public void LmEval03_PlainKeys_AreRead()
    {
        var run = Ok(ReadFile(FixturePath("lm-eval-0.3.json")));

        Assert.Equal(("lm-eval", "0.3", "vigie/test-model-c"), (run.Format, run.FormatVersion, run.Model));
        Assert.Equal(["arc_easy", "boolq"], run.Tasks);
        var norm = Assert.Single(run.Metrics, m => m.Task == "arc_easy" && m.Metric == "acc_norm");
        Assert.Equal((0.55, 0.0102, (string?)null), (norm.Value, norm.Stderr, norm.Variant));
        Assert.Equal(3, run.Metrics.Count);
    }

    [Fact]
    public void LmEval04_FiltersGroupsAndNotApplicableErrors_AreRead()
    {
        var run = Ok(ReadFile(FixturePath("lm-eval-0.4.json")));

        Assert.Equal(("0.4", "vigie/test-model-d", "git 7489a342"), (run.FormatVersion, run.Model, run.HarnessVersion));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1724622900), run.StartedAt!.Value.AddTicks(-(run.StartedAt.Value.Ticks % TimeSpan.TicksPerSecond)));
        var strict = Assert.Single(run.Metrics, m => m.Variant == "strict-match");
        Assert.Equal(("gsm8k", "exact_match", 0.52, 0.0137, 1319L, true), (strict.Task, strict.Metric, strict.Value, strict.Stderr, strict.Samples, strict.HigherIsBetter));
        var flexible = Assert.Single(run.Metrics, m => m.Variant == "flexible-extract");
        Assert.Null(flexible.Stderr); // "N/A" means not computed
        var perplexity = Assert.Single(run.Metrics, m => m.Metric == "perplexity");
        Assert.Equal((false, (string?)null, 500L), (perplexity.HigherIsBetter, perplexity.Variant, perplexity.Samples));
        Assert.Single(run.Metrics, m => m.Task == "mmlu"); // a group in results and groups is one task
    }

    [Fact]
    public void ModelIndex_ResultsBecomeMetrics_AndTextValuesAreReported()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Formats", "ModelCards", "Fixtures", "model-index.md");
        var run = Ok(ReadFile(path));

        Assert.Equal(("hf-model-index", "tiny-example"), (run.Format, run.Model));
        var acc = Assert.Single(run.Metrics);
        Assert.Equal(("ai2_arc", "acc_norm", "ARC-Challenge", 41.5), (acc.Task, acc.Metric, acc.Variant, acc.Value));
        Assert.Contains(run.Warnings, w => w.Contains("0.82", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_WithBomCrlfQuotesAndUnknownColumn_IsRead()
    {
        var run = Ok(ReadFile(FixturePath("results-bom-crlf.csv")));

        Assert.Equal(["cyber_ctf", "bio_uplift", "autonomy"], run.Tasks);
        Assert.Equal("vigie/test-model-e", run.Model);
        var first = run.Metrics[0];
        Assert.Equal(("accuracy", 0.48, 0.03, 200L, true), (first.Metric, first.Value, first.Stderr, first.Samples, first.HigherIsBetter));
        Assert.Equal("judge-a", run.Metrics[1].Variant);
        Assert.Null(run.Metrics[1].Stderr);
        Assert.True(run.Metrics[2].HigherIsBetter);
        Assert.Contains(run.Warnings, w => w.Contains("notes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("task,metric\nx,y\n", "lacks the column(s) value")]
    [InlineData("task,metric,value\nx,y,high\n", "line 2: 'value' must be a number")]
    [InlineData("task,metric,value\n,y,0.1\n", "cannot be empty")]
    [InlineData("task,metric,value,samples\nx,y,0.1,many\n", "'samples' must be a whole number")]
    [InlineData("task,metric,value\n", "no rows")]
    public void Csv_BadRows_AreClearErrors(string csv, string expected)
    {
        var import = ReadBytes(Encoding.UTF8.GetBytes(csv), "r.csv");
        Assert.False(import.Succeeded);
        Assert.Contains(expected, import.Error);
    }

    [Theory]
    [InlineData("lm-eval-0.3.json", "inspect", "is not an Inspect log: it looks like an lm-evaluation-harness")]
    [InlineData("inspect-options-bom-crlf.json", "lm-eval", "is not an lm-evaluation-harness results file: it looks like an Inspect log")]
    [InlineData("lm-eval-0.4.json", "csv", "is not an evaluation CSV")]
    [InlineData("results-bom-crlf.csv", "hf-model-index", "is not a Hugging Face model card")]
    public void AFileThatIsNotWhatItClaims_IsRefused(string file, string claimed, string expected)
    {
        var import = ReadFile(FixturePath(file), claimed);
        Assert.False(import.Succeeded);
        Assert.Contains(expected, import.Error);
    }

    [Theory]
    [InlineData("{\"results\": {\"a\": {\"acc\": 0.1}}", "not valid JSON")]
    [InlineData("[1, 2]", "not an object at the top level")]
    [InlineData("{\"hello\": 1}", "neither an Inspect log")]
    [InlineData("{\"version\": 2, \"eval\": {\"task\": \"t\"}, \"results\": {\"scores\": [1,}}", "not valid JSON")]
    public void BrokenJson_IsAClearError(string json, string expected)
    {
        var import = ReadBytes(Encoding.UTF8.GetBytes(json), "x.json");
        Assert.False(import.Succeeded);
        Assert.Contains(expected, import.Error);
    }

    [Fact]
    public void AZipThatIsNotAnInspectLog_IsRefused()
    {
        var import = ReadBytes(Zip(("readme.txt", "hello")), "x.eval");
        Assert.Contains("has no header.json", import.Error);
        Assert.Contains("not a readable zip", ReadBytes([(byte)'P', (byte)'K', 3, 4, 0, 0], "y.eval").Error);
    }

    [Fact]
    public void ALargeLog_IsStreamed_SamplesAreSteppedOver()
    {
        // About 12 MB of samples before the results: the reader keeps one buffer, not the file.
        var path = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                writer.Write("{\"version\": 2, \"status\": \"success\", \"samples\": [");
                var filler = new string('x', 1000);
                for (var i = 0; i < 12_000; i++)
                {
                    writer.Write($"{(i == 0 ? "" : ",")}{{\"id\": {i}, \"input\": \"{filler}\", \"scores\": {{\"s\": {{\"value\": \"C\"}}}}}}");
                }

                writer.Write("], \"eval\": {\"task\": \"long\", \"model\": \"m\"}, \"results\": {\"completed_samples\": 12000, \"scores\": [");
                writer.Write("{\"name\": \"s\", \"metrics\": {\"accuracy\": {\"name\": \"accuracy\", \"value\": 0.75}}}]}}");
            }

            var run = Ok(ReadFile(path));
            Assert.Equal(0.75, Assert.Single(run.Metrics).Value);
            Assert.Equal(12_000, run.Samples);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AWantedValueLargerThanTheCap_IsRefusedNotBuffered()
    {
        var big = "{\"version\": 2, \"eval\": {\"task\": \"" + new string('a', JsonTopLevelCap + 10) + "\"}}";
        var import = ReadBytes(Encoding.UTF8.GetBytes(big), "big.json");
        Assert.False(import.Succeeded);
        Assert.Contains("larger than 16 MiB", import.Error);
    }

    private const int JsonTopLevelCap = 16 * 1024 * 1024;

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return memory.ToArray();
    }
}
