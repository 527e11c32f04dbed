using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>Waivers: only through an approved decision, with reason, scope and expiry; listed publicly; no loops.</summary>
public abstract class WaiverTests : GateTest
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private Task<HttpResponseMessage> RequestAsync(string ruleId = "approved-decision", string action = "deploy-external", string expiresAt = "2026-06-15",
        string reason = "The executive is travelling; the red team signed off in writing.", string version = Version) =>
        Person("max").PostAsJsonAsync("/api/v1/waivers", new { system = System, version, action, ruleId, reason, expiresAt });

    [Fact]
    public async Task AWaiver_AppliesOnlyOnceApproved_AndStopsAtItsExpiry_AndIsListedPubliclyWithItsReason()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = await UseClockAsync(time);
        await SetUpAsync();
        await ActivateAsync(TestPolicy());

        var response = await RequestAsync();
        var opened = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, opened.GetRawText());
        var id = opened.GetProperty("decision").GetProperty("id").GetString()!;
        Assert.Equal("waiver", opened.GetProperty("decision").GetProperty("type").GetString());
        Assert.Equal("2026-06-15T00:00:00.000Z", opened.GetProperty("waiver").GetProperty("expiresAt").GetString());

        // pending: the rule still fails
        Assert.Equal("deny", (await CheckOkAsync()).GetProperty("result").GetString());
        Assert.Equal("pending", (await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/waivers/{id}"))).GetProperty("standing").GetString());

        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        await SignOkAsync(id, "eve");
        var waived = await CheckOkAsync(includeDossier: true);
        Assert.Equal("allow-with-warnings", waived.GetProperty("result").GetString());
        Assert.Equal("waived", Outcomes(waived)["approved-decision"]);
        Assert.Contains($"waived by decision {id} until 2026-06-15T00:00:00Z: The executive is travelling", waived.GetProperty("rules")[0].GetProperty("message").GetString());
        var listed = Assert.Single(waived.GetProperty("dossier").GetProperty("waivers").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("decisionId").GetString());

        // the public list: anyone, with the justification
        var list = await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/waivers"));
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal("in-force", row.GetProperty("standing").GetString());
        Assert.Equal("The executive is travelling; the red team signed off in writing.", row.GetProperty("reason").GetString());
        Assert.Equal("test-gate@1", row.GetProperty("policyVersion").GetString());

        // a waiver for deploy-external does not cover deploy-internal
        Assert.Equal("fail", Outcomes(await CheckOkAsync("deploy-internal"))["approved-decision"]);

        time.Advance(TimeSpan.FromDays(14));
        var expired = await CheckOkAsync(includeDossier: true);
        Assert.Equal("deny", expired.GetProperty("result").GetString());
        Assert.Equal("[]", expired.GetProperty("dossier").GetProperty("waivers").GetRawText());
        Assert.Equal("expired", (await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/waivers/{id}"))).GetProperty("standing").GetString());
    }

    [Fact]
    public async Task BadWaivers_AreRefusedBeforeAnythingIsWritten_LoopsAndStackingIncluded()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = await UseClockAsync(time);
        await SetUpAsync();
        Assert.Contains("No policy is active", await RefusedAsync(() => RequestAsync(), HttpStatusCode.Conflict));
        var judge = """
              - id: few-waivers
                applies_to: [deploy-external]
                require: dossier.waivers.size() <= 1
                severity: block
                message: At most one waiver per deployment.
                implements: "Waiver policy"
            """;
        await ActivateAsync(TestPolicy(extra: judge));

        Assert.Contains("has no rule 'no-such-rule'", await RefusedAsync(() => RequestAsync("no-such-rule"), HttpStatusCode.BadRequest));
        Assert.Contains("does not apply to train", await RefusedAsync(() => RequestAsync(action: "train"), HttpStatusCode.BadRequest));
        Assert.Contains("judges waivers", await RefusedAsync(() => RequestAsync("few-waivers"), HttpStatusCode.BadRequest));
        Assert.Contains("not in the future", await RefusedAsync(() => RequestAsync(expiresAt: "2026-05-31"), HttpStatusCode.BadRequest));
        Assert.Contains("more than 366 days away", await RefusedAsync(() => RequestAsync(expiresAt: "2027-06-03"), HttpStatusCode.BadRequest));
        Assert.Contains("is not a date", await RefusedAsync(() => RequestAsync(expiresAt: "next week"), HttpStatusCode.BadRequest));
        Assert.Contains("reason cannot be blank", await RefusedAsync(() => RequestAsync(reason: "  "), HttpStatusCode.BadRequest));
        Assert.Contains("is not an action", await RefusedAsync(() => RequestAsync(action: "ship"), HttpStatusCode.BadRequest));
        Assert.Contains("No version", await RefusedAsync(() => RequestAsync(version: "9.9"), HttpStatusCode.NotFound));
        Assert.Contains("use 'vigie waivers request'", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/decisions",
            new { type = "waiver", system = System, version = Version, title = "x" }), HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Forbidden, (await Person("audrey").PostAsJsonAsync("/api/v1/waivers",
            new { system = System, version = Version, action = "train", ruleId = "x", reason = "r", expiresAt = "2026-07-01" })).StatusCode);

        var first = (await ReadJsonAsync(await RequestAsync())).GetProperty("decision").GetProperty("id").GetString()!;
        Assert.Contains($"already awaiting its decision ({first})", await RefusedAsync(() => RequestAsync(expiresAt: "2026-06-20"), HttpStatusCode.Conflict));
        await SignOkAsync(first, "ada");
        await SignOkAsync(first, "bea");
        await SignOkAsync(first, "eve");
        Assert.Contains("already in force until 2026-06-15T00:00:00.000Z", await RefusedAsync(() => RequestAsync(expiresAt: "2026-06-20"), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task APolicyChangeThatRemovesTheRule_RetiresItsWaiver_AndAReversedWaiverStopsApplying()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        var expires = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);
        var card = (await ReadJsonAsync(await RequestAsync("card-present", expiresAt: expires))).GetProperty("decision").GetProperty("id").GetString()!;
        var decision = (await ReadJsonAsync(await RequestAsync(expiresAt: expires))).GetProperty("decision").GetProperty("id").GetString()!;
        foreach (var id in new[] { card, decision })
        {
            await SignOkAsync(id, "ada");
            await SignOkAsync(id, "bea");
            await SignOkAsync(id, "eve");
        }

        Assert.Equal("waived", Outcomes(await CheckOkAsync())["card-present"]);

        // the board reverses the approved-decision waiver within the review window: it stops applying
        await PostAsync(Person("bo"), $"/api/v1/decisions/{decision}/reversal", new { reason = "No exception to the decision rule." }, HttpStatusCode.Created);
        Assert.Equal("fail", Outcomes(await CheckOkAsync())["approved-decision"]);
        Assert.Equal("reversed", (await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/waivers/{decision}"))).GetProperty("standing").GetString());

        // version 2 drops card-present: its waiver is retired and no longer in dossiers (the gate would refuse a waiver of an unknown rule)
        var v2 = TestPolicy(2);
        var cut = v2.IndexOf("  - id: card-present", StringComparison.Ordinal);
        v2 = v2[..cut] + v2[v2.IndexOf("  - id: compute-recorded", StringComparison.Ordinal)..];
        await ActivateAsync(v2);
        var result = await CheckOkAsync(includeDossier: true);
        Assert.Equal("[]", result.GetProperty("dossier").GetProperty("waivers").GetRawText());
        Assert.Equal("retired", (await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/waivers/{card}"))).GetProperty("standing").GetString());
    }
}

public sealed class WaiverTestsOnSqlite : WaiverTests
{
    protected override bool UsePostgres => false;
}

public sealed class WaiverTestsOnPostgres : WaiverTests
{
    protected override bool UsePostgres => true;
}
