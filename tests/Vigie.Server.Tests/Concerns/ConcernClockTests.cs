using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Vigie.Server.Features.Concerns;
using Xunit;

namespace Vigie.Server.Tests.Concerns;

public abstract class ConcernClockTests : ConcernTest
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 15, 42, 17, TimeSpan.Zero));

    /// <summary>The background check is off unless a test is about it, so explicit runs do not race it.</summary>
    private async Task StartWithFakeClockAsync(bool background = false)
    {
        await RestartAsync(clock, b => b.UseSetting("Vigie:Concerns:ClockCheckMinutes", background ? "60" : "0"));
        await SetUpChannelAsync();
    }

    [Fact]
    public async Task Clocks_FollowTheDirectiveAndSb53_FromTheReceivedDay()
    {
        await StartWithFakeClockAsync();
        var reporter = await FileAsync("Text");
        var clocks = (await StatusAsync(reporter)).GetProperty("clocks").EnumerateArray().ToDictionary(c => c.GetProperty("obligation").GetString()!);

        Assert.Equal("2026-03-02", reporter.Filed.GetProperty("receivedOn").GetString());
        Assert.Equal("2026-03-09", clocks["eu-directive-2019-1937/acknowledgement"].GetProperty("dueDate").GetString());
        Assert.Equal("2026-06-09", clocks["eu-directive-2019-1937/feedback"].GetProperty("dueDate").GetString());
        Assert.Equal("2026-04-02", clocks["sb53/discloser-status-update"].GetProperty("dueDate").GetString());
        Assert.All(clocks.Values, c => Assert.Equal("due", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task MissedAcknowledgement_EscalatesOnce_ToTheBoardCommittee_WhoThenReadsIt()
    {
        await StartWithFakeClockAsync();
        var reporter = await FileAsync("Text");
        var check = Factory.Service<ConcernClockCheck>();
        clock.Advance(TimeSpan.FromDays(7)); // 9 March, still the last day
        Assert.Equal(0, await check.RunOnceAsync(CancellationToken.None));
        Assert.Empty((await InboxAsync("carol")).EnumerateArray());

        clock.Advance(TimeSpan.FromDays(1)); // 10 March: late
        Assert.Equal(1, await check.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await check.RunOnceAsync(CancellationToken.None));

        var status = await StatusAsync(reporter);
        var escalated = status.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("step").GetString() == "escalated");
        Assert.Equal("board-committee", escalated.GetProperty("tier").GetString());
        Assert.Equal("eu-directive-2019-1937/acknowledgement", escalated.GetProperty("obligation").GetString());
        Assert.Equal("2026-03-10", escalated.GetProperty("on").GetString());
        var carol = Assert.Single((await InboxAsync("carol")).EnumerateArray());
        Assert.True(Envelope(carol.GetProperty("envelope")).Open(Recipients["carol"].Key).IsOpened);

        var stats = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/concerns/stats"));
        Assert.Equal(1, stats.GetProperty("acknowledgement").GetProperty("overdue").GetInt32());
        Assert.Equal(1, stats.GetProperty("missedClocks").GetInt32());

        // Acknowledging late is recorded as late.
        var id = carol.GetProperty("concern").GetString();
        Assert.Equal(HttpStatusCode.Created, (await Factory.CreateClient(Recipients["bob"].Token).PostAsync($"/api/v1/concerns/{id}/acknowledge", JsonBody("{}"))).StatusCode);
        stats = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/concerns/stats"));
        Assert.Equal(1, stats.GetProperty("acknowledgement").GetProperty("late").GetInt32());
    }

    [Fact]
    public async Task MonthsWithoutUpdates_EscalateEachMissedMonth_AndFeedback()
    {
        await StartWithFakeClockAsync();
        await FileAsync("Text");
        var id = Assert.Single((await InboxAsync("bob")).EnumerateArray()).GetProperty("concern").GetString();
        Assert.Equal(HttpStatusCode.Created, (await Factory.CreateClient(Recipients["bob"].Token).PostAsync($"/api/v1/concerns/{id}/acknowledge", JsonBody("{}"))).StatusCode);

        clock.Advance(TimeSpan.FromDays(100)); // 10 June: updates of 2 April, 2 May and 2 June missed, feedback (2 June) missed
        Assert.Equal(4, await Factory.Service<ConcernClockCheck>().RunOnceAsync(CancellationToken.None));
        var events = Assert.Single((await InboxAsync("carol")).EnumerateArray()).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("step").GetString() == "escalated").Select(e => $"{e.GetProperty("obligation").GetString()} {e.GetProperty("dueDate").GetString()}");
        Assert.Equal(
            ["eu-directive-2019-1937/feedback 2026-06-02", "sb53/discloser-status-update 2026-04-02",
             "sb53/discloser-status-update 2026-05-02", "sb53/discloser-status-update 2026-06-02"],
            events.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheBackgroundCheck_RunsOnTheInjectedClock()
    {
        await StartWithFakeClockAsync(background: true);
        await FileAsync("Text");
        clock.Advance(TimeSpan.FromDays(9));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await InboxAsync("carol")).GetArrayLength() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The background clock check did not escalate after the fake clock moved.");
            await Task.Delay(50);
        }
    }
}

public sealed class ConcernClockTestsOnSqlite : ConcernClockTests
{
    protected override bool UsePostgres => false;
}

public sealed class ConcernClockTestsOnPostgres : ConcernClockTests
{
    protected override bool UsePostgres => true;
}
