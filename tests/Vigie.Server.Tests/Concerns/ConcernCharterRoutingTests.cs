using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Tests.Decisions;
using Xunit;

namespace Vigie.Server.Tests.Concerns;

/// <summary>Routing as a charter setting: a charter's 'concerns' section routes concerns, and only a charter change changes it.</summary>
public abstract class ConcernCharterRoutingTests : ConcernTest
{
    private const string Section = """

        concerns:
          recipients:
            - { user: alice, outside-line: false }
            - { user: bob, outside-line: true }
          tiers:
            - { name: board-committee, recipients: [carol] }
          zone: Europe/Paris
          external-channels:
            - { name: EU AI Office, url: "https://example.org/ai-office" }
        """;

    private async Task AdoptAsync(string section)
    {
        var response = await Factory.Admin().PostAsJsonAsync("/api/v1/charters", new { yaml = DecisionTest.Preset("preparedness-style.yaml") + section });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheCharterInForce_RoutesConcerns_AndTheServerSettingCannotOverrideIt()
    {
        var admin = Factory.Admin();
        await AddRecipientAsync(admin, "alice", "concern-recipient", "safety-officer");
        await AddRecipientAsync(admin, "bob", "concern-recipient");
        await AddRecipientAsync(admin, "carol", "concern-recipient", "board");
        await AdoptAsync(Section);

        var routing = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/concerns/routing"));
        Assert.StartsWith("the 'concerns' section of charter preparedness-style v1 (log entry ", routing.GetProperty("source").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, routing.GetProperty("problem").ValueKind);
        Assert.Equal("Europe/Paris", routing.GetProperty("zone").GetString());

        var size = TreeSize;
        var put = await admin.PutAsJsonAsync("/api/v1/concerns/routing", new
        {
            recipients = new object[] { new { user = "alice", outsideLine = false }, new { user = "carol", outsideLine = true } },
        });
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("through a charter-change decision", (await ReadJsonAsync(put)).GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);

        var recipients = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/concerns/recipients"));
        Assert.Equal(["alice", "bob", "carol"], recipients.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("EU AI Office", recipients.GetProperty("externalChannels")[0].GetProperty("name").GetString());
        var reporter = await FileAsync("Routed by the charter");
        Assert.Single((await InboxAsync("bob")).EnumerateArray());
        Assert.Equal("received", (await StatusAsync(reporter)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ACharterNamingSomeoneWhoCannotReceive_SaysSo_AndFilingWaits()
    {
        var admin = Factory.Admin();
        await AddRecipientAsync(admin, "alice", "concern-recipient");
        await CreateUserAsync(admin, "bob", "member");   // not a concern recipient, no key
        await AddRecipientAsync(admin, "carol", "concern-recipient");
        await AdoptAsync(Section);

        var routing = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/concerns/routing"));
        Assert.Equal("'bob' does not have the concern-recipient role.", routing.GetProperty("problem").GetString());
        var recipients = await Factory.CreateClient().GetAsync("/api/v1/concerns/recipients");
        Assert.Equal(HttpStatusCode.Conflict, recipients.StatusCode);
        Assert.StartsWith("Concerns cannot be routed as the 'concerns' section of charter preparedness-style v1",
            (await ReadJsonAsync(recipients)).GetProperty("detail").GetString());
    }
}

public sealed class ConcernCharterRoutingTestsOnSqlite : ConcernCharterRoutingTests
{
    protected override bool UsePostgres => false;
}

public sealed class ConcernCharterRoutingTestsOnPostgres : ConcernCharterRoutingTests
{
    protected override bool UsePostgres => true;
}
