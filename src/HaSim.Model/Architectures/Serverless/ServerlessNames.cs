using HaSim.Model.Names;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>The failure modes and degraded kinds of the serverless architecture.</summary>
public static class ServerlessNames
{
    /// <summary>Postgres crashed in the compute VM.</summary>
    public static FailureMode PostgresCrash { get; } = new("postgres_crash", "Postgres crash");

    /// <summary>The compute endpoint stopped answering.</summary>
    public static FailureMode Unresponsive { get; } = new("unresponsive", "unresponsive endpoint");

    /// <summary>The compute VM was lost.</summary>
    public static FailureMode VmFailure { get; } = new("vm_failure", "VM failure");

    /// <summary>The Kubernetes node hosting the compute was lost.</summary>
    public static FailureMode NodeFailure { get; } = new("node_failure", "node failure");

    /// <summary>A pageserver was lost.</summary>
    public static FailureMode PageserverFailure { get; } = new("pageserver_failure", "pageserver failure");

    /// <summary>Too few safekeepers for the WAL quorum.</summary>
    public static FailureMode QuorumLost { get; } = new("wal_quorum_lost", "WAL quorum lost");

    /// <summary>An availability zone failed.</summary>
    public static FailureMode ZoneOutage { get; } = new("az_outage", "AZ outage");

    /// <summary>The region failed.</summary>
    public static FailureMode RegionOutage { get; } = new("region_outage", "region outage");

    /// <summary>Object storage was unavailable.</summary>
    public static FailureMode ObjectStorageOutage { get; } = new("object_storage_outage", "object storage outage");

    /// <summary>Every failure mode.</summary>
    public static NameSet<FailureMode> Modes { get; } = new([PostgresCrash, Unresponsive, VmFailure, NodeFailure, PageserverFailure, QuorumLost, ZoneOutage, RegionOutage, ObjectStorageOutage]);

    /// <summary>The compute restarted with an empty local file cache.</summary>
    public static DegradedKind ColdCache { get; } = new("cold_cache", "cold cache");

    /// <summary>No warm secondary pageserver.</summary>
    public static DegradedKind NoSecondary { get; } = new("no_secondary_pageserver", "no secondary pageserver");

    /// <summary>Exactly a quorum of safekeepers is up.</summary>
    public static DegradedKind QuorumAtMinimum { get; } = new("quorum_at_minimum", "safekeeper quorum at minimum");

    /// <summary>Object storage is unavailable (durability rests on pageservers and safekeepers alone).</summary>
    public static DegradedKind ObjectStorageUnavailable { get; } = new("object_storage_unavailable", "object storage unavailable");

    /// <summary>Every degraded kind.</summary>
    public static NameSet<DegradedKind> Degraded { get; } = new([ColdCache, NoSecondary, QuorumAtMinimum, ObjectStorageUnavailable]);
}
