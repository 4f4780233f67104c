using HaSim.Model.Names;

namespace HaSim.Model.Architectures.Servers;

/// <summary>The failure modes and degraded kinds of the server-based architectures.</summary>
public static class ServerNames
{
    /// <summary>The engine process crashed.</summary>
    public static FailureMode EngineCrash { get; } = new("engine_crash", "engine crash");

    /// <summary>The primary server (VM or node) was lost.</summary>
    public static FailureMode PrimaryFailure { get; } = new("primary_failure", "primary failure");

    /// <summary>The primary's storage lost its last copy.</summary>
    public static FailureMode StorageFailure { get; } = new("storage_failure", "storage failure");

    /// <summary>A standby was lost (no downtime by itself).</summary>
    public static FailureMode StandbyFailure { get; } = new("standby_failure", "standby failure");

    /// <summary>An availability zone failed.</summary>
    public static FailureMode ZoneOutage { get; } = new("az_outage", "AZ outage");

    /// <summary>The region failed.</summary>
    public static FailureMode RegionOutage { get; } = new("region_outage", "region outage");

    /// <summary>A planned failover to the standby.</summary>
    public static FailureMode PlannedFailover { get; } = new("planned_failover", "planned failover");

    /// <summary>A forced failover.</summary>
    public static FailureMode ForcedFailover { get; } = new("forced_failover", "forced failover");

    /// <summary>Planned maintenance on a server without a standby: a restart.</summary>
    public static FailureMode Maintenance { get; } = new("maintenance", "planned maintenance restart");

    /// <summary>Every failure mode.</summary>
    public static NameSet<FailureMode> Modes { get; } = new([EngineCrash, PrimaryFailure, StorageFailure, StandbyFailure, ZoneOutage, RegionOutage, PlannedFailover, ForcedFailover, Maintenance]);

    /// <summary>The engine restarted with empty caches.</summary>
    public static DegradedKind ColdCache { get; } = new("cold_cache", "cold cache");

    /// <summary>No standby is ready to take over.</summary>
    public static DegradedKind NoStandby { get; } = new("no_standby", "running without a standby");

    /// <summary>A copy of the primary's locally redundant storage is being rebuilt.</summary>
    public static DegradedKind StorageCopyRebuilding { get; } = new("storage_copy_rebuilding", "storage copy being rebuilt");

    /// <summary>Every degraded kind.</summary>
    public static NameSet<DegradedKind> Degraded { get; } = new([ColdCache, NoStandby, StorageCopyRebuilding]);
}
