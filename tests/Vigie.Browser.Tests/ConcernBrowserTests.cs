using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>
/// The reporter's pages in Chromium: a concern sealed by the page's WebCrypto code opens with the
/// recipient's private key in C# (Vigie.Core), the plaintext never travels, and the follow-up page
/// opens a reply sealed in C# and sends an answer the recipient opens.
/// </summary>
public sealed class ConcernBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    private static readonly SemaphoreSlim SetUp = new(1, 1);
    private static readonly Dictionary<string, (string Token, ConcernKeyPair Key)> Recipients = [];

    [Fact]
    public async Task ConcernSealedInChromium_OpensWithTheRecipientsKeyInCSharp_AndNoPlaintextIsSent()
    {
        await EnsureChannelAsync();
        const string text = "Chromium-sealed: the red team's report on model Atlas was rewritten.";
        var sent = new List<string>();
        Page.Request += (_, request) => sent.Add(request.Url + " " + request.PostData);

        var receipt = await SubmitAsync(text);

        Assert.True(ConcernReceipt.TryParse(receipt, out _, out var error), error);
        Assert.DoesNotContain(sent, s => s.Contains("red team", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("/api/v1/concerns ", StringComparison.Ordinal) && s.Contains("\"keyCommitment\"", StringComparison.Ordinal));
        var concern = await ConcernWithTextAsync("tess", text);
        Assert.Equal("board", Assert.Single(concern.GetProperty("about").EnumerateArray()).GetString());
        Assert.Empty(await Context.CookiesAsync());
    }

    [Fact]
    public async Task FollowUpPage_OpensTheReply_AndSendsAnAnswerTheRecipientOpens()
    {
        await EnsureChannelAsync();
        var receipt = await SubmitAsync("Chromium follow-up: the compute log was edited.");
        var concern = await ConcernWithTextAsync("tess", "Chromium follow-up: the compute log was edited.");
        var id = concern.GetProperty("concern").GetString();
        using (var tess = Server.Api(Recipients["tess"].Token))
        {
            Assert.Equal(HttpStatusCode.Created, (await tess.PostAsJsonAsync($"/api/v1/concerns/{id}/acknowledge", new { })).StatusCode);
            var reply = SealReply(concern, Recipients["tess"].Key, "Thank you; which week was it?");
            var response = await tess.PostAsync($"/api/v1/concerns/{id}/replies",
                new StringContent($$"""{"message":{{reply.ToJson()}}}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await Page.GotoAsync("/concerns/status");
        await Page.GetByLabel("Receipt").FillAsync(receipt.ToLowerInvariant());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#status-summary")).ToContainTextAsync("acknowledged");
        await Assertions.Expect(Page.Locator("#status-thread")).ToContainTextAsync("Thank you; which week was it?");
        await Assertions.Expect(Page.Locator("#status-report")).ToHaveTextAsync("Chromium follow-up: the compute log was edited.");

        await Assertions.Expect(Page.Locator("#status-verified")).ToContainTextAsync("Verified in this browser");
        await Assertions.Expect(Page.Locator("#status-verified")).ToContainTextAsync("its Ed25519 signature verified in this browser");
        await Assertions.Expect(Page.Locator("#status-verified")).ToHaveAttributeAsync("data-verified", "signature-and-proofs");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download report, replies and proofs" }).ClickAsync());
        var bundle = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement;
        Assert.Equal("vigie-concern-bundle/v1", bundle.GetProperty("format").GetString());
        Assert.Equal("Thank you; which week was it?", bundle.GetProperty("messages")[0].GetProperty("text").GetString());
        await CheckOfflineAsync((await download.PathAsync())!);

        await Page.GetByLabel("Your answer").FillAsync("The week of the launch.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Seal and send answer" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#answer-progress")).ToHaveTextAsync("Your answer was sealed and recorded.");
        using var tessApi = Server.Api(Recipients["tess"].Token);
        var view = JsonDocument.Parse(await tessApi.GetStringAsync($"/api/v1/concerns/{id}")).RootElement;
        var answer = view.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("step").GetString() == "answered");
        var opened = Parse(answer.GetProperty("message")).Open(Recipients["tess"].Key);
        Assert.True(opened.IsOpened, opened.Message);
        Assert.True(ConcernMessage.TryRead(opened.Content, out var message, out _));
        Assert.Equal("The week of the launch.", message.Text);
    }

    [Fact]
    public async Task RecipientPage_UnlocksTheKeyLocally_OpensTheReport_AndSealsAReplyTheReporterOpens()
    {
        await EnsureChannelAsync();
        var receipt = ConcernReceipt.Parse(await SubmitAsync("For the recipient page: evals were rerun until they passed."));
        var concern = await ConcernWithTextAsync("uma", "For the recipient page: evals were rerun until they passed.");
        var id = concern.GetProperty("concern").GetString();
        var sent = new List<string>();
        Page.Request += (_, request) => sent.Add(request.PostData ?? "");

        await SignInAsync(Recipients["uma"].Token, $"/app/concerns/{id}");
        await Page.Locator("#key-file").SetInputFilesAsync(new FilePayload
        {
            Name = "concern-private.key",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.ASCII.GetBytes(Recipients["uma"].Key.ExportPrivateKey() + "\n"),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Unlock in this browser" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#concern-report")).ToHaveTextAsync("For the recipient page: evals were rerun until they passed.");

        await Page.GetByLabel("Reply (sealed").FillAsync("We have stopped the release while we check.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Seal and send reply" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#concern-thread")).ToContainTextAsync("uma · replied");
        Assert.DoesNotContain(sent, s => s.Contains("stopped the release", StringComparison.Ordinal) || s.Contains("vigie-concern-private-key", StringComparison.Ordinal));

        var reporter = ConcernReporterKeys.FromReceipt(receipt);
        using var anonymous = Server.Api(null);
        var status = JsonDocument.Parse(await (await anonymous.PostAsJsonAsync("/api/v1/concerns/status",
            new { locator = reporter.Locator, access = reporter.AccessBase64 })).Content.ReadAsStringAsync()).RootElement;
        var replied = status.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("step").GetString() == "replied");
        Assert.True(ConcernMessage.TryRead(Parse(replied.GetProperty("message")).Open(reporter.ReplyKey).Content, out var message, out _));
        Assert.Equal("We have stopped the release while we check.", message.Text);
    }

    [Fact]
    public async Task RecipientPage_SaysPlainlyItCannotOpenAPassphraseProtectedKey()
    {
        await EnsureChannelAsync();
        await SubmitAsync("For the protected-key check.");
        var concern = await ConcernWithTextAsync("uma", "For the protected-key check.");
        await SignInAsync(Recipients["uma"].Token, $"/app/concerns/{concern.GetProperty("concern").GetString()}");
        var protectedKey = ConcernKeyProtection.Protect(Recipients["uma"].Key, "tulip anchor violet seventeen", out _, memoryKiB: 64, passes: 1)!;
        await Page.Locator("#key-file").SetInputFilesAsync(new FilePayload
        {
            Name = "concern-private.key",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.ASCII.GetBytes(protectedKey + "\n"),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Unlock in this browser" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#key-progress")).ToContainTextAsync("protected by a passphrase, which this page cannot open");
        await Assertions.Expect(Page.Locator("#key-progress")).ToContainTextAsync("vigie concerns read --key FILE");
        await Assertions.Expect(Page.Locator("#concern-report")).Not.ToContainTextAsync("For the protected-key check.");
    }

    [Fact]
    public async Task MistypedReceipt_IsCaughtInTheBrowser_BeforeAnyRequest()
    {
        await EnsureChannelAsync();
        var requests = 0;
        await Page.GotoAsync("/concerns/status");
        Page.Request += (_, request) => requests += request.Url.Contains("/api/", StringComparison.Ordinal) ? 1 : 0;
        var receipt = ConcernReceipt.Generate().DisplayText;
        await Page.GetByLabel("Receipt").FillAsync(receipt[..^1] + (receipt[^1] == '0' ? '1' : '0'));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#status-progress")).ToContainTextAsync("typing error");
        Assert.Equal(0, requests);
    }

    [Fact]
    public async Task ReceiptKeys_DerivedInChromium_EqualThoseOfCore()
    {
        await EnsureChannelAsync();
        await Page.GotoAsync("/concerns/status");
        var receipt = ConcernReceipt.Generate();
        var keys = ConcernReporterKeys.FromReceipt(receipt);

        var derived = await Page.EvaluateAsync<JsonElement>("""
            async (text) => {
              const k = await VigieConcerns.reporterKeys(await VigieConcerns.parseReceipt(text));
              return { locator: k.locator, access: k.access, reply: VigieConcerns.publicKeyText(k.replyPublic) };
            }
            """, receipt.DisplayText.ToLowerInvariant().Replace('1', 'l'));

        Assert.Equal(keys.Locator, derived.GetProperty("locator").GetString());
        Assert.Equal(keys.AccessBase64, derived.GetProperty("access").GetString());
        Assert.Equal(keys.ReplyKey.PublicKey.Export(), derived.GetProperty("reply").GetString());
    }

    [Fact]
    public async Task BrowserWithoutX25519_SaysSoPlainly_AndCannotSend()
    {
        await EnsureChannelAsync();
        await Page.AddInitScriptAsync("""
            const generate = crypto.subtle.generateKey.bind(crypto.subtle);
            crypto.subtle.generateKey = (algorithm, ...rest) =>
              algorithm && algorithm.name === "X25519" ? Promise.reject(new DOMException("not supported", "NotSupportedError")) : generate(algorithm, ...rest);
            """);
        await Page.GotoAsync("/concerns/new");

        await Assertions.Expect(Page.Locator("#concern-unsupported")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#concern-unsupported")).ToContainTextAsync("vigie concerns submit");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Seal and send" })).ToBeDisabledAsync();
    }

    [Theory]
    [InlineData("proof", "its inclusion proof does not lead to the checkpoint's root")]
    [InlineData("checkpoint", "The checkpoint's signature does not verify")]
    [InlineData("envelope", "it does not carry the digest of the concern you got back")]
    public async Task StatusPage_CatchesAProofTheServerAltered(string altered, string expected)
    {
        await EnsureChannelAsync();
        var receipt = await SubmitAsync($"Chromium proof check ({altered}).");
        await WaitForCheckpointAsync();
        await Page.RouteAsync("**/api/v1/concerns/status", async route =>
        {
            var response = await route.FetchAsync();
            var status = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!.AsObject();
            var proofs = status["proofs"]!.AsObject();
            switch (altered)
            {
                case "proof":
                    var hashes = proofs["entries"]!.AsArray().Select(e => e!["hashes"]).OfType<System.Text.Json.Nodes.JsonArray>().First(h => h.Count > 0);
                    var bytes = Convert.FromBase64String(hashes[0]!.GetValue<string>());
                    bytes[0] ^= 1;
                    hashes[0] = Convert.ToBase64String(bytes);
                    break;
                case "checkpoint":
                    var lines = proofs["checkpoint"]!.GetValue<string>().Split('\n');
                    lines[1] = (long.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    proofs["checkpoint"] = string.Join('\n', lines);
                    break;
                default:
                    var envelope = status["envelope"]!.AsObject();
                    envelope["ciphertext"] = Convert.ToBase64String(new byte[envelope["ciphertext"]!.GetValue<string>().Length / 4 * 3 - 2]);
                    break;
            }

            await route.FulfillAsync(new() { Response = response, Body = status.ToJsonString() });
        });
        await Page.GotoAsync("/concerns/status");
        await Page.GetByLabel("Receipt").FillAsync(receipt);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#status-verified")).ToContainTextAsync("does NOT verify in this browser");
        await Assertions.Expect(Page.Locator("#status-verified")).ToContainTextAsync(expected);
    }

    [Fact]
    public async Task StatusPage_WithoutEd25519_ChecksTheProofsAndSaysTheSignatureWasNot()
    {
        await EnsureChannelAsync();
        var receipt = await SubmitAsync("Chromium proof check without Ed25519.");
        await WaitForCheckpointAsync();
        await Page.AddInitScriptAsync("""
            const importKey = crypto.subtle.importKey.bind(crypto.subtle);
            crypto.subtle.importKey = (format, key, algorithm, ...rest) =>
              algorithm && algorithm.name === "Ed25519" ? Promise.reject(new DOMException("not supported", "NotSupportedError")) : importKey(format, key, algorithm, ...rest);
            """);
        await Page.GotoAsync("/concerns/status");
        await Page.GetByLabel("Receipt").FillAsync(receipt);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#status-verified")).ToContainTextAsync("Verified in this browser");
        await Assertions.Expect(Page.Locator("#status-verified")).ToContainTextAsync("its signature could not be checked here");
        await Assertions.Expect(Page.Locator("#status-verified")).ToHaveAttributeAsync("data-verified", "proofs");
    }

    /// <summary>The page's RFC 9162 check agrees with Vigie.Core's proofs (themselves held to the RFC's vectors) for every leaf of trees of 1 to 17 entries.</summary>
    [Fact]
    public async Task BrowserInclusionCheck_AcceptsEveryCoreProof_AndRejectsAlteredOnes()
    {
        await Page.GotoAsync("/concerns/status");
        var cases = new List<object>();
        for (var size = 1; size <= 17; size++)
        {
            var tree = new Vigie.Core.Ledger.MerkleTree();
            var leaves = Enumerable.Range(0, size).Select(i => Vigie.Core.Ledger.MerkleHash.Leaf(System.Text.Encoding.UTF8.GetBytes($"entry {i}"))).ToList();
            leaves.ForEach(l => tree.Append(l));
            for (var index = 0; index < size; index++)
            {
                cases.Add(new
                {
                    index, size, leaf = Convert.ToBase64String(leaves[index]), root = Convert.ToBase64String(tree.RootHash(size)),
                    path = tree.InclusionProof(index, size).Select(Convert.ToBase64String).ToArray(),
                });
            }
        }

        var results = await Page.EvaluateAsync<int[]>("""
            async (cases) => {
              const b = (t) => Uint8Array.from(atob(t), (c) => c.charCodeAt(0));
              let accepted = 0, rejected = 0;
              for (const c of cases) {
                if (await VigieProofs.verifyInclusion(c.index, c.size, b(c.leaf), c.path.map(b), b(c.root))) accepted++;
                const wrongLeaf = b(c.leaf); wrongLeaf[31] ^= 0x80;
                if (!(await VigieProofs.verifyInclusion(c.index, c.size, wrongLeaf, c.path.map(b), b(c.root)))) rejected++;
              }
              return [accepted, rejected, cases.length];
            }
            """, cases);
        Assert.Equal(153, results[2]);
        Assert.Equal(results[2], results[0]);
        Assert.Equal(results[2], results[1]);
    }

    /// <summary>Waits until the signed checkpoint covers every entry, so the status carries proofs (not "pending").</summary>
    /// <summary>
    /// The downloaded file passes `vigie concerns verify` with the published log key, and fails it
    /// once one hash of an inclusion proof is altered ("verify the proof of filing offline").
    /// </summary>
    private async Task CheckOfflineAsync(string file)
    {
        var (exit, output, error) = await OfflineConcernCheck.VerifyAsync(file, Server.LogVerifierKey);
        Assert.True(exit == 0, error);
        var verified = JsonDocument.Parse(output).RootElement;
        Assert.True(verified.GetProperty("verified").GetBoolean());
        Assert.True(verified.GetProperty("entries").GetArrayLength() >= 3); // received, filed and the steps taken on it

        var bundle = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var proof = bundle["status"]!["proofs"]!["entries"]!.AsArray().First(e => !(bool)e!["pending"]! && e["hashes"]!.AsArray().Count > 0)!;
        proof["hashes"]![0] = Convert.ToBase64String(new byte[32]);
        var altered = file + ".altered.json";
        await File.WriteAllTextAsync(altered, bundle.ToJsonString());
        (exit, _, error) = await OfflineConcernCheck.VerifyAsync(altered, Server.LogVerifierKey);
        Assert.Equal(1, exit);
        Assert.Contains("inclusion proof does not verify", error);
    }

    private async Task WaitForCheckpointAsync()
    {
        using var client = Server.Api(null);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var checkpoint = JsonDocument.Parse(await client.GetStringAsync("/api/v1/log/checkpoint")).RootElement;
            var size = checkpoint.GetProperty("size").GetInt64();
            var head = await client.GetAsync($"/api/v1/log/entries/{size}");
            if (head.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "No checkpoint covered the log in time.");
            await Task.Delay(50);
        }
    }

    private async Task<string> SubmitAsync(string text)
    {
        await Page.GotoAsync("/concerns/new");
        await Page.GetByLabel("Your concern").FillAsync(text);
        await Page.GetByLabel("board", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Seal and send" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#concern-receipt")).ToBeVisibleAsync(new() { Timeout = 20000 });
        await Assertions.Expect(Page.Locator("#receipt-recipients")).Not.ToContainTextAsync("bea");
        return (await Page.Locator("#receipt-text").TextContentAsync())!;
    }

    /// <summary>tess and uma receive concerns (uma outside the line); bea, on the board, is the escalation tier.</summary>
    private async Task EnsureChannelAsync()
    {
        await SetUp.WaitAsync();
        try
        {
            if (Recipients.Count > 0)
            {
                return;
            }

            using var admin = Server.Api(Server.AdminToken);
            foreach (var (name, roles) in new[] { ("tess", new[] { "concern-recipient" }), ("uma", ["concern-recipient"]), ("bea", ["concern-recipient", "board"]) })
            {
                var (token, _) = await Server.CreateUserAsync(name, roles);
                var key = ConcernKeyPair.Generate();
                Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/concerns/recipient-keys", new { user = name, publicKey = key.PublicKey.Export() })).StatusCode);
                Recipients[name] = (token, key);
            }

            var routing = await admin.PutAsJsonAsync("/api/v1/concerns/routing", new
            {
                recipients = new object[] { new { user = "tess", outsideLine = false }, new { user = "uma", outsideLine = true } },
                tiers = new object[] { new { name = "board-committee", recipients = new[] { "bea" } } },
            });
            Assert.Equal(HttpStatusCode.OK, routing.StatusCode);
        }
        finally
        {
            SetUp.Release();
        }
    }

    private async Task<JsonElement> ConcernWithTextAsync(string recipient, string text)
    {
        using var api = Server.Api(Recipients[recipient].Token);
        foreach (var concern in JsonDocument.Parse(await api.GetStringAsync("/api/v1/concerns/inbox")).RootElement.EnumerateArray())
        {
            var opened = Parse(concern.GetProperty("envelope")).Open(Recipients[recipient].Key);
            Assert.True(opened.IsOpened, opened.Message);
            Assert.True(ConcernReport.TryRead(opened.Content, out var report, out var error), error);
            if (report.Text == text)
            {
                return concern;
            }
        }

        throw new Xunit.Sdk.XunitException($"No concern routed to {recipient} opens to the text sealed in the browser.");
    }

    private static ConcernEnvelope SealReply(JsonElement concern, ConcernKeyPair key, string text)
    {
        Assert.True(ConcernReport.TryRead(Parse(concern.GetProperty("envelope")).Open(key).Content, out var report, out _));
        var keys = concern.GetProperty("recipients").EnumerateArray().Select(r => ConcernPublicKey.Import(r.GetProperty("publicKey").GetString()!));
        return ConcernEnvelope.Seal(new ConcernMessage(text).ToBytes(), [.. keys, report.ReplyKey]);
    }

    private static ConcernEnvelope Parse(JsonElement json)
    {
        Assert.True(ConcernEnvelope.TryParse(json, out var envelope, out var error), error);
        return envelope;
    }
}
