using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Impact;

/// <summary>Inference per million tokens and per day of service: calculated, and recorded for a version with its sources.</summary>
public abstract class InferenceApiTests : ImpactTest
{
    [Fact]
    public async Task AnInferenceEstimate_IsRecordedForTheVersion_WithTheParameterCountFromItsCard()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync("/api/v1/systems/atlas/versions/1.0/card",
            new { card = new { technical = new { parameterCount = 70_000_000_000 } }, baseRevision = 0 })).StatusCode);

        // The ML CO2 Impact vector per day of service: 25 accelerators × 4 h at 300 W, PUE 1, 430 g/kWh → 30 kWh, 12.9 kg.
        var recorded = await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/impact/inference",
            new { name = "chat-api", count = 25, hoursPerDay = 4, tokensPerDay = 2e6, powerWatts = 300, pue = 1.0, intensity = 430 });
        var e = recorded.GetProperty("estimate");
        Assert.Equal(1.4e11, e.GetProperty("flopPerToken").GetDouble());
        Assert.Equal(30.0, e.GetProperty("perDay").GetProperty("itEnergyKwh").GetDouble(), 9);
        Assert.Equal(12.9, e.GetProperty("perDay").GetProperty("locationCo2eKg").GetDouble(), 9);
        Assert.Equal(15.0, e.GetProperty("perMillionTokens").GetProperty("itEnergyKwh").GetDouble(), 9);
        var parameters = e.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "parameters");
        Assert.Contains("model card of atlas@1.0, revision 1", parameters.GetProperty("source").GetString());

        var summary = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.0/impact"));
        Assert.Equal("chat-api", summary.GetProperty("inference")[0].GetProperty("name").GetString());

        // The calculator alone writes nothing.
        var size = TreeSize;
        var calculated = await PostOkAsync(admin, "/api/v1/impact/inference", new { parameters = 7e9, tokensPerDay = 1e6 }, HttpStatusCode.OK);
        Assert.Equal(1.4e10, calculated.GetProperty("flopPerToken").GetDouble());
        Assert.Equal(size, TreeSize);

        var before = await DumpProjectionsAsync();
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        Assert.Contains("name=chat-api", before);
        Assert.Equal(before, await DumpProjectionsAsync());
    }

    [Fact]
    public async Task BadInferenceRequests_AreRefused_AndWriteNothing()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        var size = TreeSize;
        foreach (var (url, body, status) in new (string, object, HttpStatusCode)[]
        {
            ("/api/v1/systems/atlas/versions/1.0/impact/inference", new { name = "chat api", parameters = 7e9 }, HttpStatusCode.BadRequest),
            ("/api/v1/systems/atlas/versions/1.0/impact/inference", new { name = "chat", utilisation = 2.0, parameters = 7e9 }, HttpStatusCode.BadRequest),
            ("/api/v1/systems/atlas/versions/1.0/impact/inference", new { name = "chat", count = 4 }, HttpStatusCode.BadRequest), // no power
            ("/api/v1/systems/atlas/versions/1.0/impact/inference", new { name = "chat" }, HttpStatusCode.BadRequest),
            ("/api/v1/systems/atlas/versions/9.9/impact/inference", new { name = "chat", parameters = 7e9 }, HttpStatusCode.NotFound),
            ("/api/v1/impact/inference", new { parameters = -1 }, HttpStatusCode.BadRequest),
        })
        {
            var response = await admin.PostAsJsonAsync(url, body);
            Assert.True(response.StatusCode == status, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(size, TreeSize);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().PostAsJsonAsync("/api/v1/impact/inference", new { parameters = 7e9 })).StatusCode);
    }
}

public sealed class InferenceApiTestsOnSqlite : InferenceApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class InferenceApiTestsOnPostgres : InferenceApiTests
{
    protected override bool UsePostgres => true;
}
