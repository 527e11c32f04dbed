using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Decisions;

/// <summary>
/// What decision tests share: a shipped charter adopted, people in the charter's roles, and a
/// public system version with one piece of public evidence.
/// </summary>
public abstract class DecisionTest : ServerTest
{
    protected const string System = "atlas";
    protected const string Version = "1.0";

    private readonly Dictionary<string, HttpClient> _people = new(StringComparer.Ordinal);
    private VigieFactory? _clocked;

    /// <summary>The server under test: the suite's, or one on a controlled clock (<see cref="UseClockAsync"/>).</summary>
    protected VigieFactory App => _clocked ?? Factory;

    /// <summary>Restarts the server on the same (still empty) store with <paramref name="time"/> as its clock; dispose it at the end of the test.</summary>
    protected async Task<VigieFactory> UseClockAsync(TimeProvider time)
    {
        await Factory.DisposeAsync();
        _clocked = new VigieFactory(Store, time);
        _ = _clocked.Server;
        return _clocked;
    }

    private long Size => App.Service<Vigie.Server.Ledger.Ledger>().Tree.Size;

    protected HttpClient Person(string name) => _people[name];

    public static string Preset(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "presets", "charters", file));
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Vigie.slnx) is not above the test binaries.");
    }

    /// <summary>Adopts a preset, creates the people, registers atlas 1.0 with public evidence.</summary>
    protected async Task SetUpAsync(string preset = "preparedness-style.yaml")
    {
        var admin = App.Admin();
        await PostAsync(admin, "/api/v1/charters", new { yaml = Preset(preset) }, HttpStatusCode.Created);
        foreach (var (name, role) in new[]
        {
            ("ada", "advisory-group"), ("bea", "advisory-group"), ("cal", "advisory-group"), ("eve", "executive"), ("ed", "executive"),
            ("bo", "board"), ("bob", "board"), ("rso", "safety-officer"), ("max", "member"), ("olga", "member"), ("audrey", "auditor"),
        })
        {
            _people[name] = App.CreateClient(await CreateUserAsync(admin, name, role));
        }

        await PostAsync(admin, "/api/v1/systems", new { name = System, owner = "Research", purpose = "General assistant", visibility = "public" }, HttpStatusCode.Created);
        await PostAsync(admin, $"/api/v1/systems/{System}/versions", new { version = Version, visibility = "public" }, HttpStatusCode.Created);
        await RecordAboutVersionAsync("eval-cyber.json");
    }

    protected Task<JsonElement> RecordAboutVersionAsync(string name, string visibility = "public") =>
        PostAsync(App.Admin(), "/api/v1/evidence", new { sha256 = RandomSha256(), name, subject = $"{System}@{Version}", visibility }, HttpStatusCode.Created);

    protected async Task<string> OpenAsync(string type = "deploy-external", string by = "olga", string? visibility = null)
    {
        var opened = await PostAsync(Person(by), "/api/v1/decisions",
            new { type, system = System, version = Version, title = $"{type} {System} {Version}", visibility }, HttpStatusCode.Created);
        return opened.GetProperty("id").GetString()!;
    }

    protected async Task<JsonElement> GetAsync(string id, HttpClient? client = null) =>
        await ReadJsonAsync(await (client ?? App.Admin()).GetAsync($"/api/v1/decisions/{id}"));

    protected async Task<string> DigestAsync(string id) => (await GetAsync(id)).GetProperty("snapshot").GetProperty("digest").GetString()!;

    /// <summary>Signs on the evidence the decision currently shows, as the CLI and the page do.</summary>
    protected async Task<HttpResponseMessage> SignAsync(string id, string who, string verdict = "approve", string? justification = null, string? digest = null) =>
        await Person(who).PostAsJsonAsync($"/api/v1/decisions/{id}/sign-offs",
            new { verdict, snapshotDigest = digest ?? await DigestAsync(id), comment = "Reviewed the evaluations.", justification });

    protected async Task<JsonElement> SignOkAsync(string id, string who, string verdict = "approve", string? justification = null)
    {
        var response = await SignAsync(id, who, verdict, justification);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    /// <summary>The problem detail of a refused request, after checking its status and that nothing was written.</summary>
    protected async Task<string> RefusedAsync(Func<Task<HttpResponseMessage>> request, HttpStatusCode status)
    {
        var size = Size;
        var response = await request();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal(size, Size);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    protected async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    protected static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(25);
        }
    }

    protected static IEnumerable<string> SignOffStatuses(JsonElement decision) =>
        decision.GetProperty("signOffs").EnumerateArray().Select(s => $"{s.GetProperty("signer").GetString()}:{s.GetProperty("status").GetString()}");
}
