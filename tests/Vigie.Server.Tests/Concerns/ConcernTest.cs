using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigie.Core.Concerns;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Concerns;

/// <summary>
/// Helpers for concern tests: recipients with key pairs made here (as `vigie keys generate`
/// would), routing, and a reporter that seals on "their own machine" with the Core code.
/// </summary>
public abstract class ConcernTest : ServerTest
{
    protected sealed record Recipient(string Name, string Token, ConcernKeyPair Key);

    protected sealed record Reporter(ConcernReceipt Receipt, ConcernReporterKeys Keys, JsonElement Filed)
    {
        public object Credentials => new { locator = Keys.Locator, access = Keys.AccessBase64 };
    }

    protected Dictionary<string, Recipient> Recipients { get; } = [];

    /// <summary>Concerns enter the log when filed here; ConcernBatchTests covers holding them for a batch.</summary>
    protected override void ConfigureServer(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("Vigie:Concerns:BatchFilings", BatchFilings ? "true" : "false");

    /// <summary>Whether the suite's servers hold filings for a batch (the production default) or append them at once.</summary>
    protected virtual bool BatchFilings => false;

    /// <summary>alice and bob on the first line (bob outside the safety officer's line, alice a safety officer); carol, on the board, as the escalation tier.</summary>
    protected async Task SetUpChannelAsync(string zone = "UTC")
    {
        var admin = Factory.Admin();
        await AddRecipientAsync(admin, "alice", "concern-recipient", "safety-officer");
        await AddRecipientAsync(admin, "bob", "concern-recipient");
        await AddRecipientAsync(admin, "carol", "concern-recipient", "board");
        var response = await admin.PutAsJsonAsync("/api/v1/concerns/routing", new
        {
            recipients = new object[] { new { user = "alice", outsideLine = false }, new { user = "bob", outsideLine = true } },
            tiers = new object[] { new { name = "board-committee", recipients = new[] { "carol" } } },
            zone,
            externalChannels = new object[] { new { name = "EU AI Office", url = "https://example.org/ai-office" } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected async Task<Recipient> AddRecipientAsync(HttpClient admin, string name, params string[] roles)
    {
        var token = await CreateUserAsync(admin, name, roles);
        var key = ConcernKeyPair.Generate();
        var response = await admin.PostAsJsonAsync("/api/v1/concerns/recipient-keys", new { user = name, publicKey = key.PublicKey.Export() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Recipients[name] = new Recipient(name, token, key);
    }

    /// <summary>Fetches the recipients, seals the report to them and to the reporter's reply key, and files it.</summary>
    protected async Task<Reporter> FileAsync(string text, string[]? about = null, HttpClient? client = null)
    {
        client ??= Factory.CreateClient();
        var query = string.Concat((about ?? []).Select((r, i) => (i == 0 ? "?" : "&") + "about=" + r));
        var recipients = await ReadJsonAsync(await client.GetAsync("/api/v1/concerns/recipients" + query));
        var keys = recipients.GetProperty("recipients").EnumerateArray().Select(r => ConcernPublicKey.Import(r.GetProperty("publicKey").GetString()!)).ToList();
        var receipt = ConcernReceipt.Generate();
        var reporterKeys = ConcernReporterKeys.FromReceipt(receipt);
        var report = new ConcernReport(text, reporterKeys.ReplyKey.PublicKey, []);
        var envelope = ConcernEnvelope.Seal(report.ToBytes(), [.. keys, reporterKeys.ReplyKey.PublicKey]);
        var response = await PostFileAsync(client, envelope, reporterKeys, about);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new Reporter(receipt, reporterKeys, await ReadJsonAsync(response));
    }

    protected static Task<HttpResponseMessage> PostFileAsync(HttpClient client, ConcernEnvelope envelope, ConcernReporterKeys keys, string[]? about = null) =>
        client.PostAsync("/api/v1/concerns", new StringContent(
            $$"""{"envelope":{{envelope.ToJson()}},"locator":"{{keys.Locator}}","access":"{{keys.AccessBase64}}","about":{{JsonSerializer.Serialize(about ?? [])}}}""",
            Encoding.UTF8, "application/json"));

    protected async Task<JsonElement> StatusAsync(Reporter reporter)
    {
        var response = await Factory.CreateClient().PostAsJsonAsync("/api/v1/concerns/status", reporter.Credentials);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    protected async Task<JsonElement> InboxAsync(string recipient) =>
        await ReadJsonAsync(await Factory.CreateClient(Recipients[recipient].Token).GetAsync("/api/v1/concerns/inbox"));

    /// <summary>Opens the concern's report as a recipient, then seals <paramref name="text"/> to the reporter and every recipient.</summary>
    protected static ConcernEnvelope SealReply(JsonElement concernView, ConcernKeyPair recipientKey, string text)
    {
        var envelope = Envelope(concernView.GetProperty("envelope"));
        var opened = envelope.Open(recipientKey);
        Assert.True(opened.IsOpened, opened.Message);
        Assert.True(ConcernReport.TryRead(opened.Content, out var report, out var error), error);
        var keys = concernView.GetProperty("recipients").EnumerateArray().Select(r => ConcernPublicKey.Import(r.GetProperty("publicKey").GetString()!));
        return ConcernEnvelope.Seal(new ConcernMessage(text).ToBytes(), [.. keys, report.ReplyKey]);
    }

    protected static ConcernEnvelope Envelope(JsonElement json)
    {
        Assert.True(ConcernEnvelope.TryParse(json, out var envelope, out var error), error);
        return envelope;
    }

    protected static string OpenMessage(JsonElement envelopeJson, ConcernKeyPair key)
    {
        var opened = Envelope(envelopeJson).Open(key);
        Assert.True(opened.IsOpened, opened.Message);
        Assert.True(ConcernMessage.TryRead(opened.Content, out var message, out var error), error);
        return message.Text;
    }

    protected static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}
