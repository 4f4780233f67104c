using HaSim.Model.Failures;
using HaSim.Model.Parameters;

namespace HaSim.Model.Architectures.Servers;

/// <summary>
/// Parameters of the server-based architectures. Node replacement (a single server rebuilt on
/// failure) reads the common set; sync standby adds the standby and failover parameters.
/// </summary>
public static class ServerCatalogs
{
    /// <summary>Parameters every server-based architecture reads.</summary>
    public static IReadOnlyList<ParameterDefinition> Common { get; } =
    [
        new("health.detection", ParameterKind.Duration, "time for the health monitor to decide the primary is unreachable (several missed pings)"),
        new("engine.crash_detection", ParameterKind.Duration, "time to notice the database engine process has crashed"),
        new("engine.restart", ParameterKind.Duration, "time to start the engine, before crash recovery"),
        new("crash_recovery.checkpoint_interval", ParameterKind.Duration, "time between checkpoints: crash recovery replays the WAL written since the last one"),
        new("crash_recovery.max_wal", ParameterKind.Bytes, "most WAL between checkpoints (max_wal_size)"),
        new("crash_recovery.replay_rate", ParameterKind.ByteRate, "WAL replay rate during crash recovery"),
        new("storage.survives_server_loss", ParameterKind.Flag, "true if data lives on remote storage that a new VM can attach; false if it is lost with the node"),
        new("storage.copy_rebuild", ParameterKind.Duration, "time to rebuild a lost copy of locally redundant storage (no downtime)"),
        new("replacement.provision", ParameterKind.Duration, "time to provision a new VM or node"),
        new("replacement.storage_attach", ParameterKind.Duration, "time to attach the remote storage to the new VM"),
        new("endpoint.dns_update", ParameterKind.Duration, "time to update the endpoint's DNS record to the new server"),
        new("endpoint.dns_ttl", ParameterKind.Duration, "TTL of the endpoint's DNS record"),
        new("backup.snapshot_interval", ParameterKind.Duration, "time between full backups (snapshots)"),
        new("backup.wal_archiving", ParameterKind.Flag, "true if WAL is archived continuously to the backup store"),
        new("backup.archive_lag", ParameterKind.Duration, "how far the WAL archive trails the primary"),
        new("backup.retention", ParameterKind.Duration, "how long backups are kept"),
        new("restore.operator_reaction", ParameterKind.Duration, "time before a restore from backup starts (zero when automatic)"),
        new("restore.rate", ParameterKind.ByteRate, "rate at which a backup is copied to the new server"),
        new("restore.wal_replay_rate", ParameterKind.ByteRate, "rate at which archived WAL is replayed after a restore"),
        new("cache.warmup", ParameterKind.Duration, "time after a restart or failover until caches are warm (degraded, not down)"),
        new("sla.target", ParameterKind.Fraction, "monthly uptime the SLA promises"),
    ];

    /// <summary>Parameters only architectures with standbys read.</summary>
    public static IReadOnlyList<ParameterDefinition> Standby { get; } =
    [
        new("standby.count", ParameterKind.Count, "standby servers"),
        new("standby.same_zone", ParameterKind.Flag, "true if standbys are in the primary's zone (same-zone HA); false for zone-redundant"),
        new("standby.rebuild", ParameterKind.Duration, "time to provision a new standby, before it catches up"),
        new("replication.mode", ParameterKind.Choice, "synchronous (commit waits for the standby) or asynchronous", ["synchronous", "asynchronous"]),
        new("replication.async_lag", ParameterKind.Duration, "with asynchronous replication, how far the standby's received WAL trails the primary"),
        new("replication.replay_rate", ParameterKind.ByteRate, "rate at which a standby applies WAL"),
        new("health.false_positive_guard", ParameterKind.Duration, "extra wait to make sure a failure is not a false positive"),
        new("failover.fence", ParameterKind.Duration, "time to fence the old primary and sever replication"),
        new("failover.promote", ParameterKind.Duration, "time to promote the standby once it has replayed all WAL"),
        new("planned.write_block", ParameterKind.Duration, "planned failover: writes blocked while the standby reaches the primary's LSN"),
        new("forced.stop_delay", ParameterKind.Duration, "forced failover: time from the request until the primary is stopped"),
    ];

    /// <summary>The node-replacement catalog.</summary>
    public static ParameterCatalog NodeReplacement { get; } = new("node-replacement",
        Common.Concat(FailureCatalog.Parameters(FailureCatalog.For(Presets.ModelKind.NodeReplacement))));

    /// <summary>The sync-standby catalog.</summary>
    public static ParameterCatalog SyncStandby { get; } = new("sync-standby",
        Common.Concat(Standby).Concat(FailureCatalog.Parameters(FailureCatalog.For(Presets.ModelKind.SyncStandby))));
}
