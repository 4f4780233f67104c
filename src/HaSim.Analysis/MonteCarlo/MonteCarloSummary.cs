using HaSim.Analysis.RareEvents;
using HaSim.Analysis.Statistics;
using HaSim.Model.Architectures;
using HaSim.Model.Metrics;
using HaSim.Model.Presets;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// The report figures of a Monte Carlo run, computed from a <see cref="MonteCarloAccumulator"/> alone
/// (so a merged accumulator gives exactly the same summary as a single run). Every estimate carries
/// its interval and sample size.
/// </summary>
/// <param name="Scenario">Which scenario ran.</param>
/// <param name="Settings">Years, replications, seed, SLA and confidence level.</param>
/// <param name="RelativeAccuracy">The relative error bound of every quantile (already inside their intervals).</param>
/// <param name="Incidents">Incidents over all replications.</param>
/// <param name="Unrecovered">Incidents whose clients were not back before the end of their replication (left out of client RTO).</param>
/// <param name="IncidentsPerYear">Incidents per simulated year, across replications.</param>
/// <param name="Availability">Availability, its nines and downtime per year.</param>
/// <param name="Overall">Per-incident figures over all failure modes.</param>
/// <param name="FailureModes">Per failure mode, by name.</param>
/// <param name="Monthly">Monthly uptime, SLA misses and credits.</param>
/// <param name="Stages">Recovery stages, by name.</param>
/// <param name="Degraded">Degraded time, by kind.</param>
/// <param name="RareEvents">The rare-event probabilities (data loss, long outages per year; a month below the SLA), with their event counts.</param>
public sealed record MonteCarloSummary(
    ScenarioIdentity Scenario,
    MonteCarloSettings Settings,
    double RelativeAccuracy,
    long Incidents,
    long Unrecovered,
    Estimate IncidentsPerYear,
    AvailabilitySummary Availability,
    IncidentMetrics Overall,
    IReadOnlyList<FailureModeSummary> FailureModes,
    MonthlySummary Monthly,
    IReadOnlyList<StageSummary> Stages,
    IReadOnlyList<DegradedSummary> Degraded,
    IReadOnlyList<RareEventFigure> RareEvents)
{
    /// <summary>The total simulated years.</summary>
    public double SimulatedYears => Settings.Years * Settings.Replications;

    /// <summary>Summarises <paramref name="a"/>.</summary>
    public static MonteCarloSummary From(ScenarioIdentity scenario, MonteCarloAccumulator a)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(a);
        var s = a.Settings;
        double level = s.Level;
        long n = a.Replications;
        double years = s.Years;
        double horizon = s.HorizonSeconds;

        var downtime = Estimate.Mean(a.DowntimePerReplication, n, level, nonNegative: true);
        double totalDowntime = Math.Max(0, a.DowntimePerReplication.Sum);
        var availability = new AvailabilitySummary(
            downtime.MapDecreasing(d => 1 - (d / horizon)),
            downtime.MapDecreasing(d => d > 0 ? -Math.Log10(d / horizon) : double.PositiveInfinity),
            downtime.Map(d => d / years / 60));

        var overall = new FailureModeAccumulator();
        foreach (var (_, mode) in MonteCarloAccumulator.Sorted(a.Modes))
        {
            overall.Merge(mode);
        }

        var architecture = ArchitectureRegistry.Find(scenario.Model);
        var modes = MonteCarloAccumulator.Sorted(a.Modes).Select(kv => new FailureModeSummary(
            kv.Key,
            architecture?.FailureModes.LabelOf(kv.Key) ?? kv.Key,
            Metrics(kv.Value, level),
            Estimate.Mean(kv.Value.IncidentsPerReplication, n, level, 1 / years, nonNegative: true),
            Estimate.Mean(kv.Value.DowntimePerReplication, n, level, 1 / years / 60, nonNegative: true),
            Share(kv.Value.DowntimePerReplication.Sum, totalDowntime))).ToList();

        var stages = MonteCarloAccumulator.Sorted(a.Stages).Select(kv => new StageSummary(
            kv.Key,
            architecture?.Stages.LabelOf(kv.Key) ?? kv.Key,
            kv.Value.Occurrences,
            kv.Value.Duration.Summarise(level),
            Estimate.Mean(kv.Value.DowntimePerReplication, n, level, 1 / years / 60, nonNegative: true),
            Share(kv.Value.DowntimePerReplication.Sum, totalDowntime))).ToList();

        var degraded = MonteCarloAccumulator.Sorted(a.Degraded).Select(kv => new DegradedSummary(
            kv.Key,
            architecture?.DegradedKinds.LabelOf(kv.Key) ?? kv.Key,
            kv.Value.Intervals,
            Estimate.Mean(kv.Value.PerReplication, n, level, 1 / years / 3600, nonNegative: true),
            n == 0 ? double.NaN : kv.Value.PerReplication.Sum / (n * horizon))).ToList();

        return new MonteCarloSummary(
            scenario,
            s,
            a.MonthDowntime.Sketch.RelativeAccuracy,
            a.Incidents,
            a.Unrecovered,
            Estimate.Mean(a.IncidentsPerReplication, n, level, 1 / years, nonNegative: true),
            availability,
            Metrics(overall, level),
            modes,
            MonthlyFigures(a, level),
            stages,
            degraded,
            RareEventFigure.Of(a));
    }

    private static double Share(double part, double total) => total > 0 ? Math.Max(0, part) / total : 0;

    private static IncidentMetrics Metrics(FailureModeAccumulator m, double level) => new(
        m.Incidents,
        m.Unrecovered,
        [.. MetricTable.IncidentFigures.Select((metric, k) => new MetricFigure(metric, m.Figures[k].Summarise(level)))]);

    private static MonthlySummary MonthlyFigures(MonteCarloAccumulator a, double level)
    {
        const double m = MonteCarloSettings.MonthSeconds;
        var s = a.Settings;
        var downtime = a.MonthDowntime.Summarise(level);
        var months = a.MonthDowntime.Count;
        var meanDowntime = new Estimate(downtime.MeanInterval with { Lower = Math.Max(0, downtime.MeanInterval.Lower) }, months);
        static Estimate Uptime(ConfidenceInterval downtimeQuantile, long n) =>
            new Estimate(downtimeQuantile, n).MapDecreasing(d => 1 - (d / m));
        var bands = MonteCarloAccumulator.UptimeBands.Select((b, k) => new UptimeBand(b, Estimate.Of(a.Bands[k], level))).ToList();
        var tiers = s.CreditTiers.Select((t, k) => new CreditTierSummary(t, Estimate.Of(a.Tiers[k], level), t.CreditFraction * a.Tiers[k].Proportion)).ToList();
        return new MonthlySummary(
            months,
            m,
            s.SlaTarget,
            downtime,
            meanDowntime.MapDecreasing(d => 1 - (d / m)),
            Uptime(downtime.P50, months),
            Uptime(downtime.P90, months),
            Uptime(downtime.P99, months),
            Uptime(downtime.P999, months),
            months == 0 ? double.NaN : 1 - (downtime.Max / m),
            Estimate.Of(a.MonthsMissed, level),
            bands,
            Estimate.Mean(a.MonthCredit, a.MonthCredit.Count, level, nonNegative: true),
            tiers)
        {
            UptimeHistogram = UptimeHistogram.From(a.MonthDowntime.Sketch, m, [s.SlaTarget, .. s.CreditTiers.Select(t => t.UptimeBelow)]),
        };
    }
}

