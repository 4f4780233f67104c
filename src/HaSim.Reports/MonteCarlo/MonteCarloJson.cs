using System.Text.Json;
using HaSim.Analysis;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.RareEvents;
using HaSim.Analysis.Statistics;
using HaSim.Model.Metrics;

namespace HaSim.Reports.MonteCarlo;

/// <summary>
/// Writes Monte Carlo results as JSON: <c>summary.json</c> (format <c>hasim.monte-carlo/3</c>) and
/// the comparison document (format <c>hasim.monte-carlo-compare/3</c>).
/// </summary>
/// <remarks>
/// <para>The text depends only on the summary, never on threads, shards, timing or the machine, so
/// equal accumulators give byte-identical files. Keys appear in a fixed order; failure modes, stages
/// and degraded kinds are sorted by name (ordinal). Times are seconds unless the key says otherwise;
/// probabilities, shares and uptimes are fractions in [0, 1].</para>
/// <para>An <b>estimate</b> is <c>{"estimate":x,"lower":l,"upper":u,"n":n}</c>: the point estimate, the
/// bounds of its confidence interval at <c>confidence_level</c> and the sample size it rests on;
/// a bound the data cannot support (or an undefined estimate) is <c>null</c>. A <b>distribution</b> is
/// <c>{"n":n,"mean":{…},"sd":s,"p50":{…},"p90":{…},"p99":{…},"p99_9":{…},"min":x,"max":x,"cdf":[[x,p],…]}</c>, each
/// quantile an estimate with a distribution-free interval that includes the sketch's relative error, and
/// <c>cdf</c> points of the distribution function (p exactly the share of values at most x) for charts.</para>
/// </remarks>
public static class MonteCarloJson
{
    /// <summary>The format id of <c>summary.json</c>.</summary>
    public const string SummaryFormat = "hasim.monte-carlo/3";

    /// <summary>The format id of the comparison document.</summary>
    public const string CompareFormat = "hasim.monte-carlo-compare/3";

    /// <summary>The <c>summary.json</c> text.</summary>
    public static string Summary(MonteCarloSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return JsonText.Write(w => WriteSummary(w, summary));
    }

