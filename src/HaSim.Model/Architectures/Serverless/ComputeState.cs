namespace HaSim.Model.Architectures.Serverless;

/// <summary>
/// The state of the compute endpoint: running, or what is broken, in order of severity (seed 000's
/// compute failover table). A more severe failure takes over a recovery in progress; a lesser one
/// during recovery changes nothing.
/// </summary>
public enum ComputeState
{
    /// <summary>Postgres runs in its VM on a node in a zone.</summary>
    Running,

    /// <summary>Postgres exited; the VM is fine.</summary>
    Crashed,

    /// <summary>The endpoint stopped answering.</summary>
    Unresponsive,

    /// <summary>The VM is gone (kernel panic, host termination), or replaced after the unresponsive check.</summary>
    VmLost,

    /// <summary>The Kubernetes node hosting the VM is gone.</summary>
    NodeLost,

    /// <summary>The compute's zone is down.</summary>
    ZoneLost,

    /// <summary>The region is down.</summary>
    RegionLost,
}
