using System.Net;
using Vigie.Server.Tests.Gate;
using Xunit;

namespace Vigie.Server.Tests.Portal;

/// <summary>Policies and gate checks, landed from issue 4, reach the portal through its extension points.</summary>
public abstract class PortalGateTests : GateTest
{
    [Fact]
    public async Task Policies_AppearAsDocumentsWithTheirDiff_AndGateDenials_InTheStatisticsAndTheReport()
    {
        await SetUpAsync();
        var first = await ActivateAsync(TestPolicy());
        await ActivateAsync(TestPolicy(version: 2, extra: """
              - id: evals-recorded
                applies_to: [deploy-external]
                require: size(dossier.evaluations) > 0
                severity: warn
                message: No evaluation is recorded.
                implements: "Evaluation policy"
            """));
        var check = await CheckOkAsync();
        Assert.Equal("deny", check.GetProperty("result").GetString());
        var checkIndex = check.GetProperty("index").GetInt64();
        await CheckpointCoveringAsync(App.CreateClient(), Size(), TimeSpan.FromSeconds(5));

        var documents = await App.CreateClient().GetStringAsync("/documents");
        Assert.Contains("kind-policies", documents);
        Assert.Contains("test-gate", documents);
        Assert.Contains("Changes from version 1", documents);
        Assert.Contains("id: evals-recorded</ins>", documents);
        Assert.Contains($"href=\"/decisions/{first}\"", documents);

        var stats = await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/portal/statistics"));
        var gate = stats.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "gate");
        var denied = gate.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "denied");
        Assert.Equal(1, denied.GetProperty("value").GetDouble());
        Assert.Equal(checkIndex, denied.GetProperty("entries")[0].GetInt64());

        var report = await App.CreateClient().GetStringAsync("/reports/transparency.md");
        Assert.Contains("| Release gate | Value | Source | Log |", report);
        Assert.Contains("policies: test-gate", report);
    }

    [Fact]
    public async Task Waivers_AreDocuments_InForceWhileTheGateAppliesThem_AndEndedWhenReversed()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        var expires = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);
        var requested = await PostAsync(Person("max"), "/api/v1/waivers", new
        {
            system = System, version = Version, action = "deploy-external", ruleId = "approved-decision", expiresAt = expires,
            reason = "The executive is travelling; the red team signed off in writing.",
        }, HttpStatusCode.Created);
        var id = requested.GetProperty("decision").GetProperty("id").GetString()!;
        await CheckpointCoveringAsync(App.CreateClient(), Size(), TimeSpan.FromSeconds(5));
        Assert.Empty(await WaiversAsync()); // pending: not granted, so not a document

        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        await SignOkAsync(id, "eve");
        Assert.Equal("waived", Outcomes(await CheckOkAsync())["approved-decision"]);
        await CheckpointCoveringAsync(App.CreateClient(), Size(), TimeSpan.FromSeconds(5));
        var waiver = Assert.Single(await WaiversAsync());
        Assert.Equal($"approved-decision for {System} {Version}", waiver.GetProperty("name").GetString());
        Assert.Equal(id, waiver.GetProperty("decision").GetString());
        Assert.True(waiver.GetProperty("active").GetBoolean());
        Assert.Contains("Justification: The executive is travelling", waiver.GetProperty("text").GetString());
        var page = await App.CreateClient().GetStringAsync("/documents");
        Assert.Contains("id=\"kind-waivers\"", page);
        Assert.Contains($"/api/v1/log/proofs/inclusion?index={waiver.GetProperty("logIndex").GetInt64()}", page);

        // The board reverses it: the gate no longer applies it, and the portal shows it ended at the reversal.
        await PostAsync(Person("bo"), $"/api/v1/decisions/{id}/reversal", new { reason = "No exception to the decision rule." }, HttpStatusCode.Created);
        Assert.Equal("fail", Outcomes(await CheckOkAsync())["approved-decision"]);
        var reversedAt = (await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/decisions/{id}"))).GetProperty("reversal").GetProperty("at").GetString();
        await CheckpointCoveringAsync(App.CreateClient(), Size(), TimeSpan.FromSeconds(5));
        waiver = Assert.Single(await WaiversAsync());
        Assert.False(waiver.GetProperty("active").GetBoolean());
        Assert.Equal(reversedAt, waiver.GetProperty("activeUntil").GetString());
    }

    private async Task<List<global::System.Text.Json.JsonElement>> WaiversAsync() =>
        (await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/portal/documents"))).EnumerateArray()
            .Where(d => d.GetProperty("kind").GetString() == "waivers").ToList();

    private long Size() => App.Service<Vigie.Server.Ledger.Ledger>().Tree.Size;
}

public sealed class PortalGateTestsOnSqlite : PortalGateTests
{
    protected override bool UsePostgres => false;
}

public sealed class PortalGateTestsOnPostgres : PortalGateTests
{
    protected override bool UsePostgres => true;
}
