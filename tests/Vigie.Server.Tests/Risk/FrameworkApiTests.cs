using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Vigie.Server.Tests.Risk;

public abstract class FrameworkApiTests : RiskTest
{
    [Fact]
    public async Task AFramework_IsInForceOnlyOnceItsFrameworkChangeDecisionIsApproved()
    {
        await SetUpAsync(framework: null);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/v1/frameworks/current")).StatusCode);

        var proposed = await PostAsync(Officer, "/api/v1/frameworks/proposals", new { yaml = PresetFramework("preparedness-style.yaml") }, HttpStatusCode.Created);
        var decision = proposed.GetProperty("decision").GetString()!;
        var opened = await GetJsonAsync($"/api/v1/decisions/{decision}");
        Assert.Equal("framework-change", opened.GetProperty("type").GetString());
        Assert.Contains(proposed.GetProperty("digest").GetString()!, opened.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/v1/frameworks/current")).StatusCode);

        await ApproveAsync(decision);

        var current = await GetJsonAsync("/api/v1/frameworks/current", Factory.CreateClient());
        Assert.Equal(("preparedness-style", 1, decision), (current.GetProperty("name").GetString(), current.GetProperty("version").GetInt32(), current.GetProperty("decision").GetString()));
        Assert.Equal(3, current.GetProperty("categories").EnumerateArray().Count(c => c.GetProperty("tracked").GetBoolean()));
        var history = await GetJsonAsync("/api/v1/frameworks");
        Assert.Equal("adopted", history[0].GetProperty("status").GetString());

        // The same text again, or a version not above the one in force, is refused before any decision opens.
        Assert.Contains("is the framework in force", await RefusedAsync(() => Officer.PostAsJsonAsync("/api/v1/frameworks/proposals",
            new { yaml = PresetFramework("preparedness-style.yaml") }), HttpStatusCode.BadRequest));
        Assert.Contains("give it a version above", await RefusedAsync(() => Officer.PostAsJsonAsync("/api/v1/frameworks/proposals",
            new { yaml = PresetFramework("rsp-style.yaml") }), HttpStatusCode.BadRequest));

        // A rejected change leaves the framework in force; an approved higher version replaces it.
        var v2 = PresetFramework("rsp-style.yaml").Replace("version: 1", "version: 2", StringComparison.Ordinal);
        var rejected = (await PostAsync(Officer, "/api/v1/frameworks/proposals", new { yaml = v2 }, HttpStatusCode.Created)).GetProperty("decision").GetString()!;
        var detail = await GetJsonAsync($"/api/v1/decisions/{rejected}");
        await PostAsync(Officer, $"/api/v1/decisions/{rejected}/sign-offs",
            new { verdict = "reject", snapshotDigest = detail.GetProperty("snapshot").GetProperty("digest").GetString(), comment = "No." }, HttpStatusCode.Created);
        Assert.Equal("preparedness-style", (await GetJsonAsync("/api/v1/frameworks/current")).GetProperty("name").GetString());

        await AdoptFrameworkAsync(v2);
        Assert.Equal("rsp-style@2", (await GetJsonAsync("/api/v1/frameworks/current")).GetProperty("ref").GetString());
    }

    [Fact]
    public async Task AnInvalidFramework_IsRefusedWithLineNumbers_AndNothingIsWritten()
    {
        await SetUpAsync(framework: null);
        var detail = await RefusedAsync(() => Officer.PostAsJsonAsync("/api/v1/frameworks/proposals",
            new { yaml = "framework: demo\nversion: 1\ntitle: Demo\nlevels: [{ id: low, risk: low }, { id: high, risk: severe }]\ncategories: [{ id: c }]\n" }),
            HttpStatusCode.BadRequest);
        Assert.Contains("line 4, column", detail);
        Assert.Contains("'risk' of level 'high' must be one of low, medium, high, critical", detail);
        await RefusedAsync(() => Factory.CreateClient().PostAsJsonAsync("/api/v1/frameworks/proposals", new { yaml = "x" }), HttpStatusCode.Unauthorized);
    }
}

public sealed class FrameworkApiTestsOnSqlite : FrameworkApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class FrameworkApiTestsOnPostgres : FrameworkApiTests
{
    protected override bool UsePostgres => true;
}
