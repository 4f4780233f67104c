using HaSim.Kernel.Distributions;
using HaSim.Model.Parameters;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>The parameters of the serverless architecture (separated storage and stateless compute), declared once.</summary>
public static class ServerlessParameters
{
    /// <summary>Time for the in-VM supervisor to notice Postgres has exited.</summary>
    public static Parameter<Distribution> CrashDetection { get; } = Declare.Duration("compute.crash_detection", "time for the in-VM supervisor to notice Postgres has exited");

    /// <summary>Time to restart Postgres inside the same VM.</summary>
    public static Parameter<Distribution> PostgresRestart { get; } = Declare.Duration("compute.postgres_restart", "time to restart Postgres inside the same VM");

    /// <summary>Time to notice a compute VM is gone.</summary>
    public static Parameter<Distribution> VmDetection { get; } = Declare.Duration("compute.vm_detection", "time to notice a compute VM is gone");

    /// <summary>Time to start compute on a warm-pool VM.</summary>
    public static Parameter<Distribution> StartFromPool { get; } = Declare.Duration("compute.start_from_pool", "time to start compute on a VM taken from the warm pool");

    /// <summary>Time to start compute when the warm pool is empty.</summary>
    public static Parameter<Distribution> ColdStart { get; } = Declare.Duration("compute.cold_start", "time to start compute when the warm pool is empty");

    /// <summary>Ready VMs in the warm pool.</summary>
    public static Parameter<int> WarmPoolSize { get; } = Declare.Count("compute.warm_pool_size", "ready VMs in the warm pool", min: 0, max: 1_000_000);

    /// <summary>Time to put a new VM into the warm pool.</summary>
    public static Parameter<Distribution> WarmPoolRefill { get; } = Declare.Duration("compute.warm_pool_refill", "time to put a new VM into the warm pool after one is taken");

    /// <summary>Time to point the endpoint at the new compute.</summary>
    public static Parameter<Distribution> EndpointReattach { get; } = Declare.Duration("compute.endpoint_reattach", "time to point the endpoint (proxy route) at the new compute");

    /// <summary>Time before an unresponsive endpoint is reattached to new compute.</summary>
    public static Parameter<Distribution> UnresponsiveDetection { get; } = Declare.Duration("compute.unresponsive_detection", "time before an unresponsive endpoint is reattached to new compute");

    /// <summary>Time until the local file cache is warm.</summary>
    public static Parameter<Distribution> CacheWarmup { get; } = Declare.Duration("compute.cache_warmup", "time after a compute restart until the local file cache is warm (degraded, not down)");

    /// <summary>Time until a failed node is marked NotReady.</summary>
    public static Parameter<Distribution> NodeDetection { get; } = Declare.Duration("kubernetes.node_detection", "time until a failed node is marked NotReady");

    /// <summary>Time to reschedule compute onto a healthy node.</summary>
    public static Parameter<Distribution> Reschedule { get; } = Declare.Duration("kubernetes.reschedule", "time to reschedule compute onto a healthy node and start it");

    /// <summary>Computes each surviving zone can take at once.</summary>
    public static Parameter<int> SpareSlotsPerZone { get; } = Declare.Count("kubernetes.spare_slots_per_az", "computes each surviving zone can take at once when a zone fails", min: 0, max: 10_000_000);

    /// <summary>Computes a new node hosts.</summary>
    public static Parameter<int> SlotsPerNewNode { get; } = Declare.Count("kubernetes.slots_per_new_node", "computes a newly provisioned node can host", min: 1, max: 100_000);

    /// <summary>Time to provision a new node.</summary>
    public static Parameter<Distribution> NodeProvisioning { get; } = Declare.Duration("kubernetes.node_provisioning", "time to provision a new node when spare capacity runs out");

