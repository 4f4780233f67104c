using System.Globalization;
using System.Text;
using HaSim.Analysis.Replays;
using HaSim.Model.Metrics;
using HaSim.Reports.MonteCarlo;
using HaSim.Reports.Scripted;
using HaSim.Reports.Text;

namespace HaSim.Reports.Replays;

/// <summary>The readable report of <c>hasim run FILE --replications N</c>: a scripted timeline replayed over many seeds.</summary>
public static class ReplayReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Renders <paramref name="r"/>.</summary>
    public static string Render(ReplaySummary r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = r.Figures;
        var st = s.Settings;
        int pct = (int)Math.Round(st.Level * 100);
        double years = r.YearsPerReplication;
        var sb = new StringBuilder();
        sb.Append(C, $"Scenario  {s.Scenario.Name} (preset {s.Scenario.Preset}, model {s.Scenario.Model})\n");
        sb.Append(C, $"Replays   {r.Replications} replays of the scripted timeline, no random failures; replay i is seeded from (seed {st.Seed}, i)\n");
        sb.Append(C, $"          intervals are {pct}% confidence intervals; n is the sample size; quantiles within {Format.Percent(s.RelativeAccuracy, 1)} relative error\n");
        var perReplay = s.IncidentsPerYear.Map(x => x * years);
        sb.Append(C, $"\nIncidents {s.Incidents} ({MonteCarloReport.Num(perReplay.Value, "0.###")} per replay, {pct}% CI {MonteCarloReport.Range(perReplay, x => MonteCarloReport.Num(x, "0.###"))}); ");
        sb.Append(C, $"{s.Unrecovered} not recovered within the horizon\n");

        sb.Append("\nRecovery and data loss, all incidents\n");
        sb.Append(Distributions(s.Overall));
        if (s.FailureModes.Count > 1)
        {
            foreach (var m in s.FailureModes)
            {
                sb.Append(C, $"\n{m.Label} ({m.Name}): {m.Metrics.Incidents} incidents\n");
                sb.Append(Distributions(m.Metrics));
            }
        }

        if (s.Stages.Count > 0)
        {
            sb.Append("\nRecovery stages (each run, start to end)\n");
            var t = new TextTable("stage", ">runs", ">mean", ">p50", ">p90", ">p99", ">?p99.9", ">max", $">?p99 {pct}% CI");
            foreach (var stage in s.Stages)
            {
                MonteCarloReport.AddDistribution(t, stage.Label, stage.Duration, MonteCarloReport.Seconds);
            }

            sb.Append(t.Render());
        }

        if (s.Degraded.Count > 0)
        {
            sb.Append("\nDegraded time per replay (service up, not counted as downtime)\n");
            var t = new TextTable("kind", ">intervals", ">mean per replay", $">{pct}% CI");
            foreach (var k in s.Degraded)
            {
                var seconds = k.HoursPerYear.Map(h => h * 3600 * years);
                t.Add(k.Label, k.Intervals.ToString(C), MonteCarloReport.Seconds(seconds.Value), MonteCarloReport.Range(seconds, MonteCarloReport.Seconds));
            }

            sb.Append(t.Render());
        }

        if (r.Expectations.Count > 0)
        {
            sb.Append("\nExpectations, checked on every replay\n");
            var t = new TextTable("result", "metric", ">held in", ">lowest", ">highest", "expected", "?source");
            foreach (var e in r.Expectations)
            {
                var x = e.Expectation;
                t.Add(e.Passed ? "PASS" : "FAIL", TimelineReport.Describe(x), $"{e.Held} of {e.Replications}",
                    double.IsFinite(e.Lowest) ? TimelineReport.Value(x.Metric, e.Lowest) : "none", double.IsFinite(e.Highest) ? TimelineReport.Value(x.Metric, e.Highest) : "none",
                    TimelineReport.Band(x), x.Source ?? "");
            }

            sb.Append(t.Render());
        }

        return TextWrap.Fit(sb.ToString());
    }

    private static string Distributions(Analysis.MonteCarlo.IncidentMetrics metrics)
    {
        int pct = metrics.Figures.Count > 0 ? (int)Math.Round(metrics.Figures[0].Summary.Level * 100) : 95;
        var o = new TextTable("metric", ">n", ">mean", ">p50", ">p90", ">p99", ">?p99.9", ">max", $">?p99 {pct}% CI");
        foreach (var f in metrics.Figures)
        {
            MonteCarloReport.AddDistribution(o, f.Metric.Label, f.Summary, f.Metric.Unit switch
            {
                MetricUnit.Bytes => Format.Bytes,
                MetricUnit.Count => x => MonteCarloReport.Num(x, "0.##"),
                _ => MonteCarloReport.Seconds,
            });
        }

        return o.Render();
    }
}
