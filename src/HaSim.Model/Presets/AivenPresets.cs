using System.Globalization;
using HaSim.Kernel.Distributions;
using HaSim.Model.Architectures.Servers;
using HaSim.Model.Parameters;
using HaSim.Model.Workloads;
using static HaSim.Model.Architectures.Servers.ServerParameters;
using static HaSim.Model.Presets.PresetBuilder;

namespace HaSim.Model.Presets;

/// <summary>Aiven for Dragonfly plans (seed 001): Startup (1 node), Business (primary + standby), Premium (primary + 2 standbys).</summary>
internal static class AivenPresets
{
    private const string Seed001 = "seed 001 (Aiven for Dragonfly HA)";
    private const string Document = "001_76e596869bef2177.txt";

    private static Workload DefaultWorkload => new(WalSchedule.Constant(1e6), 2000, 0.002, 8 * Units.GiB);

    private static ParameterSource WorkloadSource => Assume("an in-memory store: 1 MB/s of writes, 2000 operations/s of 2 ms, 8 GiB of data");

    public static Preset Startup()
    {
        var p = Common(new PresetBuilder(ServerArchitectures.NodeReplacement.Catalog), historyDays: 1)
            .WithServerFailures(standbys: false, maintenanceDays: 60)
            .Number(CommonParameters.SlaTarget, 0.995, Assume("seed 001 states no SLA; single-node plans are commonly offered 99.5%"))
            .Build();
        return new Preset("aiven-startup", "Aiven for Dragonfly Startup (single node, restore from the latest snapshot)", ServerArchitectures.NodeReplacement, Document, p,
            Credits(0.995), DefaultWorkload, WorkloadSource);
    }

    public static Preset Business() => Ha("aiven-business", "Aiven for Dragonfly Business (primary + standby)", standbys: 1, historyDays: 3, sla: 0.999);

    public static Preset Premium() => Ha("aiven-premium", "Aiven for Dragonfly Premium (primary + 2 standbys)", standbys: 2, historyDays: 13, sla: 0.9999);

    private static ServiceLevel Credits(double sla) => new(
        [new CreditTier(sla, 0.10), new CreditTier(0.99, 0.25), new CreditTier(0.95, 1.00)],
        Assume("seed 001 states no SLA or credits; tiers as parameters.md E's cloud tiers (10% / 25% / 100%)"));

    private static Preset Ha(string name, string title, int standbys, int historyDays, double sla)
    {
        var p = Common(new PresetBuilder(ServerArchitectures.SyncStandby.Catalog), historyDays)
            .WithServerFailures(standbys: true, maintenanceDays: 60)
            .Duration(FalsePositiveGuard, new Uniform(3, 10), Assume("seed 001: the standby 'is evaluated for promotion ... based on data from the Aiven monitoring infrastructure'"))
            .Duration(Fence, new Uniform(1, 5), Assume("old primary isolated before promotion"))
            .Duration(Promote, new Uniform(2, 10), Assume("Dragonfly replica promoted to primary"))
            .Number(StandbyCount, standbys, Seed(Seed001 + (standbys == 1 ? ": Business is 'Two-node (primary + standby)'" : ": Premium is 'Three-node (primary + standby + standby)'")))
            .Flag(SameZone, false, Assume("nodes spread over zones"))
            .Duration(StandbyRebuild, LogNormal.FromMedianAndP99(300, 1200), Assume("seed 001: 'a new node is scheduled to become the standby'; duration 'depends mainly on the cloud region and the amount of data'; median 5 min, p99 20 min"))
            .Choice(ReplicationMode, "asynchronous", Assume("parameters.md B 'Aiven standby replication: GUESS asynchronous'"))
            .Duration(AsyncLag, new Uniform(0, 1), Assume("asynchronous replica trails by up to 1 s of writes"))
            .Number(ReplayRate, 100e6, Assume("in-memory replica applies writes far faster than Postgres replay"))
            .Duration(WriteBlock, new Uniform(1, 5), Assume("switch-over write pause"))
            .Duration(ForcedStopDelay, new Uniform(1, 5), Assume("as Azure's forced failover step 1"))
            .Number(CommonParameters.SlaTarget, sla, Assume(string.Create(CultureInfo.InvariantCulture, $"seed 001 states no SLA; {sla:P2} assumed for a {standbys + 1}-node plan")))
            .Build();
        return new Preset(name, title, ServerArchitectures.SyncStandby, Document, p, Credits(sla), DefaultWorkload, WorkloadSource);
    }

    private static PresetBuilder Common(PresetBuilder p, int historyDays) => p
        .WithPostgresRecovery()
        .Duration(HealthDetection, new Uniform(30, 60), Assume("parameters.md B 'Aiven ... failover ~60 s': the monitoring detects a node that 'stops communicating' within 30-60 s"))
        .Flag(StorageSurvives, false, Seed(Seed001 + ": a lost node is replaced and 'restores its state from the latest available backup'"))
        .Duration(Provision, LogNormal.FromMedianAndP99(180, 600), Assume("a new service node (VM and service image): median 3 min, p99 10 min"))
        .Duration(DnsUpdate, new Uniform(5, 15), Seed(Seed001 + ": the Service URI stays, 'only the IP address changes'; update time assumed 5-15 s"))
        .Duration(DnsTtl, new Constant(30), Assume("30 s record TTL, as parameters.md B's cloud guess"))
        .Seconds(SnapshotInterval, 12 * 3600, Assume("seed 001: 'only one latest snapshot stored'; snapshots every 12 h assumed"))
        .Flag(WalArchiving, false, Seed(Seed001 + ": snapshots only; 'any database writes made since the last backup could be lost'"))
        .Duration(ArchiveLag, new Constant(0), Seed(Seed001 + ": no continuous archive"))
        .Seconds(Retention, historyDays * 86400, Seed(Seed001 + $": backup history {historyDays} day{(historyDays == 1 ? "" : "s")}"))
        .Number(RestoreRate, 100e6, Assume("parameters.md C restore 100-300 MB/s: the low end, snapshot loaded into memory"))
        .Duration(EngineRestart, new Uniform(2, 10), Seed(Seed001 + ": minor failures are handled by 'restarting crashed processes'; a few seconds assumed"))
        .Seconds(CheckpointInterval, 0, Assume("an in-memory store restarts from its replica or snapshot with no WAL replay"))
        .Duration(CacheWarmup, new Constant(0), Assume("an in-memory store serves from memory once loaded: no cold cache"));
}
