using HaSim.Analysis.Statistics;
using HaSim.Scenarios.Fleet;

namespace HaSim.Analysis.Tests.Fleet;

/// <summary>
/// Seed 000: AZ recovery takes "1-10 minutes, depending on node availability in the destination
/// AZs". Across a fleet, the computes of the failed zone queue for what the others have, so the time
/// until the last of them is back grows with the fleet and shrinks with spare capacity.
/// </summary>
public class FleetTailTests
{
    [Fact]
    public void The_AZ_outage_tail_grows_with_the_fleet()
    {
        var small = TimeTo99(FleetRuns.AzOutage(count: 150, spare: 20, warm: 0));
        var large = TimeTo99(FleetRuns.AzOutage(count: 900, spare: 20, warm: 0));

        // 50 computes fit the 40 spare slots after one node; 300 need ten new nodes, three at a time.
        Assert.True(small.MeanInterval.Upper < large.MeanInterval.Lower, $"small fleet {small.Mean:F0} s [{small.MeanInterval.Lower:F0}, {small.MeanInterval.Upper:F0}], large {large.Mean:F0} s [{large.MeanInterval.Lower:F0}, {large.MeanInterval.Upper:F0}]");
        Assert.InRange(small.Mean, 60, 600);
        Assert.True(large.Mean > 10 * 60, $"900 endpoints with 20 spare slots per zone: 99% back after {large.Mean:F0} s");
    }

    [Fact]
    public void The_AZ_outage_tail_shrinks_with_spare_slots_and_with_warm_VMs()
    {
        var scarce = TimeTo99(FleetRuns.AzOutage(count: 900, spare: 20, warm: 0));
        var slots = TimeTo99(FleetRuns.AzOutage(count: 900, spare: 200, warm: 0));
        var warm = TimeTo99(FleetRuns.AzOutage(count: 900, spare: 20, warm: 180));

        Assert.True(slots.MeanInterval.Upper < scarce.MeanInterval.Lower, $"200 spare slots {slots.Mean:F0} s vs 20: {scarce.Mean:F0} s");
        Assert.True(warm.MeanInterval.Upper < scarce.MeanInterval.Lower, $"180 warm VMs {warm.Mean:F0} s vs none: {scarce.Mean:F0} s");

        // With room for every moving compute, recovery is detection and a reschedule: within seed 000's 1-10 minutes.
        Assert.InRange(slots.Mean, 60, 600);
    }

    private static StatisticSummary TimeTo99(FleetScenario scenario)
    {
        var summary = FleetRuns.Replays(scenario, replications: 6);
        var az = summary.Event(FleetEventKind.ZoneOutage)!;
        Assert.Equal(6, az.Events);
        Assert.Equal(scenario.DatabaseCount / 3.0, az.Affected.Mean, 0);
        Assert.Equal(0, az.Unrecovered);
        return az.TimeTo(0.99).Seconds;
    }
}
