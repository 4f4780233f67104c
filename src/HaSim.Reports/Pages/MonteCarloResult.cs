using System.Text.Json;
using HaSim.Analysis.Statistics;
using HaSim.Reports.MonteCarlo;

namespace HaSim.Reports.Pages;

/// <summary>An estimate as a summary file states it: the point estimate, its interval and sample size (null where undefined).</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="Lower">The interval's lower bound (null: the data cannot bound it).</param>
/// <param name="Upper">The interval's upper bound.</param>
/// <param name="N">The sample size.</param>
public sealed record FileEstimate(double? Value, double? Lower, double? Upper, long N);

/// <summary>A distribution as a summary file states it.</summary>
/// <param name="N">How many values.</param>
/// <param name="Mean">The mean.</param>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="P999">The 99.9th percentile.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Cdf">Points of its distribution function.</param>
public sealed record FileDistribution(long N, FileEstimate Mean, FileEstimate P50, FileEstimate P90, FileEstimate P99, FileEstimate P999, double? Max, IReadOnlyList<CdfPoint> Cdf);

/// <summary>A failure mode's figures.</summary>
/// <param name="Name">Its key.</param>
/// <param name="Label">Its display label.</param>
/// <param name="IncidentsPerYear">Incidents per year.</param>
/// <param name="DowntimeMinutesPerYear">Client downtime it caused, minutes per year.</param>
/// <param name="DowntimeShare">Its share of all client downtime.</param>
/// <param name="Incidents">How many incidents.</param>
/// <param name="Metrics">Its per-incident distributions by metric key.</param>
public sealed record FileFailureMode(string Name, string Label, FileEstimate IncidentsPerYear, FileEstimate DowntimeMinutesPerYear, double? DowntimeShare, long Incidents, IReadOnlyDictionary<string, FileDistribution> Metrics);

/// <summary>A recovery stage's figures.</summary>
/// <param name="Name">Its key.</param>
/// <param name="Label">Its display label.</param>
/// <param name="Occurrences">How many times it ran.</param>
/// <param name="Share">Its time within downtime as a share of all downtime.</param>
/// <param name="MinutesPerYear">Its time within downtime, minutes per year.</param>
/// <param name="Duration">Its duration each time.</param>
public sealed record FileStage(string Name, string Label, long Occurrences, double? Share, FileEstimate MinutesPerYear, FileDistribution Duration);

/// <summary>A kind of degraded time.</summary>
/// <param name="Kind">Its key.</param>
/// <param name="Label">Its display label.</param>
/// <param name="Intervals">How many intervals.</param>
/// <param name="HoursPerYear">Hours per year.</param>
/// <param name="ShareOfTime">Share of all time.</param>
public sealed record FileDegraded(string Kind, string Label, long Intervals, FileEstimate HoursPerYear, double? ShareOfTime);

/// <summary>A credit tier.</summary>
/// <param name="UptimeBelow">The tier applies below this uptime.</param>
/// <param name="Credit">The credit, a fraction of the bill.</param>
/// <param name="Probability">The probability a month earns exactly this tier.</param>
public sealed record FileCreditTier(double UptimeBelow, double Credit, FileEstimate Probability);

/// <summary>The monthly figures.</summary>
/// <param name="Months">How many months.</param>
/// <param name="MonthSeconds">The length of a month.</param>
/// <param name="MeanUptime">Mean monthly uptime.</param>
/// <param name="UptimeP10">1 month in 10 is below this.</param>
/// <param name="UptimeP1">1 month in 100 is below this.</param>
/// <param name="UptimeP01">1 month in 1,000 is below this.</param>
/// <param name="MinUptime">The worst month.</param>
/// <param name="Histogram">The uptime histogram, months without downtime first.</param>
/// <param name="HistogramMonths">Months per histogram bin.</param>
/// <param name="SlaTarget">The SLA's monthly uptime target.</param>
/// <param name="SlaMiss">P(a month misses it).</param>
/// <param name="ExpectedCredit">Expected credit per month.</param>
/// <param name="Tiers">Credit tiers.</param>
public sealed record FileMonthly(long Months, double MonthSeconds, FileEstimate MeanUptime, FileEstimate UptimeP10, FileEstimate UptimeP1, FileEstimate UptimeP01, double? MinUptime,
    IReadOnlyList<Charts.UptimeBin> Histogram, IReadOnlyList<long> HistogramMonths, double SlaTarget, FileEstimate SlaMiss, FileEstimate ExpectedCredit, IReadOnlyList<FileCreditTier> Tiers);

