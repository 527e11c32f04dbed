using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Vigie.Server.Tests.Risk;

public abstract class ForecastApiTests : RiskTest
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>logit(score) = −4 + 0.2·(log10 C − 22): a slow, exact trend, far from the next threshold.</summary>
    internal static double Slow(double log10Flop) => 1 / (1 + Math.Exp(-(-4 + 0.2 * (log10Flop - 22))));

    [Fact]
    public async Task TheForecastAndAnEarlyWarning_AppearAsAMoreCapableVersionIsImported()
    {
        await RestartAsync(new FakeTimeProvider(Now));
        await SetUpAsync();
        await VersionAsync("0.1", 1e22, "2025-01-01");
        await ImportOkAsync("0.1", $"task,metric,value\ncybench,accuracy,{Slow(22):R}\n");
        var early = await GetJsonAsync($"/api/v1/systems/{System}/forecast?metric=cybench");
        Assert.Contains("Too few points to fit against compute: 1 version(s)", Cyber(early).GetProperty("summary").GetString());

        await VersionAsync("0.2", 1e23, "2025-07-01");
        await ImportOkAsync("0.2", $"task,metric,value\ncybench,accuracy,{Slow(23):R}\n");
        await VersionAsync("0.3", 1e24, "2026-01-01");
        var third = await ImportOkAsync("0.3", $"task,metric,value\ncybench,accuracy,{Slow(24):R}\n");
        Assert.Equal(0, third.GetProperty("alerts").GetArrayLength());

        var calm = Cyber(await GetJsonAsync($"/api/v1/systems/{System}/forecast?metric=cybench&backtest=true"));
        Assert.False(calm.GetProperty("alert").GetBoolean());
        Assert.Equal(("cybersecurity", "medium"), (calm.GetProperty("next").GetProperty("category").GetString(), calm.GetProperty("next").GetProperty("level").GetString()));
        // The exact line meets logit(0.10) (Medium's 0.15 less its 0.05 margin) at log10 C = 22 + (logit(0.10) + 4) / 0.2.
        var expected = 22 + (Math.Log(0.10 / 0.90) + 4) / 0.2;
        Assert.Equal(expected, Math.Log10(calm.GetProperty("fitCrossingFlop").GetDouble()), 6);
        Assert.Equal(0.2, calm.GetProperty("compute").GetProperty("fit").GetProperty("slope").GetDouble(), 9);

        // A new, more capable version: far above the trend, at twice the compute.
        await VersionAsync("0.4", 2e24, "2026-06-01");
        var fourth = await ImportOkAsync("0.4", "task,metric,value\ncybench,accuracy,0.12\n");
        Assert.Equal(1, fourth.GetProperty("alerts").GetArrayLength());

        var warned = await GetJsonAsync($"/api/v1/systems/{System}/forecast?metric=cybench");
        Assert.True(Cyber(warned).GetProperty("alert").GetBoolean());
        Assert.Equal("high", Cyber(warned).GetProperty("next").GetProperty("level").GetString());
        var alert = warned.GetProperty("alerts").EnumerateArray().Single();
        Assert.Equal(("0.4", "high", "cybersecurity"), (alert.GetProperty("basisVersion").GetString(), alert.GetProperty("level").GetString(), alert.GetProperty("category").GetString()));
        var entry = await GetJsonAsync($"/api/v1/log/entries/{fourth.GetProperty("alerts")[0].GetInt64()}");
        Assert.Equal("forecast.alert/v1", entry.GetProperty("envelope").GetProperty("kind").GetString());

        // Importing the same evidence again raises no second alert.
        var again = await ImportOkAsync("0.4", "task,metric,value\ncybench,accuracy,0.12\n", "again.csv");
        Assert.Equal(0, again.GetProperty("alerts").GetArrayLength());

        var png = await Admin.GetAsync($"/api/v1/systems/{System}/forecast.png?metric=cybench");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        var svg = await Admin.GetStringAsync($"/api/v1/systems/{System}/forecast.svg?metric=cybench");
        Assert.Contains("<svg", svg);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync($"/api/v1/systems/{System}/forecast")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/systems/{System}/forecast?metric=nope")).StatusCode);
    }

    [Fact]
    public async Task EvaluationsDue_FollowTheCadence()
    {
        await RestartAsync(new FakeTimeProvider(Now));
        await SetUpAsync();
        await VersionAsync("1.0", 1e24, "2026-01-01");
        var due = (await GetJsonAsync("/api/v1/evaluations/due")).EnumerateArray().Single();
        Assert.True(due.GetProperty("due").GetBoolean());
        Assert.Contains("No version has had a full evaluation", due.GetProperty("reason").GetString());

        await ImportOkAsync("1.0", "task,metric,value\ncybench,accuracy,0.05\nwmdp_bio,acc,0.3\nwmdp_chem,acc,0.3\nmle_bench,accuracy,0.01\n");
        due = (await GetJsonAsync("/api/v1/evaluations/due")).EnumerateArray().Single();
        Assert.False(due.GetProperty("due").GetBoolean(), due.ToString());
        Assert.Equal(2e24, due.GetProperty("nextDueComputeFlop").GetDouble());

        await VersionAsync("2.0", 2.5e24);
        due = (await GetJsonAsync("/api/v1/evaluations/due")).EnumerateArray().Single();
        Assert.True(due.GetProperty("due").GetBoolean());
        Assert.Contains("2.5x the effective compute of 1.0", due.GetProperty("reason").GetString());
    }

    private static JsonElement Cyber(JsonElement forecast) =>
        forecast.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "cybench / accuracy");
}

public sealed class ForecastApiTestsOnSqlite : ForecastApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class ForecastApiTestsOnPostgres : ForecastApiTests
{
    protected override bool UsePostgres => true;
}
