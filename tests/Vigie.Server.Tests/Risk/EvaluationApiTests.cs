using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Vigie.Server.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Risk;

public abstract class EvaluationApiTests : RiskTest
{
    private const string Csv = "task,metric,value,stderr,samples,model\ncybench,accuracy,0.31,0.02,40,atlas-1\nwmdp_bio,acc,0.62,,1273,atlas-1\n";

    [Fact]
    public async Task Import_RecordsTheRawFileAsEvidence_AndWhatItSays()
    {
        await SetUpAsync();
        await VersionAsync("1.0", 3e24);

        var imported = await ImportOkAsync("1.0", Csv, "atlas-1.0-results.csv");

        Assert.Equal(("csv", 2, 3e24), (imported.GetProperty("format").GetString(), imported.GetProperty("metrics").GetInt32(), imported.GetProperty("effectiveComputeFlop").GetDouble()));
        var sha256 = Convert.ToHexStringLower(global::System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Csv)));
        Assert.Equal(sha256, imported.GetProperty("sha256").GetString());
        var evidence = await GetJsonAsync($"/api/v1/evidence?sha256={sha256}");
        Assert.Equal(("atlas@1.0", "atlas-1.0-results.csv", "internal"),
            (evidence[0].GetProperty("subject").GetString(), evidence[0].GetProperty("name").GetString(), evidence[0].GetProperty("visibility").GetString()));
        Assert.Equal(imported.GetProperty("evidence").GetString(), evidence[0].GetProperty("id").GetString());

        var list = await GetJsonAsync($"/api/v1/systems/{System}/versions/1.0/evaluations");
        var metric = list[0].GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("task").GetString() == "cybench");
        Assert.Equal((0.31, 0.02, 40), (metric.GetProperty("value").GetDouble(), metric.GetProperty("stderr").GetDouble(), metric.GetProperty("samples").GetInt32()));
        Assert.Equal("atlas-1", list[0].GetProperty("model").GetString());
        // Internal evaluations are not shown to anonymous readers.
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync($"/api/v1/systems/{System}/versions/1.0/evaluations")).StatusCode);
    }

    [Fact]
    public async Task BadFiles_AreRefusedWithAClearMessage_AndNothingIsWritten()
    {
        await SetUpAsync();
        await VersionAsync("1.0", 3e24);

        Assert.Contains("is not an Inspect log: it looks like an lm-evaluation-harness",
            await RefusedAsync(() => ImportAsync("1.0", Encoding.UTF8.GetBytes("{\"results\": {\"arc\": {\"acc\": 0.5}}, \"versions\": {}}"), "r.json", "&format=inspect"), HttpStatusCode.BadRequest));
        Assert.Contains("not a readable zip archive",
            await RefusedAsync(() => ImportAsync("1.0", [(byte)'P', (byte)'K', 3, 4, 1, 2, 3], "run.eval"), HttpStatusCode.BadRequest));
        Assert.Contains("'value' must be a number",
            await RefusedAsync(() => ImportAsync("1.0", Encoding.UTF8.GetBytes("task,metric,value\nx,y,lots\n"), "r.csv"), HttpStatusCode.BadRequest));
        Assert.Contains("The body is empty", await RefusedAsync(() => ImportAsync("1.0", [], "r.csv"), HttpStatusCode.BadRequest));
        Assert.Contains("Give the file's name", await RefusedAsync(() => Admin.PostAsync(
            $"/api/v1/systems/{System}/versions/1.0/evaluations", new ByteArrayContent([1])), HttpStatusCode.BadRequest));
        Assert.Contains("stage must be", await RefusedAsync(() => ImportAsync("1.0", Encoding.UTF8.GetBytes(Csv), "r.csv", "&stage=later"), HttpStatusCode.BadRequest));
        Assert.Contains("No version atlas@9.9", await RefusedAsync(() => ImportAsync("9.9", Encoding.UTF8.GetBytes(Csv), "r.csv"), HttpStatusCode.NotFound));
        Assert.Contains("cannot be public", await RefusedAsync(() => ImportAsync("1.0", Encoding.UTF8.GetBytes(Csv), "r.csv", "&visibility=public"), HttpStatusCode.BadRequest));
        await RefusedAsync(() => ImportAsync("1.0", Encoding.UTF8.GetBytes(Csv), "r.csv", client: Factory.CreateClient()), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnUploadOverTheLimit_IsRefusedEarly()
    {
        await RestartAsync(configure: b => b.UseSetting("Vigie:Risk:MaxUploadBytes", "1000"));
        await SetUpAsync();
        await VersionAsync("1.0", 3e24);
        var big = Encoding.UTF8.GetBytes("task,metric,value\n" + string.Concat(Enumerable.Repeat("cybench,accuracy,0.5\n", 100)));
        Assert.Contains("at most 1000", await RefusedAsync(() => ImportAsync("1.0", big, "big.csv"), HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task APublicFileWithMoreMetricsThanOneEntryHolds_IsRefused_AndCanBeImportedInParts()
    {
        // A public entry is at most 64 KiB (ADR 0002); an internal one's sealed body is bounded by the metric cap instead.
        await SetUpAsync();
        await VersionAsync("1.0", 3e24, visibility: "public");
        var csv = new StringBuilder("task,metric,value\n");
        for (var i = 0; i < 1500; i++)
        {
            csv.Append("subject_").Append(i % 30).Append("_with_a_long_benchmark_name,accuracy_variant_").Append(i).Append(",0.5\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        Assert.Contains("import it in parts with tasks=", await RefusedAsync(() => ImportAsync("1.0", bytes, "huge.csv", "&visibility=public"), HttpStatusCode.RequestEntityTooLarge));
        var part = await ImportAsync("1.0", bytes, "huge.csv", "&visibility=public&tasks=subject_1_with_a_long_benchmark_name,subject_2_with_a_long_benchmark_name");
        Assert.Equal(HttpStatusCode.Created, part.StatusCode);
        Assert.Equal(100, (await ReadJsonAsync(part)).GetProperty("metrics").GetInt32());
    }

    [Fact]
    public async Task RebuildProjections_GivesTheSameRiskTables()
    {
        await SetUpAsync();
        await VersionAsync("1.0", 3e24);
        await ImportOkAsync("1.0", Csv);
        await PostAsync(Officer, $"/api/v1/systems/{System}/versions/1.0/scorecard/confirmations",
            new { category = "cybersecurity", preMitigation = "high", postMitigation = "medium", rationale = "Cyber evals reviewed; staged rollout." }, HttpStatusCode.Created);
        await PostAsync(Admin, $"/api/v1/systems/{System}/versions/1.0/safeguards",
            new { id = "rate-limits", name = "Rate limits", standard = "deployment", status = "implemented", evidence = new[] { "ev-1" } }, HttpStatusCode.Created);
        await PostAsync(Admin, "/api/v1/risks", new { category = "cyber", title = "Exploit uplift", owner = "rso", likelihood = 3, severity = 4, treatment = "mitigate", reviewDate = "2027-01-01" }, HttpStatusCode.Created);

        var before = await DumpProjectionsAsync();
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        var after = await DumpProjectionsAsync();

        Assert.Contains("risk_framework_proposals", before);
        Assert.Contains("Exploit uplift", before);
        Assert.Contains("Cyber evals reviewed", before);
        Assert.Equal(before, after);
    }
}

public sealed class EvaluationApiTestsOnSqlite : EvaluationApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class EvaluationApiTestsOnPostgres : EvaluationApiTests
{
    protected override bool UsePostgres => true;
}
