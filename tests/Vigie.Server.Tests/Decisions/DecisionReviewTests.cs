using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Vigie.Server.Features.Decisions;
using Xunit;

namespace Vigie.Server.Tests.Decisions;

/// <summary>Board reversal at the edges of the review window, on the server's own clock.</summary>
public abstract class DecisionReviewTests : DecisionTest
{
    [Fact]
    public async Task BoardReversal_InsideTheWindow_IsRecorded_AndTheApprovalNoLongerCounts()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await UseClockAsync(time);
        await SetUpAsync();
        var id = await OpenAsync("alias-move");
        var closed = (await SignOkAsync(id, "eve")).GetProperty("decision");
        Assert.Equal("2026-05-15T12:00:00.000Z", closed.GetProperty("review").GetProperty("closesAt").GetString());

        time.Advance(TimeSpan.FromDays(14));
        var reversed = await PostAsync(Person("bo"), $"/api/v1/decisions/{id}/reversal",
            new { reason = "The alias was moved before the red team finished." }, HttpStatusCode.Created);

        var decision = reversed.GetProperty("decision");
        Assert.Equal("reversed", decision.GetProperty("status").GetString());
        Assert.Equal("The alias was moved before the red team finished.", decision.GetProperty("reversal").GetProperty("reason").GetString());
        Assert.Null(await app.Service<DecisionQueries>().FindApprovedAsync(System, Version, "alias-move", CancellationToken.None));
    }

    [Fact]
    public async Task BoardReversal_AfterTheWindow_IsRefused_WithWhenItClosed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await UseClockAsync(time);
        await SetUpAsync();
        var id = await OpenAsync("alias-move");
        await SignOkAsync(id, "eve");

        time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMilliseconds(1));
        var detail = await RefusedAsync(() => Person("bo").PostAsJsonAsync($"/api/v1/decisions/{id}/reversal", new { reason = "Too late." }),
            HttpStatusCode.Conflict);

        Assert.Contains("closed at 2026-05-15 12:00:00 UTC (14 days after its approval)", detail);
        Assert.NotNull(await app.Service<DecisionQueries>().FindApprovedAsync(System, Version, "alias-move", CancellationToken.None));
        Assert.Contains("belongs to board", await RefusedAsync(() => Person("eve").PostAsJsonAsync($"/api/v1/decisions/{id}/reversal", new { reason = "x" }),
            HttpStatusCode.Forbidden));
    }
}

public sealed class DecisionReviewTestsOnSqlite : DecisionReviewTests
{
    protected override bool UsePostgres => false;
}

public sealed class DecisionReviewTestsOnPostgres : DecisionReviewTests
{
    protected override bool UsePostgres => true;
}