    /// <summary>Nodes provisioned in parallel.</summary>
    public static Parameter<int> MaxConcurrentProvisioning { get; } = Declare.Count("kubernetes.max_concurrent_provisioning", "nodes provisioned in parallel", min: 1, max: 10_000);

    /// <summary>Computes of all tenants in one zone.</summary>
    public static Parameter<int> ComputesPerZone { get; } = Declare.Count("fleet.computes_per_az", "computes of all tenants in one zone, which compete for capacity when it fails", min: 1, max: 10_000_000);

    /// <summary>Time to mark a pageserver offline.</summary>
    public static Parameter<Distribution> PageserverDetection { get; } = Declare.Duration("pageserver.detection", "time for the storage controller's heartbeats to mark a pageserver offline");

    /// <summary>Time to promote the secondary pageserver.</summary>
    public static Parameter<Distribution> PageserverPromotion { get; } = Declare.Duration("pageserver.promotion", "time to promote the secondary pageserver (reconcile)");

    /// <summary>Time to re-point compute at the promoted pageserver.</summary>
    public static Parameter<Distribution> ComputeRepoint { get; } = Declare.Duration("pageserver.compute_repoint", "time to re-point compute at the promoted pageserver");

    /// <summary>Time to build and warm a new secondary pageserver.</summary>
    public static Parameter<Distribution> SecondaryRebuild { get; } = Declare.Duration("pageserver.secondary_rebuild", "time to build and warm a new secondary pageserver");

    /// <summary>Time to attach a tenant from object storage.</summary>
    public static Parameter<Distribution> RestoreFromObjectStorage { get; } = Declare.Duration("pageserver.restore_from_object_storage", "time to attach a tenant to a new pageserver from object storage when no secondary is ready");

    /// <summary>Safekeepers per timeline.</summary>
    public static Parameter<int> SafekeeperCount { get; } = Declare.Count("safekeeper.count", "safekeepers per timeline, spread over the zones", min: 1, max: 15);

    /// <summary>Safekeepers that must hold WAL before a commit is acknowledged.</summary>
    public static Parameter<int> SafekeeperQuorum { get; } = Declare.Count("safekeeper.quorum", "safekeepers that must have WAL before a commit is acknowledged", min: 1, max: 15);

    /// <summary>Time to replace a lost safekeeper.</summary>
    public static Parameter<Distribution> SafekeeperReplacement { get; } = Declare.Duration("safekeeper.replacement", "time to replace a lost safekeeper");

    /// <summary>Time for compute to resume writing once a quorum is back.</summary>
    public static Parameter<Distribution> SafekeeperReconnect { get; } = Declare.Duration("safekeeper.reconnect", "time for compute to resume writing once a quorum is back");

    /// <summary>Every serverless parameter except the failure processes'.</summary>
    public static IReadOnlyList<Parameter> All { get; } =
    [
        CrashDetection, PostgresRestart, VmDetection, StartFromPool, ColdStart, WarmPoolSize, WarmPoolRefill, EndpointReattach, UnresponsiveDetection,
        CacheWarmup, NodeDetection, Reschedule, SpareSlotsPerZone, SlotsPerNewNode, NodeProvisioning, MaxConcurrentProvisioning, ComputesPerZone,
        PageserverDetection, PageserverPromotion, ComputeRepoint, SecondaryRebuild, RestoreFromObjectStorage, SafekeeperCount, SafekeeperQuorum,
        SafekeeperReplacement, SafekeeperReconnect, CommonParameters.SlaTarget,
    ];

    /// <summary>A commit needs a quorum that the safekeepers can form.</summary>
    public static ParameterRule QuorumWithinCount { get; } = new(
        [SafekeeperQuorum.Key, SafekeeperCount.Key],
        p => p.Get(SafekeeperQuorum) <= p.Get(SafekeeperCount) ? null : $"safekeeper.quorum ({p.Get(SafekeeperQuorum)}) must be at most safekeeper.count ({p.Get(SafekeeperCount)})");
}
