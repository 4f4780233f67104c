using HaSim.Kernel.Distributions;
using HaSim.Model.Parameters;

namespace HaSim.Model.Architectures.Servers;

/// <summary>
/// The parameters of the server-based architectures, declared once. Node replacement (a single
/// server rebuilt on failure) reads <see cref="Common"/>; sync standby adds <see cref="Standby"/>.
/// </summary>
public static class ServerParameters
{
    /// <summary>Time for the health monitor to decide the primary is unreachable (several missed pings).</summary>
    public static Parameter<Distribution> HealthDetection { get; } = Declare.Duration("health.detection", "time for the health monitor to decide the primary is unreachable (several missed pings)");

    /// <summary>Time to notice the engine process has crashed.</summary>
    public static Parameter<Distribution> CrashDetection { get; } = Declare.Duration("engine.crash_detection", "time to notice the database engine process has crashed");

    /// <summary>Time to start the engine, before crash recovery.</summary>
    public static Parameter<Distribution> EngineRestart { get; } = Declare.Duration("engine.restart", "time to start the engine, before crash recovery");

    /// <summary>Time between checkpoints.</summary>
    public static Parameter<double> CheckpointInterval { get; } = Declare.Seconds("crash_recovery.checkpoint_interval", "time between checkpoints: crash recovery replays the WAL written since the last one");

    /// <summary>Most WAL between checkpoints.</summary>
    public static Parameter<double> MaxWal { get; } = Declare.Bytes("crash_recovery.max_wal", "most WAL between checkpoints (max_wal_size)", max: 1e15);

    /// <summary>WAL replay rate during crash recovery.</summary>
    public static Parameter<double> CrashReplayRate { get; } = Declare.ByteRate("crash_recovery.replay_rate", "WAL replay rate during crash recovery");

    /// <summary>Whether data lives on remote storage that survives the loss of the server.</summary>
    public static Parameter<bool> StorageSurvives { get; } = Declare.Flag("storage.survives_server_loss", "true if data lives on remote storage that a new VM can attach; false if it is lost with the node");

    /// <summary>Time to rebuild a lost copy of locally redundant storage.</summary>
    public static Parameter<Distribution> CopyRebuild { get; } = Declare.Duration("storage.copy_rebuild", "time to rebuild a lost copy of locally redundant storage (no downtime)");

    /// <summary>Time to provision a new VM or node.</summary>
    public static Parameter<Distribution> Provision { get; } = Declare.Duration("replacement.provision", "time to provision a new VM or node");

    /// <summary>Time to attach the remote storage to a new VM.</summary>
    public static Parameter<Distribution> StorageAttach { get; } = Declare.Duration("replacement.storage_attach", "time to attach the remote storage to the new VM");

    /// <summary>Time to update the endpoint's DNS record.</summary>
    public static Parameter<Distribution> DnsUpdate { get; } = Declare.Duration("endpoint.dns_update", "time to update the endpoint's DNS record to the new server");

    /// <summary>The TTL of the endpoint's DNS record.</summary>
    public static Parameter<Distribution> DnsTtl { get; } = Declare.Duration("endpoint.dns_ttl", "TTL of the endpoint's DNS record");

    /// <summary>Time between full backups.</summary>
    public static Parameter<double> SnapshotInterval { get; } = Declare.Seconds("backup.snapshot_interval", "time between full backups (snapshots)", min: 0, minExclusive: true);

    /// <summary>Whether WAL is archived continuously.</summary>
    public static Parameter<bool> WalArchiving { get; } = Declare.Flag("backup.wal_archiving", "true if WAL is archived continuously to the backup store");

    /// <summary>How far the WAL archive trails the primary.</summary>
    public static Parameter<Distribution> ArchiveLag { get; } = Declare.Duration("backup.archive_lag", "how far the WAL archive trails the primary");

    /// <summary>How long backups are kept: a restore finds no snapshot older than this.</summary>
    public static Parameter<double> Retention { get; } = Declare.Seconds("backup.retention", "how long backups are kept: a restore can use no snapshot older than this (with none left, every write is lost)", min: 0, minExclusive: true);

