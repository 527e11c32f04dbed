using System.Net;
using System.Text.Json;
using Vigie.Server.Tests.Risk;
using Xunit;

namespace Vigie.Server.Tests.Portal;

/// <summary>Capability-risk frameworks (issue 5) on the portal: every version in force, with its diff, until it is replaced or reversed.</summary>
public abstract class PortalFrameworkTests : RiskTest
{
    /// <summary><see cref="RiskTest.TestCharter"/>, except that the board may reverse a framework change within 14 days.</summary>
    private static string ReviewedCharter() => TestCharter().Replace(
        "  framework-change: { stages: [ { name: officer, role: safety-officer, quorum: 1 of 1 } ] }",
        "  framework-change: { stages: [ { name: officer, role: safety-officer, quorum: 1 of 1 } ], review: { role: board, within-days: 14 } }",
        StringComparison.Ordinal);

    [Fact]
    public async Task Frameworks_AreDocumentsWithTheirDiff_InForceUntilReplaced_AndBackInForceWhenTheReplacementIsReversed()
    {
        Assert.Contains("review: { role: board", ReviewedCharter());
        await SetUpAsync(charter: ReviewedCharter());
        var v1 = await GetJsonAsync("/api/v1/frameworks/current");
        var v2Text = PresetFramework("preparedness-style.yaml")
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
            .Replace("title: Preparedness-style capability thresholds", "title: Preparedness-style thresholds, revised", StringComparison.Ordinal);
        var second = await AdoptFrameworkAsync(v2Text);
        Assert.Equal("preparedness-style@2", (await GetJsonAsync("/api/v1/frameworks/current")).GetProperty("ref").GetString());
        await CheckpointCoveringAsync(Factory.CreateClient(), TreeSize, TimeSpan.FromSeconds(5));

        var html = await Factory.CreateClient().GetStringAsync("/documents");
        Assert.Contains("id=\"kind-frameworks\"", html);
        Assert.Contains("Changes from version 1", html);
        Assert.Contains("title: Preparedness-style thresholds, revised (High and Critical in three tracked categories)</ins>", html);
        Assert.Contains($"href=\"/decisions/{second}\"", html);

        Assert.Contains("Risk framework preparedness-style version 2", await Factory.CreateClient().GetStringAsync("/feed.atom"));

        var frameworks = await FrameworksAsync();
        Assert.Equal(["1", "2"], frameworks.Select(f => f.GetProperty("version").GetString()));
        Assert.Equal(v1.GetProperty("decision").GetString(), frameworks[0].GetProperty("decision").GetString());
        Assert.Equal(frameworks[1].GetProperty("adoptedAt").GetString(), frameworks[0].GetProperty("activeUntil").GetString());
        Assert.True(frameworks[1].GetProperty("active").GetBoolean());
        Assert.Equal(v2Text, frameworks[1].GetProperty("text").GetString());
        var entry = await GetJsonAsync($"/api/v1/log/entries/{frameworks[1].GetProperty("logIndex").GetInt64()}", Factory.CreateClient());
        Assert.Equal("framework.proposed/v1", entry.GetProperty("envelope").GetProperty("kind").GetString());

        // The board reverses the change: the first framework is in force again, and the second shows when it ended.
        var board = Factory.CreateClient(await CreateUserAsync(Admin, "bo", "board"));
        await PostAsync(board, $"/api/v1/decisions/{second}/reversal", new { reason = "Adopted before the consultation closed." }, HttpStatusCode.Created);
        Assert.Equal("preparedness-style@1", (await GetJsonAsync("/api/v1/frameworks/current")).GetProperty("ref").GetString());
        var reversedAt = (await GetJsonAsync($"/api/v1/decisions/{second}")).GetProperty("reversal").GetProperty("at").GetString();
        frameworks = await FrameworksAsync();
        Assert.True(frameworks[0].GetProperty("active").GetBoolean());
        Assert.Equal(reversedAt, frameworks[1].GetProperty("activeUntil").GetString());
        Assert.Contains("later reversed", frameworks[1].GetProperty("summary").GetString());
    }

    private async Task<List<JsonElement>> FrameworksAsync() =>
        (await GetJsonAsync("/api/v1/portal/documents", Factory.CreateClient())).EnumerateArray()
            .Where(d => d.GetProperty("kind").GetString() == "frameworks").ToList();
}

public sealed class PortalFrameworkTestsOnSqlite : PortalFrameworkTests
{
    protected override bool UsePostgres => false;
}

public sealed class PortalFrameworkTestsOnPostgres : PortalFrameworkTests
{
    protected override bool UsePostgres => true;
}
