using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Interop.Tests;

/// <summary>
/// Issue 5, tried as a new user would: the real Inspect logs and lm-eval results imported into a
/// running server, read against a preset framework, a level confirmed with a rationale, and the
/// scorecard in the gate's dossier.
/// </summary>
public sealed class RealEvaluationServerTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("vigie-interop-").FullName;
    private Factory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new Factory(_data);
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private sealed class Factory(string data) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Vigie:DataDirectory", data);
            builder.UseSetting("Vigie:PrintInitialAdminToken", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    private HttpClient Client(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task RealFiles_Imported_ReadAgainstAPreset_Confirmed_AndInTheDossier()
    {
        var admin = Client(File.ReadAllText(Path.Combine(_data, "initial-admin-token")).Trim());
        var charter = new StringBuilder("charter: one-officer\nversion: 1\ntitle: One safety officer decides\nconflict-of-interest: { opener-recused: false }\ndecisions:\n");
        foreach (var type in DecisionTypes.All)
        {
            charter.Append("  ").Append(type).Append(": { stages: [ { name: officer, role: safety-officer, quorum: 1 of 1 } ] }\n");
        }

        await OkAsync(await admin.PostAsJsonAsync("/api/v1/charters", new { yaml = charter.ToString() }), HttpStatusCode.Created);
        var officer = Client((await OkAsync(await admin.PostAsJsonAsync("/api/v1/users", new { name = "rso", roles = new[] { "safety-officer" } }), HttpStatusCode.Created)).GetProperty("token").GetString()!);
        var framework = File.ReadAllText(Path.Combine(RealWorld.Repository, "presets", "frameworks", "preparedness-style.yaml"));
        var decision = (await OkAsync(await officer.PostAsJsonAsync("/api/v1/frameworks/proposals", new { yaml = framework }), HttpStatusCode.Created)).GetProperty("decision").GetString();
        var digest = (await OkAsync(await officer.GetAsync($"/api/v1/decisions/{decision}"), HttpStatusCode.OK)).GetProperty("snapshot").GetProperty("digest").GetString();
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/decisions/{decision}/sign-offs", new { verdict = "approve", snapshotDigest = digest }), HttpStatusCode.Created);

        await OkAsync(await admin.PostAsJsonAsync("/api/v1/systems", new { name = "atlas", owner = "Research" }), HttpStatusCode.Created);
        await OkAsync(await admin.PostAsJsonAsync("/api/v1/systems/atlas/versions", new { version = "1.0" }), HttpStatusCode.Created);
        var files = Directory.GetFiles(RealWorld.PathOf("inspect"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RealWorld.PathOf("lm-eval"), "*.json")).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var imported = await OkAsync(await admin.PostAsync($"/api/v1/systems/atlas/versions/1.0/evaluations?name={Uri.EscapeDataString(Path.GetFileName(file))}", content), HttpStatusCode.Created);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), imported.GetProperty("sha256").GetString());
            var evidence = await OkAsync(await admin.GetAsync($"/api/v1/evidence/{imported.GetProperty("evidence").GetString()}"), HttpStatusCode.OK);
            Assert.Equal(("atlas@1.0", bytes.LongLength), (evidence.GetProperty("subject").GetString(), evidence.GetProperty("size").GetInt64()));
        }

        var listed = await OkAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.0/evaluations"), HttpStatusCode.OK);
        Assert.Equal(files.Count, listed.GetArrayLength());
        var llama = listed.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "v0.4_results_2024-08-25T21-59-12.123082.json");
        Assert.Equal(0.7725549658832449, llama.GetProperty("metrics").EnumerateArray()
            .Single(m => m.GetProperty("variant").GetString() == "strict-match").GetProperty("value").GetDouble());

        // None of these public files measures the preset's tasks: every tracked category is unknown, never low, and says why.
        var card = await OkAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.0/scorecard"), HttpStatusCode.OK);
        var cyber = card.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "cybersecurity");
        Assert.Equal("unknown", cyber.GetProperty("preMitigation").GetString());
        Assert.Contains("No evaluation measured cybench / accuracy", cyber.GetProperty("derived").GetProperty("preReason").GetString());

        await OkAsync(await officer.PostAsJsonAsync("/api/v1/systems/atlas/versions/1.0/scorecard/confirmations", new
        {
            category = "cybersecurity", preMitigation = "low", postMitigation = "low",
            rationale = "An 8B general model; the internal red-team found no exploit uplift (report ev-2).",
        }), HttpStatusCode.Created);
        var dossier = await OkAsync(await admin.GetAsync("/api/v1/gate/dossier?system=atlas&version=1.0&action=deploy-external"), HttpStatusCode.OK);
        var categories = dossier.GetProperty("scorecard").GetProperty("categories").EnumerateArray().ToList();
        var confirmed = categories.Single(c => c.GetProperty("id").GetString() == "cybersecurity");
        Assert.Equal(("low", true, "unknown"), (confirmed.GetProperty("preMitigation").GetString(), confirmed.GetProperty("confirmed").GetBoolean(), confirmed.GetProperty("derivedPreMitigation").GetString()));
        Assert.Equal("unknown", categories.Single(c => c.GetProperty("id").GetString() == "biological-chemical").GetProperty("preMitigation").GetString());
        Assert.Equal(files.Count, dossier.GetProperty("evaluations").EnumerateArray().Count(e => e.GetProperty("id").GetString()!.StartsWith("eval-", StringComparison.Ordinal)));
    }
}
