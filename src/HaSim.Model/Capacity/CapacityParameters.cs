using HaSim.Kernel.Distributions;
using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;

namespace HaSim.Model.Capacity;

/// <summary>
/// The parameters of the capacity a fleet's databases share, declared once (a fleet file's
/// <c>fleet.capacity:</c> overrides them). Serverless computes share warm pools, spare slots and node
/// provisioning; server databases share VM provisioning per zone, control-plane concurrency for
/// failovers and restores, and backup-restore bandwidth.
/// </summary>
public static class CapacityParameters
{
    /// <summary>Free compute slots per zone.</summary>
    public static Parameter<int> SpareSlotsPerZone { get; } = Declare.Count("compute.spare_slots_per_az", "free compute slots each zone's nodes have when nothing is wrong", min: 0, max: 10_000_000);

    /// <summary>Ready VMs per zone's warm pool.</summary>
    public static Parameter<int> WarmPoolPerZone { get; } = Declare.Count("compute.warm_pool_per_az", "ready VMs each zone's warm pool holds when full (each occupies a slot)", min: 0, max: 1_000_000);

    /// <summary>Time to boot a replacement VM into a warm pool.</summary>
    public static Parameter<Distribution> WarmPoolRefill { get; } = Declare.Duration("compute.warm_pool_refill", "time to boot a replacement VM into a warm pool once a slot is free for it");

    /// <summary>Compute slots a new node adds.</summary>
    public static Parameter<int> SlotsPerNewNode { get; } = Declare.Count("nodes.slots_per_new_node", "compute slots a newly provisioned node adds", min: 1, max: 100_000);

    /// <summary>Time to provision a node.</summary>
    public static Parameter<Distribution> NodeProvisioning { get; } = Declare.Duration("nodes.provisioning", "time to provision a new node when no slot is free");

    /// <summary>Nodes provisioned at once.</summary>
    public static Parameter<int> MaxConcurrentProvisioning { get; } = Declare.Count("nodes.max_concurrent", "nodes provisioned at once", min: 1, max: 10_000);

    /// <summary>Least time between node launches.</summary>
    public static Parameter<double> LaunchInterval { get; } = Declare.Seconds("nodes.launch_interval", "least time between two node launches (a provisioning rate limit; 0 s: none)");

    /// <summary>VM builds in flight per zone.</summary>
    public static Parameter<int> VmProvisioningPerZone { get; } = Declare.Count("vm_provisioning.concurrency_per_az", "server VMs (replacements, restore servers, new standbys) provisioned at once in each zone", min: 1, max: 1_000_000);

    /// <summary>Failovers and restores the control plane runs at once.</summary>
    public static Parameter<int> ControlPlaneConcurrency { get; } = Declare.Count("control_plane.concurrency", "failovers and restores the control plane orchestrates at once, region-wide", min: 1, max: 1_000_000);

    /// <summary>Backup-restore bandwidth shared by every restore.</summary>
    public static Parameter<double> RestoreBandwidth { get; } = Declare.ByteRate("restore.bandwidth", "backup-restore bandwidth every restore shares (each takes its own restore.rate of it, queueing when it is used up)");

    /// <summary>Every capacity parameter.</summary>
    public static IReadOnlyList<Parameter> All { get; } =
    [
        SpareSlotsPerZone, WarmPoolPerZone, WarmPoolRefill, SlotsPerNewNode, NodeProvisioning, MaxConcurrentProvisioning, LaunchInterval,
        VmProvisioningPerZone, ControlPlaneConcurrency, RestoreBandwidth,
    ];

    /// <summary>The parameters serverless databases read (compute capacity).</summary>
    public static IReadOnlyList<Parameter> Serverless { get; } = [SpareSlotsPerZone, WarmPoolPerZone, WarmPoolRefill, SlotsPerNewNode, NodeProvisioning, MaxConcurrentProvisioning, LaunchInterval];

    /// <summary>The parameters server databases read (VM provisioning, control plane, restore bandwidth).</summary>
    public static IReadOnlyList<Parameter> Servers { get; } = [VmProvisioningPerZone, ControlPlaneConcurrency, RestoreBandwidth];

    /// <summary>The catalog a fleet's <c>capacity:</c> section is read against.</summary>
    public static ParameterCatalog Catalog { get; } = new("fleet capacity", All);

    /// <summary>The shipped defaults, each with its source; the serverless figures are the serverless preset's.</summary>
    public static ParameterSet Defaults { get; } = CreateDefaults();

    /// <summary>The compute settings <paramref name="parameters"/> describe.</summary>
    public static ComputeCapacitySettings ComputeSettings(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ComputeCapacitySettings(
            parameters.Get(SpareSlotsPerZone),
            parameters.Get(WarmPoolPerZone),
            parameters.Get(WarmPoolRefill),
            parameters.Get(SlotsPerNewNode),
            parameters.Get(NodeProvisioning),
            parameters.Get(MaxConcurrentProvisioning),
            parameters.Get(LaunchInterval));
    }

    private static ParameterSet CreateDefaults()
    {
        var serverless = PresetCatalog.Find("serverless")!.Parameters;
        ParameterValue As(Parameter from) => serverless[from.Key] with
        {
            Source = serverless[from.Key].Source with { Citation = $"as the serverless preset's {from.Key}: {serverless[from.Key].Source.Citation}" },
        };

        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal)
        {
            [SpareSlotsPerZone.Key] = As(ServerlessParameters.SpareSlotsPerZone),
            [WarmPoolPerZone.Key] = ParameterValue.Of(ParameterKind.Count, 20, ParameterSource.Assumed("ready VMs per zone for the whole fleet; seed 000 names the pool ('an available VM from our ready-to-use pool') but not its size")),
            [WarmPoolRefill.Key] = As(ServerlessParameters.WarmPoolRefill),
            [SlotsPerNewNode.Key] = As(ServerlessParameters.SlotsPerNewNode),
            [NodeProvisioning.Key] = As(ServerlessParameters.NodeProvisioning),
            [MaxConcurrentProvisioning.Key] = As(ServerlessParameters.MaxConcurrentProvisioning),
            [LaunchInterval.Key] = ParameterValue.Seconds(0, ParameterSource.Assumed("no launch rate limit beyond the concurrency")),
            [VmProvisioningPerZone.Key] = ParameterValue.Of(ParameterKind.Count, 10, ParameterSource.Assumed("server VMs the cloud builds at once per zone for this fleet; parameters.md C: a cloud control plane can stop launches altogether (us-east-1 2025-10-20)")),
            [ControlPlaneConcurrency.Key] = ParameterValue.Of(ParameterKind.Count, 20, ParameterSource.Assumed("failovers and restores the managed service orchestrates at once, region-wide")),
            [RestoreBandwidth.Key] = ParameterValue.Of(ParameterKind.ByteRate, 2e9, ParameterSource.Assumed("2 GB/s of backup-store bandwidth for restores, region-wide (about ten restores at parameters.md C's 100-300 MB/s each)")),
        };
        return new ParameterSet(Catalog, values);
    }
}
