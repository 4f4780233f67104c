using System.Globalization;
using System.Text;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.RareEvents;
using HaSim.Analysis.Statistics;
using HaSim.Model.Metrics;
using HaSim.Reports.Text;

namespace HaSim.Reports.MonteCarlo;

/// <summary>The readable tables of a Monte Carlo run or comparison (plain text, invariant culture, no colour).</summary>
public static class MonteCarloReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Renders a run's summary.</summary>
    public static string Render(MonteCarloSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var st = s.Settings;
        var sb = new StringBuilder();
        int pct = (int)Math.Round(st.Level * 100);
        sb.Append(C, $"Scenario  {s.Scenario.Name} (preset {s.Scenario.Preset}, model {s.Scenario.Model})\n");
        sb.Append(C, $"Run       {st.Replications} replications x {Num(st.Years)} years = {Num(s.SimulatedYears)} simulated years, seed {st.Seed}\n");
        sb.Append(C, $"          intervals are {pct}% confidence intervals; n is the sample size; quantiles within {Percent(s.RelativeAccuracy, 1)} relative error\n");

        sb.Append("\nAvailability\n");
        var a = new TextTable("measure", ">estimate", $">{pct}% CI", ">n");
        a.Add("availability", Percent(s.Availability.Availability.Value, 4), Range(s.Availability.Availability, x => Percent(x, 4)), N(s.Availability.Availability));
        a.Add("nines", Num(s.Availability.Nines.Value, "0.00"), Range(s.Availability.Nines, x => Num(x, "0.00")), N(s.Availability.Nines));
        a.Add("downtime per year", Minutes(s.Availability.DowntimeMinutesPerYear.Value), Range(s.Availability.DowntimeMinutesPerYear, Minutes), N(s.Availability.DowntimeMinutesPerYear));
        a.Add("incidents per year", Num(s.IncidentsPerYear.Value, "0.###"), Range(s.IncidentsPerYear, x => Num(x, "0.###")), N(s.IncidentsPerYear));
        sb.Append(a.Render());
        sb.Append(C, $"  {s.Incidents} incidents; {s.Unrecovered} not recovered before the end of their replication (left out of client RTO)\n");

        sb.Append("\nRecovery and data loss, all incidents\n");
        var o = new TextTable("metric", ">n", ">mean", ">p50", ">p90", ">p99", ">?p99.9", ">max", $">?p99 {pct}% CI");
        foreach (var f in s.Overall.Figures)
        {
            AddDistribution(o, f.Metric.Label, f.Summary, f.Metric.Unit switch
            {
                MetricUnit.Bytes => Format.Bytes,
                MetricUnit.Count => x => Num(x, "0.##"),
                _ => Seconds,
            });
        }
        sb.Append(o.Render());

        if (s.FailureModes.Count > 0)
        {
            sb.Append("\nBy failure mode\n");
            var m = new TextTable("failure mode", ">per year|/year", ">incidents|n", ">client RTO mean|RTO mean", ">?p50", ">p99", ">?max", ">?server RTO p99", ">RPO p99", ">?RPO max", ">downtime share|share");
            foreach (var f in s.FailureModes)
            {
                var r = f.Metrics.Of(MetricTable.Rto);
                m.Add(f.Label, Num(f.IncidentsPerYear.Value, "0.###"), f.Metrics.Incidents.ToString(C),
                    Seconds(r.Mean), Seconds(r.P50.Estimate), Seconds(r.P99.Estimate), Seconds(r.Max),
                    Seconds(f.Metrics.Of(MetricTable.ServerRto).P99.Estimate), Format.Bytes(Finite(f.Metrics.Of(MetricTable.RpoBytes).P99.Estimate)), Format.Bytes(Finite(f.Metrics.Of(MetricTable.RpoBytes).Max)),
                    Percent(f.DowntimeShare, 1));
            }

            sb.Append(m.Render());
        }

        var mo = s.Monthly;
        sb.Append(C, $"\nMonthly uptime ({mo.Months} months of {Num(mo.MonthSeconds / 86400, "0.###")} days; SLA target {Percent(mo.SlaTarget, 3)})\n");
        var u = new TextTable("measure", ">estimate", $">{pct}% CI", ">n");
        u.Add("P(month misses SLA)", Percent(mo.SlaMiss.Value, 3), Range(mo.SlaMiss, x => Percent(x, 3)), N(mo.SlaMiss));
        u.Add("mean uptime", Percent(mo.MeanUptime.Value, 4), Range(mo.MeanUptime, x => Percent(x, 4)), N(mo.MeanUptime));
        u.Add("median month", Percent(mo.UptimeP50.Value, 4), Range(mo.UptimeP50, x => Percent(x, 4)), N(mo.UptimeP50));
        u.Add("1 month in 10 below", Percent(mo.UptimeP10.Value, 4), Range(mo.UptimeP10, x => Percent(x, 4)), N(mo.UptimeP10));
        u.Add("1 month in 100 below", Percent(mo.UptimeP1.Value, 4), Range(mo.UptimeP1, x => Percent(x, 4)), N(mo.UptimeP1));
        u.Add("1 month in 1000 below", Percent(mo.UptimeP01.Value, 4), Range(mo.UptimeP01, x => Percent(x, 4)), N(mo.UptimeP01));
        u.Add("worst month", Percent(mo.MinUptime, 4), "", mo.Months.ToString(C));
        u.Add("expected credit per month", Percent(mo.ExpectedCredit.Value, 3), Range(mo.ExpectedCredit, x => Percent(x, 3)), N(mo.ExpectedCredit));
        sb.Append(u.Render());

        var bands = new TextTable("uptime at least", ">share of months", $">{pct}% CI");
        foreach (var b in mo.Bands)
        {
            bands.Add(b.AtLeast >= 1 ? "100% (no downtime)" : Percent(b.AtLeast, 3), Percent(b.Probability.Value, 3), Range(b.Probability, x => Percent(x, 3)));
        }

        sb.Append('\n').Append(bands.Render());
        if (mo.Tiers.Count > 0)
        {
            var t = new TextTable("credit tier", ">credit", ">P(month)", $">{pct}% CI", ">expected credit");
            foreach (var tier in mo.Tiers)
            {
                t.Add("uptime below " + Percent(tier.Tier.UptimeBelow, 3), Percent(tier.Tier.CreditFraction, 0), Percent(tier.Probability.Value, 3),
                    Range(tier.Probability, x => Percent(x, 3)), Percent(tier.ExpectedCredit, 4));
            }

            sb.Append('\n').Append(t.Render());
        }

        AppendRareEvents(sb, s.RareEvents, pct);

        sb.Append("\nDowntime by cause\n");
        var d = new TextTable("failure mode", ">min/year", $">{pct}% CI", ">share");
        foreach (var f in s.FailureModes.OrderByDescending(f => f.DowntimeShare).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            d.Add(f.Label, Minutes(f.DowntimeMinutesPerYear.Value), Range(f.DowntimeMinutesPerYear, Minutes), Percent(f.DowntimeShare, 1));
        }

        sb.Append(d.Render());
        if (s.Stages.Count > 0)
        {
            var g = new TextTable("recovery stage", ">runs", ">mean", ">p99", ">in downtime min/year|min/year", ">share of downtime|share");
            foreach (var stage in s.Stages.OrderByDescending(x => x.DowntimeShare).ThenBy(x => x.Name, StringComparer.Ordinal))
            {
                g.Add(stage.Label, stage.Occurrences.ToString(C), Seconds(stage.Duration.Mean), Seconds(stage.Duration.P99.Estimate),
                    Minutes(stage.DowntimeMinutesPerYear.Value), Percent(stage.DowntimeShare, 1));
            }

            sb.Append('\n').Append(g.Render());
            sb.Append("  (stages can overlap, so their shares need not add up to 100%)\n");
        }

        if (s.Degraded.Count > 0)
        {
            sb.Append("\nDegraded time (service up, not counted as downtime)\n");
            var dg = new TextTable("kind", ">intervals", ">hours/year", $">{pct}% CI", ">share of time|share");
            foreach (var k in s.Degraded)
            {
                dg.Add(k.Label, k.Intervals.ToString(C), Num(k.HoursPerYear.Value, "0.##"), Range(k.HoursPerYear, x => Num(x, "0.##")), Percent(k.TimeShare, 3));
            }

            sb.Append(dg.Render());
        }

        return TextWrap.Fit(sb.ToString());
    }

    /// <summary>Renders a comparison: a side-by-side table and the paired differences.</summary>
    public static string Render(ComparisonSummary c)
    {
        ArgumentNullException.ThrowIfNull(c);
        int pct = (int)Math.Round(c.Level * 100);
        var sb = new StringBuilder();
        sb.Append(C, $"Comparison: {c.Scenarios.Count} scenarios, {c.Replications} replications x {Num(c.Years)} years each, seed {c.Seed} (common random numbers)\n\n");
        // Scenario names make wide headers: at 80 columns they become #1, #2, ... with a legend below.
        var side = new TextTable(["measure", .. c.Scenarios.Select((s, k) => string.Create(C, $">{s.Scenario.Name}|#{k + 1}"))]);
        side.Add(["preset", .. c.Scenarios.Select(s => s.Scenario.Preset)]);
        side.Add(["availability", .. c.Scenarios.Select(s => Percent(s.Availability.Availability.Value, 4))]);
        side.Add(["nines", .. c.Scenarios.Select(s => Num(s.Availability.Nines.Value, "0.00"))]);
        side.Add(["downtime per year", .. c.Scenarios.Select(s => Minutes(s.Availability.DowntimeMinutesPerYear.Value))]);
        side.Add(["incidents per year", .. c.Scenarios.Select(s => Num(s.IncidentsPerYear.Value, "0.###"))]);
        side.Add(["client RTO mean", .. c.Scenarios.Select(s => Seconds(s.Overall.Of(MetricTable.Rto).Mean))]);
        side.Add(["client RTO p99", .. c.Scenarios.Select(s => Seconds(s.Overall.Of(MetricTable.Rto).P99.Estimate))]);
        side.Add(["RPO mean", .. c.Scenarios.Select(s => Seconds(s.Overall.Of(MetricTable.RpoSeconds).Mean))]);
        side.Add(["RPO p99", .. c.Scenarios.Select(s => Format.Bytes(Finite(s.Overall.Of(MetricTable.RpoBytes).P99.Estimate)))]);
        side.Add(["SLA target", .. c.Scenarios.Select(s => Percent(s.Monthly.SlaTarget, 3))]);
        side.Add(["P(month misses SLA)", .. c.Scenarios.Select(s => Percent(s.Monthly.SlaMiss.Value, 3))]);
        side.Add(["expected credit/month", .. c.Scenarios.Select(s => Percent(s.Monthly.ExpectedCredit.Value, 3))]);
        sb.Append(side.Render());
        if (ReportWidth.Current != ReportWidth.Unlimited)
        {
            for (int k = 0; k < c.Scenarios.Count; k++)
            {
                sb.Append(C, $"  #{k + 1} = {c.Scenarios[k].Scenario.Name}\n");
            }
        }

        foreach (var p in c.Pairs)
        {
            string a = c.Scenarios[p.A].Scenario.Name, b = c.Scenarios[p.B].Scenario.Name;
            sb.Append(C, $"\n{b} minus {a} (paired; {pct}% CI; an interval excluding 0 is a real difference)\n");
            var t = new TextTable("difference", ">estimate", $">{pct}% CI", ">n", "?paired over");
            t.Add("availability", SignedPercent(p.Availability.Value), Range(p.Availability, SignedPercent), N(p.Availability), "replications");
            t.Add("downtime min/year", Signed(p.DowntimeMinutesPerYear.Value, "0.##"), Range(p.DowntimeMinutesPerYear, x => Signed(x, "0.##")), N(p.DowntimeMinutesPerYear), "replications");
            t.Add("P(month misses SLA)", SignedPercent(p.SlaMiss.Value), Range(p.SlaMiss, SignedPercent), N(p.SlaMiss), "replications");
            t.Add("incidents/year", Signed(p.IncidentsPerYear.Value, "0.###"), Range(p.IncidentsPerYear, x => Signed(x, "0.###")), N(p.IncidentsPerYear), "replications");
            t.Add("data lost/year", SignedBytes(p.RpoBytesPerYear.Value), Range(p.RpoBytesPerYear, SignedBytes), N(p.RpoBytesPerYear), "replications");
            t.Add("client RTO mean (s)", Signed(p.MeanClientRto.Value, "0.0"), Range(p.MeanClientRto, x => Signed(x, "0.0")), N(p.MeanClientRto), "batches");
            t.Add("client RTO p99 (s)", Signed(p.P99ClientRto.Value, "0.0"), Range(p.P99ClientRto, x => Signed(x, "0.0")), N(p.P99ClientRto), "batches");
            t.Add("RPO mean (s)", Signed(p.MeanRpoSeconds.Value, "0.00"), Range(p.MeanRpoSeconds, x => Signed(x, "0.00")), N(p.MeanRpoSeconds), "batches");
            sb.Append(t.Render());
        }

        return TextWrap.Fit(sb.ToString());
    }

    private static void AppendRareEvents(StringBuilder sb, IReadOnlyList<RareEventFigure> figures, int pct)
    {
        sb.Append("\nRare events\n");
        var r = new TextTable("event", ">probability|P", $">{pct}% CI", ">events", ">n", "?note");
        foreach (var f in figures)
        {
            string note = f.IsFew
                ? string.Create(C, $"fewer than {RareEventFigure.FewEvents} events: P <= {Probability(f.UpperBound)} ({pct}% one-sided, exact); try --rare {f.Event.Key}")
                : "";
            r.Add(f.Event.Label, Probability(f.Probability.Value), Range(f.Probability, Probability), f.Events.ToString(C), N(f.Probability), note);
        }

        sb.Append(r.Render());
    }

    /// <summary>A probability in scientific notation (rare events span many decades).</summary>
    private static string Probability(double p) => !double.IsFinite(p) ? "-" : p == 0 ? "0" : p.ToString("0.00e+0", C);

    internal static void AddDistribution(TextTable t, string name, StatisticSummary s, Func<double, string> format)
    {
        if (s.Count == 0)
        {
            t.Add(name, "0", "-", "-", "-", "-", "-", "-", "-");
            return;
        }

        t.Add(name, s.Count.ToString(C), format(s.Mean), format(s.P50.Estimate), format(s.P90.Estimate), format(s.P99.Estimate), format(s.P999.Estimate), format(s.Max),
            $"{Bound(s.P99.Lower, format)} .. {Bound(s.P99.Upper, format)}");
    }

    internal static string Range(Estimate e, Func<double, string> format) =>
        double.IsNaN(e.Interval.Lower) && double.IsNaN(e.Interval.Upper) ? "-" : $"{Bound(e.Interval.Lower, format)} .. {Bound(e.Interval.Upper, format)}";

    internal static string Bound(double x, Func<double, string> format) => x switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        double.NaN => "?",
        _ => format(x),
    };

    private static string N(Estimate e) => e.SampleSize.ToString(C);

    private static double Finite(double x) => double.IsFinite(x) ? x : 0;

    internal static string Num(double x, string format = "0.######") => double.IsFinite(x) ? x.ToString(format, C) : (double.IsNaN(x) ? "-" : (x > 0 ? "inf" : "-inf"));

    internal static string Percent(double fraction, int decimals) => double.IsFinite(fraction) ? Format.Percent(fraction, decimals) : "-";

    internal static string Seconds(double seconds) => double.IsFinite(seconds) ? Format.Seconds(seconds) : "-";

    internal static string Minutes(double minutes) => double.IsFinite(minutes) ? minutes.ToString(minutes < 10 ? "0.00" : "0.0", C) + " min" : "-";

    private static string Signed(double x, string format) => double.IsFinite(x) ? (x > 0 ? "+" : "") + x.ToString(format, C) : "-";

    private static string SignedPercent(double x) => double.IsFinite(x) ? (x > 0 ? "+" : "") + Format.Percent(x, 4) : "-";

    private static string SignedBytes(double x) => double.IsFinite(x) ? (x > 0 ? "+" : x < 0 ? "-" : "") + Format.Bytes(Math.Abs(x)) : "-";
}
