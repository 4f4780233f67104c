using HaSim.Kernel;
using HaSim.Kernel.Distributions;
using HaSim.Model.Capacity;
using HaSim.Model.Faults;
using HaSim.Model.Invariants;
using HaSim.Model.Topology;

namespace HaSim.Model.Tests.Capacity;

/// <summary>The compute capacity serverless computes share: warm VMs first, then free slots, then new nodes, with exact times.</summary>
public class ComputeCapacityTests
{
    private readonly Simulation _sim = new(1);
    private readonly Infrastructure _infrastructure;
    private readonly List<(string Name, double At)> _granted = [];

    public ComputeCapacityTests() => _infrastructure = new Infrastructure(_sim);

    private ComputeCapacity Capacity(int spare, int warm, double refill = 40, int slotsPerNode = 2, double provisioning = 100, int concurrent = 1, double launchInterval = 0) =>
        new(_infrastructure, new ComputeCapacitySettings(spare, warm, new Constant(refill), slotsPerNode, new Constant(provisioning), concurrent, launchInterval), new CapacityChecker(_infrastructure));

    private CapacityLease Lease(string name) => new(() => _granted.Add((name, _sim.Now)));

    [Fact]
    public void A_moving_compute_takes_a_warm_VM_whose_replacement_boots_on_a_free_slot_for_the_next()
    {
        var capacity = Capacity(spare: 1, warm: 1, refill: 40, slotsPerNode: 2, provisioning: 100);
        var leases = Enumerable.Range(0, 5).Select(i => Lease($"c{i}")).ToList();
        foreach (var l in leases)
        {
            capacity.Request(l, 0, preferZone: 1, vacatesZone: -1);
        }

        // c0 takes az-2's VM (preferred), c1 and c2 the others (most first, the lowest zone on a tie);
        // each replacement boots on its zone's free slot, so c3 and c4 queue for the replacements.
        Assert.Equal([(true, 1), (true, 0), (true, 2)], leases.Take(3).Select(l => (l.WarmVm, l.Zone)).ToList());
        Assert.All(leases.Skip(3), l => Assert.Equal(LeaseState.Waiting, l.State));
        Assert.Equal(3, Enumerable.Range(0, 3).Sum(capacity.Refilling));

        _sim.Run(1000);

        Assert.Equal([("c3", 40.0), ("c4", 40.0)], _granted);
        Assert.Equal([1, 0], leases.Skip(3).Select(l => l.Zone).ToList()); // az-2's replacement is ready first and preferred
        Assert.Equal(0, capacity.Nodes.Requests); // the replacements on their way were enough
        Assert.Equal(80, capacity.Requests.WaitSeconds, 9);
    }

    [Fact]
    public void Nodes_are_provisioned_within_the_concurrency_and_launch_interval()
    {
        var capacity = Capacity(spare: 0, warm: 0, slotsPerNode: 2, provisioning: 100, concurrent: 2, launchInterval: 30);
        var leases = Enumerable.Range(0, 7).Select(i => Lease($"c{i}")).ToList();
        foreach (var l in leases)
        {
            capacity.Request(l, 0, preferZone: -1, vacatesZone: -1);
        }

        _sim.Run(10_000);

        // Launches at 0 and 30 (2 at once), then 100 (after the first is ready) and 130: slots at 100, 130, 200, 230.
        Assert.Equal([("c0", 100.0), ("c1", 100.0), ("c2", 130.0), ("c3", 130.0), ("c4", 200.0), ("c5", 200.0), ("c6", 230.0)], _granted);
        Assert.Equal(4, capacity.Nodes.Requests);
        Assert.Equal(2, capacity.Nodes.PeakInUse);
    }

    [Fact]
    public void A_warm_VM_taken_for_a_lost_VM_is_refilled_after_the_refill_time_and_an_empty_pool_is_a_miss()
    {
        var capacity = Capacity(spare: 0, warm: 2, refill: 40);
        Assert.True(capacity.TryTakeWarmVm(0));
        Assert.True(capacity.TryTakeWarmVm(0));
        Assert.False(capacity.TryTakeWarmVm(0));
        Assert.Equal(0, capacity.WarmVms(0));

        _sim.Run(40.5);

        Assert.Equal(2, capacity.WarmVms(0));
        Assert.Equal(3, capacity.WarmPools[0].Requests);
        Assert.Equal(1, capacity.WarmPools[0].Misses);
        Assert.Equal(2, capacity.WarmPools[0].PeakInUse);
    }

    [Fact]
    public void Capacity_in_a_failed_zone_is_not_granted_and_a_vacated_slot_returns_with_the_zone()
    {
        var capacity = Capacity(spare: 0, warm: 0, provisioning: 10_000);
        var zoneDown = new Fault(0, new Target(InfrastructureTargets.ZoneFamily, 0, "az_1", "az-1", "az-1"), FaultKind.Outage, 300);
        _infrastructure.ZoneOutage(0, 300, zoneDown);
        var moving = Lease("moving");
        capacity.Request(moving, 0, preferZone: -1, vacatesZone: 0);
        Assert.Equal(LeaseState.Waiting, moving.State); // its own slot is in the failed zone

        _sim.Run(1000);

        Assert.Equal([("moving", 300.0)], _granted);
        Assert.Equal(0, moving.Zone);
    }

    [Fact]
    public void Once_every_zone_is_up_and_nothing_waits_the_headroom_returns_to_the_spare_slots()
    {
        var capacity = Capacity(spare: 3, warm: 0);
        var a = Lease("a");
        capacity.Request(a, 0, preferZone: 2, vacatesZone: -1);
        Assert.Equal(2, capacity.FreeSlots(2));

        capacity.Consume(a);

        Assert.Equal(3, capacity.FreeSlots(2));
    }
}
