using HaSim.Analysis;
using HaSim.Analysis.Replays;
using HaSim.Reports.MonteCarlo;

namespace HaSim.Reports.Replays;

/// <summary>
/// The summary of replays of a scripted timeline (format <c>hasim.replays/1</c>, documented in
/// <c>src/HaSim.Reports/Budgets/BudgetsSchema.md</c>): the distributions of every metric in the
/// <c>hasim.monte-carlo/2</c> conventions, per replay instead of per year, and each expectation checked on every replay.
/// </summary>
public static class ReplayJson
{
    /// <summary>The format id.</summary>
    public const string Format = "hasim.replays/1";

    /// <summary>The document's text.</summary>
    public static string Summary(ReplaySummary r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = r.Figures;
        double years = r.YearsPerReplication;
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            MonteCarloJson.WriteIdentity(w, s.Scenario);
            w.WriteNumber("seed", s.Settings.Seed);
            w.WriteNumber("replays", r.Replications);
            w.WriteNumber("horizon_seconds", s.Settings.HorizonSeconds);
            w.WriteNumber("confidence_level", s.Settings.Level);
            w.WriteNumber("quantile_relative_accuracy", s.RelativeAccuracy);
            w.WriteBoolean("expectations_met", r.ExpectationsMet);
            w.WriteStartObject("incidents");
            w.WriteNumber("total", s.Incidents);
            w.WriteNumber("unrecovered", s.Unrecovered);
            MonteCarloJson.WriteEstimate(w, "per_replay", s.IncidentsPerYear.Map(x => x * years));
            w.WriteEndObject();
            w.WriteStartObject("overall");
            MonteCarloJson.WriteMetrics(w, s.Overall);
            w.WriteEndObject();
            w.WriteNamedObjects("failure_modes", s.FailureModes, "name", m => (m.Name, m.Label), m =>
            {
                MonteCarloJson.WriteMetrics(w, m.Metrics);
            });
            w.WriteNamedObjects("stages", s.Stages, "name", stage => (stage.Name, stage.Label), stage =>
            {
                w.WriteNumber("runs", stage.Occurrences);
                MonteCarloJson.WriteDistribution(w, "duration_seconds", stage.Duration);
            });
            w.WriteNamedObjects("degraded", s.Degraded, "kind", k => (k.Kind, k.Label), k =>
            {
                w.WriteNumber("intervals", k.Intervals);
                MonteCarloJson.WriteEstimate(w, "seconds_per_replay", k.HoursPerYear.Map(h => h * 3600 * years));
            });
            w.WriteStartArray("expectations");
            foreach (var e in r.Expectations)
            {
                var x = e.Expectation;
                w.WriteStartObject();
                w.WriteString("metric", x.Metric.Key);
                w.WriteNumber("incident", x.Incident);
                w.WriteStringOrNull("of", x.Subject?.Key);
                w.WriteNumberOrNull("min", x.Min ?? double.NaN);
                w.WriteNumberOrNull("max", x.Max ?? double.NaN);
                w.WriteStringOrNull("source", x.Source);
                w.WriteNumber("replays", e.Replications);
                w.WriteNumber("held", e.Held);
                w.WriteNumber("nothing_to_measure", e.Missing);
                w.WriteNumberOrNull("lowest", e.Lowest);
                w.WriteNumberOrNull("highest", e.Highest);
                w.WriteBoolean("passed", e.Passed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
