using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigie.Benchmarks;

/// <summary>
/// What the gate benchmark checks against, set up through the public API as an organisation
/// would: the preparedness-style charter, people in its roles, the policy made active by its
/// decision, and atlas 1.0 with a card, evidence, training compute and an approved deploy-external
/// decision. Returns the token the load uses (a member's).
/// </summary>
internal static class GateSeed
{
    public const string System = "atlas";
    public const string Version = "1.0";

    public static async Task<string> RunAsync(string url, string dataDirectory, string policy)
    {
        var adminToken = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "initial-admin-token"))).Trim();
        using var admin = Client(url, adminToken);
        await PostAsync(admin, "/api/v1/charters", new { yaml = await File.ReadAllTextAsync("presets/charters/preparedness-style.yaml") });
        var people = new Dictionary<string, HttpClient>();
        foreach (var (name, role) in new[] { ("ada", "advisory-group"), ("bea", "advisory-group"), ("eve", "executive"), ("ci", "member") })
        {
            var created = await PostAsync(admin, "/api/v1/users", new { name, roles = new[] { role } });
            people[name] = Client(url, created.GetProperty("token").GetString()!);
        }

        await ApproveAsync(admin, people, (await PostAsync(people["ci"], "/api/v1/policies", new { text = policy })).GetProperty("decision").GetProperty("id").GetString()!);
        await PostAsync(admin, "/api/v1/systems", new { name = System, owner = "Research", visibility = "public" });
        await PostAsync(admin, $"/api/v1/systems/{System}/versions", new { version = Version, visibility = "public", weights = new { sha256 = new string('a', 64) } });
        await PostAsync(admin, $"/api/v1/systems/{System}/versions/{Version}/training-runs", new { run = "pretrain", startedOn = "2026-01-01", computeFlop = 3e24 });
        var card = new StringContent("""{"card":{"model":{"name":"Atlas","license":"apache-2.0","contact":"safety@example.org"},"uses":{"intended":["Assistant"]}},"baseRevision":0}""",
            global::System.Text.Encoding.UTF8, "application/json");
        var put = await admin.PutAsync($"/api/v1/systems/{System}/versions/{Version}/card", card);
        if (!put.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding the card failed: {await put.Content.ReadAsStringAsync()}");
        }
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(admin, "/api/v1/evidence", new { sha256 = Convert.ToHexStringLower(BitConverter.GetBytes(i).Concat(new byte[28]).ToArray()), name = $"eval-{i}.json", subject = $"{System}@{Version}", visibility = "public" });
        }

        await ApproveAsync(admin, people, (await PostAsync(people["ci"], "/api/v1/decisions", new { type = "deploy-external", system = System, version = Version, title = "Ship" })).GetProperty("id").GetString()!);
        var token = people["ci"].DefaultRequestHeaders.Authorization!.Parameter!;
        foreach (var client in people.Values)
        {
            client.Dispose();
        }

        return token;
    }

    private static async Task ApproveAsync(HttpClient admin, Dictionary<string, HttpClient> people, string decision)
    {
        foreach (var who in new[] { "ada", "bea", "eve" })
        {
            var digest = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/decisions/{decision}")).RootElement.GetProperty("snapshot").GetProperty("digest").GetString();
            await PostAsync(people[who], $"/api/v1/decisions/{decision}/sign-offs", new { verdict = "approve", snapshotDigest = digest });
        }
    }

    private static HttpClient Client(string url, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement
            : throw new InvalidOperationException($"Seeding failed at POST {path}: {(int)response.StatusCode} {text}");
    }
}
