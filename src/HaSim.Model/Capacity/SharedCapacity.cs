using HaSim.Model.Invariants;
using HaSim.Model.Parameters;
using HaSim.Model.Topology;

namespace HaSim.Model.Capacity;

/// <summary>
/// The capacity a fleet's databases share, built once per simulation from the fleet's capacity
/// parameters: serverless compute capacity (warm pools, spare slots, node provisioning) if the fleet
/// has serverless databases, and VM provisioning per zone, control-plane concurrency and restore
/// bandwidth if it has server databases.
/// </summary>
public sealed class SharedCapacity
{
    private SharedCapacity(ComputeCapacity? compute, IReadOnlyList<CapacityPool> vmProvisioning, CapacityPool? controlPlane, CapacityPool? restoreBandwidth, CapacityChecker? checker)
    {
        Compute = compute;
        VmProvisioning = vmProvisioning;
        ControlPlane = controlPlane;
        RestoreBandwidth = restoreBandwidth;
        Checker = checker;
    }

    /// <summary>Serverless compute capacity, or null if the fleet has no serverless databases.</summary>
    public ComputeCapacity? Compute { get; }

    /// <summary>Server VM provisioning, one pool per zone (empty if the fleet has no server databases).</summary>
    public IReadOnlyList<CapacityPool> VmProvisioning { get; }

    /// <summary>Control-plane concurrency for failovers and restores, or null.</summary>
    public CapacityPool? ControlPlane { get; }

    /// <summary>Backup-restore bandwidth in bytes per second, or null.</summary>
    public CapacityPool? RestoreBandwidth { get; }

    /// <summary>The capacity invariant checker, when checking.</summary>
    public CapacityChecker? Checker { get; }

    /// <summary>Every pool's usage, in a fixed order.</summary>
    public IEnumerable<PoolUsage> Usage =>
        (Compute?.Usage ?? []).Concat(VmProvisioning.Select(p => p.Usage)).Concat(ControlPlane is null ? [] : [ControlPlane.Usage]).Concat(RestoreBandwidth is null ? [] : [RestoreBandwidth.Usage]);

    /// <summary>Creates the pools a fleet with serverless (<paramref name="serverless"/>) and/or server (<paramref name="servers"/>) databases needs.</summary>
    public static SharedCapacity Create(Infrastructure infrastructure, ParameterSet parameters, bool serverless, bool servers, bool checkInvariants)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        ArgumentNullException.ThrowIfNull(parameters);
        var checker = checkInvariants ? new CapacityChecker(infrastructure) : null;
        var sim = infrastructure.Simulation;
        var compute = serverless ? new ComputeCapacity(infrastructure, CapacityParameters.ComputeSettings(parameters), checker) : null;
        IReadOnlyList<CapacityPool> vms = [];
        CapacityPool? control = null, restore = null;
        if (servers)
        {
            int perZone = parameters.Get(CapacityParameters.VmProvisioningPerZone);
            vms = [.. Enumerable.Range(0, Infrastructure.ZoneCount).Select(z =>
                new CapacityPool(sim, new PoolUsage($"vm_provisioning_az_{z + 1}", $"VM provisioning, {Infrastructure.ZoneName(z)}", "VMs", perZone), perZone, checker))];
            int cp = parameters.Get(CapacityParameters.ControlPlaneConcurrency);
            control = new CapacityPool(sim, new PoolUsage("control_plane", "control plane (failovers and restores)", "operations", cp), cp, checker);
            double bandwidth = parameters.Get(CapacityParameters.RestoreBandwidth);
            restore = new CapacityPool(sim, new PoolUsage("restore_bandwidth", "backup-restore bandwidth", "B/s", bandwidth), bandwidth, checker);
        }

        return new SharedCapacity(compute, vms, control, restore, checker);
    }

    /// <summary>At the end of a run: counts the waits still going.</summary>
    public void Finish()
    {
        Compute?.Finish();
        foreach (var p in VmProvisioning)
        {
            p.Finish();
        }

        ControlPlane?.Finish();
        RestoreBandwidth?.Finish();
    }
}
