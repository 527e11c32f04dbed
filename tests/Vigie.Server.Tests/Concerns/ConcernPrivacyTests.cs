using System.Net;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Vigie.Server.Features.Concerns;
using Vigie.Server.Storage;
using Xunit;

namespace Vigie.Server.Tests.Concerns;

/// <summary>Issue 7: "a test proves the database and the logs hold none of the submitting client's identifying data".</summary>
public abstract class ConcernPrivacyTests : ConcernTest
{
    /// <summary>As in production: a new concern waits in the batch queue, which is stored too and must hold nothing identifying.</summary>
    protected override bool BatchFilings => true;

    private const string UserAgent = "Mozilla/5.0 (X11; Linux) LeakProbe/7.3-zq81";
    private const string ForwardedFor = "203.0.113.77";
    private const string CookieValue = "tracker=cookie-5521-xq";
    private const string Language = "x-leakprobe-lang";

    [Fact]
    public async Task Submission_AndFollowUp_LeaveNoIdentifyingDataInTheDatabaseOrTheLogs()
    {
        var logs = new CapturedLogs();
        await RestartAsync(configure: b =>
        {
            b.UseSetting("Logging:LogLevel:Default", "Trace");
            // The server pins Microsoft.AspNetCore at Warning in code; an operator can still open its parts.
            foreach (var category in new[] { "Hosting.Diagnostics", "Routing", "Server", "HttpLogging", "Http", "Diagnostics", "Components" })
            {
                b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore." + category, "Trace");
            }

            b.ConfigureLogging(l => l.AddProvider(logs));
        });
        await SetUpChannelAsync();

        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-For", ForwardedFor);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Real-IP", ForwardedFor);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Forwarded", $"for={ForwardedFor}");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", CookieValue);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", Language);
        var reporter = await FileAsync("Something is wrong", client: client);
        var status = await client.PostAsync("/api/v1/concerns/status", JsonBody(
            $$"""{"locator":"{{reporter.Keys.Locator}}","access":"{{reporter.Keys.AccessBase64}}"}"""));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.False(status.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", status.Headers.CacheControl?.ToString());
        // An ordinary request is logged, so the capture works and the silence below means something.
        await client.GetAsync("/api/v1/log/checkpoint");
        Assert.Contains("/api/v1/log/checkpoint", logs.Text);

        var stored = await EverythingStoredAsync(reporter.Filed.GetProperty("concern").GetString()!);
        foreach (var probe in new[] { UserAgent, "LeakProbe", ForwardedFor, "cookie-5521", Language, reporter.Keys.AccessBase64, reporter.Receipt.DisplayText })
        {
            Assert.DoesNotContain(probe, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(probe, logs.Text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("/api/v1/concerns", logs.Text.Replace("/api/v1/concerns/routing", "").Replace("/api/v1/concerns/recipient-keys", ""));
        Assert.DoesNotContain(reporter.Keys.Locator, logs.Text);
    }

    [Fact]
    public async Task ReporterRoutes_AreRateLimited_ByOneGlobalBucket()
    {
        await RestartAsync(configure: b =>
        {
            b.UseSetting("Vigie:Concerns:ReceiptCheckBurst", "2");
            b.UseSetting("Vigie:Concerns:ReceiptChecksPerMinute", "1");
        });
        await SetUpChannelAsync();
        var body = $$"""{"locator":"ABCDEFGH1","access":"{{Convert.ToBase64String(new byte[32])}}"}""";
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().PostAsync("/api/v1/concerns/status", JsonBody(body))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().PostAsync("/api/v1/concerns/status", JsonBody(body))).StatusCode);
        var third = await Factory.CreateClient().PostAsync("/api/v1/concerns/status", JsonBody(body));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Nothing was recorded", (await ReadJsonAsync(third)).GetProperty("detail").GetString());
    }

    [Fact]
    public void TokenBucket_RefillsOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(2, 0.5, clock);
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(bucket.TryTake());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bucket.TryTake());
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    /// <summary>Every row of every table as text, plus (SQLite) the raw database and WAL files.</summary>
    private async Task<string> EverythingStoredAsync(string concern)
    {
        var database = Factory.Service<Database>();
        var text = new StringBuilder();
        await using var c = await database.OpenAsync();
        var tables = database.Provider == DbProvider.Postgres
            ? await c.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
            : await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'");
        foreach (var table in tables)
        {
            foreach (IDictionary<string, object?> row in await c.QueryAsync($"SELECT * FROM {table}"))
            {
                text.AppendJoin('|', row.Values.Select(v => v is byte[] b ? Encoding.UTF8.GetString(b) : v?.ToString())).AppendLine();
            }
        }

        Assert.Contains(concern, text.ToString()); // the scan reaches where the concern is kept
        foreach (var file in Directory.GetFiles(Store.DataDirectory, "vigie.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }
}

public sealed class ConcernPrivacyTestsOnSqlite : ConcernPrivacyTests
{
    protected override bool UsePostgres => false;
}

public sealed class ConcernPrivacyTestsOnPostgres : ConcernPrivacyTests
{
    protected override bool UsePostgres => true;
}
