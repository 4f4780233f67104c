using System.Text.Json;
using HaSim.Analysis;
using HaSim.Analysis.Fleet;
using HaSim.Reports.MonteCarlo;

namespace HaSim.Reports.Fleet;

/// <summary>
/// Writes a fleet run's <c>fleet-summary.json</c> (format <c>hasim.fleet/1</c>, documented in
/// <c>FleetSchema.md</c>). The text depends only on the summary, so equal accumulators (any threads,
/// any shards) give byte-identical files. Estimates and distributions are written as in
/// <c>summary.json</c> (<c>hasim.monte-carlo/2</c>); each group's per-database figures are a whole
/// <c>hasim.monte-carlo/2</c> summary.
/// </summary>
public static class FleetJson
{
    /// <summary>The format id of <c>fleet-summary.json</c>.</summary>
    public const string Format = "hasim.fleet/1";

    /// <summary>The <c>fleet-summary.json</c> text.</summary>
    public static string Summary(FleetSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return JsonText.Write(w => Write(w, summary));
    }

    private static void Write(Utf8JsonWriter w, FleetSummary s)
    {
        var st = s.Settings;
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteStartObject("scenario");
        w.WriteString("name", s.Scenario.Name);
        w.WriteString("hash", s.Scenario.Hash);
        w.WriteNumber("databases", s.Databases);
        w.WriteStartArray("groups");
        foreach (var g in s.Scenario.Groups)
        {
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            w.WriteString("preset", g.Preset);
            w.WriteString("model", g.Model);
            w.WriteNumber("count", g.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("capacity");
        foreach (var c in s.Scenario.Capacity)
        {
            w.WriteStartObject();
            w.WriteString("key", c.Key);
            w.WriteString("value", c.Value);
            w.WriteString("source", c.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("run");
        w.WriteString("kind", st.RandomFailures ? "monte_carlo" : "timeline");
        w.WriteNumber("seed", st.Seed);
        w.WriteNumber("replications", st.Replications);
        if (st.Years is { } years)
        {
            w.WriteNumber("years_per_replication", years);
        }
        else
        {
            w.WriteNull("years_per_replication");
        }

        w.WriteNumber("seconds_per_replication", st.RunSeconds);
        w.WriteNumber("confidence_level", st.Level);
        w.WriteEndObject();

        MonteCarloJson.WriteDistribution(w, "peak_databases_down", s.PeakDatabasesDown);
        MonteCarloJson.WriteDistribution(w, "downtime_seconds_per_replication", s.DowntimeSecondsPerReplication);
        if (s.Monthly is { } m)
        {
            w.WriteStartObject("monthly");
            w.WriteNumber("months", m.Months);
            MonteCarloJson.WriteEstimate(w, "downtime_minutes_per_month", m.DowntimeMinutesPerMonth);
            MonteCarloJson.WriteDistribution(w, "downtime_seconds_by_month", m.DowntimeSecondsByMonth);
            MonteCarloJson.WriteEstimate(w, "share_meeting_sla", m.ShareMeetingSla);
            MonteCarloJson.WriteDistribution(w, "share_meeting_sla_by_month", m.ShareMeetingSlaByMonth);
            MonteCarloJson.WriteEstimate(w, "share_meeting_sla_p1", new Analysis.MonteCarlo.Estimate(m.ShareMeetingSlaP1, m.Months));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("monthly");
        }

        w.WriteStartArray("events");
        foreach (var e in s.Events)
        {
            WriteEvent(w, e);
        }

        w.WriteEndArray();
        w.WriteStartArray("pools");
        foreach (var p in s.Pools)
        {
            WritePool(w, p);
        }

        w.WriteEndArray();
        w.WriteStartArray("groups");
        foreach (var g in s.Groups)
        {
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            w.WriteString("preset", g.Preset);
            w.WriteString("model", g.Model);
            w.WriteNumber("count", g.Count);
            w.WritePropertyName("per_database");
            MonteCarloJson.WriteSummary(w, g.PerDatabase);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter w, FleetEventSummary e)
    {
        w.WriteStartObject();
        w.WriteString("kind", e.Kind);
        w.WriteString("label", e.Label);
        w.WriteNumber("events", e.Events);
        MonteCarloJson.WriteDistribution(w, "affected", e.Affected);
        w.WriteStartArray("time_to_recover");
        foreach (var t in e.TimeToRecover)
        {
            w.WriteStartObject();
            w.WriteNumber("share", t.Share);
            MonteCarloJson.WriteDistribution(w, "seconds", t.Seconds);
            w.WriteNumber("incomplete", t.Incomplete);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        MonteCarloJson.WriteDistribution(w, "affected_rto_seconds", e.AffectedRto);
        w.WriteNumber("affected_rto_replications", e.AffectedRtoReplications);
        w.WriteNumber("unrecovered", e.Unrecovered);
        w.WriteStartObject("recovery_curve");
        w.WriteNumber("events", e.Curve.Events);
        MonteCarloJson.WriteNumber(w, "mean_affected", e.Curve.MeanAffected);
        w.WriteStartArray("points");
        foreach (var p in e.Curve.Points)
        {
            w.WriteStartObject();
            w.WriteNumber("seconds", p.SecondsAfterEvent);
            MonteCarloJson.WriteEstimate(w, "databases_down", p.DatabasesDown);
            MonteCarloJson.WriteEstimate(w, "share_down", p.ShareDown);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePool(Utf8JsonWriter w, PoolSummary p)
    {
        w.WriteStartObject();
        w.WriteString("key", p.Key);
        w.WriteString("label", p.Label);
        w.WriteString("unit", p.Unit);
        MonteCarloJson.WriteNumber(w, "capacity", p.Capacity);
        MonteCarloJson.WriteDistribution(w, "peak_in_use", p.PeakInUse);
        w.WriteNumber("requests", p.Requests);
        w.WriteNumber("waited", p.Waited);
        w.WriteNumber("misses", p.Misses);
        MonteCarloJson.WriteEstimate(w, "requests_per_replication", p.RequestsPerReplication);
        MonteCarloJson.WriteEstimate(w, "waited_per_replication", p.WaitedPerReplication);
        MonteCarloJson.WriteEstimate(w, "miss_share", p.MissShare);
        MonteCarloJson.WriteEstimate(w, "miss_share_of_requests", p.MissShareOfRequests);
        MonteCarloJson.WriteDistribution(w, "wait_seconds_per_replication", p.WaitSecondsPerReplication);
        MonteCarloJson.WriteDistribution(w, "max_wait_seconds", p.MaxWaitSeconds);
        MonteCarloJson.WriteDistribution(w, "peak_waiting", p.PeakWaiting);
        w.WriteEndObject();
    }
}
