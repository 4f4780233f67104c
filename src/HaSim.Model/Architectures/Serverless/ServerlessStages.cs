using HaSim.Model.Names;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>The recovery stages of the serverless architecture (seed 000's recovery tables).</summary>
public static class ServerlessStages
{
    /// <summary>The supervisor notices Postgres exited.</summary>
    public static StageId DetectPostgresExit { get; } = new("detect_postgres_exit", "detect Postgres exit");

    /// <summary>Postgres restarts in the same VM.</summary>
    public static StageId RestartPostgres { get; } = new("restart_postgres", "restart Postgres in the same VM");

    /// <summary>The 5-minute unresponsive-endpoint check.</summary>
    public static StageId UnresponsiveCheck { get; } = new("unresponsive_check", "wait for the unresponsive-endpoint check");

    /// <summary>The control plane notices the VM is gone.</summary>
    public static StageId DetectVmLoss { get; } = new("detect_vm_loss", "detect VM loss");

    /// <summary>Compute starts on a warm-pool VM.</summary>
    public static StageId StartFromPool { get; } = new("start_from_pool", "start compute on a VM from the warm pool");

    /// <summary>Compute cold-starts (the warm pool is empty).</summary>
    public static StageId ColdStart { get; } = new("cold_start", "cold-start compute (warm pool empty)");

    /// <summary>The endpoint's proxy route moves to the new compute.</summary>
    public static StageId ReattachEndpoint { get; } = new("reattach_endpoint", "reattach the endpoint to the new compute");

    /// <summary>Kubernetes marks the node NotReady.</summary>
    public static StageId DetectNodeNotReady { get; } = new("detect_node_not_ready", "detect node NotReady");

    /// <summary>Compute is rescheduled to another node in its zone.</summary>
    public static StageId RescheduleToNode { get; } = new("reschedule_to_node", "reschedule compute to a healthy node");

    /// <summary>Compute waits for a slot in the surviving zones.</summary>
    public static StageId WaitForCapacity { get; } = new("wait_for_capacity", "wait for capacity in the surviving zones");

    /// <summary>Compute is rescheduled to another zone.</summary>
    public static StageId RescheduleToZone { get; } = new("reschedule_to_zone", "reschedule compute to a healthy zone");

    /// <summary>Every zone other than the compute's is down: rescheduling waits for one.</summary>
    public static StageId WaitForZone { get; } = new("wait_for_zone", "wait for a zone to run in");

    /// <summary>Everything waits for the region.</summary>
    public static StageId WaitForRegion { get; } = new("wait_for_region", "wait for the region to return");

    /// <summary>Compute starts once the region is back.</summary>
    public static StageId StartAfterRegion { get; } = new("start_after_region", "start compute after the region returns");

    /// <summary>The storage controller marks the pageserver offline.</summary>
    public static StageId DetectPageserverOffline { get; } = new("detect_pageserver_offline", "storage controller marks the pageserver offline");

    /// <summary>The secondary pageserver is promoted.</summary>
    public static StageId PromoteSecondary { get; } = new("promote_secondary", "promote the secondary pageserver");

    /// <summary>Attaching from object storage waits for it.</summary>
    public static StageId WaitForObjectStorage { get; } = new("wait_for_object_storage", "wait for object storage");

    /// <summary>The tenant is attached to a new pageserver from object storage.</summary>
    public static StageId AttachFromObjectStorage { get; } = new("attach_from_object_storage", "attach the tenant to a new pageserver from object storage");

    /// <summary>Compute is re-pointed at the new pageserver.</summary>
    public static StageId RepointCompute { get; } = new("repoint_compute", "re-point compute at the new pageserver");

    /// <summary>A new secondary pageserver is built and warmed.</summary>
    public static StageId RebuildSecondary { get; } = new("rebuild_secondary", "build and warm a new secondary pageserver");

    /// <summary>Writes wait for enough safekeepers.</summary>
    public static StageId WaitForQuorum { get; } = new("wait_for_quorum", "wait for a safekeeper quorum");

    /// <summary>Compute reconnects to the quorum.</summary>
    public static StageId ReconnectQuorum { get; } = new("reconnect_quorum", "compute reconnects to the safekeeper quorum");

    /// <summary>A lost safekeeper's replacement waits for its zone.</summary>
    public static StageId WaitForSafekeeperZone { get; } = new("wait_for_safekeeper_zone", "wait for the safekeeper's zone");

    /// <summary>A lost safekeeper is replaced and re-synced.</summary>
    public static StageId ReplaceSafekeeper { get; } = new("replace_safekeeper", "replace safekeeper");

    /// <summary>Every stage.</summary>
    public static NameSet<StageId> All { get; } = new(
    [
        DetectPostgresExit, RestartPostgres, UnresponsiveCheck, DetectVmLoss, StartFromPool, ColdStart, ReattachEndpoint, DetectNodeNotReady,
        RescheduleToNode, WaitForCapacity, RescheduleToZone, WaitForZone, WaitForRegion, StartAfterRegion, DetectPageserverOffline, PromoteSecondary,
        WaitForObjectStorage, AttachFromObjectStorage, RepointCompute, RebuildSecondary, WaitForQuorum, ReconnectQuorum, WaitForSafekeeperZone,
        ReplaceSafekeeper,
    ]);
}
