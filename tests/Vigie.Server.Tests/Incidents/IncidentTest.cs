using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Incidents;

/// <summary>Helpers for incident tests: a server on a fake clock, systems with recorded training compute, and the register's API.</summary>
public abstract class IncidentTest : ServerTest
{
    protected FakeTimeProvider Clock { get; private set; } = new();

    /// <summary>
    /// Restarts the server on <see cref="Clock"/>, set to <paramref name="now"/>; the background
    /// retention check stays off unless asked for, and then ticks every 40 days: a fake clock that
    /// jumps years fires a periodic timer once per period it skips. The concern clock check is off.
    /// </summary>
    protected async Task StartAsync(DateTimeOffset now, string zone = "UTC", bool retentionInBackground = false, int recordYears = 5)
    {
        Clock = new FakeTimeProvider(now);
        await RestartAsync(Clock, b =>
        {
            b.UseSetting("Vigie:Incidents:TimeZone", zone);
            b.UseSetting("Vigie:Incidents:RetentionCheckMinutes", retentionInBackground ? (60 * 24 * 40).ToString(System.Globalization.CultureInfo.InvariantCulture) : "0");
            b.UseSetting("Vigie:Concerns:ClockCheckMinutes", "0");
            b.UseSetting("Vigie:Incidents:RecordYears", recordYears.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    protected async Task<JsonElement> OpenAsync(object body, HttpClient? client = null)
    {
        var response = await (client ?? Factory.Admin()).PostAsJsonAsync("/api/v1/incidents", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await ReadJsonAsync(response);
        Assert.Equal($"/api/v1/incidents/{created.GetProperty("incident").GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return created.GetProperty("incident");
    }

    protected async Task<JsonElement> DetailAsync(string id, HttpClient? client = null)
    {
        var response = await (client ?? Factory.Admin()).GetAsync($"/api/v1/incidents/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    /// <summary>A request that must be refused with <paramref name="status"/>, writing nothing; returns the problem's detail.</summary>
    protected async Task<string> RefusedAsync(HttpStatusCode status, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var size = TreeSize;
        var response = await send(Factory.Admin());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(size, TreeSize);
        return JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
    }

    protected static Dictionary<string, JsonElement> Deadlines(JsonElement incident) =>
        incident.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("obligation").GetString()!);

    protected static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>Registers a system with one version trained with <paramref name="flop"/> (and, when given, a fine-tune on top of it).</summary>
    protected async Task RegisterSystemAsync(string system, double flop, double? fineTuneFlop = null)
    {
        var admin = Factory.Admin();
        await PostAsync(admin, "/api/v1/systems", new { name = system, owner = "Research", purpose = "Assistant", visibility = "internal" });
        await PostAsync(admin, $"/api/v1/systems/{system}/versions", new { version = "1.0", kind = "model", visibility = "internal" });
        await PostAsync(admin, $"/api/v1/systems/{system}/versions/1.0/training-runs", new { run = "pretrain", startedOn = "2026-01-04", computeFlop = flop });
        if (fineTuneFlop is { } ft)
        {
            await PostAsync(admin, $"/api/v1/systems/{system}/versions", new { version = "1.1-ft", kind = "fine-tune", baseVersion = $"{system}@1.0", visibility = "internal" });
            await PostAsync(admin, $"/api/v1/systems/{system}/versions/1.1-ft/training-runs", new { run = "rl", startedOn = "2026-02-01", computeFlop = ft });
        }
    }

    protected static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    protected static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, object body) =>
        client.PatchAsJsonAsync($"/api/v1/incidents/{id}", body);
}
