using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Attestations;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>Signed release attestations: issued for an allowing evaluation, checkable offline with the log key alone.</summary>
public abstract class AttestationTests : GateTest
{
    private async Task<(string Weights, long Index)> AllowedCheckAsync(string version, string visibility)
    {
        var weights = RandomSha256();
        await PostAsync(App.Admin(), $"/api/v1/systems/{System}/versions", new { version, visibility, weights = new { sha256 = weights } }, HttpStatusCode.Created);
        var opened = await PostAsync(Person("olga"), "/api/v1/decisions", new { type = "train", system = System, version, title = "Train" }, HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetString()!;
        foreach (var who in new[] { "ada", "bea", "eve" })
        {
            await SignOkAsync(id, who);
        }

        await PostAsync(App.Admin(), $"/api/v1/systems/{System}/versions/{version}/training-runs", new { run = "r1", startedOn = "2026-01-01", computeFlop = 1e24 }, HttpStatusCode.OK);
        var check = await CheckOkAsync("train", version);
        Assert.Equal("allow", check.GetProperty("result").GetString());
        return (weights, check.GetProperty("index").GetInt64());
    }

    private async Task<JsonElement> AttestAsync(long index, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Person("max").PostAsync($"/api/v1/gate/checks/{index}/attestation", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [InlineData("public")]
    [InlineData("internal")]
    public async Task AnAllowedCheck_IsAttested_AndTheBundleVerifiesOfflineWithTheLogKeyAlone(string visibility)
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        var (weights, index) = await AllowedCheckAsync("2.0", visibility);

        var bundle = await AttestAsync(index);
        var key = await LogKeyAsync(App.CreateClient());
        var check = AttestationVerifier.Verify(bundle, key, weights);

        Assert.True(check.Verified, string.Join("; ", check.Problems));
        var s = check.Statement!;
        Assert.Equal(("atlas", "2.0", "train", "allow", weights, "test-gate@1", index), (s.System, s.Version, s.Action, s.Result, s.WeightsSha256, s.PolicyVersion, s.LogIndex));
        Assert.StartsWith("dec-", s.Decision, StringComparison.Ordinal);
        Assert.Equal(visibility != "public", bundle.GetProperty("logEntry").TryGetProperty("sealedBody", out _));

        // The payload is an in-toto Statement v1 about the weights.
        var payload = JsonNode.Parse(Convert.FromBase64String(bundle.GetProperty("dsseEnvelope").GetProperty("payload").GetString()!))!;
        Assert.Equal("https://in-toto.io/Statement/v1", payload["_type"]!.GetValue<string>());
        Assert.Equal(weights, payload["subject"]![0]!["digest"]!["sha256"]!.GetValue<string>());
        Assert.Equal(Dsse.InTotoPayloadType, bundle.GetProperty("dsseEnvelope").GetProperty("payloadType").GetString());

        Assert.Contains("not the", Assert.Single(AttestationVerifier.Verify(bundle, key, RandomSha256()).Problems));
        Assert.True(LedgerTime.TryParse(s.CheckedAt, out var checkedAt));
        Assert.True(AttestationVerifier.Verify(bundle, key, new AttestationExpectation(weights, "atlas", "2.0", "train", checkedAt)).Verified);
        Assert.Contains("the oldest evaluation you accept",
            Assert.Single(AttestationVerifier.Verify(bundle, key, new AttestationExpectation(CheckedNoEarlierThan: checkedAt.AddMilliseconds(1))).Problems));
        Assert.Equal(["the attestation is about system 'atlas', not 'orion'.", "the attestation is about version '2.0', not '1.0'.", "the gate allowed 'train', not 'deploy-external'."],
            AttestationVerifier.Verify(bundle, key, new AttestationExpectation(weights, "orion", "1.0", "deploy-external")).Problems);
        Assert.False(AttestationVerifier.Verify(bundle, NoteSigner.Generate("test.vigie.example/log").Verifier).Verified);
    }

    [Fact]
    public async Task ATamperedBundle_DoesNotVerify_WhateverPartWasChanged()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        var (_, index) = await AllowedCheckAsync("2.0", "public");
        var bundle = JsonNode.Parse((await AttestAsync(index)).GetRawText())!;
        var key = await LogKeyAsync(App.CreateClient());

        string[] Problems(Action<JsonNode> tamper)
        {
            var copy = bundle.DeepClone();
            tamper(copy);
            return [.. AttestationVerifier.Verify(JsonSerializer.SerializeToElement(copy), key).Problems];
        }

        var payload = JsonNode.Parse(Convert.FromBase64String(bundle["dsseEnvelope"]!["payload"]!.GetValue<string>()))!;
        payload["predicate"]!["result"] = "allow-with-warnings";
        Assert.Contains("no signature", Problems(b => b["dsseEnvelope"]!["payload"] = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload)))[0]);
        Assert.Contains("inclusion", Problems(b => b["logEntry"]!["hashes"]![0] = Convert.ToBase64String(new byte[32]))[0]);
        Assert.Contains("checkpoint", Problems(b =>
        {
            var lines = b["logEntry"]!["checkpoint"]!.GetValue<string>().Split('\n');
            lines[1] = (long.Parse(lines[1], global::System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(global::System.Globalization.CultureInfo.InvariantCulture); // the tree size
            b["logEntry"]!["checkpoint"] = string.Join('\n', lines);
        })[0]);
        Assert.Contains("statement names entry", Problems(b => b["logEntry"]!["index"] = index - 1)[0]);
        Assert.Contains("not a", Problems(b => b["mediaType"] = "application/json")[0]);
    }

    [Fact]
    public async Task NoAttestation_ForADeny_AVersionWithoutWeights_OrAnEntryThatIsNotACheck()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        var deny = (await CheckOkAsync()).GetProperty("index").GetInt64();
        Assert.Contains("only an allowing evaluation is attested", await RefusedAsync(() => Person("max").PostAsync($"/api/v1/gate/checks/{deny}/attestation", null), HttpStatusCode.Conflict));

        await PostAsync(App.Admin(), $"/api/v1/systems/{System}/versions/{Version}/training-runs", new { run = "r1", startedOn = "2026-01-01", computeFlop = 1e24 }, HttpStatusCode.OK);
        await ApproveAsync("train");
        var allowed = await CheckOkAsync("train");
        Assert.Equal("allow", allowed.GetProperty("result").GetString());
        Assert.Contains("no weights digest", await RefusedAsync(() => Person("max").PostAsync($"/api/v1/gate/checks/{allowed.GetProperty("index").GetInt64()}/attestation", null), HttpStatusCode.Conflict));
        Assert.Contains("is not a gate evaluation", await RefusedAsync(() => Person("max").PostAsync("/api/v1/gate/checks/1/attestation", null), HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().PostAsync($"/api/v1/gate/checks/{deny}/attestation", null)).StatusCode);
    }
}

public sealed class AttestationTestsOnSqlite : AttestationTests
{
    protected override bool UsePostgres => false;
}

public sealed class AttestationTestsOnPostgres : AttestationTests
{
    protected override bool UsePostgres => true;
}
