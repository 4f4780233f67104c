using HaSim.Kernel;
using HaSim.Model.Capacity;
using HaSim.Model.Invariants;
using HaSim.Model.Topology;

namespace HaSim.Model.Tests.Capacity;

/// <summary>The FIFO pool servers share: grants in priority then arrival order, never more than it holds, no waiting while a request fits.</summary>
public class CapacityPoolTests
{
    private readonly Simulation _sim = new(1);
    private readonly List<string> _granted = [];

    private CapacityPool Pool(double capacity) =>
        new(_sim, new PoolUsage("test", "test pool", "units", capacity), capacity, new CapacityChecker(new Infrastructure(_sim)));

    private CapacityLease Lease(string name) => new(() => _granted.Add(name));

    [Fact]
    public void Requests_beyond_capacity_queue_and_are_granted_first_come_first_served()
    {
        var pool = Pool(2);
        var a = Lease("a");
        var b = Lease("b");
        var c = Lease("c");
        var d = Lease("d");
        pool.Request(a, 1, 0);
        pool.Request(b, 1, 0);
        pool.Request(c, 1, 0);
        pool.Request(d, 1, 0);

        Assert.True(a.IsGranted && b.IsGranted);
        Assert.Equal(LeaseState.Waiting, c.State);
        Assert.Equal(2, pool.Waiting);
        Assert.Empty(_granted); // granted at once: no callback

        pool.Release(b);
        Assert.Equal(["c"], _granted);
        pool.Release(a);
        Assert.Equal(["c", "d"], _granted);
        Assert.Equal(2, pool.InUse);
        Assert.Equal(4, pool.Usage.Requests);
        Assert.Equal(2, pool.Usage.Waited);
        Assert.Equal(2, pool.Usage.PeakWaiting);
    }

    [Fact]
    public void A_higher_priority_request_goes_before_earlier_lower_priority_ones()
    {
        var pool = Pool(1);
        var holder = Lease("holder");
        var rebuild = Lease("rebuild");
        var primary = Lease("primary");
        pool.Request(holder, 1, 0);
        pool.Request(rebuild, 1, 0, priority: 1);
        pool.Request(primary, 1, 0, priority: 0);

        pool.Release(holder);

        Assert.Equal(["primary"], _granted);
        Assert.Equal(LeaseState.Waiting, rebuild.State);
    }

    [Fact]
    public void A_large_request_at_the_head_is_not_overtaken_and_is_cut_to_the_whole_pool()
    {
        var pool = Pool(300);
        var small = Lease("small");
        var large = Lease("large");
        var later = Lease("later");
        pool.Request(small, 200, 0);
        pool.Request(large, 1000, 0);
        pool.Request(later, 50, 0);

        Assert.Equal(300, large.Amount);
        Assert.Equal(LeaseState.Waiting, later.State); // 100 free, but the large one came first

        pool.Release(small);
        Assert.Equal(["large"], _granted);
        pool.Release(large);
        Assert.Equal(["large", "later"], _granted);
    }

    [Fact]
    public void Withdrawing_a_queued_request_counts_its_wait_and_lets_the_next_one_move_up()
    {
        var pool = Pool(1);
        var holder = Lease("holder");
        var gone = Lease("gone");
        var next = Lease("next");
        pool.Request(holder, 1, 0);
        pool.Request(gone, 1, 0);
        pool.Request(next, 1, 0);
        _sim.Run(30);

        pool.Release(gone);
        Assert.Equal(LeaseState.Idle, gone.State);
        _sim.Run(50);
        pool.Release(holder);

        Assert.Equal(["next"], _granted);
        Assert.Equal(30 + 50, pool.Usage.WaitSeconds, 9);
        Assert.Equal(50, pool.Usage.MaxWaitSeconds, 9);
    }
}
