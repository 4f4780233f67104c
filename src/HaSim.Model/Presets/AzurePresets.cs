using HaSim.Kernel.Distributions;
using HaSim.Model.Architectures.Servers;
using HaSim.Model.Parameters;
using HaSim.Model.Workloads;
using static HaSim.Model.Architectures.Servers.ServerParameters;
using static HaSim.Model.Presets.PresetBuilder;

namespace HaSim.Model.Presets;

/// <summary>Azure Database for PostgreSQL Flexible Server (seed 002): non-HA, same-zone HA, zone-redundant HA.</summary>
internal static class AzurePresets
{
    private const string Seed002 = "seed 002 (Azure Flexible Server HA)";
    private const string Document = "002_c8f5f60336b83be8.txt";

    private static Workload DefaultWorkload => new(WalSchedule.Constant(5e6), 500, 0.02, 100 * Units.GiB);

    private static ParameterSource WorkloadSource => Assume("a modest OLTP server: 5 MB/s of WAL, 500 transactions/s of 20 ms, 100 GiB");

    public static Preset NonHa()
    {
        var p = Common(new PresetBuilder(ServerArchitectures.NodeReplacement.Catalog))
            .Duration(HealthDetection, new Uniform(10, 30), Assume("platform health probe notices the server is down; seed 002 gives no figure"))
            .WithServerFailures(standbys: false, maintenanceDays: 30)
            .Duration(OperatorReaction, LogNormal.FromMedianAndP99(900, 7200), Assume("seed 002 lists zone failure under 'scenarios that require user action': an operator starts a restore, median 15 min, p99 2 h"))
            .Number(CommonParameters.SlaTarget, 0.999, Seed(Seed002 + ": 'Uptime SLA of 99.9% is offered in this non-HA configuration'"))
            .Build();
        return new Preset("azure-non-ha", "Azure Flexible Server without HA (new VM, remote storage reattached)", ServerArchitectures.NodeReplacement, Document, p,
            Credits(0.999), DefaultWorkload, WorkloadSource);
    }

    public static Preset SameZoneHa()
    {
        var p = Ha(new PresetBuilder(ServerArchitectures.SyncStandby.Catalog), sameZone: true)
            .Number(CommonParameters.SlaTarget, 0.9995, Seed(Seed002 + ": same-zone HA 'Uptime SLA of 99.95%'"))
            .Build();
        return new Preset("azure-same-zone-ha", "Azure Flexible Server, same-zone HA (synchronous standby in the primary's zone)", ServerArchitectures.SyncStandby, Document, p,
            Credits(0.9995), DefaultWorkload, WorkloadSource);
    }

    public static Preset ZoneRedundantHa()
    {
        var p = Ha(new PresetBuilder(ServerArchitectures.SyncStandby.Catalog), sameZone: false)
            .Number(CommonParameters.SlaTarget, 0.9999, Seed(Seed002 + ": zone-redundant HA 'Uptime SLA of 99.99%'"))
            .Build();
        return new Preset("azure-zone-redundant-ha", "Azure Flexible Server, zone-redundant HA (synchronous standby in another zone)", ServerArchitectures.SyncStandby, Document, p,
            Credits(0.9999), DefaultWorkload, WorkloadSource);
    }

    /// <summary>parameters.md E's Azure tiers, the first threshold at the preset's SLA.</summary>
    private static ServiceLevel Credits(double sla) => new(
        [new CreditTier(sla, 0.10), new CreditTier(0.99, 0.25), new CreditTier(0.95, 1.00)],
        Assume("parameters.md E: Azure credit tiers 10% below the SLA, 25% below 99%, 100% below 95% (UNVERIFIED); the first threshold is set per preset to its SLA"));

    private static PresetBuilder Common(PresetBuilder p) => p
        .WithPostgresRecovery()
        .Flag(StorageSurvives, true, Seed(Seed002 + ": non-HA recovery maps 'the storage with data files' to a new VM"))
        .Duration(DnsUpdate, new Uniform(5, 15), Assume("DNS record update after the new server is up; seed 002 gives no figure"))
        .Duration(DnsTtl, new Constant(30), Assume("parameters.md B 'Azure GUESS 30 s'"))
        .Seconds(SnapshotInterval, 86400, Assume("daily full backup; seed 002 says only 'automatic backups are performed periodically'"))
        .Flag(WalArchiving, true, Seed(Seed002 + ": 'transaction logs are continuously archived to the backup storage'"))
        .Duration(ArchiveLag, new Uniform(0, 300), Assume("archive trails the primary by up to 5 min (segment switch); seed 002: 'not all WAL records may have been copied to the backup storage'"))
        .Seconds(Retention, 7 * 86400, Assume("Azure default backup retention of 7 days; not in seed 002"));

    private static PresetBuilder Ha(PresetBuilder p, bool sameZone) => Common(p)
        .Duration(HealthDetection, new Uniform(20, 40), Assume("seed 002: primary 'not reachable after multiple pings'; pings every 10 s, 2-4 missed"))
        .Duration(FalsePositiveGuard, new Uniform(3, 10), Seed(Seed002 + ": 'a few seconds of wait time to make sure it is not a false positive'"))
        .Duration(Fence, new Uniform(1, 5), Assume("seed 002: 'the primary is immediately fenced'; LSN comparison before fencing"))
        .Duration(Promote, LogNormal.FromMedianAndP99(10, 30), Assume("promotion after recovery; calibrated so a failover at a modest WAL rate lands in seed 002's 60-120 s"))
        .Number(StandbyCount, 1, Seed(Seed002 + ": 'Configuring additional standbys is not supported'"))
        .Flag(SameZone, sameZone, Seed(Seed002 + (sameZone ? ": same-zone HA places the standby in the primary's zone" : ": zone-redundant HA places the standby in another zone")))
        .Duration(StandbyRebuild, new Uniform(300, 600), Seed(Seed002 + ": a new standby 'usually takes 5-10 minutes'"))
        .Choice(ReplicationMode, "synchronous", Seed(Seed002 + ": WAL 'is streamed to the replica in synchronous mode'; RPO = 0"))
        .Duration(AsyncLag, new Constant(0), Seed(Seed002 + ": synchronous replication, no lag"))
        .Number(ReplayRate, 40e6, Seed(Seed002 + ": 'The standby server typically recovers WAL files at the rate of 40 MB/s'"))
        .Duration(WriteBlock, new Uniform(2, 10), Assume("seed 002 planned failover step 3: writes blocked when the standby is close to the primary LSN"))
        .Duration(ForcedStopDelay, new Uniform(1, 5), Seed(Seed002 + ": forced failover step 1, 'Primary server is stopped shortly after the failover request is received'"))
        .WithServerFailures(standbys: true, maintenanceDays: 30);
}