    /// <summary>The comparison document's text.</summary>
    public static string Comparison(ComparisonSummary comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", CompareFormat);
            w.WriteNumber("seed", comparison.Seed);
            w.WriteNumber("years_per_replication", comparison.Years);
            w.WriteNumber("replications", comparison.Replications);
            w.WriteNumber("confidence_level", comparison.Level);
            w.WriteNumber("batches", comparison.Batches);
            w.WriteString("difference", "second minus first");
            w.WriteStartArray("scenarios");
            foreach (var s in comparison.Scenarios)
            {
                w.WriteStartObject();
                WriteIdentity(w, s.Scenario);
                WriteEstimate(w, "availability", s.Availability.Availability);
                WriteEstimate(w, "nines", s.Availability.Nines);
                WriteEstimate(w, "downtime_minutes_per_year", s.Availability.DowntimeMinutesPerYear);
                WriteEstimate(w, "incidents_per_year", s.IncidentsPerYear);
                WriteEstimate(w, "client_rto_mean_seconds", new Estimate(s.Overall.Of(MetricTable.Rto).MeanInterval, s.Overall.Of(MetricTable.Rto).Count));
                WriteEstimate(w, "client_rto_p99_seconds", new Estimate(s.Overall.Of(MetricTable.Rto).P99, s.Overall.Of(MetricTable.Rto).Count));
                WriteNumber(w, "sla_target", s.Monthly.SlaTarget);
                WriteEstimate(w, "sla_miss_probability", s.Monthly.SlaMiss);
                WriteEstimate(w, "rpo_seconds_mean", new Estimate(s.Overall.Of(MetricTable.RpoSeconds).MeanInterval, s.Overall.Of(MetricTable.RpoSeconds).Count));
                WriteEstimate(w, "rpo_bytes_p99", new Estimate(s.Overall.Of(MetricTable.RpoBytes).P99, s.Overall.Of(MetricTable.RpoBytes).Count));
                w.WritePropertyName("summary");
                WriteSummary(w, s);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("pairs");
            foreach (var p in comparison.Pairs)
            {
                w.WriteStartObject();
                w.WriteString("first", comparison.Scenarios[p.A].Scenario.Name);
                w.WriteString("second", comparison.Scenarios[p.B].Scenario.Name);
                w.WriteStartObject("paired_over_replications");
                WriteEstimate(w, "availability", p.Availability);
                WriteEstimate(w, "downtime_minutes_per_year", p.DowntimeMinutesPerYear);
                WriteEstimate(w, "sla_miss_probability", p.SlaMiss);
                WriteEstimate(w, "incidents_per_year", p.IncidentsPerYear);
                WriteEstimate(w, "rpo_bytes_per_year", p.RpoBytesPerYear);
                w.WriteEndObject();
                w.WriteStartObject("paired_over_batches");
                WriteEstimate(w, "client_rto_mean_seconds", p.MeanClientRto);
                WriteEstimate(w, "client_rto_p99_seconds", p.P99ClientRto);
                WriteEstimate(w, "rpo_seconds_mean", p.MeanRpoSeconds);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    internal static void WriteSummary(Utf8JsonWriter w, MonteCarloSummary s)
    {
        var settings = s.Settings;
        w.WriteStartObject();
        w.WriteString("format", SummaryFormat);
        WriteIdentity(w, s.Scenario);
        w.WriteNumber("seed", settings.Seed);
        w.WriteNumber("years_per_replication", settings.Years);
        w.WriteNumber("replications", settings.Replications);
        w.WriteNumber("simulated_years", s.SimulatedYears);
        w.WriteNumber("confidence_level", settings.Level);
        w.WriteNumber("quantile_relative_accuracy", s.RelativeAccuracy);

        w.WriteStartObject("incidents");
        w.WriteNumber("total", s.Incidents);
        w.WriteNumber("unrecovered", s.Unrecovered);
        WriteEstimate(w, "per_year", s.IncidentsPerYear);
        w.WriteEndObject();

        w.WriteStartObject("availability");
        WriteEstimate(w, "mean", s.Availability.Availability);
        WriteEstimate(w, "nines", s.Availability.Nines);
        WriteEstimate(w, "downtime_minutes_per_year", s.Availability.DowntimeMinutesPerYear);
        w.WriteEndObject();

        w.WritePropertyName("overall");
        w.WriteStartObject();
        WriteMetrics(w, s.Overall);
        w.WriteEndObject();

        w.WriteNamedObjects("failure_modes", s.FailureModes, "name", m => (m.Name, m.Label), m =>
        {
            WriteEstimate(w, "incidents_per_year", m.IncidentsPerYear);
            WriteEstimate(w, "downtime_minutes_per_year", m.DowntimeMinutesPerYear);
            WriteNumber(w, "downtime_share", m.DowntimeShare);
            WriteMetrics(w, m.Metrics);
        });

        var mo = s.Monthly;
        w.WriteStartObject("monthly");
        w.WriteNumber("months", mo.Months);
        w.WriteNumber("month_seconds", mo.MonthSeconds);
        WriteDistribution(w, "downtime_seconds", mo.DowntimeSeconds);
        w.WriteStartObject("uptime");
        WriteEstimate(w, "mean", mo.MeanUptime);
        WriteEstimate(w, "p50", mo.UptimeP50);
        WriteEstimate(w, "p10", mo.UptimeP10);
        WriteEstimate(w, "p1", mo.UptimeP1);
        WriteEstimate(w, "p0_1", mo.UptimeP01);
        WriteNumber(w, "min", mo.MinUptime);
        w.WriteEndObject();
        w.WriteStartArray("uptime_bands");
        foreach (var b in mo.Bands)
        {
            w.WriteStartObject();
            w.WriteNumber("at_least", b.AtLeast);
            WriteEstimate(w, "probability", b.Probability);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("uptime_histogram");
        foreach (var bin in mo.UptimeHistogram)
        {
            w.WriteStartObject();
            w.WriteNumber("at_least", bin.AtLeast);
            if (bin.Below is { } below)
            {
                w.WriteNumber("below", below);
            }
            else
            {
                w.WriteNull("below");
            }

            w.WriteNumber("months", bin.Months);
            WriteNumber(w, "share", bin.Share);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("sla");
        w.WriteNumber("target", mo.SlaTarget);
        WriteEstimate(w, "miss_probability", mo.SlaMiss);
        w.WriteEndObject();
        w.WriteStartObject("credits");
        WriteEstimate(w, "expected_per_month", mo.ExpectedCredit);
        w.WriteStartArray("tiers");
        foreach (var t in mo.Tiers)
        {
            w.WriteStartObject();
            w.WriteNumber("uptime_below", t.Tier.UptimeBelow);
            w.WriteNumber("credit", t.Tier.CreditFraction);
            WriteEstimate(w, "probability", t.Probability);
            WriteNumber(w, "expected_credit", t.ExpectedCredit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("downtime_by_cause");
        WriteEstimate(w, "total_minutes_per_year", s.Availability.DowntimeMinutesPerYear);
        w.WriteNamedObjects("failure_modes", s.FailureModes, "name", m => (m.Name, m.Label), m =>
        {
            WriteNumber(w, "share", m.DowntimeShare);
            WriteEstimate(w, "minutes_per_year", m.DowntimeMinutesPerYear);
        });
        w.WriteNamedObjects("stages", s.Stages, "name", st => (st.Name, st.Label), st =>
        {
            w.WriteNumber("occurrences", st.Occurrences);
            WriteNumber(w, "share", st.DowntimeShare);
            WriteEstimate(w, "minutes_per_year", st.DowntimeMinutesPerYear);
            WriteDistribution(w, "duration_seconds", st.Duration);
        });
        w.WriteEndObject();

        w.WriteNamedObjects("degraded", s.Degraded, "kind", d => (d.Kind, d.Label), d =>
        {
            w.WriteNumber("intervals", d.Intervals);
            WriteEstimate(w, "hours_per_year", d.HoursPerYear);
            WriteNumber(w, "share_of_time", d.TimeShare);
        });
        WriteRareEvents(w, s.RareEvents);
        w.WriteEndObject();
    }

    private static void WriteRareEvents(Utf8JsonWriter w, IReadOnlyList<RareEventFigure> figures)
    {
        w.WriteNamedObjects("rare_events", figures, "name", f => (f.Event.Key, f.Event.Label), f =>
        {
            w.WriteString("per", f.Event.Period == RareEventPeriod.Year ? "year" : "month");
            if (double.IsFinite(f.Event.OutageSeconds) && f.Event.OutageSeconds > 0)
            {
                w.WriteNumber("outage_longer_than_seconds", f.Event.OutageSeconds);
            }

            WriteEstimate(w, "probability", f.Probability);
            w.WriteNumber("events", f.Events);
            w.WriteBoolean("few_events", f.IsFew);
            WriteNumber(w, "upper_bound", f.UpperBound);
        });
    }

    internal static void WriteIdentity(Utf8JsonWriter w, ScenarioIdentity id)
    {
        w.WriteStartObject("scenario");
        w.WriteString("name", id.Name);
        w.WriteString("preset", id.Preset);
        w.WriteString("model", id.Model);
        w.WriteString("hash", id.Hash);
        w.WriteEndObject();
    }

    internal static void WriteMetrics(Utf8JsonWriter w, IncidentMetrics m)
    {
        w.WriteNumber("incidents", m.Incidents);
        w.WriteNumber("unrecovered", m.Unrecovered);
        foreach (var f in m.Figures)
        {
            WriteDistribution(w, f.Metric.Key, f.Summary);
        }
    }

    internal static void WriteDistribution(Utf8JsonWriter w, string name, StatisticSummary s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("n", s.Count);
        WriteInterval(w, "mean", s.MeanInterval, s.Count);
        WriteNumber(w, "sd", s.StandardDeviation);
        WriteInterval(w, "p50", s.P50, s.Count);
        WriteInterval(w, "p90", s.P90, s.Count);
        WriteInterval(w, "p99", s.P99, s.Count);
        WriteInterval(w, "p99_9", s.P999, s.Count);
        WriteNumber(w, "min", s.Min);
        WriteNumber(w, "max", s.Max);
        WriteCdf(w, s.Cdf);
        w.WriteEndObject();
    }

    /// <summary>The distribution function as one line of <c>[value, probability]</c> pairs, so a summary stays readable.</summary>
    private static void WriteCdf(Utf8JsonWriter w, EmpiricalCdf cdf)
    {
        var text = new System.Text.StringBuilder("[");
        foreach (var p in cdf)
        {
            text.Append(text.Length > 1 ? ",[" : "[").Append(Number(p.Value)).Append(',').Append(Number(p.Probability)).Append(']');
        }

        w.WritePropertyName("cdf");
        w.WriteRawValue(text.Append(']').ToString());
    }

    private static string Number(double x) => (x + 0.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    internal static void WriteEstimate(Utf8JsonWriter w, string name, Estimate e) => WriteInterval(w, name, e.Interval, e.SampleSize);

    private static void WriteInterval(Utf8JsonWriter w, string name, ConfidenceInterval ci, long n)
    {
        w.WriteStartObject(name);
        WriteNumber(w, "estimate", ci.Estimate);
        WriteNumber(w, "lower", ci.Lower);
        WriteNumber(w, "upper", ci.Upper);
        w.WriteNumber("n", n);
        w.WriteEndObject();
    }

    internal static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value + 0.0);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