/// <summary>Availability over the replications.</summary>
/// <param name="Availability">1 − downtime / time, mean over replications with a t interval.</param>
/// <param name="Nines">−log10(1 − availability), with the interval mapped from availability's (infinite when no downtime is possible within it).</param>
/// <param name="DowntimeMinutesPerYear">Client downtime per simulated year, in minutes.</param>
public sealed record AvailabilitySummary(Estimate Availability, Estimate Nines, Estimate DowntimeMinutesPerYear);

/// <summary>Per-incident figures of a set of incidents, one per <see cref="MetricTable.IncidentFigures"/> entry.</summary>
/// <param name="Incidents">How many incidents.</param>
/// <param name="Unrecovered">How many had no client recovery before the end of their replication (not in client RTO).</param>
/// <param name="Figures">Each figure's distribution, in the metric table's order.</param>
public sealed record IncidentMetrics(long Incidents, long Unrecovered, IReadOnlyList<MetricFigure> Figures)
{
    /// <summary>The distribution of <paramref name="metric"/>.</summary>
    /// <exception cref="ArgumentException">The metric is not one of <see cref="MetricTable.IncidentFigures"/>.</exception>
    public StatisticSummary Of(Metric metric) =>
        Figures.FirstOrDefault(f => ReferenceEquals(f.Metric, metric))?.Summary ?? throw new ArgumentException($"'{metric.Key}' is not a per-incident figure.", nameof(metric));
}

