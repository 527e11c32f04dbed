using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigie.Core.Governance;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Risk;

/// <summary>
/// What risk tests share: a charter where one safety officer decides everything (so a framework
/// change is one sign-off), a framework in force through its framework-change decision, a system
/// with versions and training compute, and evaluation imports.
/// </summary>
public abstract class RiskTest : ServerTest
{
    protected const string System = "atlas";

    protected HttpClient Admin => Factory.Admin();

    protected HttpClient Officer { get; private set; } = null!;

    public static string TestCharter()
    {
        var text = new StringBuilder("charter: one-officer\nversion: 1\ntitle: One safety officer decides\nconflict-of-interest: { opener-recused: false }\ndecisions:\n");
        foreach (var type in DecisionTypes.All)
        {
            text.Append("  ").Append(type).Append(": { stages: [ { name: officer, role: safety-officer, quorum: 1 of 1 } ] }\n");
        }

        return text.ToString();
    }

    public static string Repo(params string[] path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return Path.Combine([dir.FullName, .. path]);
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }

    public static string PresetFramework(string file) => File.ReadAllText(Repo("presets", "frameworks", file));

    /// <summary>The charter (<see cref="TestCharter"/> unless another is given), the officer, and (unless told not to) the preparedness-style framework in force.</summary>
    protected async Task SetUpAsync(string? framework = "preparedness-style.yaml", string? charter = null)
    {
        await PostAsync(Admin, "/api/v1/charters", new { yaml = charter ?? TestCharter() }, HttpStatusCode.Created);
        Officer = Factory.CreateClient(await CreateUserAsync(Admin, "rso", "safety-officer"));
        if (framework is not null)
        {
            await AdoptFrameworkAsync(PresetFramework(framework));
        }
    }

    /// <summary>Proposes a framework and approves its framework-change decision; returns the decision id.</summary>
    protected async Task<string> AdoptFrameworkAsync(string yaml)
    {
        var proposed = await PostAsync(Officer, "/api/v1/frameworks/proposals", new { yaml }, HttpStatusCode.Created);
        var decision = proposed.GetProperty("decision").GetString()!;
        await ApproveAsync(decision);
        return decision;
    }

    protected async Task ApproveAsync(string decision)
    {
        var detail = await ReadJsonAsync(await Admin.GetAsync($"/api/v1/decisions/{decision}"));
        var digest = detail.GetProperty("snapshot").GetProperty("digest").GetString();
        var signed = await Officer.PostAsJsonAsync($"/api/v1/decisions/{decision}/sign-offs", new { verdict = "approve", snapshotDigest = digest, comment = "Reviewed." });
        Assert.True(signed.StatusCode == HttpStatusCode.Created, await signed.Content.ReadAsStringAsync());
    }

    protected async Task VersionAsync(string version, double? computeFlop, string? endedOn = null, string visibility = "internal")
    {
        if ((await Admin.GetAsync($"/api/v1/systems/{System}")).StatusCode == HttpStatusCode.NotFound)
        {
            await PostAsync(Admin, "/api/v1/systems", new { name = System, owner = "Research", visibility = "public" }, HttpStatusCode.Created);
        }

        await PostAsync(Admin, $"/api/v1/systems/{System}/versions", new { version, visibility }, HttpStatusCode.Created);
        if (computeFlop is not null)
        {
            await PostAsync(Admin, $"/api/v1/systems/{System}/versions/{version}/training-runs",
                new { run = "pretrain", startedOn = endedOn ?? "2026-01-01", endedOn, computeFlop }, HttpStatusCode.OK);
        }
    }

    protected Task<HttpResponseMessage> ImportAsync(string version, byte[] bytes, string name, string query = "", HttpClient? client = null)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return (client ?? Admin).PostAsync($"/api/v1/systems/{System}/versions/{version}/evaluations?name={Uri.EscapeDataString(name)}{query}", content);
    }

    protected async Task<JsonElement> ImportOkAsync(string version, string csv, string name = "results.csv", string query = "")
    {
        var response = await ImportAsync(version, Encoding.UTF8.GetBytes(csv), name, query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement;
    }

    protected async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The problem detail of a refused request, after checking its status and that nothing was written.</summary>
    protected async Task<string> RefusedAsync(Func<Task<HttpResponseMessage>> request, HttpStatusCode status)
    {
        var size = TreeSize;
        var response = await request();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal(size, TreeSize);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    protected async Task<JsonElement> GetJsonAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? Admin).GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    protected static JsonElement Category(JsonElement scorecard, string id) =>
        scorecard.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
}
