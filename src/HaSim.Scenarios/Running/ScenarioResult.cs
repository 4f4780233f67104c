using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running;

/// <summary>The outcome of one scripted run: incidents, degraded time, the trace and the expectation checks.</summary>
/// <param name="Scenario">The scenario that ran.</param>
/// <param name="Seed">The root seed used.</param>
/// <param name="EndSeconds">When the run ended (everything recovered, or the horizon).</param>
/// <param name="Incidents">Incidents in the order they closed.</param>
/// <param name="Degraded">Degraded intervals in the order they ended.</param>
/// <param name="Trace">The event trace.</param>
/// <param name="Expectations">Each expectation with its measured value.</param>
public sealed record ScenarioResult(
    Scenario Scenario,
    ulong Seed,
    double EndSeconds,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<DegradedInterval> Degraded,
    IReadOnlyList<TraceRecord> Trace,
    IReadOnlyList<ExpectationResult> Expectations)
{
    /// <summary>Invariant checker observations that held during the run (0 without checking).</summary>
    public long InvariantChecks { get; init; }

    /// <summary>True if every expectation held.</summary>
    public bool ExpectationsMet => Expectations.All(e => e.Passed);

    /// <summary>Total client-observed downtime in seconds.</summary>
    public double DowntimeSeconds => Incidents.Sum(i => (i.ClientRestoredSeconds ?? EndSeconds) - i.StartSeconds);
}
