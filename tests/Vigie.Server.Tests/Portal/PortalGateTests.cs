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
