using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Cli.Tests;

public sealed class ConcernCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    [Fact]
    public async Task KeysGenerate_WritesAKeyPair_PrivateOwnerOnly_AndNeverOverwrites()
    {
        using var cli = new CliRunner(Server.Url);
        var folder = Path.Combine(Path.GetDirectoryName(cli.ConfigPath)!, "keys");

        var made = await cli.RunAsync("keys", "generate", "--out", folder, "--json");

        Assert.Equal(0, made.ExitCode);
        var key = ConcernKeyPair.Import(File.ReadAllText(Path.Combine(folder, "concern-private.key")));
        Assert.Equal(key.PublicKey, ConcernPublicKey.Import(File.ReadAllText(Path.Combine(folder, "concern-public.key"))));
        Assert.Equal(key.PublicKey.KeyId, JsonDocument.Parse(made.Out).RootElement.GetProperty("keyId").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "concern-private.key")));
        var again = await cli.RunAsync("keys", "generate", "--out", folder);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("refusing to overwrite", again.Error);
        Assert.Equal(key.ExportPrivateKey(), File.ReadAllText(Path.Combine(folder, "concern-private.key")).Trim());
    }

    [Fact]
    public async Task Concern_FromSubmissionToVerifiedFollowUp_ThroughTheCommandLine()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var recipients = new Dictionary<string, (string Token, string KeyFile)>();
        foreach (var name in new[] { "rosa", "sam" })
        {
            var folder = Path.Combine(Path.GetDirectoryName(admin.ConfigPath)!, name);
            Assert.Equal(0, (await admin.RunAsync("keys", "generate", "--out", folder)).ExitCode);
            var added = await admin.RunAsync("users", "add", name, "--role", "concern-recipient", "--public-key", Path.Combine(folder, "concern-public.key"), "--json");
            Assert.True(added.ExitCode == 0, added.ToString());
            var token = JsonDocument.Parse(added.Out).RootElement.GetProperty("user").GetProperty("token").GetString()!;
            recipients[name] = (token, Path.Combine(folder, "concern-private.key"));
        }

        var routing = await admin.RunAsync("concerns", "routing", "--recipient", "rosa", "--recipient", "sam", "--outside-line", "sam",
            "--channel", "Labour inspectorate=https://example.org/report");
        Assert.True(routing.ExitCode == 0, routing.ToString());

        using var reporter = new CliRunner(Server.Url, token: null);
        var submitted = await reporter.RunAsync("concerns", "submit", "--text", reporter.WriteFile("concern.txt", "The dangerous-capability eval was skipped."),
            "--about", "board", "executive", "--json"); // the "--about ROLE..." form
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var receipt = JsonDocument.Parse(submitted.Out).RootElement.GetProperty("receipt").GetString()!;
        var id = JsonDocument.Parse(submitted.Out).RootElement.GetProperty("concern").GetString()!;
        Assert.True(ConcernReceipt.TryParse(receipt, out _, out _));

        using var rosa = new CliRunner(Server.Url, recipients["rosa"].Token);
        var read = await rosa.RunAsync("concerns", "read", "--key", recipients["rosa"].KeyFile);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Contains("The dangerous-capability eval was skipped.", read.Out);
        Assert.Equal(0, (await rosa.RunAsync("concerns", "ack", id)).ExitCode);
        var replied = await rosa.RunAsync("concerns", "reply", id, "--key", recipients["rosa"].KeyFile, "--text", rosa.WriteFile("r.txt", "Thank you. Which model?"), "--feedback");
        Assert.True(replied.ExitCode == 0, replied.ToString());
        var answered = await reporter.RunAsync("concerns", "answer", "--receipt", receipt.ToLowerInvariant(), "--text", reporter.WriteFile("a.txt", "Model Atlas 3."));
        Assert.True(answered.ExitCode == 0, answered.ToString());

        await Server.WaitForCheckpointAsync(1); // the status waits for nothing: pending proofs are reported as such
        var bundlePath = Path.Combine(Path.GetDirectoryName(reporter.ConfigPath)!, "my-concern.json");
        var status = await WaitForProvenStatusAsync(reporter, receipt, bundlePath);
        Assert.Equal("acknowledged", status.GetProperty("status").GetString());
        Assert.Equal("The dangerous-capability eval was skipped.", status.GetProperty("report").GetString());
        Assert.Contains(status.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == "Thank you. Which model?");
        Assert.Contains(status.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == "Model Atlas 3.");
        Assert.Equal("Labour inspectorate", status.GetProperty("externalChannels")[0].GetProperty("name").GetString());
        var about = JsonDocument.Parse(File.ReadAllText(bundlePath)).RootElement.GetProperty("status").GetProperty("about");
        Assert.Equal(["board", "executive"], about.EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));

        var sam = await new CliRunner(Server.Url, recipients["sam"].Token).RunAsync("concerns", "read", "--key", recipients["sam"].KeyFile, "--json");
        var thread = JsonDocument.Parse(sam.Out).RootElement[0].GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Thank you. Which model?", "Model Atlas 3."], thread);

        // The saved file verifies offline with the pinned key; an altered entry does not.
        var verified = await reporter.RunAsync("concerns", "verify", bundlePath);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        var bundle = File.ReadAllText(bundlePath);
        var entry = JsonDocument.Parse(bundle).RootElement.GetProperty("status").GetProperty("proofs").GetProperty("entries")[0].GetProperty("entry").GetString()!;
        var altered = Convert.FromBase64String(entry);
        altered[^3] ^= 1;
        File.WriteAllText(bundlePath, bundle.Replace(entry, Convert.ToBase64String(altered), StringComparison.Ordinal));
        var tampered = await reporter.RunAsync("concerns", "verify", bundlePath);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("does not verify", tampered.Error);
    }

    [Fact]
    public async Task Status_WithAMistypedReceipt_IsAUsageError_BeforeAnyRequest()
    {
        using var reporter = new CliRunner("http://127.0.0.1:1", token: null);
        var receipt = ConcernReceipt.Generate().DisplayText;
        var typo = receipt[..^1] + (receipt[^1] == '0' ? '1' : '0');

        var result = await reporter.RunAsync("concerns", "status", "--receipt", typo);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("typing error", result.Error);
    }

    [Fact]
    public async Task UsersAdd_WithAPrivateKeyAsPublicKey_CreatesNobody()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var file = admin.WriteFile("oops.key", ConcernKeyPair.Generate().ExportPrivateKey());

        var result = await admin.RunAsync("users", "add", "tom", "--role", "concern-recipient", "--public-key", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("This is a private key file", result.Error);
        using var client = Server.Client(Server.AdminToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/users/tom")).StatusCode);
    }

    private static async Task<JsonElement> WaitForProvenStatusAsync(CliRunner reporter, string receipt, string bundlePath)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var result = await reporter.RunAsync("concerns", "status", "--receipt", receipt, "--json", "--out", bundlePath);
            Assert.True(result.ExitCode == 0, result.ToString());
            var status = JsonDocument.Parse(result.Out).RootElement;
            if (status.GetProperty("proof").GetProperty("entries").EnumerateArray().All(e => !e.GetProperty("pending").GetBoolean()))
            {
                Assert.True(status.GetProperty("proof").GetProperty("verified").GetBoolean());
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, "The concern's entries never reached a signed checkpoint.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task HeldConcern_SaysWhenItEntersTheLog_AndItsStatusHasNothingToProveYet()
    {
        await using var held = new RealServer(new Dictionary<string, string> { ["Vigie:Concerns:BatchFilings"] = "true" });
        using var admin = new CliRunner(held.Url, held.AdminToken);
        foreach (var name in new[] { "rosa", "sam" })
        {
            var folder = Path.Combine(Path.GetDirectoryName(admin.ConfigPath)!, name);
            Assert.Equal(0, (await admin.RunAsync("keys", "generate", "--out", folder)).ExitCode);
            Assert.Equal(0, (await admin.RunAsync("users", "add", name, "--role", "concern-recipient", "--public-key", Path.Combine(folder, "concern-public.key"))).ExitCode);
        }

        Assert.Equal(0, (await admin.RunAsync("concerns", "routing", "--recipient", "rosa", "--recipient", "sam", "--outside-line", "sam")).ExitCode);
        using var reporter = new CliRunner(held.Url, token: null);
        var submitted = await reporter.RunAsync("concerns", "submit", "--text", reporter.WriteFile("c.txt", "Held for the batch."));
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"is held until {tomorrow}, when it enters the log at a random time of day", submitted.Out);
        var receipt = submitted.Out.Split('\n').Select(l => l.Trim()).First(l => ConcernReceipt.TryParse(l, out _, out _));

        var status = await reporter.RunAsync("concerns", "status", "--receipt", receipt);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("pending", status.Out);
        Assert.Contains($"Held until {tomorrow}", status.Out);
    }

    [Fact]
    public async Task PassphraseProtectedKey_IsMadeAndOpened_WithThePassphrase_AndRefusedWithoutIt()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var root = Path.GetDirectoryName(admin.ConfigPath)!;
        var refused = await admin.RunAsync("keys", "generate", "--out", Path.Combine(root, "nopass"), "--passphrase");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("set VIGIE_KEY_PASSPHRASE", refused.Error);
        Assert.False(Directory.Exists(Path.Combine(root, "nopass")) && Directory.EnumerateFiles(Path.Combine(root, "nopass")).Any());
        admin.Variables["VIGIE_KEY_PASSPHRASE"] = "short";
        Assert.Equal(2, (await admin.RunAsync("keys", "generate", "--out", Path.Combine(root, "weak"), "--passphrase")).ExitCode);

        admin.Variables["VIGIE_KEY_PASSPHRASE"] = "tulip anchor violet seventeen";
        var keys = new Dictionary<string, string>();
        foreach (var name in new[] { "pia", "quentin" })
        {
            var folder = Path.Combine(root, name);
            var made = await admin.RunAsync("keys", "generate", "--out", folder, "--passphrase", "--json");
            Assert.True(made.ExitCode == 0, made.ToString());
            Assert.True(JsonDocument.Parse(made.Out).RootElement.GetProperty("protectedByPassphrase").GetBoolean());
            Assert.StartsWith("vigie-concern-private-key-v2:argon2id:", File.ReadAllText(Path.Combine(folder, "concern-private.key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "concern-private.key")));
            var added = await admin.RunAsync("users", "add", name, "--role", "concern-recipient", "--public-key", Path.Combine(folder, "concern-public.key"), "--json");
            Assert.True(added.ExitCode == 0, added.ToString());
            keys[name] = JsonDocument.Parse(added.Out).RootElement.GetProperty("user").GetProperty("token").GetString()!;
        }

        Assert.Equal(0, (await admin.RunAsync("concerns", "routing", "--recipient", "pia", "--recipient", "quentin", "--outside-line", "quentin")).ExitCode);
        using var reporter = new CliRunner(Server.Url, token: null);
        Assert.Equal(0, (await reporter.RunAsync("concerns", "submit", "--text", reporter.WriteFile("c.txt", "Sealed to protected keys."))).ExitCode);

        using var pia = new CliRunner(Server.Url, keys["pia"]);
        var keyFile = Path.Combine(root, "pia", "concern-private.key");
        var locked = await pia.RunAsync("concerns", "read", "--key", keyFile);
        Assert.Equal(2, locked.ExitCode);
        Assert.Contains("is protected by a passphrase: set VIGIE_KEY_PASSPHRASE", locked.Error);
        pia.Variables["VIGIE_KEY_PASSPHRASE"] = "tulip anchor violet eighteen";
        var wrong = await pia.RunAsync("concerns", "read", "--key", keyFile);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("The passphrase is wrong, or the key file was altered.", wrong.Error);
        pia.Variables["VIGIE_KEY_PASSPHRASE"] = "tulip anchor violet seventeen";
        var read = await pia.RunAsync("concerns", "read", "--key", keyFile);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Contains("Sealed to protected keys.", read.Out);
    }
}
