using System.Globalization;
using HaSim.Kernel.Distributions;
using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Architectures.Servers;
using HaSim.Model.Failures;
using static HaSim.Model.Presets.PresetBuilder;

namespace HaSim.Model.Presets;

/// <summary>Failure rates and outage durations (parameters.md section D), shared by the presets.</summary>
internal static class FailureRateFigures
{
    private const double Year = Parameters.Units.SecondsPerYear;
    private const double Month = Parameters.Units.SecondsPerMonth;

    /// <summary>Zone and region figures every architecture shares.</summary>
    public static PresetBuilder WithInfrastructureFailures(this PresetBuilder p) => p
        .Duration(InfrastructureFailures.ZoneOutages.Interval, Exponential.FromMean(4 * Year), Assume("parameters.md D 'AZ event rate GUESS 0.5-1 per region-year': 0.75 per region-year over 3 zones, one per zone every 4 years"))
        .Duration(InfrastructureFailures.ZoneOutages.Duration!, LogNormal.FromMedianAndP95(2 * 3600, 12 * 3600), Assume("parameters.md D 'duration lognormal median 2 h, p95 12 h' (AWS zone events: 20 min to ~10 h)"))
        .Duration(InfrastructureFailures.RegionOutages.Interval, Exponential.FromMean(50 * Year), Assume("a whole-region outage once in 50 years"))
        .Duration(InfrastructureFailures.RegionOutages.Duration!, LogNormal.FromMedianAndP95(3 * 3600, 12 * 3600), Assume("median 3 h, p95 12 h; parameters.md C: us-east-1 2025-10-20 control-plane outage lasted 8.2 h"));

    /// <summary>Serverless compute and storage failure figures.</summary>
    public static PresetBuilder WithServerlessFailures(this PresetBuilder p) => p
        .WithInfrastructureFailures()
        .Duration(ServerlessArchitecture.PostgresCrashes.Interval, Exponential.FromMean(Year / 2.5), Assume("parameters.md D 'Postgres crash 1-4 per node-year': 2.5 per year"))
        .Duration(ServerlessArchitecture.Hangs.Interval, Exponential.FromMean(2 * Year), Assume("an endpoint hangs once in 2 years"))
        .Duration(ServerlessArchitecture.Hangs.Duration!, LogNormal.FromMedianAndP95(600, 3600), Assume("a hang lasts median 10 min, p95 1 h, so most reach the 5-minute check"))
        .Duration(ServerlessArchitecture.VmFailures.Interval, Exponential.FromMean(Year / 4), Assume("parameters.md D 'VM reboot/maintenance 2-6 per year': 4 per year"))
        .Duration(ServerlessArchitecture.NodeFailures.Interval, Exponential.FromMean(4.3 * Month), Seed("parameters.md D: node MTTF 4.3 months, all unavailability (Ford et al., OSDI 2010)"))
        .Duration(ServerlessArchitecture.PageserverFailures.Interval, Exponential.FromMean(4.3 * Month), Seed("parameters.md D: node MTTF 4.3 months (Ford et al.), per pageserver"))
        .Duration(ServerlessArchitecture.SafekeeperOutages.Interval, Exponential.FromMean(4.3 * Month), Seed("parameters.md D: node MTTF 4.3 months (Ford et al.), per safekeeper"))
        .Duration(ServerlessArchitecture.SafekeeperOutages.Duration!, LogNormal.FromMedianAndPercentile(180, 0.9, 900), Seed("parameters.md D: '< 10% last more than 15 min' (Ford et al.); median 3 min assumed"))
        .Duration(InfrastructureFailures.ObjectStorageOutages.Interval, Exponential.FromMean(Year), Assume("derived from S3's 99.99% designed availability (parameters.md A): ~53 min a year, one event a year"))
        .Duration(InfrastructureFailures.ObjectStorageOutages.Duration!, LogNormal.FromMedianAndP95(1800, 7200), Assume("median 30 min, p95 2 h (mean ~45 min)"));

    /// <summary>Server failure figures; <paramref name="maintenanceDays"/> is the mean time between planned maintenance events.</summary>
    public static PresetBuilder WithServerFailures(this PresetBuilder p, bool standbys, double maintenanceDays) => (standbys
            ? p.Duration(ServerArchitectures.StandbyFailures.Interval, Exponential.FromMean(2 * Year), Assume("as server_failure, per standby"))
                .Duration(ServerArchitectures.PlannedMaintenance.Interval, Maintenance(maintenanceDays), Assume(string.Create(CultureInfo.InvariantCulture, $"planned maintenance about every {maintenanceDays:G3} days")))
            : p.Duration(ServerArchitectures.MaintenanceRestarts.Interval, Maintenance(maintenanceDays), Assume(string.Create(CultureInfo.InvariantCulture, $"planned maintenance about every {maintenanceDays:G3} days"))))
        .WithInfrastructureFailures()
        .Duration(ServerArchitectures.EngineCrashes.Interval, Exponential.FromMean(Year / 2.5), Assume("parameters.md D 'Postgres crash 1-4 per node-year': 2.5 per year, including short reboots"))
        .Duration(ServerArchitectures.ServerFailures.Interval, Exponential.FromMean(2 * Year), Assume("permanent loss of the VM or host, once in 2 years; Ford et al.'s 4.3-month node MTTF counts short reboots too, modelled as engine crashes"))
        .Duration(ServerArchitectures.StorageCopyFailures.Interval, Exponential.FromMean(Year / 0.09), Seed("parameters.md D: disk replacement 2-4% a year (Schroeder & Gibson); 3 copies at 3%"));

    private static Uniform Maintenance(double days) => new(0.5 * days * 86400, 1.5 * days * 86400);
}
