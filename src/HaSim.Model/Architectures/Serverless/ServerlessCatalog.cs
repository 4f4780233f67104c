using HaSim.Model.Parameters;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>The parameters of the serverless architecture (separated storage and stateless compute).</summary>
public static class ServerlessCatalog
{
    /// <summary>The catalog.</summary>
    public static ParameterCatalog Catalog { get; } = new("serverless", Failures.FailureCatalog.Parameters(Failures.FailureCatalog.Serverless).Concat(
    [
        new("compute.crash_detection", ParameterKind.Duration, "time for the in-VM supervisor to notice Postgres has exited"),
        new("compute.postgres_restart", ParameterKind.Duration, "time to restart Postgres inside the same VM"),
        new("compute.vm_detection", ParameterKind.Duration, "time to notice a compute VM is gone"),
        new("compute.start_from_pool", ParameterKind.Duration, "time to start compute on a VM taken from the warm pool"),
        new("compute.cold_start", ParameterKind.Duration, "time to start compute when the warm pool is empty"),
        new("compute.warm_pool_size", ParameterKind.Count, "ready VMs in the warm pool"),
        new("compute.warm_pool_refill", ParameterKind.Duration, "time to put a new VM into the warm pool after one is taken"),
        new("compute.endpoint_reattach", ParameterKind.Duration, "time to point the endpoint (proxy route) at the new compute"),
        new("compute.unresponsive_detection", ParameterKind.Duration, "time before an unresponsive endpoint is reattached to new compute"),
        new("compute.cache_warmup", ParameterKind.Duration, "time after a compute restart until the local file cache is warm (degraded, not down)"),
        new("kubernetes.node_detection", ParameterKind.Duration, "time until a failed node is marked NotReady"),
        new("kubernetes.reschedule", ParameterKind.Duration, "time to reschedule compute onto a healthy node and start it"),
        new("kubernetes.spare_slots_per_az", ParameterKind.Count, "computes each surviving zone can take at once when a zone fails"),
        new("kubernetes.slots_per_new_node", ParameterKind.Count, "computes a newly provisioned node can host"),
        new("kubernetes.node_provisioning", ParameterKind.Duration, "time to provision a new node when spare capacity runs out"),
        new("kubernetes.max_concurrent_provisioning", ParameterKind.Count, "nodes provisioned in parallel"),
        new("fleet.computes_per_az", ParameterKind.Count, "computes of all tenants in one zone, which compete for capacity when it fails"),
        new("pageserver.detection", ParameterKind.Duration, "time for the storage controller's heartbeats to mark a pageserver offline"),
        new("pageserver.promotion", ParameterKind.Duration, "time to promote the secondary pageserver (reconcile)"),
        new("pageserver.compute_repoint", ParameterKind.Duration, "time to re-point compute at the promoted pageserver"),
        new("pageserver.secondary_rebuild", ParameterKind.Duration, "time to build and warm a new secondary pageserver"),
        new("pageserver.restore_from_object_storage", ParameterKind.Duration, "time to attach a tenant to a new pageserver from object storage when no secondary is ready"),
        new("safekeeper.count", ParameterKind.Count, "safekeepers per timeline, one per zone"),
        new("safekeeper.quorum", ParameterKind.Count, "safekeepers that must have WAL before a commit is acknowledged"),
        new("safekeeper.replacement", ParameterKind.Duration, "time to replace a lost safekeeper"),
        new("safekeeper.reconnect", ParameterKind.Duration, "time for compute to resume writing once a quorum is back"),
        new("sla.target", ParameterKind.Fraction, "monthly uptime the SLA promises"),
    ]));
}
