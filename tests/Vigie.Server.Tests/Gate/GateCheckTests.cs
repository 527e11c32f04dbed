using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Vigie.Server.Tests.Cards;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>POST /api/v1/gate/check: the stable result, every evaluation in the log, bad requests refused.</summary>
public abstract class GateCheckTests : GateTest
{
    [Fact]
    public async Task Check_DeniesWithReasons_ThenAllows_AndEveryEvaluationIsALedgerEntry()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());

        var size = TreeSize;
        var denied = await CheckOkAsync(includeDossier: true);
        Assert.Equal(size + 1, TreeSize);

        // The stable form first, in this order; then the entry that recorded it.
        Assert.Equal(["result", "dossierDigest", "policyVersion", "rules", "index", "checkedAt", "dossier"], denied.EnumerateObject().Select(p => p.Name));
        Assert.Equal("deny", denied.GetProperty("result").GetString());
        Assert.Equal("test-gate@1", denied.GetProperty("policyVersion").GetString());
        Assert.Equal(new Dictionary<string, string> { ["approved-decision"] = "fail", ["card-present"] = "fail", ["compute-recorded"] = "not-applicable" }, Outcomes(denied));
        var rule = denied.GetProperty("rules")[0];
        Assert.Equal(["id", "outcome", "severity", "message", "read"], rule.EnumerateObject().Select(p => p.Name));
        Assert.Equal("block", rule.GetProperty("severity").GetString());
        Assert.Equal("No approved decision of this type rests on the current evidence.", rule.GetProperty("message").GetString());
        Assert.Equal("""{"dossier.decisions[*].type":[],"dossier.action":"deploy-external","dossier.decisions[*].status":[],"dossier.decisions[*].stale":[]}""",
            rule.GetProperty("read").GetRawText());
        Assert.Equal("""{"dossier.card":null}""", denied.GetProperty("rules")[1].GetProperty("read").GetRawText());

        // The dossier returned is the one evaluated: its canonical bytes hash to dossierDigest.
        var dossier = JsonSerializer.SerializeToUtf8Bytes(denied.GetProperty("dossier"));
        Assert.Equal(denied.GetProperty("dossierDigest").GetString(), Convert.ToHexStringLower(SHA256.HashData(Vigie.Core.Json.Jcs.Canonicalize(denied.GetProperty("dossier")))));
        Assert.NotEmpty(dossier);

        // The log holds digest, policy version and outcomes, not the values read.
        var index = denied.GetProperty("index").GetInt64();
        var entry = await ReadJsonAsync(await App.Admin().GetAsync($"/api/v1/log/entries/{index}"));
        var text = entry.GetRawText();
        Assert.Contains("gate.checked/v1", text);
        Assert.Contains(denied.GetProperty("dossierDigest").GetString()!, text);
        Assert.Contains("\"outcome\":\"fail\"", text);
        Assert.DoesNotContain("dossier.decisions", text);

        await ApproveAsync();
        var warned = await CheckOkAsync();
        Assert.Equal("allow-with-warnings", warned.GetProperty("result").GetString());
        Assert.Equal("pass", Outcomes(warned)["approved-decision"]);

        // A card is new evidence: the approval goes stale, and the gate says so until it is taken again.
        Assert.Equal(HttpStatusCode.Created, (await CardApi.PutAsync(App.Admin(), System, Version, """{"model":{"name":"Atlas"}}""", 0)).StatusCode);
        var stale = await CheckOkAsync();
        Assert.Equal("deny", stale.GetProperty("result").GetString());
        Assert.Equal("pass", Outcomes(stale)["card-present"]);
        Assert.Equal("""[true]""", stale.GetProperty("rules")[0].GetProperty("read").GetProperty("dossier.decisions[*].stale").GetRawText());
        await ApproveAsync();
        var allowed = await CheckOkAsync();
        Assert.Equal("allow", allowed.GetProperty("result").GetString());
        Assert.False(allowed.TryGetProperty("dossier", out _));

        var checks = await ReadJsonAsync(await App.Admin().GetAsync($"/api/v1/gate/checks?system={System}&version={Version}"));
        Assert.Equal(["allow", "deny", "allow-with-warnings", "deny"], checks.EnumerateArray().Select(c => c.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task BadChecks_AreClear4xx_AndWriteNothing()
    {
        await SetUpAsync();
        Assert.Contains("No policy is active yet", await RefusedAsync(() => CheckAsync(), HttpStatusCode.Conflict));
        await ActivateAsync(TestPolicy());

        Assert.Contains("No version '9.9'", await RefusedAsync(() => CheckAsync(version: "9.9"), HttpStatusCode.NotFound));
        Assert.Contains("'ship' is not an action", await RefusedAsync(() => CheckAsync("ship"), HttpStatusCode.BadRequest));
        Assert.Contains("'policy-change' is not an action", await RefusedAsync(() => CheckAsync("policy-change"), HttpStatusCode.BadRequest));
        Assert.Contains("No system 'ghost'", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/gate/check", new { system = "ghost", version = "1", action = "train" }), HttpStatusCode.NotFound));
        Assert.Contains("Missing required field(s): action", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/gate/check", new { system = System, version = Version }), HttpStatusCode.BadRequest));
        Assert.Contains("Unknown field 'policy'", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/gate/check", new { system = System, version = Version, action = "train", policy = "x" }), HttpStatusCode.BadRequest));
        Assert.Contains("at most 4096", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/gate/check", new { system = new string('a', 5000), version = Version, action = "train" }), HttpStatusCode.RequestEntityTooLarge));
        Assert.Contains("API token", await RefusedAsync(() => CheckAsync(client: App.CreateClient()), HttpStatusCode.Unauthorized));
    }
}

public sealed class GateCheckTestsOnSqlite : GateCheckTests
{
    protected override bool UsePostgres => false;
}

public sealed class GateCheckTestsOnPostgres : GateCheckTests
{
    protected override bool UsePostgres => true;
}
