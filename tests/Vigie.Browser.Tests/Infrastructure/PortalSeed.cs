using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Vigie.Browser.Tests.Infrastructure;

/// <summary>
/// Governance to look at, made through the API as people would: the charter, a public system
/// with a model card, a decision signed with a justification, one public and one confidential dissent.
/// </summary>
public static class PortalSeed
{
    public sealed record Seeded(string System, string Decision, long PublicDissentIndex);

    public static async Task<Seeded> SeedAsync(VigieServer server)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var admin = server.Api(server.AdminToken);
        if ((await admin.GetAsync("/api/v1/charters/current")).StatusCode == HttpStatusCode.NotFound)
        {
            await PostAsync(admin, "/api/v1/charters", new { yaml = Charter() });
        }

        var (olga, _) = await server.CreateUserAsync("olga-" + suffix, "member");
        var (ada, _) = await server.CreateUserAsync("ada-" + suffix, "advisory-group");
        var (max, _) = await server.CreateUserAsync("max-" + suffix, "member");
        var (bea, _) = await server.CreateUserAsync("bea-" + suffix, "advisory-group");
        var system = "atlas-" + suffix;
        await PostAsync(admin, "/api/v1/systems", new { name = system, owner = "Research", purpose = "General assistant", visibility = "public" });
        await PostAsync(admin, $"/api/v1/systems/{system}/versions", new { version = "1.0", visibility = "public" });
        await PostAsync(admin, "/api/v1/evidence", new { sha256 = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), name = "eval-cyber.json", subject = $"{system}@1.0", visibility = "public" });
        var card = await admin.PutAsync($"/api/v1/systems/{system}/versions/1.0/card",
            new StringContent("""{"card":{"model":{"name":"Atlas","website":"https://atlas.example"},"training":{"computeFlop":3.8e25}},"baseRevision":0}""", Encoding.UTF8, "application/json"));
        Assert.True(card.IsSuccessStatusCode, await card.Content.ReadAsStringAsync());

        using var opener = server.Api(olga);
        var decision = (await PostAsync(opener, "/api/v1/decisions", new { type = "deploy-external", system, version = "1.0", title = $"Ship {system} 1.0" })).GetProperty("id").GetString()!;
        using var signer = server.Api(ada);
        var digest = JsonDocument.Parse(await signer.GetStringAsync($"/api/v1/decisions/{decision}")).RootElement.GetProperty("snapshot").GetProperty("digest").GetString();
        await PostAsync(signer, $"/api/v1/decisions/{decision}/sign-offs",
            new { verdict = "approve", snapshotDigest = digest, comment = "Reviewed the evaluations.", justification = "Cyber uplift is below the High threshold." });
        using var dissenter = server.Api(max);
        var dissent = await PostAsync(dissenter, $"/api/v1/decisions/{decision}/dissent", new { statement = "The cyber evaluation skipped the agentic setting." });
        using var confidential = server.Api(bea);
        await PostAsync(confidential, $"/api/v1/decisions/{decision}/dissent",
            new { statement = "Customer Z's use case was never evaluated.", confidentialReason = "It names a customer under NDA." });
        return new Seeded(system, decision, dissent.GetProperty("index").GetInt64());
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string Charter()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "presets", "charters", "preparedness-style.yaml"));
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Vigie.slnx) is not above the test binaries.");
    }
}
