using HaSim.Model.Workloads;

namespace HaSim.Model.Tests;

public class WalScheduleTests
{
    private static readonly WalSchedule Burst = new([(0.0, 5e6), (300.0, 60e6), (900.0, 5e6)]);

    [Fact]
    public void Position_integrates_the_rate_over_time()
    {
        Assert.Equal(0, Burst.PositionAt(0));
        Assert.Equal(1.5e9, Burst.PositionAt(300));
        Assert.Equal(1.5e9 + (60e6 * 600), Burst.PositionAt(900));
        Assert.Equal(1.5e9 + 36e9 + 5e8, Burst.PositionAt(1000));
        Assert.Equal(60e6 * 100, Burst.BytesBetween(400, 500));
    }

    [Fact]
    public void A_replica_replaying_slower_than_the_write_rate_builds_a_backlog_of_the_difference()
    {
        // 60 MB/s in, 40 MB/s replayed, for 600 s: a 12 GB backlog (seed 002's 40 MB/s limit).
        Assert.Equal(12e9, Burst.BacklogAt(0, 0, 40e6, 900), 1e-3);
        Assert.Equal(0, Burst.BacklogAt(0, 0, 40e6, 300));
    }

    [Fact]
    public void Backlog_drains_at_replay_rate_minus_write_rate()
    {
        // From 12 GB at t=900 with 5 MB/s arriving and 40 MB/s replayed: 35 MB/s net, 342.857 s.
        Assert.Equal(900 + (12e9 / 35e6), Burst.CatchUpTime(900, 12e9, 40e6), 1e-6);
        Assert.True(double.IsPositiveInfinity(WalSchedule.Constant(50e6).CatchUpTime(0, 1, 40e6)));
    }

    [Fact]
    public void A_schedule_must_start_at_zero_and_increase()
    {
        Assert.Throws<ArgumentException>(() => new WalSchedule([(10.0, 1.0)]));
        Assert.Throws<ArgumentException>(() => new WalSchedule([(0.0, 1.0), (0.0, 2.0)]));
        Assert.Throws<ArgumentException>(() => new WalSchedule([(0.0, -1.0)]));
    }
}
