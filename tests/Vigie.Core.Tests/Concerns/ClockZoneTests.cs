using Vigie.Core.Concerns;
using Xunit;
using static Vigie.Core.Tests.Concerns.ClockTime;

namespace Vigie.Core.Tests.Concerns;

public sealed class ClockZoneTests
{
    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    public void Parse_Utc_IsTheDefaultZone(string id)
    {
        Assert.Same(ClockZone.Utc, ClockZone.Parse(id));
    }

    [Fact]
    public void Parse_AnIanaZone_CountsDaysThere()
    {
        var tokyo = ClockZone.Parse("Asia/Tokyo");

        Assert.Equal("Asia/Tokyo", tokyo.Id);
        Assert.Equal(Day("2026-03-03"), tokyo.DateOf(At("2026-03-02T15:00:00Z")));
        Assert.Equal(At("2026-03-03T00:00:00+09:00"), tokyo.StartOfDay(Day("2026-03-03")));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("CET")]
    [InlineData("Romance Standard Time")]
    [InlineData("Mars/Olympus_Mons")]
    public void TryParse_RefusesWhatIsNotAnIanaZone(string? id)
    {
        Assert.False(ClockZone.TryParse(id, out var zone, out var error));
        Assert.Null(zone);
        Assert.Contains("IANA", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StartOfDay_WhenMidnightIsSkipped_IsTheFirstTimeThatExists()
    {
        // A made-up zone (UTC-5) that springs forward from 00:00 to 01:00 on 8 March 2026 and
        // falls back from 01:00 to 00:00 on 1 November 2026, as Cuba does.
        var zone = ClockZone.FromTimeZone("Test/Midnight", MidnightDstZone());

        Assert.Equal(At("2026-03-08T01:00:00-04:00"), zone.StartOfDay(Day("2026-03-08")));
        Assert.Equal(At("2026-03-07T00:00:00-05:00"), zone.StartOfDay(Day("2026-03-07")));

        // Midnight happens twice on 1 November: the day starts at the first one.
        Assert.Equal(At("2026-11-01T00:00:00-04:00"), zone.StartOfDay(Day("2026-11-01")));
    }

    private static TimeZoneInfo MidnightDstZone()
    {
        var start = TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0), 3, 8);
        var end = TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 1, 0, 0), 11, 1);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(new DateTime(2026, 1, 1), new DateTime(2026, 12, 31), TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone("Test/Midnight", TimeSpan.FromHours(-5), "Test", "Test", "Test DST", [rule]);
    }
}
