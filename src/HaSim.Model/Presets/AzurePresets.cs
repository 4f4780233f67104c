using HaSim.Kernel.Distributions;
using HaSim.Model.Architectures.Servers;
using HaSim.Model.Parameters;
using HaSim.Model.Workloads;
using static HaSim.Model.Presets.PresetBuilder;

namespace HaSim.Model.Presets;

/// <summary>Azure Database for PostgreSQL Flexible Server (seed 002): non-HA, same-zone HA, zone-redundant HA.</summary>
internal static class AzurePresets
{
    private const string Seed002 = "seed 002 (Azure Flexible Server HA)";
    private const string Document = "002_c8f5f60336b83be8.txt";

    private static readonly ServiceLevel Credits = new(
        [new CreditTier(0.9999, 0.10), new CreditTier(0.99, 0.25), new CreditTier(0.95, 1.00)],
        Assume("parameters.md E: Azure credit tiers 10% below the SLA, 25% below 99%, 100% below 95% (UNVERIFIED); the first threshold is set per preset to its SLA"));

    private static Workload DefaultWorkload => new(WalSchedule.Constant(5e6), 500, 0.02, 100 * Units.GiB);

    private static ParameterSource WorkloadSource => Assume("a modest OLTP server: 5 MB/s of WAL, 500 transactions/s of 20 ms, 100 GiB");

    public static Preset NonHa()
    {
        var p = Common(new PresetBuilder(ServerCatalogs.NodeReplacement))
            .Duration("health.detection", new Uniform(10, 30), Assume("platform health probe notices the server is down; seed 002 gives no figure"))
            .WithServerFailures(standbys: false, maintenanceDays: 30)
            .Duration("restore.operator_reaction", LogNormal.FromMedianAndP99(900, 7200), Assume("seed 002 lists zone failure under 'scenarios that require user action': an operator starts a restore, median 15 min, p99 2 h"))
            .Number("sla.target", ParameterKind.Fraction, 0.999, Seed(Seed002 + ": 'Uptime SLA of 99.9% is offered in this non-HA configuration'"))
            .Build();
        return new Preset("azure-non-ha", "Azure Flexible Server without HA (new VM, remote storage reattached)", ModelKind.NodeReplacement, Document, p,
            Credits with { CreditTiers = [new CreditTier(0.999, 0.10), .. Credits.CreditTiers.Skip(1)] }, DefaultWorkload, WorkloadSource);
    }

    public static Preset SameZoneHa()
    {
        var p = Ha(new PresetBuilder(ServerCatalogs.SyncStandby), sameZone: true)
            .Number("sla.target", ParameterKind.Fraction, 0.9995, Seed(Seed002 + ": same-zone HA 'Uptime SLA of 99.95%'"))
            .Build();
        return new Preset("azure-same-zone-ha", "Azure Flexible Server, same-zone HA (synchronous standby in the primary's zone)", ModelKind.SyncStandby, Document, p,
            Credits with { CreditTiers = [new CreditTier(0.9995, 0.10), .. Credits.CreditTiers.Skip(1)] }, DefaultWorkload, WorkloadSource);
    }

    public static Preset ZoneRedundantHa()
    {
        var p = Ha(new PresetBuilder(ServerCatalogs.SyncStandby), sameZone: false)
            .Number("sla.target", ParameterKind.Fraction, 0.9999, Seed(Seed002 + ": zone-redundant HA 'Uptime SLA of 99.99%'"))
            .Build();
        return new Preset("azure-zone-redundant-ha", "Azure Flexible Server, zone-redundant HA (synchronous standby in another zone)", ModelKind.SyncStandby, Document, p,
            Credits, DefaultWorkload, WorkloadSource);
    }

    private static PresetBuilder Common(PresetBuilder p) => p
        .WithPostgresRecovery()
        .Flag("storage.survives_server_loss", true, Seed(Seed002 + ": non-HA recovery maps 'the storage with data files' to a new VM"))
        .Duration("endpoint.dns_update", new Uniform(5, 15), Assume("DNS record update after the new server is up; seed 002 gives no figure"))
        .Seconds("endpoint.dns_ttl", 30, Assume("parameters.md B 'Azure GUESS 30 s'"))
        .Seconds("backup.snapshot_interval", 86400, Assume("daily full backup; seed 002 says only 'automatic backups are performed periodically'"))
        .Flag("backup.wal_archiving", true, Seed(Seed002 + ": 'transaction logs are continuously archived to the backup storage'"))
        .Duration("backup.archive_lag", new Uniform(0, 300), Assume("archive trails the primary by up to 5 min (segment switch); seed 002: 'not all WAL records may have been copied to the backup storage'"))
        .Seconds("backup.retention", 7 * 86400, Assume("Azure default backup retention of 7 days; not in seed 002"));

    private static PresetBuilder Ha(PresetBuilder p, bool sameZone) => Common(p)
        .Duration("health.detection", new Uniform(20, 40), Assume("seed 002: primary 'not reachable after multiple pings'; pings every 10 s, 2-4 missed"))
        .Duration("health.false_positive_guard", new Uniform(3, 10), Seed(Seed002 + ": 'a few seconds of wait time to make sure it is not a false positive'"))
        .Duration("failover.fence", new Uniform(1, 5), Assume("seed 002: 'the primary is immediately fenced'; LSN comparison before fencing"))
        .Duration("failover.promote", LogNormal.FromMedianAndP99(10, 30), Assume("promotion after recovery; calibrated so a failover at a modest WAL rate lands in seed 002's 60-120 s"))
        .Number("standby.count", ParameterKind.Count, 1, Seed(Seed002 + ": 'Configuring additional standbys is not supported'"))
        .Flag("standby.same_zone", sameZone, Seed(Seed002 + (sameZone ? ": same-zone HA places the standby in the primary's zone" : ": zone-redundant HA places the standby in another zone")))
        .Duration("standby.rebuild", new Uniform(300, 600), Seed(Seed002 + ": a new standby 'usually takes 5-10 minutes'"))
        .Choice("replication.mode", "synchronous", Seed(Seed002 + ": WAL 'is streamed to the replica in synchronous mode'; RPO = 0"))
        .Seconds("replication.async_lag", 0, Seed(Seed002 + ": synchronous replication, no lag"))
        .Number("replication.replay_rate", ParameterKind.ByteRate, 40e6, Seed(Seed002 + ": 'The standby server typically recovers WAL files at the rate of 40 MB/s'"))
        .Duration("planned.write_block", new Uniform(2, 10), Assume("seed 002 planned failover step 3: writes blocked when the standby is close to the primary LSN"))
        .Duration("forced.stop_delay", new Uniform(1, 5), Seed(Seed002 + ": forced failover step 1, 'Primary server is stopped shortly after the failover request is received'"))
        .WithServerFailures(standbys: true, maintenanceDays: 30);
}
