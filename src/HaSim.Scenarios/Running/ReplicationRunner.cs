using HaSim.Kernel;
using HaSim.Kernel.Random;
using HaSim.Model.Architectures;
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
    /// result whichever thread or shard runs it. Returns the simulated seconds covered.
    /// </summary>
    public static double Run(Scenario scenario, ulong rootSeed, long index, double years, IRunObserver observer)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(observer);
        if (!(years > 0) || double.IsInfinity(years))
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "Years must be a positive finite number.");
        }

        double horizon = years * Model.Parameters.Units.SecondsPerYear;
        var simulation = new Simulation(SeedMixer.Derive(rootSeed, index));
        var system = SystemFactory.Create(scenario.Preset.Model, new SystemContext(simulation, scenario.Parameters, scenario.Workload, scenario.Client, observer));
        FailureInjector.Start(system, scenario.Parameters, scenario.Preset.FailureProcesses);
        foreach (var fault in scenario.Timeline)
        {
            system.Inject(fault);
        }

        simulation.Run(horizon);
        system.Finish();
        return horizon;
    }
}
