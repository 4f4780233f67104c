using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running;

/// <summary>Replays a scenario's scripted timeline and checks its expectations.</summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Runs <paramref name="scenario"/> with its own seed, or <paramref name="seed"/> if given. With
    /// <paramref name="checkInvariants"/> every state change is checked by the invariant checkers.
    /// </summary>
    public static ScenarioResult Run(Scenario scenario, ulong? seed = null, bool keepTrace = true, bool checkInvariants = false) =>
        Run(scenario, seed, keepTrace, checkInvariants, CancellationToken.None);

    /// <summary>
    /// As <see cref="Run(Scenario, ulong?, bool, bool)"/>, stopping with <see cref="OperationCanceledException"/>
    /// within a few thousand events of <paramref name="cancellation"/> being cancelled. The run is
    /// bounded by <see cref="WorkEstimate.EventLimit"/>.
    /// </summary>
    public static ScenarioResult Run(Scenario scenario, ulong? seed, bool keepTrace, bool checkInvariants, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ulong rootSeed = seed ?? scenario.Seed;
        var recorder = new RunRecorder(keepTrace);
        var system = DatabaseRun.Create(scenario, rootSeed, recorder, checkInvariants);
        var simulation = system.Simulation;
        simulation.EventLimit = WorkEstimate.EventLimit(scenario, 0);
        simulation.Cancellation = cancellation;
        try
        {
            DatabaseRun.RunUntilSettled(system, scenario.HorizonSeconds);
        }
        finally
        {
            WorkCounters.Add(simulation.ProcessedEventCount);
        }

        var expectations = scenario.Expectations.Select(e => ExpectationCheck.Check(e, recorder.Incidents, recorder.Degraded)).ToList();
        return new ScenarioResult(scenario, rootSeed, simulation.Now, recorder.Incidents, recorder.Degraded, recorder.Trace, expectations)
        {
            InvariantChecks = system.InvariantChecks,
        };
    }
}