/// <summary>The distribution of one per-incident metric.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Summary">Its distribution, in the metric's unit.</param>
public sealed record MetricFigure(Metric Metric, StatisticSummary Summary);

/// <summary>One failure mode's figures.</summary>
/// <param name="Name">The failure mode's key.</param>
/// <param name="Label">Its display label.</param>
/// <param name="Metrics">Its per-incident figures.</param>
/// <param name="IncidentsPerYear">Its incidents per simulated year.</param>
/// <param name="DowntimeMinutesPerYear">Client downtime it caused per year (overlaps counted once, for the earlier incident).</param>
/// <param name="DowntimeShare">Its share of all client downtime.</param>
public sealed record FailureModeSummary(string Name, string Label, IncidentMetrics Metrics, Estimate IncidentsPerYear, Estimate DowntimeMinutesPerYear, double DowntimeShare);

/// <summary>One recovery stage's figures.</summary>
/// <param name="Name">The stage's key.</param>
/// <param name="Label">Its display label.</param>
/// <param name="Occurrences">How many times it ran.</param>
/// <param name="Duration">Its duration each time, seconds.</param>
/// <param name="DowntimeMinutesPerYear">Its time within client downtime per year.</param>
/// <param name="DowntimeShare">That time as a share of all client downtime (stages can run in parallel, so shares need not add up to 1).</param>
public sealed record StageSummary(string Name, string Label, long Occurrences, StatisticSummary Duration, Estimate DowntimeMinutesPerYear, double DowntimeShare);

/// <summary>One kind of degraded time.</summary>
/// <param name="Kind">The degraded kind's key.</param>
/// <param name="Label">Its display label.</param>
/// <param name="Intervals">How many intervals.</param>
/// <param name="HoursPerYear">Hours per simulated year.</param>
/// <param name="TimeShare">Share of all simulated time.</param>
public sealed record DegradedSummary(string Kind, string Label, long Intervals, Estimate HoursPerYear, double TimeShare);

/// <summary>Monthly uptime and the SLA.</summary>
/// <param name="Months">Months observed (replications × whole months per replication).</param>
/// <param name="MonthSeconds">The length of a month.</param>
/// <param name="SlaTarget">The monthly uptime target.</param>
/// <param name="DowntimeSeconds">The distribution of downtime per month, seconds.</param>
/// <param name="MeanUptime">Mean monthly uptime.</param>
/// <param name="UptimeP50">Median monthly uptime.</param>
/// <param name="UptimeP10">10th percentile of monthly uptime (from the 90th percentile of monthly downtime).</param>
/// <param name="UptimeP1">1st percentile (from the 99th of downtime).</param>
/// <param name="UptimeP01">0.1th percentile (from the 99.9th of downtime).</param>
/// <param name="MinUptime">The worst month.</param>
/// <param name="SlaMiss">The probability that a month's uptime is below the target (Wilson interval, months as trials).</param>
/// <param name="Bands">P(uptime ≥ threshold) for fixed thresholds.</param>
/// <param name="ExpectedCredit">The expected service credit per month, as a fraction of the monthly bill.</param>
/// <param name="Tiers">Per credit tier: the probability a month earns it and its contribution to the expected credit.</param>
public sealed record MonthlySummary(
    long Months,
    double MonthSeconds,
    double SlaTarget,
    StatisticSummary DowntimeSeconds,
    Estimate MeanUptime,
    Estimate UptimeP50,
    Estimate UptimeP10,
    Estimate UptimeP1,
    Estimate UptimeP01,
    double MinUptime,
    Estimate SlaMiss,
    IReadOnlyList<UptimeBand> Bands,
    Estimate ExpectedCredit,
    IReadOnlyList<CreditTierSummary> Tiers)
{
    /// <summary>The monthly uptime histogram (see <see cref="MonteCarlo.UptimeHistogram"/>).</summary>
    public IReadOnlyList<UptimeHistogramBin> UptimeHistogram { get; init; } = [];
}

/// <summary>The probability that a month's uptime is at least <paramref name="AtLeast"/>.</summary>
/// <param name="AtLeast">The uptime threshold.</param>
/// <param name="Probability">Its probability (Wilson interval).</param>
public sealed record UptimeBand(double AtLeast, Estimate Probability);

/// <summary>One credit tier: how often a month earns it and what it contributes to the expected credit.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Probability">The probability that a month earns exactly this tier's credit (Wilson interval).</param>
/// <param name="ExpectedCredit">Credit × probability: this tier's share of the expected monthly credit.</param>
public sealed record CreditTierSummary(CreditTier Tier, Estimate Probability, double ExpectedCredit);
