using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Impact;

/// <summary>Impact suites run on a fake clock starting 2026-03-01 10:00 UTC, so due dates are exact.</summary>
public abstract class ImpactTest : ServerTest
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected async Task StartOnClockAsync() => await RestartAsync(Clock);

    protected async Task<JsonElement> PostOkAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    protected async Task RegisterAsync(HttpClient admin, string system = "atlas", string version = "1.0", string visibility = "internal", string? baseVersion = null)
    {
        if ((await admin.GetAsync($"/api/v1/systems/{system}")).StatusCode == HttpStatusCode.NotFound)
        {
            await PostOkAsync(admin, "/api/v1/systems", new { name = system, owner = "Research", purpose = "Assistant", visibility });
        }

        await PostOkAsync(admin, $"/api/v1/systems/{system}/versions", new { version, visibility, baseVersion }, HttpStatusCode.Created);
    }

    protected Task<JsonElement> RunAsync(HttpClient admin, string version, string run, double flop, double? hours = null, string system = "atlas") =>
        PostOkAsync(admin, $"/api/v1/systems/{system}/versions/{version}/training-runs",
            new { run, startedOn = "2026-01-05", acceleratorHours = hours, computeFlop = flop }, HttpStatusCode.OK);

    protected static JsonElement Obligation(JsonElement view, string id) =>
        view.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("id").GetString() == id);

    protected static bool Applies(JsonElement view, string regime) =>
        view.GetProperty("regimes").EnumerateArray().Single(r => r.GetProperty("id").GetString() == regime).GetProperty("applies").GetBoolean();
}
