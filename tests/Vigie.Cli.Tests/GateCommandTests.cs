using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>
/// The gate and policy commands against a real server: the preparedness-style charter, the shipped
/// regulatory-baseline policy made active through the CLI, then gate checks whose exit code a CI
/// job branches on.
/// </summary>
public sealed class GateCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    private RealServer Server => fixture.Server;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public static string RepoPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }

    private async Task<Dictionary<string, string>> PeopleAsync(HttpClient admin)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var (name, role) in new[] { ("ada", "advisory-group"), ("bea", "advisory-group"), ("eve", "executive"), ("max", "member") })
        {
            var created = await admin.PostAsJsonAsync("/api/v1/users", new { name = Unique(name), roles = new[] { role } });
            tokens[name] = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        }

        return tokens;
    }

    private async Task SignAllAsync(string id, Dictionary<string, string> tokens)
    {
        foreach (var who in new[] { "ada", "bea", "eve" })
        {
            using var signer = new CliRunner(Server.Url, tokens[who]);
            var signed = await signer.RunAsync("decisions", "sign", id, "--approve");
            Assert.True(signed.ExitCode == 0, signed.ToString());
        }
    }

    /// <summary>The charter and the regulatory baseline in force (once per server), a fresh public system version, and people.</summary>
    private async Task<(string System, Dictionary<string, string> Tokens)> SetUpAsync(CliRunner admin)
    {
        using var client = Server.Client(Server.AdminToken);
        var tokens = await PeopleAsync(client);
        await Once.WaitAsync();
        try
        {
            if ((await client.GetAsync("/api/v1/charters/current")).StatusCode == HttpStatusCode.NotFound)
            {
                Assert.Equal(0, (await admin.RunAsync("charters", "adopt", RepoPath("presets", "charters", "preparedness-style.yaml"))).ExitCode);
            }

            if ((await client.GetAsync("/api/v1/policies/active")).StatusCode == HttpStatusCode.NotFound)
            {
                using var max = new CliRunner(Server.Url, tokens["max"]);
                var applied = await max.RunAsync("policy", "apply", RepoPath("presets", "policies", "regulatory-baseline.yaml"));
                Assert.True(applied.ExitCode == 0, applied.ToString());
                Assert.Matches(@"^dec-\d+$", applied.Out.Trim());
                Assert.Contains("to make regulatory-baseline@1 active", applied.Error);
                await SignAllAsync(applied.Out.Trim(), tokens);
            }
        }
        finally
        {
            Once.Release();
        }

        var system = Unique("atlas");
        Assert.Equal(0, (await admin.RunAsync("systems", "add", system, "--visibility", "public")).ExitCode);
        Assert.Equal(0, (await admin.RunAsync("versions", "add", system, "1.0", "--visibility", "public")).ExitCode);
        return (system, tokens);
    }

    [Fact]
    public async Task GateCheck_ExitsOneOnDenyWithTheReasons_ThenZeroOnceTheDecisionIsApproved()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var (system, tokens) = await SetUpAsync(admin);
        using var ci = new CliRunner(Server.Url, tokens["max"]);

        var denied = await ci.RunAsync("gate", "check", "--system", system, "--version", "1.0", "--action", "train");
        Assert.True(denied.ExitCode == 1, denied.ToString());
        Assert.StartsWith($"deny: {system}@1.0 train under policy regulatory-baseline@1 (log entry ", denied.Out);
        Assert.Contains("FAIL   block approved-decision: No approved decision of this action's type", denied.Out);
        Assert.Contains("dossier.decisions[*].type = []", denied.Out);

        var opened = await ci.RunAsync("decisions", "open", "--type", "train", "--system", system, "--version", "1.0", "--title", "Train atlas");
        await SignAllAsync(opened.Out.Trim(), tokens);

        var dossierFile = Path.Combine(Path.GetDirectoryName(ci.ConfigPath)!, "dossier.json");
        var allowed = await ci.RunAsync("gate", "check", "--system", system, "--version", "1.0", "--action", "train", "--json", "--dossier", dossierFile);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        var json = JsonDocument.Parse(allowed.Out).RootElement;
        Assert.Equal(["result", "dossierDigest", "policyVersion", "rules", "index", "checkedAt"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("allow", json.GetProperty("result").GetString());
        Assert.Equal(json.GetProperty("dossierDigest").GetString(), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dossierFile))));

        // deploy-internal: the approved-decision rule blocks; without compute and incident tracking two warn rules fail too
        var warned = await ci.RunAsync("gate", "check", "--system", system, "--version", "1.0", "--action", "deploy-internal");
        Assert.Equal(1, warned.ExitCode);
        Assert.Contains("FAIL   warn  training-compute-recorded", warned.Out);

        var dossier = await ci.RunAsync("gate", "dossier", "--system", system, "--version", "1.0", "--action", "train");
        Assert.Equal(0, dossier.ExitCode);
        Assert.Equal("approved", JsonDocument.Parse(dossier.Out).RootElement.GetProperty("decisions")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task GateCheck_UsageAndServerProblems_HaveTheirExitCodes()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var (system, tokens) = await SetUpAsync(admin);
        using var ci = new CliRunner(Server.Url, tokens["max"]);

        var badAction = await ci.RunAsync("gate", "check", "--system", system, "--version", "1.0", "--action", "ship");
        Assert.Equal(2, badAction.ExitCode);
        Assert.Contains("deploy-external", badAction.Error);
        Assert.Equal(2, (await ci.RunAsync("gate", "check", "--version", "1.0", "--action", "train")).ExitCode);

        var unknown = await ci.RunAsync("gate", "check", "--system", system, "--version", "9.9", "--action", "train");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No version '9.9'", unknown.Error);
        var badName = await ci.RunAsync("gate", "check", "--system", "Bad Name", "--version", "1.0", "--action", "train");
        Assert.Equal(2, badName.ExitCode);

        using var anonymous = new CliRunner(Server.Url, null);
        Assert.Equal(3, (await anonymous.RunAsync("gate", "check", "--system", system, "--version", "1.0", "--action", "train")).ExitCode);
        ci.Token = "not-a-token";
        Assert.Equal(3, (await ci.RunAsync("gate", "check", "--system", system, "--version", "1.0", "--action", "train")).ExitCode);
        using var nowhere = new CliRunner("http://127.0.0.1:9", tokens["max"]);
        var unreachable = await nowhere.RunAsync("gate", "check", "--system", system, "--version", "1.0", "--action", "train");
        Assert.Equal(3, unreachable.ExitCode);
        Assert.Contains("Cannot reach the Vigie server", unreachable.Error);
    }

    [Fact]
    public async Task PolicyCommands_CheckApplyShowAndDiff_AndABrokenFileIsRefusedNamingTheRule()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var (_, tokens) = await SetUpAsync(admin);
        using var max = new CliRunner(Server.Url, tokens["max"]);

        var shown = await max.RunAsync("policy", "show");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("regulatory-baseline@1: SB 53 transparency", shown.Out);
        Assert.Contains("approved-decision", shown.Out);
        var text = await max.RunAsync("policy", "show", "--text");
        Assert.Equal(File.ReadAllText(RepoPath("presets", "policies", "regulatory-baseline.yaml")), text.Out);

        var baseline = File.ReadAllText(RepoPath("presets", "policies", "regulatory-baseline.yaml"));
        var broken = max.WriteFile("broken.yaml", baseline.Replace("version: 1", "version: 2", StringComparison.Ordinal)
            .Replace("require: has(dossier.compute.totalFlopWithLineage)", "require: dossier.compute.totalFlop > 0", StringComparison.Ordinal));
        foreach (var verb in new[] { "check", "apply" })
        {
            var refused = await max.RunAsync("policy", verb, broken);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("rule 'training-compute-recorded'", refused.Error);
            Assert.Contains("has no field 'totalFlop'", refused.Error);
            Assert.Matches(@"broken\.yaml: line 18, column \d+:", refused.Error);
        }

        var next = max.WriteFile("next.yaml", baseline.Replace("version: 1", "version: 2", StringComparison.Ordinal).Replace("    severity: warn\n    message: >-\n      The version's cumulative", "    severity: block\n    message: >-\n      The version's cumulative", StringComparison.Ordinal));
        var checkedOk = await max.RunAsync("policy", "check", next);
        Assert.True(checkedOk.ExitCode == 0, checkedOk.ToString());
        Assert.StartsWith("regulatory-baseline@2 loads: 7 rule(s), 6 block, 1 warn; sha256 ", checkedOk.Out);
        var diff = await max.RunAsync("policy", "diff", next);
        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("changed  training-compute-recorded (severity)", diff.Out);
        Assert.Contains("-    severity: warn", diff.Out);
        Assert.Contains("+    severity: block", diff.Out);
        var json = JsonDocument.Parse((await max.RunAsync("policy", "diff", next, "--json")).Out).RootElement;
        Assert.Equal("training-compute-recorded", json.GetProperty("changes")[0].GetProperty("id").GetString());
        Assert.Equal(2, (await max.RunAsync("policy", "check", "no-such-file.yaml")).ExitCode);
    }

    [Fact]
    public async Task WaiversRequest_ThenApproved_TurnsTheDenyIntoAnAllowWithWarnings_AndIsListed()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var (system, tokens) = await SetUpAsync(admin);
        using var max = new CliRunner(Server.Url, tokens["max"]);
        Assert.Equal(1, (await max.RunAsync("gate", "check", "--system", system, "--version", "1.0", "--action", "deploy-internal")).ExitCode);

        var expires = DateTimeOffset.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var requested = await max.RunAsync("waivers", "request", "--system", system, "--version", "1.0", "--action", "deploy-internal",
            "--rule", "approved-decision", "--reason", "Internal canary for the red team only.", "--expires", expires);
        Assert.True(requested.ExitCode == 0, requested.ToString());
        var id = requested.Out.Trim();
        Assert.Contains($"waiver of rule 'approved-decision' for {system}@1.0 deploy-internal until {expires}T00:00:00.000Z", requested.Error);
        await SignAllAsync(id, tokens);

        var waived = await max.RunAsync("gate", "check", "--system", system, "--version", "1.0", "--action", "deploy-internal");
        Assert.True(waived.ExitCode == 0, waived.ToString());
        Assert.StartsWith("allow-with-warnings:", waived.Out);
        Assert.Contains($"waived block approved-decision: No approved decision of this action's type", waived.Out);
        Assert.Contains($"waived by decision {id} until {expires}T00:00:00Z: Internal canary for the red team only.", waived.Out);

        var list = await max.RunAsync("waivers", "list", "--system", system);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("in-force", list.Out);
        Assert.Contains("Internal canary for the red team only.", list.Out);

        var again = await max.RunAsync("waivers", "request", "--system", system, "--version", "1.0", "--action", "deploy-internal",
            "--rule", "approved-decision", "--reason", "Again.", "--expires", expires);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Waivers do not stack", again.Error);
        var loop = await max.RunAsync("waivers", "request", "--system", system, "--version", "1.0", "--action", "deploy-internal",
            "--rule", "no-such-rule", "--reason", "x", "--expires", expires);
        Assert.Equal(2, loop.ExitCode);
        Assert.Contains("has no rule 'no-such-rule'", loop.Error);
    }

    [Fact]
    public async Task GateCheckAttest_SavesASignedAttestation_ThatAttestVerifyChecksOffline()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var (system, tokens) = await SetUpAsync(admin);
        var weights = admin.WriteFile("weights.bin", "pretend these are 400 GB of weights");
        Assert.Equal(0, (await admin.RunAsync("versions", "add", system, "2.0", "--visibility", "public", "--weights", weights)).ExitCode);
        using var ci = new CliRunner(Server.Url, tokens["max"]);
        var opened = await ci.RunAsync("decisions", "open", "--type", "train", "--system", system, "--version", "2.0", "--title", "Train 2.0");
        await SignAllAsync(opened.Out.Trim(), tokens);

        var attestation = Path.Combine(Path.GetDirectoryName(ci.ConfigPath)!, "attestation.json");
        var checkedOk = await ci.RunAsync("gate", "check", "--system", system, "--version", "2.0", "--action", "train", "--attest", attestation);
        Assert.True(checkedOk.ExitCode == 0, checkedOk.ToString());
        Assert.Contains($"Saved the signed release attestation to {attestation}", checkedOk.Error);

        using var verifier = new CliRunner(null, null); // offline: no server, no pinned key
        var noKey = await verifier.RunAsync("attest", "verify", attestation);
        Assert.Equal(2, noKey.ExitCode);
        Assert.Contains("No key is pinned for log 'cli.vigie.example/log'", noKey.Error);

        using var client = Server.Client();
        var key = (await client.GetStringAsync("/log/key")).Trim();
        var verified = await verifier.RunAsync("attest", "verify", attestation, "--key", key, "--weights", weights);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.StartsWith($"verified: {system}@2.0 (weights sha256 ", verified.Out);
        Assert.Contains("may train: the gate said allow under policy regulatory-baseline@1, decision dec-", verified.Out);

        // Deployment tooling names what it is about to do: an attestation for training does not let it deploy.
        var scoped = await verifier.RunAsync("attest", "verify", attestation, "--key", key, "--system", system, "--version", "2.0", "--action", "train", "--max-age-days", "1");
        Assert.True(scoped.ExitCode == 0, scoped.ToString());
        var otherAction = await verifier.RunAsync("attest", "verify", attestation, "--key", key, "--weights", weights, "--action", "deploy-external");
        Assert.Equal(1, otherAction.ExitCode);
        Assert.Contains("the gate allowed 'train', not 'deploy-external'", otherAction.Error);
        var otherVersion = await verifier.RunAsync("attest", "verify", attestation, "--key", key, "--system", system, "--version", "1.0", "--json");
        Assert.Equal(1, otherVersion.ExitCode);
        Assert.Contains("the attestation is about version '2.0', not '1.0'.", JsonDocument.Parse(otherVersion.Out).RootElement.GetProperty("problems")[0].GetString());
        var stale = await verifier.RunAsync("attest", "verify", attestation, "--key", key, "--max-age-days", "0.00000001"); // under a millisecond
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("the oldest evaluation you accept", stale.Error);
        Assert.Equal(2, (await verifier.RunAsync("attest", "verify", attestation, "--key", key, "--max-age-days", "0")).ExitCode);
        var badAction = await verifier.RunAsync("attest", "verify", attestation, "--key", key, "--action", "ship");
        Assert.Equal(2, badAction.ExitCode);
        Assert.Contains("--action 'ship' is not an action", badAction.Error);

        var wrongWeights = await verifier.RunAsync("attest", "verify", attestation, "--key", key, "--sha256", new string('0', 64));
        Assert.Equal(1, wrongWeights.ExitCode);
        Assert.Contains("not the 0000", wrongWeights.Error);

        var tampered = verifier.WriteFile("tampered.json", File.ReadAllText(attestation).Replace("\"allow\"", "\"deny\"", StringComparison.Ordinal)
            .Replace("\"index\": ", "\"index\": 1", StringComparison.Ordinal));
        var refused = await verifier.RunAsync("attest", "verify", tampered, "--key", key);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("does not verify", refused.Error);
        Assert.Equal(2, (await verifier.RunAsync("attest", "verify", "missing.json", "--key", key)).ExitCode);

        // A deny saves nothing and exits 1.
        var denied = await ci.RunAsync("gate", "check", "--system", system, "--version", "2.0", "--action", "deploy-external", "--attest", attestation + ".deny");
        Assert.Equal(1, denied.ExitCode);
        Assert.False(File.Exists(attestation + ".deny"));
    }
}
