using Vigie.Server.Features.Gate;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>The tracker that decides whether an evaluated dossier may be reused: only runs of recorded gate entries count.</summary>
public sealed class GateIndexTrackerTests
{
    [Fact]
    public void TheIndexTracker_CountsOnlyRunsOfRecordedGateEntries()
    {
        var tracker = new GateIndexTracker();
        Assert.False(tracker.OnlyGateEntries(0, 5)); // nothing seen: every entry could be a change
        Assert.True(tracker.OnlyGateEntries(7, 7));
        tracker.Record(10);
        tracker.Record(11);
        Assert.True(tracker.OnlyGateEntries(10, 12));
        Assert.False(tracker.OnlyGateEntries(9, 12)); // 9 was something else
        Assert.False(tracker.OnlyGateEntries(10, 13)); // 12 is in the tree but was not a gate entry
        tracker.Record(14);
        Assert.False(tracker.OnlyGateEntries(11, 15)); // 12 and 13 were other entries
        Assert.True(tracker.OnlyGateEntries(14, 15));
        tracker.Record(3); // a replay from the start
        Assert.False(tracker.OnlyGateEntries(14, 15));
    }
}