    /// <summary>Time before a restore from backup starts.</summary>
    public static Parameter<Distribution> OperatorReaction { get; } = Declare.Duration("restore.operator_reaction", "time before a restore from backup starts (zero when automatic)");

    /// <summary>Rate at which a backup is copied to the new server.</summary>
    public static Parameter<double> RestoreRate { get; } = Declare.ByteRate("restore.rate", "rate at which a backup is copied to the new server");

    /// <summary>Rate at which archived WAL is replayed after a restore.</summary>
    public static Parameter<double> RestoreWalReplayRate { get; } = Declare.ByteRate("restore.wal_replay_rate", "rate at which archived WAL is replayed after a restore");

    /// <summary>Time until caches are warm after a restart or failover.</summary>
    public static Parameter<Distribution> CacheWarmup { get; } = Declare.Duration("cache.warmup", "time after a restart or failover until caches are warm (degraded, not down)");

    /// <summary>Standby servers.</summary>
    public static Parameter<int> StandbyCount { get; } = Declare.Count("standby.count", "standby servers", min: 1, max: 8);

    /// <summary>Whether standbys are in the primary's zone.</summary>
    public static Parameter<bool> SameZone { get; } = Declare.Flag("standby.same_zone", "true if standbys are in the primary's zone (same-zone HA); false for zone-redundant");

    /// <summary>Time to provision a new standby, before it catches up.</summary>
    public static Parameter<Distribution> StandbyRebuild { get; } = Declare.Duration("standby.rebuild", "time to provision a new standby, before it catches up");

    /// <summary>Synchronous or asynchronous replication.</summary>
    public static Parameter<string> ReplicationMode { get; } = Declare.Choice("replication.mode", "synchronous (commit waits for the standby) or asynchronous", "synchronous", "asynchronous");

    /// <summary>How far an asynchronous standby trails the primary.</summary>
    public static Parameter<Distribution> AsyncLag { get; } = Declare.Duration("replication.async_lag", "with asynchronous replication, how far the standby's received WAL trails the primary");

    /// <summary>Rate at which a standby applies WAL.</summary>
    public static Parameter<double> ReplayRate { get; } = Declare.ByteRate("replication.replay_rate", "rate at which a standby applies WAL");

    /// <summary>Extra wait against false positives.</summary>
    public static Parameter<Distribution> FalsePositiveGuard { get; } = Declare.Duration("health.false_positive_guard", "extra wait to make sure a failure is not a false positive");

    /// <summary>Time to fence the old primary.</summary>
    public static Parameter<Distribution> Fence { get; } = Declare.Duration("failover.fence", "time to fence the old primary and sever replication");

    /// <summary>Time to promote the standby once it has replayed all WAL.</summary>
    public static Parameter<Distribution> Promote { get; } = Declare.Duration("failover.promote", "time to promote the standby once it has replayed all WAL");

    /// <summary>Planned failover: writes blocked while the standby reaches the primary's LSN.</summary>
    public static Parameter<Distribution> WriteBlock { get; } = Declare.Duration("planned.write_block", "planned failover: writes blocked while the standby reaches the primary's LSN");

    /// <summary>Forced failover: time from the request until the primary is stopped.</summary>
    public static Parameter<Distribution> ForcedStopDelay { get; } = Declare.Duration("forced.stop_delay", "forced failover: time from the request until the primary is stopped");

    /// <summary>Parameters every server-based architecture reads.</summary>
    public static IReadOnlyList<Parameter> Common { get; } =
    [
        HealthDetection, CrashDetection, EngineRestart, CheckpointInterval, MaxWal, CrashReplayRate, StorageSurvives, CopyRebuild,
        Provision, StorageAttach, DnsUpdate, DnsTtl, SnapshotInterval, WalArchiving, ArchiveLag, Retention, OperatorReaction,
        RestoreRate, RestoreWalReplayRate, CacheWarmup, CommonParameters.SlaTarget,
    ];

    /// <summary>Parameters only architectures with standbys read.</summary>
    public static IReadOnlyList<Parameter> Standby { get; } =
    [
        StandbyCount, SameZone, StandbyRebuild, ReplicationMode, AsyncLag, ReplayRate, FalsePositiveGuard, Fence, Promote, WriteBlock, ForcedStopDelay,
    ];
}
