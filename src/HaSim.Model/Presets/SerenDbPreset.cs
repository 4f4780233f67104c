using HaSim.Kernel.Distributions;
using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Parameters;
using HaSim.Model.Workloads;
using static HaSim.Model.Presets.PresetBuilder;

namespace HaSim.Model.Presets;

/// <summary>SerenDB serverless Postgres (seed 000) with Neon-derived figures (parameters.md section A).</summary>
internal static class SerenDbPreset
{
    private const string Seed000 = "seed 000 (SerenDB HA)";

    public static Preset Create()
    {
        var p = new PresetBuilder(ServerlessCatalog.Catalog)
            .Duration("compute.crash_detection", new Uniform(0.5, 2), Assume("in-VM supervisor notices the exit within a couple of seconds; seed 000 says the whole restart 'typically completes within a few seconds'"))
            .Duration("compute.postgres_restart", LogNormal.FromMedianAndP99(2, 8), Assume("Postgres start without crash recovery on stateless compute; keeps seed 000's 'few seconds' total"))
            .Duration("compute.vm_detection", new Uniform(5, 30), Assume("parameters.md A 'Compute VM loss detection: GUESS 5-30 s uniform'"))
            .Duration("compute.start_from_pool", LogNormal.FromMedianAndP99(0.5, 3), Seed("parameters.md A: warm-pool start 'a few hundred milliseconds'..'a few s' (Neon compute-lifecycle docs), lognormal median 0.5 s, p99 3 s"))
            .Duration("compute.cold_start", new Uniform(3, 6), Seed("parameters.md A: compute start 'before pool 3-6 s'"))
            .Number("compute.warm_pool_size", ParameterKind.Count, 10, Assume("ready VMs this endpoint can draw on; large enough that single incidents never find it empty"))
            .Duration("compute.warm_pool_refill", new Uniform(30, 60), Assume("time to boot a replacement VM into the pool"))
            .Duration("compute.endpoint_reattach", new Uniform(0.5, 2), Assume("proxy route update; seed 000: VM failure 'typically resolves in seconds'"))
            .Seconds("compute.unresponsive_detection", 300, Seed(Seed000 + ": unresponsive endpoints are reattached to a new compute 'after 5 minutes'"))
            .Duration("compute.cache_warmup", LogNormal.FromMedianAndP99(300, 1800), Assume("local file cache (~75% of RAM, parameters.md A) rebuilt by the workload: median 5 min, p99 30 min"))
            .Duration("kubernetes.node_detection", new Uniform(40, 50), Seed("parameters.md B: Kubernetes node-monitor-grace-period 40 s (<= v1.31), 50 s (>= v1.32)"))
            .Duration("kubernetes.reschedule", new Uniform(20, 70), Assume("calibrated so detection + reschedule matches seed 000's node failure 'typically takes 1-2 minutes'"))
            .Number("kubernetes.spare_slots_per_az", ParameterKind.Count, 50, Assume("spare compute slots per surviving zone"))
            .Number("kubernetes.slots_per_new_node", ParameterKind.Count, 30, Assume("computes per newly provisioned node"))
            .Duration("kubernetes.node_provisioning", LogNormal.FromMedianAndP99(180, 420), Assume("cluster-autoscaler node: median 3 min, p99 7 min; with the slots above, zone-failure recovery spans seed 000's 1-10 minutes"))
            .Number("kubernetes.max_concurrent_provisioning", ParameterKind.Count, 3, Assume("nodes the autoscaler brings up in parallel"))
            .Number("fleet.computes_per_az", ParameterKind.Count, 150, Assume("computes of all tenants in a zone"))
            .Duration("pageserver.detection", new Uniform(30, 35), Seed("parameters.md A: storage controller heartbeat 5 s, max_offline_interval 30 s, detection ~30-35 s (neon service.rs, heartbeater.rs)"))
            .Duration("pageserver.promotion", new Uniform(1, 5), Seed("parameters.md A: reconcile short timeout 5 s (neon service.rs)"))
            .Duration("pageserver.compute_repoint", new Uniform(0, 10), Seed("parameters.md A: compute re-point hook, 10 s timeout (neon compute_hook.rs)"))
            .Duration("pageserver.secondary_rebuild", LogNormal.FromMedianAndP99(900, 3600), Assume("new secondary downloads the tenant's layers (warm-up every 60 s, parameters.md A): median 15 min, p99 1 h"))
            .Duration("pageserver.restore_from_object_storage", LogNormal.FromMedianAndP99(120, 600), Assume("attach a tenant from object storage with no warm secondary: median 2 min, p99 10 min"))
            .Number("safekeeper.count", ParameterKind.Count, 3, Seed("parameters.md A: 3 safekeepers per timeline, one per AZ (neon storage_controller)"))
            .Number("safekeeper.quorum", ParameterKind.Count, 2, Seed("parameters.md A: commit acknowledged by a majority, 2 of 3 (neon docs/walservice.md)"))
            .Duration("safekeeper.replacement", LogNormal.FromMedianAndP99(600, 3600), Assume("a lost safekeeper is replaced and re-synced: median 10 min, p99 1 h"))
            .Duration("safekeeper.reconnect", new Uniform(0, 1), Seed("parameters.md A: compute reconnects to safekeepers every 1 s (neon walproposer_pg.c)"))
            .WithServerlessFailures()
            .Number("sla.target", ParameterKind.Fraction, 0.9995, Seed("parameters.md A/E: Neon Business SLA 99.95% for compute endpoints"))
            .Build();
        var sla = new ServiceLevel(
            [new CreditTier(0.9995, 0.10), new CreditTier(0.99, 0.15), new CreditTier(0.98, 0.20), new CreditTier(0.96, 0.80)],
            Seed("parameters.md A: Neon Business SLA credits 10% < 99.95, 15% < 99.0, 20% < 98.0, 80% < 96.0"));
        var workload = new Workload(WalSchedule.Constant(2e6), 300, 0.02, 20 * Units.GiB);
        return new Preset("serverless", "SerenDB serverless Postgres (separated storage and compute)", Model.Presets.ModelKind.Serverless, "000_647a4d02151a6fcc.txt", p, sla, workload,
            Assume("a modest OLTP tenant: 2 MB/s of WAL, 300 transactions/s of 20 ms, 20 GiB"));
    }
}
