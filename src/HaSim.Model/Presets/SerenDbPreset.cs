using HaSim.Kernel.Distributions;
using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Parameters;
using HaSim.Model.Workloads;
using static HaSim.Model.Architectures.Serverless.ServerlessParameters;
using static HaSim.Model.Presets.PresetBuilder;

namespace HaSim.Model.Presets;

/// <summary>SerenDB serverless Postgres (seed 000) with Neon-derived figures (parameters.md section A).</summary>
internal static class SerenDbPreset
{
    private const string Seed000 = "seed 000 (SerenDB HA)";

    public static Preset Create()
    {
        var p = new PresetBuilder(ServerlessArchitecture.Descriptor.Catalog)
            .Duration(CrashDetection, new Uniform(0.5, 2), Assume("in-VM supervisor notices the exit within a couple of seconds; seed 000 says the whole restart 'typically completes within a few seconds'"))
            .Duration(PostgresRestart, LogNormal.FromMedianAndP99(2, 8), Assume("Postgres start without crash recovery on stateless compute; keeps seed 000's 'few seconds' total"))
            .Duration(VmDetection, new Uniform(5, 30), Assume("parameters.md A 'Compute VM loss detection: GUESS 5-30 s uniform'"))
            .Duration(StartFromPool, LogNormal.FromMedianAndP99(0.5, 3), Seed("parameters.md A: warm-pool start 'a few hundred milliseconds'..'a few s' (Neon compute-lifecycle docs), lognormal median 0.5 s, p99 3 s"))
            .Duration(ColdStart, new Uniform(3, 6), Seed("parameters.md A: compute start 'before pool 3-6 s'"))
            .Number(WarmPoolSize, 10, Assume("ready VMs this endpoint can draw on; large enough that single incidents never find it empty"))
            .Duration(WarmPoolRefill, new Uniform(30, 60), Assume("time to boot a replacement VM into the pool"))
            .Duration(EndpointReattach, new Uniform(0.5, 2), Assume("proxy route update; seed 000: VM failure 'typically resolves in seconds'"))
            .Duration(UnresponsiveDetection, new Constant(300), Seed(Seed000 + ": unresponsive endpoints are reattached to a new compute 'after 5 minutes'"))
            .Duration(CacheWarmup, LogNormal.FromMedianAndP99(300, 1800), Assume("local file cache (~75% of RAM, parameters.md A) rebuilt by the workload: median 5 min, p99 30 min"))
            .Duration(NodeDetection, new Uniform(40, 50), Seed("parameters.md B: Kubernetes node-monitor-grace-period 40 s (<= v1.31), 50 s (>= v1.32)"))
            .Duration(Reschedule, new Uniform(20, 70), Assume("calibrated so detection + reschedule matches seed 000's node failure 'typically takes 1-2 minutes'"))
            .Number(SpareSlotsPerZone, 50, Assume("spare compute slots per surviving zone"))
            .Number(SlotsPerNewNode, 30, Assume("computes per newly provisioned node"))
            .Duration(NodeProvisioning, LogNormal.FromMedianAndP99(180, 420), Assume("cluster-autoscaler node: median 3 min, p99 7 min; with the slots above, zone-failure recovery spans seed 000's 1-10 minutes"))
            .Number(MaxConcurrentProvisioning, 3, Assume("nodes the autoscaler brings up in parallel"))
            .Number(ComputesPerZone, 150, Assume("computes of all tenants in a zone"))
            .Duration(PageserverDetection, new Uniform(30, 35), Seed("parameters.md A: storage controller heartbeat 5 s, max_offline_interval 30 s, detection ~30-35 s (neon service.rs, heartbeater.rs)"))
            .Duration(PageserverPromotion, new Uniform(1, 5), Seed("parameters.md A: reconcile short timeout 5 s (neon service.rs)"))
            .Duration(ComputeRepoint, new Uniform(0, 10), Seed("parameters.md A: compute re-point hook, 10 s timeout (neon compute_hook.rs)"))
            .Duration(SecondaryRebuild, LogNormal.FromMedianAndP99(900, 3600), Assume("new secondary downloads the tenant's layers (warm-up every 60 s, parameters.md A): median 15 min, p99 1 h"))
            .Duration(RestoreFromObjectStorage, LogNormal.FromMedianAndP99(120, 600), Assume("attach a tenant from object storage with no warm secondary: median 2 min, p99 10 min"))
            .Number(SafekeeperCount, 3, Seed("parameters.md A: 3 safekeepers per timeline, one per AZ (neon storage_controller)"))
            .Number(SafekeeperQuorum, 2, Seed("parameters.md A: commit acknowledged by a majority, 2 of 3 (neon docs/walservice.md)"))
            .Duration(SafekeeperReplacement, LogNormal.FromMedianAndP99(600, 3600), Assume("a lost safekeeper is replaced and re-synced: median 10 min, p99 1 h"))
            .Duration(SafekeeperReconnect, new Uniform(0, 1), Seed("parameters.md A: compute reconnects to safekeepers every 1 s (neon walproposer_pg.c)"))
            .WithServerlessFailures()
            .Number(CommonParameters.SlaTarget, 0.9995, Seed("parameters.md A/E: Neon Business SLA 99.95% for compute endpoints"))
            .Build();
        var sla = new ServiceLevel(
            [new CreditTier(0.9995, 0.10), new CreditTier(0.99, 0.15), new CreditTier(0.98, 0.20), new CreditTier(0.96, 0.80)],
            Seed("parameters.md A: Neon Business SLA credits 10% < 99.95, 15% < 99.0, 20% < 98.0, 80% < 96.0"));
        var workload = new Workload(WalSchedule.Constant(2e6), 300, 0.02, 20 * Units.GiB);
        return new Preset("serverless", "SerenDB serverless Postgres (separated storage and compute)", ServerlessArchitecture.Descriptor, "000_647a4d02151a6fcc.txt", p, sla, workload,
            Assume("a modest OLTP tenant: 2 MB/s of WAL, 300 transactions/s of 20 ms, 20 GiB"));
    }
}
