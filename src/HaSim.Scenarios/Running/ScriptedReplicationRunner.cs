using HaSim.Kernel.Random;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running;

/// <summary>
/// Runs one replication of a scenario's scripted timeline: the same faults at the same times, no
/// random failures, with the seed of replication <c>index</c>, so every recovery duration and
/// detection delay is drawn afresh. Replaying a timeline over many seeds gives the distribution of
/// its RTO, RPO and stage times (<c>hasim run FILE --replications N</c>, and scripted budgets).
/// </summary>
public static class ScriptedReplicationRunner
{
    /// <summary>
    /// Replays <paramref name="scenario"/>'s timeline with the seed derived from <paramref name="rootSeed"/>
    /// and <paramref name="index"/> (the derivation Monte Carlo replications use), until everything has
    /// settled or the scenario's horizon, streaming incidents and degraded intervals to <paramref name="observer"/>.
    /// Returns the simulated seconds the replay covered.
    /// </summary>
    public static double Run(Scenario scenario, ulong rootSeed, long index, IRunObserver observer, bool checkInvariants = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(observer);
        var system = DatabaseRun.Create(scenario, SeedMixer.Derive(rootSeed, index), observer, checkInvariants);
        DatabaseRun.RunUntilSettled(system, scenario.HorizonSeconds);
        return system.Simulation.Now;
    }
}
