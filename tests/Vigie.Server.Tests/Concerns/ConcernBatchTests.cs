using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Vigie.Server.Features.Concerns;
using Vigie.Server.Storage;
using Xunit;

namespace Vigie.Server.Tests.Concerns;

/// <summary>
/// Held filings (ADR 0005 addendum "Time"): a new concern enters the log at a random instant of
/// the next day, so its log position does not date the filing; until then the reporter's receipt
/// shows it held, and nobody else sees it.
/// </summary>
public abstract class ConcernBatchTests : ConcernTest
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 15, 42, 17, TimeSpan.Zero));

    protected override bool BatchFilings => true;

    private async Task StartAsync()
    {
        await RestartAsync(clock, b =>
        {
            b.UseSetting("Vigie:Concerns:ClockCheckMinutes", "0");
            b.UseSetting("Vigie:Concerns:BatchCheckMinutes", "0"); // run by hand below
        });
        await SetUpChannelAsync();
    }

    private async Task<List<(string Concern, DateTimeOffset AppendAt, string ReceivedOn)>> HeldAsync()
    {
        await using var c = await Factory.Service<Database>().OpenAsync();
        return (await c.QueryAsync<(string, string, string)>("SELECT concern_id, append_at, received_on FROM concern_pending"))
            .Select(r => (r.Item1, DateTimeOffset.Parse(r.Item2, System.Globalization.CultureInfo.InvariantCulture), r.Item3)).ToList();
    }

    [Fact]
    public async Task ANewConcern_IsHeld_ThenAppendedAtARandomInstantOfTheNextDay_WithItsDayAndItsClocks()
    {
        await StartAsync();
        var size = TreeSize;
        var first = await FileAsync("Filed in the afternoon");
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 59, 0, TimeSpan.Zero));
        var second = await FileAsync("Filed just before midnight");

        // Nothing is in the log yet; the answer says when it will be, and gives no index.
        Assert.Equal(size, TreeSize);
        Assert.True(first.Filed.GetProperty("pending").GetBoolean());
        Assert.Equal("2026-03-03", first.Filed.GetProperty("entersLogOn").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.Filed.GetProperty("index").ValueKind);
        var held = await HeldAsync();
        Assert.Equal(2, held.Count);
        Assert.All(held, h => Assert.InRange(h.AppendAt, new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 23, 59, 59, 999, TimeSpan.Zero)));
        Assert.All(held, h => Assert.Equal("2026-03-02", h.ReceivedOn));

        // The reporter sees it held; recipients do not see it; an answer waits.
        var status = await StatusAsync(first);
        Assert.Equal("pending", status.GetProperty("status").GetString());
        Assert.Equal("2026-03-03", status.GetProperty("entersLogOn").GetString());
        Assert.Equal("2026-03-09", status.GetProperty("clocks")[0].GetProperty("dueDate").GetString());
        Assert.Empty((await InboxAsync("bob")).EnumerateArray());
        var answer = await Factory.CreateClient().PostAsync("/api/v1/concerns/answers", JsonBody(
            $$$"""{"locator":"{{{first.Keys.Locator}}}","access":"{{{first.Keys.AccessBase64}}}","message":{"version":"x"}}"""));
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Equal(size, TreeSize);

        // At each one's instant it is appended: day-only entry times, the filing day in its body.
        var batch = Factory.Service<ConcernBatch>();
        var earliest = held.Min(h => h.AppendAt);
        clock.SetUtcNow(earliest.AddMilliseconds(-1));
        Assert.Equal(0, await batch.RunOnceAsync(CancellationToken.None));
        clock.SetUtcNow(held.Max(h => h.AppendAt));
        Assert.Equal(2, await batch.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await batch.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await HeldAsync());
        Assert.Equal(size + 4, TreeSize);
        for (var index = size; index < size + 4; index++)
        {
            var entry = await ReadJsonAsync(await Factory.Admin().GetAsync($"/api/v1/log/entries/{index}"));
            Assert.Equal("2026-03-03T00:00:00.000Z", entry.GetProperty("envelope").GetProperty("time").GetString());
        }

        var filed = await StatusAsync(second);
        Assert.Equal("received", filed.GetProperty("status").GetString());
        Assert.Equal("2026-03-02", filed.GetProperty("receivedOn").GetString());
        Assert.Equal("2026-03-09", filed.GetProperty("clocks")[0].GetProperty("dueDate").GetString());
        Assert.Equal(2, filed.GetProperty("proofs").GetProperty("entries").GetArrayLength());
        Assert.Equal(2, (await InboxAsync("bob")).GetArrayLength());
    }

    [Fact]
    public async Task AppendTimes_AreDrawnIndependentlyOfTheFilingTime()
    {
        await StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await FileAsync($"Concern {i}");
        }

        // Filed within the same second, yet spread over the next day: the instant says nothing of the filing.
        var times = (await HeldAsync()).Select(h => h.AppendAt).ToList();
        Assert.Equal(12, times.Distinct().Count());
        Assert.True(times.Max() - times.Min() > TimeSpan.FromHours(6), $"12 draws span only {times.Max() - times.Min()}.");
        await using var c = await Factory.Service<Database>().OpenAsync();
        var columns = Factory.Service<Database>().Provider == DbProvider.Postgres
            ? await c.QueryAsync<string>("SELECT column_name FROM information_schema.columns WHERE table_name = 'concern_pending' ORDER BY column_name")
            : await c.QueryAsync<string>("SELECT name FROM pragma_table_info('concern_pending') ORDER BY name");
        Assert.Equal(["append_at", "concern_id", "filed", "locator", "received", "received_on"], columns);
    }
}

public sealed class ConcernBatchTestsOnSqlite : ConcernBatchTests
{
    protected override bool UsePostgres => false;
}

public sealed class ConcernBatchTestsOnPostgres : ConcernBatchTests
{
    protected override bool UsePostgres => true;
}
