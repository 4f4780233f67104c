using HaSim.Kernel.Distributions;
using static HaSim.Model.Presets.PresetBuilder;

namespace HaSim.Model.Presets;

/// <summary>Failure rates and outage durations (parameters.md section D), shared by the presets.</summary>
internal static class FailureRateFigures
{
    private const double Year = Parameters.Units.SecondsPerYear;
    private const double Month = Parameters.Units.SecondsPerMonth;

    /// <summary>Zone, region and node-level figures every architecture shares.</summary>
    public static PresetBuilder WithInfrastructureFailures(this PresetBuilder p) => p
        .Duration("failures.az_outage.interval", Exponential.FromMean(4 * Year), Assume("parameters.md D 'AZ event rate GUESS 0.5-1 per region-year': 0.75 per region-year over 3 zones, one per zone every 4 years"))
        .Duration("failures.az_outage.duration", LogNormal.FromMedianAndP95(2 * 3600, 12 * 3600), Assume("parameters.md D 'duration lognormal median 2 h, p95 12 h' (AWS zone events: 20 min to ~10 h)"))
        .Duration("failures.region_outage.interval", Exponential.FromMean(50 * Year), Assume("a whole-region outage once in 50 years"))
        .Duration("failures.region_outage.duration", LogNormal.FromMedianAndP95(3 * 3600, 12 * 3600), Assume("median 3 h, p95 12 h; parameters.md C: us-east-1 2025-10-20 control-plane outage lasted 8.2 h"));

    /// <summary>Serverless compute and storage failure figures.</summary>
    public static PresetBuilder WithServerlessFailures(this PresetBuilder p) => p
        .WithInfrastructureFailures()
        .Duration("failures.postgres_crash.interval", Exponential.FromMean(Year / 2.5), Assume("parameters.md D 'Postgres crash 1-4 per node-year': 2.5 per year"))
        .Duration("failures.unresponsive.interval", Exponential.FromMean(2 * Year), Assume("an endpoint hangs once in 2 years"))
        .Duration("failures.unresponsive.duration", LogNormal.FromMedianAndP95(600, 3600), Assume("a hang lasts median 10 min, p95 1 h, so most reach the 5-minute check"))
        .Duration("failures.vm_failure.interval", Exponential.FromMean(Year / 4), Assume("parameters.md D 'VM reboot/maintenance 2-6 per year': 4 per year"))
        .Duration("failures.node_failure.interval", Exponential.FromMean(4.3 * Month), Seed("parameters.md D: node MTTF 4.3 months, all unavailability (Ford et al., OSDI 2010)"))
        .Duration("failures.pageserver_failure.interval", Exponential.FromMean(4.3 * Month), Seed("parameters.md D: node MTTF 4.3 months (Ford et al.), per pageserver"))
        .Duration("failures.safekeeper_outage.interval", Exponential.FromMean(4.3 * Month), Seed("parameters.md D: node MTTF 4.3 months (Ford et al.), per safekeeper"))
        .Duration("failures.safekeeper_outage.duration", LogNormal.FromMedianAndPercentile(180, 0.9, 900), Seed("parameters.md D: '< 10% last more than 15 min' (Ford et al.); median 3 min assumed"))
        .Duration("failures.object_storage_outage.interval", Exponential.FromMean(Year), Assume("derived from S3's 99.99% designed availability (parameters.md A): ~53 min a year, one event a year"))
        .Duration("failures.object_storage_outage.duration", LogNormal.FromMedianAndP95(1800, 7200), Assume("median 30 min, p95 2 h (mean ~45 min)"));

    /// <summary>Server failure figures; <paramref name="maintenanceDays"/> is the mean time between planned maintenance events.</summary>
    public static PresetBuilder WithServerFailures(this PresetBuilder p, bool standbys, double maintenanceDays) => (standbys
            ? p.Duration("failures.standby_failure.interval", Exponential.FromMean(2 * Year), Assume("as server_failure, per standby"))
            : p)
        .WithInfrastructureFailures()
        .Duration("failures.engine_crash.interval", Exponential.FromMean(Year / 2.5), Assume("parameters.md D 'Postgres crash 1-4 per node-year': 2.5 per year, including short reboots"))
        .Duration("failures.server_failure.interval", Exponential.FromMean(2 * Year), Assume("permanent loss of the VM or host, once in 2 years; Ford et al.'s 4.3-month node MTTF counts short reboots too, modelled as engine crashes"))
        .Duration("failures.storage_copy_failure.interval", Exponential.FromMean(Year / 0.09), Seed("parameters.md D: disk replacement 2-4% a year (Schroeder & Gibson); 3 copies at 3%"))
        .Duration("failures.maintenance.interval", new Uniform(0.5 * maintenanceDays * 86400, 1.5 * maintenanceDays * 86400), Assume($"planned maintenance about every {maintenanceDays:G3} days"));
}
