using HaSim.Kernel;
using HaSim.Model.Capacity;
using HaSim.Model.Topology;

namespace HaSim.Model.Invariants;

/// <summary>
/// The fleet's capacity invariants, checked by every shared pool after each change: a pool never
/// has more in use than it holds, nothing waits while capacity it could take is free (the first
/// request in priority order does not fit), and compute
/// capacity never counts fewer than zero VMs, slots or provisioners.
/// </summary>
public sealed class CapacityChecker
{
    private readonly Simulation _simulation;
    private readonly Infrastructure _infrastructure;

    /// <summary>Creates the checker of the pools on <paramref name="infrastructure"/>.</summary>
    public CapacityChecker(Infrastructure infrastructure)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        _infrastructure = infrastructure;
        _simulation = infrastructure.Simulation;
    }

    /// <summary>How many checks have run.</summary>
    public long Checks { get; private set; }

    /// <summary>Checks a FIFO pool.</summary>
    public void Check(CapacityPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        Checks++;
        if (pool.InUse > pool.Capacity * (1 + 1e-9) || pool.InUse < 0)
        {
            Violation("pool usage within capacity", $"{pool.Usage.Label}: {pool.InUse} in use of {pool.Capacity}");
        }

        if (pool.Waiting > 0 && pool.InUse + pool.HeadAmount <= pool.Capacity * (1 - 1e-9))
        {
            Violation("no waiting while capacity is free", $"{pool.Usage.Label}: {pool.Waiting} waiting with {pool.Capacity - pool.InUse} of {pool.Capacity} free (first asks {pool.HeadAmount})");
        }
    }

    /// <summary>Checks the serverless compute capacity.</summary>
    public void Check(ComputeCapacity compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        Checks++;
        var s = compute.Settings;
        if (compute.Provisioning < 0 || compute.Provisioning > s.MaxConcurrentProvisioning)
        {
            Violation("pool usage within capacity", $"{compute.Provisioning} nodes provisioning at once, at most {s.MaxConcurrentProvisioning} allowed");
        }

        if (compute.Outstanding < 0)
        {
            Violation("pool usage within capacity", $"{compute.Outstanding} grants outstanding");
        }

        for (int z = 0; z < Infrastructure.ZoneCount; z++)
        {
            string zone = Infrastructure.ZoneName(z);
            if (compute.FreeSlots(z) < 0 || compute.WarmVms(z) < 0 || compute.Refilling(z) < 0)
            {
                Violation("pool usage within capacity", $"{zone}: {compute.FreeSlots(z)} free slots, {compute.WarmVms(z)} warm VMs, {compute.Refilling(z)} refilling");
            }

            if (compute.WarmVms(z) + compute.Refilling(z) > s.WarmPoolPerZone)
            {
                Violation("pool usage within capacity", $"{zone}: {compute.WarmVms(z)} warm VMs and {compute.Refilling(z)} refilling in a pool of {s.WarmPoolPerZone}");
            }

            if (compute.Waiting > 0 && _infrastructure.IsZoneAvailable(z) && (compute.FreeSlots(z) > 0 || compute.WarmVms(z) > 0))
            {
                Violation("no waiting while capacity is free", $"{compute.Waiting} computes waiting while {zone} has {compute.FreeSlots(z)} free slots and {compute.WarmVms(z)} warm VMs");
            }
        }
    }

    private void Violation(string invariant, string what) =>
        throw new InvariantViolationException(invariant, _simulation.Streams.RootSeed, _simulation.Now, what);
}
