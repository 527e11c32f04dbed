using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Impact;

public abstract class EnvironmentApiTests : ImpactTest
{
    [Fact]
    public async Task ARecordedRun_GetsEnergyCo2eAndWater_WithEverySource_AndTheVersionTotals()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        await RunAsync(admin, "1.0", "bloom-like", 3e23, hours: 1_082_990);
        var recorded = await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/training-runs/bloom-like/energy",
            new { accelerator = "A100-SXM", pue = 1.0, intensity = 57.0, wue = 0.5, waterIntensity = 3.0 });
        var estimate = recorded.GetProperty("estimate");
        Assert.Equal(433_196, estimate.GetProperty("itEnergyKwh").GetDouble(), 6);
        Assert.Equal(24.7, estimate.GetProperty("locationCo2eKg").GetDouble() / 1000, 1);
        Assert.Equal(433_196 * 0.5 + 433_196 * 3.0, estimate.GetProperty("waterLitres").GetDouble(), 3);
        var inputs = estimate.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        Assert.Contains("training run 'bloom-like' in the registry", inputs["acceleratorHours"].GetProperty("source").GetString());
        Assert.Equal("default", inputs["powerWatts"].GetProperty("origin").GetString());
        Assert.Equal("supplied", inputs["pue"].GetProperty("origin").GetString());

        // Defaults: the run's year (2026) is beyond the table, so the latest French figure is used and said.
        await RunAsync(admin, "1.0", "second", 1e22, hours: 1000);
        var second = await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/training-runs/second/energy", new { accelerator = "H100-SXM", region = "FR" });
        Assert.Contains("FR 2024", second.GetProperty("estimate").GetProperty("inputs").EnumerateArray()
            .Single(i => i.GetProperty("name").GetString() == "gridIntensityGPerKwh").GetProperty("source").GetString());

        var summary = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.0/impact"));
        Assert.Equal(2, summary.GetProperty("totals").GetProperty("runs").GetInt32());
        Assert.Equal(433_196 + 1000 * 0.7 * 1.58, summary.GetProperty("totals").GetProperty("facilityEnergyKwh").GetDouble(), 3);
    }

    [Fact]
    public async Task BadEstimates_AreRefused_AndWriteNothing()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        await RunAsync(admin, "1.0", "pretrain", 1e22);
        var size = TreeSize;
        foreach (var (url, body, status) in new (string, object, HttpStatusCode)[]
        {
            ("/api/v1/systems/atlas/versions/1.0/training-runs/pretrain/energy", new { accelerator = "TPU-v9" }, HttpStatusCode.BadRequest),
            ("/api/v1/systems/atlas/versions/1.0/training-runs/pretrain/energy", new { accelerator = "H100-SXM" }, HttpStatusCode.BadRequest), // no hours anywhere
            ("/api/v1/systems/atlas/versions/1.0/training-runs/pretrain/energy", new { measuredKwh = 10, region = "France" }, HttpStatusCode.BadRequest),
            ("/api/v1/systems/atlas/versions/1.0/training-runs/ghost/energy", new { measuredKwh = 10 }, HttpStatusCode.NotFound),
            ("/api/v1/systems/atlas/versions/1.0/training-runs/pretrain/energy", new { measuredKwh = 10, colour = "red" }, HttpStatusCode.BadRequest),
        })
        {
            var response = await admin.PostAsJsonAsync(url, body);
            Assert.True(response.StatusCode == status, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(size, TreeSize);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().PostAsJsonAsync("/api/v1/systems/atlas/versions/1.0/training-runs/pretrain/energy", new { measuredKwh = 1 })).StatusCode);
    }
}

public sealed class EnvironmentApiTestsOnSqlite : EnvironmentApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class EnvironmentApiTestsOnPostgres : EnvironmentApiTests
{
    protected override bool UsePostgres => true;
}
