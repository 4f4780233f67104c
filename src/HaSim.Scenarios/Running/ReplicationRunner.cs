using HaSim.Kernel.Random;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running;

/// <summary>
/// Runs one Monte Carlo replication of a scenario: random failures from the preset's failure
/// processes, plus the scripted timeline, over a number of simulated years.
/// </summary>
public static class ReplicationRunner
{
    /// <summary>
    /// Runs replication <paramref name="index"/> of <paramref name="scenario"/> for <paramref name="years"/>
    /// years, streaming incidents and degraded intervals to <paramref name="observer"/>. Its seed is
    /// derived from <paramref name="rootSeed"/> and the index only, so a replication gives the same
    /// result whichever thread or shard runs it. With <paramref name="checkInvariants"/> every state
    /// change is checked (an <see cref="Model.Invariants.InvariantViolationException"/> reports a violation).
    /// Returns the simulated seconds covered.
    /// </summary>
    public static double Run(Scenario scenario, ulong rootSeed, long index, double years, IRunObserver observer, bool checkInvariants = false) =>
        Run(scenario, rootSeed, index, years, observer, out _, checkInvariants);

    /// <summary>As <see cref="Run(Scenario, ulong, long, double, IRunObserver, bool)"/>, also giving the work the replication took.</summary>
    public static double Run(Scenario scenario, ulong rootSeed, long index, double years, IRunObserver observer, out ReplicationWork work, bool checkInvariants = false) =>
        Run(scenario, rootSeed, index, years, observer, out work, checkInvariants, CancellationToken.None);

    /// <summary>
    /// As <see cref="Run(Scenario, ulong, long, double, IRunObserver, out ReplicationWork, bool)"/>, stopping with
    /// <see cref="OperationCanceledException"/> within a few thousand events of <paramref name="cancellation"/>
    /// being cancelled. Every replication is bounded by <see cref="WorkEstimate.EventLimit"/>.
    /// </summary>
    public static double Run(Scenario scenario, ulong rootSeed, long index, double years, IRunObserver observer, out ReplicationWork work, bool checkInvariants, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(observer);
        if (!(years > 0) || double.IsInfinity(years))
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "Years must be a positive finite number.");
        }

        double horizon = years * Model.Parameters.Units.SecondsPerYear;
        var system = DatabaseRun.Create(scenario, SeedMixer.Derive(rootSeed, index), observer, checkInvariants);
        system.Simulation.EventLimit = WorkEstimate.EventLimit(scenario, horizon);
        system.Simulation.Cancellation = cancellation;
        FailureInjector.Start(system, scenario.Parameters);
        try
        {
            system.Simulation.Run(horizon);
            system.Finish();
        }
        finally
        {
            WorkCounters.Add(system.Simulation.ProcessedEventCount);
        }

        work = new ReplicationWork(system.Simulation.ProcessedEventCount, system.Settles, system.SettleRounds, system.Runner.StageOnlyTransitions);
        return horizon;
    }
}
