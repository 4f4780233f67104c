using System.Globalization;
using System.Text;
using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Model.Metrics;
using HaSim.Reports.MonteCarlo;
using HaSim.Reports.Text;
using R = HaSim.Reports.MonteCarlo.MonteCarloReport;

namespace HaSim.Reports.Fleet;

/// <summary>The readable report of a fleet run (plain text, invariant culture, no colour).</summary>
public static class FleetReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The times after an event the printed recovery curve shows.</summary>
    private static readonly double[] CurveTimes = [0, 30, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600, 7200, 14400, 21600];

    /// <summary>Renders a fleet run's summary.</summary>
    public static string Render(FleetSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var st = s.Settings;
        int pct = (int)Math.Round(st.Level * 100);
        bool single = s.Replications == 1;
        var sb = new StringBuilder();
        sb.Append(C, $"Fleet     {s.Scenario.Name}: {s.Databases} databases\n");
        foreach (var g in s.Scenario.Groups)
        {
            sb.Append(C, $"          {g.Name}: {g.Count} x {g.Preset} ({g.Model})\n");
        }

        sb.Append("Run       ").Append(st.RandomFailures
            ? string.Create(C, $"{s.Replications} replications x {R.Num(st.Years!.Value)} years of random failures plus the timeline, seed {st.Seed}")
            : single ? string.Create(C, $"the timeline replayed once, seed {st.Seed}") : string.Create(C, $"the timeline replayed {s.Replications} times, seed {st.Seed}")).Append('\n');
        sb.Append(single
            ? "          one replication: figures below are what happened; intervals need replications\n"
            : string.Create(C, $"          intervals are {pct}% confidence intervals; n is the sample size (replications, fleet months or events)\n"));
        if (s.Scenario.Capacity.Count > 0)
        {
            sb.Append("Capacity  ");
            sb.Append(string.Join("\n          ", s.Scenario.Capacity.Select(c => $"{c.Key} = {c.Value}")));
            sb.Append('\n');
        }

        Events(sb, s, single, pct);
        foreach (var e in s.Events.Where(e => e.Curve.Events > 0 && e.Kind != "node_failure"))
        {
            Curve(sb, e, single, pct);
        }

        Fleet(sb, s, single, pct);
        Pools(sb, s, single);
        foreach (var g in s.Groups)
        {
            PerDatabase(sb, g, s.Replications);
        }

        return TextWrap.Fit(sb.ToString());
    }

    private static void Events(StringBuilder sb, FleetSummary s, bool single, int pct)
    {
        if (s.Events.Count == 0)
        {
            sb.Append("\nNo fleet-wide events (zone, region, object-storage outages or node failures) happened.\n");
            return;
        }

        sb.Append("\nFleet events: how soon the databases each took down had clients back\n");
        var t = single
            ? new TextTable("event", ">events", ">affected", ">50% back", ">90% back", ">99% back", ">all back", ">not back")
            : new TextTable("event", ">events", ">affected", ">50% back", ">90% back", ">99% back", $">?99% {pct}% CI", ">all back", $">?all {pct}% CI", ">not back");
        foreach (var e in s.Events)
        {
            var t50 = e.TimeTo(0.5);
            var t90 = e.TimeTo(0.9);
            var t99 = e.TimeTo(0.99);
            var all = e.TimeTo(1);
            string affected = R.Num(e.Affected.Mean, "0.#");
            if (single)
            {
                t.Add(e.Label, e.Events.ToString(C), affected, Time(t50), Time(t90), Time(t99), Time(all), e.Unrecovered.ToString(C));
            }
            else
            {
                t.Add(e.Label, e.Events.ToString(C), affected, Time(t50), Time(t90), Time(t99), Interval(t99.Seconds), Time(all), Interval(all.Seconds), e.Unrecovered.ToString(C));
            }
        }

        sb.Append(t.Render());
        sb.Append(single
            ? "  'x% back': time from the event until x% of the databases it took down had clients back.\n"
            : "  'x% back': mean over events of the time from the event until x% of the databases it took down had clients back.\n");
    }

    private static void Curve(StringBuilder sb, FleetEventSummary e, bool single, int pct)
    {
        sb.Append(C, $"\nAfter {(e.Curve.Events == 1 ? "the" : "an")} {e.Label}: databases still down ({(e.Curve.Events == 1 ? "one event" : $"mean over {e.Curve.Events} events")}, {R.Num(e.Curve.MeanAffected, "0.#")} taken down)\n");
        var t = single ? new TextTable(">after", ">down", ">share") : new TextTable(">after", ">down", $">{pct}% CI", ">share");
        var points = e.Curve.Points;
        bool zero = false;
        foreach (double at in CurveTimes)
        {
            var p = points.LastOrDefault(x => x.SecondsAfterEvent <= at);
            if (p is null || zero)
            {
                break;
            }

            string down = R.Num(p.DatabasesDown.Value, single ? "0" : "0.#");
            string share = R.Percent(p.ShareDown.Value, 1);
            if (single)
            {
                t.Add(R.Seconds(at), down, share);
            }
            else
            {
                t.Add(R.Seconds(at), down, R.Range(p.DatabasesDown, x => R.Num(x, "0.#")), share);
            }

            zero = p.DatabasesDown.Value == 0;
        }

        sb.Append(t.Render());
    }

    private static void Fleet(StringBuilder sb, FleetSummary s, bool single, int pct)
    {
        sb.Append("\nFleet\n");
        var t = single ? new TextTable("measure", ">value") : new TextTable("measure", ">mean", $">{pct}% CI", ">p90", ">max", ">n");
        void Row(string name, StatisticSummary d, Func<double, string> format)
        {
            if (single)
            {
                t.Add(name, format(d.Mean));
            }
            else
            {
                t.Add(name, format(d.Mean), $"{Bound(d.MeanInterval.Lower, format)} .. {Bound(d.MeanInterval.Upper, format)}", format(d.P90.Estimate), format(d.Max), d.Count.ToString(C));
            }
        }

        Row("most databases down at once", s.PeakDatabasesDown, x => R.Num(x, "0.#"));
        Row(s.Replications == 1 ? "downtime, database-minutes" : "downtime per replication, database-minutes", s.DowntimeSecondsPerReplication, x => R.Num(x / 60, "0.#"));
        sb.Append(t.Render());
        if (s.Monthly is { } m)
        {
            var mt = new TextTable("per month", ">estimate", $">{pct}% CI", ">n", ">worst 1% of months|worst 1%");
            mt.Add("fleet downtime, database-minutes", R.Num(m.DowntimeMinutesPerMonth.Value, "0.#"), R.Range(m.DowntimeMinutesPerMonth, x => R.Num(x, "0.#")), m.DowntimeMinutesPerMonth.SampleSize.ToString(C), R.Num(m.DowntimeSecondsByMonth.P99.Estimate / 60, "0.#"));
            mt.Add("databases meeting their SLA", R.Percent(m.ShareMeetingSla.Value, 2), R.Range(m.ShareMeetingSla, x => R.Percent(x, 2)), m.ShareMeetingSla.SampleSize.ToString(C), R.Percent(m.ShareMeetingSlaP1.Estimate, 2));
            sb.Append(mt.Render());
            sb.Append(C, $"  {m.Months} fleet months; the interval's n is replications (a replication's months share its fleet).\n");
        }
    }

    private static void Pools(StringBuilder sb, FleetSummary s, bool single)
    {
        if (s.Pools.Count == 0)
        {
            return;
        }

        sb.Append(single ? "\nShared capacity\n" : "\nShared capacity (per replication: mean, and the max over replications)\n");
        var t = new TextTable("pool", ">capacity", ">peak in use|peak", ">?requests", ">?queued", ">peak queue|max queue", ">longest wait", ">?total wait", ">not served");
        foreach (var p in s.Pools)
        {
            string peak = p.Capacity <= 0 ? "-" : single ? R.Num(p.PeakInUse.Mean, "0.#") : $"{R.Num(p.PeakInUse.Mean, "0.#")} (max {R.Num(p.PeakInUse.Max, "0.#")})";
            t.Add(
                p.Label,
                Amount(p.Capacity, p.Unit),
                p.Unit == "B/s" ? $"{Format.Bytes(p.PeakInUse.Mean)}/s" : peak,
                R.Num(p.RequestsPerReplication.Value, "0.#"),
                R.Num(p.WaitedPerReplication.Value, "0.#"),
                R.Num(p.PeakWaiting.Mean, "0.#"),
                R.Seconds(single ? p.MaxWaitSeconds.Mean : p.MaxWaitSeconds.Max),
                R.Seconds(p.WaitSecondsPerReplication.Mean),
                p.Misses == 0 ? "0" : $"{R.Num((double)p.Misses / s.Replications, "0.#")} ({R.Percent(p.MissShareOfRequests.Value, 1)})");
        }

        sb.Append(t.Render());
        sb.Append("  'not served': a warm pool found empty (the compute cold-starts instead).\n");
    }

    private static void PerDatabase(StringBuilder sb, FleetGroupSummary g, long replications)
    {
        var d = g.PerDatabase;
        sb.Append(C, $"\nPer database, group {g.Name} ({g.Count} databases x {replications} replication{(replications == 1 ? "" : "s")}, pooled)\n");
        var t = new TextTable("failure mode", ">incidents", ">client RTO p50", ">p90", ">p99", ">max", ">RPO max");
        void Row(string label, IncidentMetrics m)
        {
            var rto = m.Of(MetricTable.Rto);
            t.Add(label, m.Incidents.ToString(C), R.Seconds(rto.P50.Estimate), R.Seconds(rto.P90.Estimate), R.Seconds(rto.P99.Estimate), R.Seconds(rto.Max), Format.Bytes(Finite(m.Of(MetricTable.RpoBytes).Max)));
        }

        foreach (var f in d.FailureModes)
        {
            Row(f.Label, f.Metrics);
        }

        if (d.FailureModes.Count > 1)
        {
            Row("all", d.Overall);
        }

        sb.Append(t.Render());
        if (d.Monthly.Months > 0)
        {
            sb.Append(C, $"  availability {R.Percent(d.Availability.Availability.Value, 4)}; a month misses the {R.Percent(d.Monthly.SlaTarget, 2)} SLA with probability {R.Percent(d.Monthly.SlaMiss.Value, 3)} (databases taken as independent)\n");
        }
    }

    private static string Time(RecoveryShareSummary t) => t.Seconds.Count == 0 ? (t.Incomplete > 0 ? "not back" : "-") : R.Seconds(t.Seconds.Mean) + (t.Incomplete > 0 ? "*" : "");

    private static string Interval(StatisticSummary s) => s.Count < 2 ? "-" : $"{Bound(s.MeanInterval.Lower, R.Seconds)} .. {Bound(s.MeanInterval.Upper, R.Seconds)}";

    private static string Bound(double x, Func<double, string> format) => double.IsFinite(x) ? format(Math.Max(0, x)) : (double.IsNaN(x) ? "?" : (x > 0 ? "inf" : "-inf"));

    private static string Amount(double x, string unit) => x <= 0 ? "-" : unit == "B/s" ? Format.Bytes(x) + "/s" : $"{R.Num(x, "0.#")} {unit}";

    private static double Finite(double x) => double.IsFinite(x) ? x : 0;
}