/// <summary>
/// A Monte Carlo <c>summary.json</c> (format <c>hasim.monte-carlo/3</c>) read back for a report:
/// only the figures the report shows.
/// </summary>
/// <param name="File">The file it was read from.</param>
/// <param name="Name">The scenario's name.</param>
/// <param name="Preset">Its preset.</param>
/// <param name="Model">Its architecture.</param>
/// <param name="Hash">The scenario file's hash.</param>
/// <param name="Seed">The root seed.</param>
/// <param name="Years">Years per replication.</param>
/// <param name="Replications">Replications.</param>
/// <param name="Level">The confidence level.</param>
/// <param name="Incidents">Incidents in all.</param>
/// <param name="Unrecovered">Incidents not recovered before their replication ended.</param>
/// <param name="IncidentsPerYear">Incidents per year.</param>
/// <param name="Availability">Mean availability.</param>
/// <param name="Nines">Its nines.</param>
/// <param name="DowntimeMinutesPerYear">Client downtime per year, minutes.</param>
/// <param name="Overall">Per-incident distributions over all failure modes, by metric key.</param>
/// <param name="FailureModes">Per failure mode.</param>
/// <param name="Monthly">Monthly uptime and the SLA.</param>
/// <param name="Stages">Recovery stages.</param>
/// <param name="Degraded">Degraded time.</param>
public sealed record MonteCarloResult(
    string File, string Name, string Preset, string Model, string Hash, ulong Seed, double Years, long Replications, double Level,
    long Incidents, long Unrecovered, FileEstimate IncidentsPerYear, FileEstimate Availability, FileEstimate Nines, FileEstimate DowntimeMinutesPerYear,
    IReadOnlyDictionary<string, FileDistribution> Overall, IReadOnlyList<FileFailureMode> FailureModes, FileMonthly Monthly,
    IReadOnlyList<FileStage> Stages, IReadOnlyList<FileDegraded> Degraded)
{
    /// <summary>Reads <c>summary.json</c> text.</summary>
    /// <exception cref="ReportInputException">It is not a summary of the current format, or a field is missing or malformed.</exception>
    public static MonteCarloResult Parse(string file, string text) => From(JsonFields.Parse(file, text));

    internal static MonteCarloResult From(JsonFields j)
    {
        string format = j.String("format");
        if (format != MonteCarloJson.SummaryFormat)
        {
            throw new ReportInputException($"{j.File}: format {format}: a report needs {MonteCarloJson.SummaryFormat} (with distribution points and the uptime histogram); re-run the scenario with this version of hasim");
        }

        var scenario = j.Object("scenario");
        var incidents = j.Object("incidents");
        var availability = j.Object("availability");
        var monthly = j.Object("monthly");
        var uptime = monthly.Object("uptime");
        var sla = monthly.Object("sla");
        var credits = monthly.Object("credits");
        var bins = monthly.Array("uptime_histogram");
        var cause = j.Object("downtime_by_cause");
        return new MonteCarloResult(
            j.File,
            scenario.String("name"), scenario.String("preset"), scenario.String("model"), scenario.String("hash"),
            ulong.TryParse(j.Element.GetProperty("seed").GetRawText(), out var seed) ? seed : throw j.Error("seed", "expected a whole number"),
            j.Number("years_per_replication"), j.Long("replications"), j.Number("confidence_level"),
            incidents.Long("total"), incidents.Long("unrecovered"), Estimate(incidents.Object("per_year")),
            Estimate(availability.Object("mean")), Estimate(availability.Object("nines")), Estimate(availability.Object("downtime_minutes_per_year")),
            Metrics(j.Object("overall")),
            [.. j.Array("failure_modes").Select(m => new FileFailureMode(m.String("name"), m.String("label"), Estimate(m.Object("incidents_per_year")),
                Estimate(m.Object("downtime_minutes_per_year")), m.OptionalNumber("downtime_share"), m.Long("incidents"), Metrics(m)))],
            new FileMonthly(
                monthly.Long("months"), monthly.Number("month_seconds"), Estimate(uptime.Object("mean")), Estimate(uptime.Object("p10")), Estimate(uptime.Object("p1")),
                Estimate(uptime.Object("p0_1")), uptime.OptionalNumber("min"),
                [.. bins.Select(b => new Charts.UptimeBin(b.Number("at_least"), b.OptionalNumber("below"), b.OptionalNumber("share") ?? 0))],
                [.. bins.Select(b => b.Long("months"))],
                sla.Number("target"), Estimate(sla.Object("miss_probability")), Estimate(credits.Object("expected_per_month")),
                [.. credits.Array("tiers").Select(t => new FileCreditTier(t.Number("uptime_below"), t.Number("credit"), Estimate(t.Object("probability"))))]),
            [.. cause.Array("stages").Select(s => new FileStage(s.String("name"), s.String("label"), s.Long("occurrences"), s.OptionalNumber("share"),
                Estimate(s.Object("minutes_per_year")), Distribution(s.Object("duration_seconds"))))],
            [.. j.Array("degraded").Select(d => new FileDegraded(d.String("kind"), d.String("label"), d.Long("intervals"), Estimate(d.Object("hours_per_year")), d.OptionalNumber("share_of_time")))]);
    }

    /// <summary>The distribution of <paramref name="metric"/> over all incidents, or an empty one.</summary>
    public FileDistribution Of(string metric) => Overall.TryGetValue(metric, out var d) ? d : FileDistributionEmpty;

    internal static readonly FileEstimate NoEstimate = new(null, null, null, 0);

    internal static readonly FileDistribution FileDistributionEmpty = new(0, NoEstimate, NoEstimate, NoEstimate, NoEstimate, NoEstimate, null, []);

    internal static FileEstimate Estimate(JsonFields e) => new(e.OptionalNumber("estimate"), e.OptionalNumber("lower"), e.OptionalNumber("upper"), e.Long("n"));

    private static Dictionary<string, FileDistribution> Metrics(JsonFields owner)
    {
        var metrics = new Dictionary<string, FileDistribution>(StringComparer.Ordinal);
        foreach (var metric in HaSim.Model.Metrics.MetricTable.IncidentFigures)
        {
            if (owner.Has(metric.Key))
            {
                metrics[metric.Key] = Distribution(owner.Object(metric.Key));
            }
        }

        return metrics;
    }

    internal static FileDistribution Distribution(JsonFields d)
    {
        var cdf = new List<CdfPoint>();
        var points = d.Array("cdf");
        foreach (var p in points)
        {
            if (p.Element.ValueKind != JsonValueKind.Array || p.Element.GetArrayLength() != 2
                || !p.Element[0].TryGetDouble(out var x) || !p.Element[1].TryGetDouble(out var q) || !(q > 0 && q <= 1)
                || (cdf.Count > 0 && !(x > cdf[^1].Value && q > cdf[^1].Probability)))
            {
                throw new ReportInputException($"{p.File}: {p.Path}: expected [value, probability] continuing an increasing distribution function");
            }

            cdf.Add(new CdfPoint(x, q));
        }

        return new FileDistribution(d.Long("n"), Estimate(d.Object("mean")), Estimate(d.Object("p50")), Estimate(d.Object("p90")), Estimate(d.Object("p99")), Estimate(d.Object("p99_9")),
            d.OptionalNumber("max"), cdf);
    }
}
