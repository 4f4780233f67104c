using HaSim.Model.Incidents;
using HaSim.Model.Metrics;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running;

/// <summary>Measures an expectation on one run's incidents and degraded intervals and says whether it held.</summary>
public static class ExpectationCheck
{
    /// <summary>The value <paramref name="e"/> measures in a run, or null if there is nothing to measure (no such incident, not recovered).</summary>
    public static double? Measure(Expectation e, IReadOnlyList<Incident> incidents, IReadOnlyList<DegradedInterval> degraded)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(degraded);
        if (e.Metric.Scope == MetricScope.Run)
        {
            return e.Metric.Read(incidents, degraded, e.Subject);
        }

        var incident = incidents.FirstOrDefault(i => i.Number == e.Incident);
        return incident is null ? null : e.Metric.Read(incident, e.Subject);
    }

    /// <summary>Whether <paramref name="actual"/> lies in the expectation's band (a missing value never does).</summary>
    public static bool Holds(Expectation e, double? actual)
    {
        ArgumentNullException.ThrowIfNull(e);
        return actual is { } a && (e.Min is not { } min || a >= min - 1e-9) && (e.Max is not { } max || a <= max + 1e-9);
    }

    /// <summary>Measures <paramref name="e"/> in a run and checks it.</summary>
    public static ExpectationResult Check(Expectation e, IReadOnlyList<Incident> incidents, IReadOnlyList<DegradedInterval> degraded)
    {
        var actual = Measure(e, incidents, degraded);
        return new ExpectationResult(e, actual, Holds(e, actual));
    }
}
