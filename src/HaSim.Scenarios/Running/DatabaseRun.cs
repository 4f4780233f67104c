using HaSim.Kernel;
using HaSim.Model.Architectures;
using HaSim.Model.Incidents;
using HaSim.Model.Invariants;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running;

/// <summary>Builds the simulation and the database of a scenario: the one place both runners create them.</summary>
internal static class DatabaseRun
{
    /// <summary>
    /// A new simulation seeded with <paramref name="seed"/> holding <paramref name="scenario"/>'s database, observed by
    /// <paramref name="observer"/> (and by <paramref name="watchers"/> on every change, as the invariant checkers are).
    /// </summary>
    public static DatabaseSystem Create(Scenario scenario, ulong seed, IRunObserver observer, bool checkInvariants, IReadOnlyList<ModelChecker>? watchers = null)
    {
        var simulation = new Simulation(seed);
        var architecture = scenario.Preset.Architecture;
        IReadOnlyList<ModelChecker>? checkers = checkInvariants ? Checkers.For(architecture) : null;
        if (watchers is { Count: > 0 })
        {
            checkers = [.. checkers ?? [], .. watchers];
        }

        var context = SystemContext.Alone(simulation, scenario.Parameters, scenario.Workload, scenario.Client, observer, checkers);
        var system = architecture.Create(context);
        foreach (var fault in scenario.Timeline)
        {
            system.Inject(fault);
        }

        return system;
    }

    /// <summary>
    /// Runs a scripted timeline until everything has settled (no event left), or until
    /// <paramref name="horizonSeconds"/> for a fault that never ends, then closes what is open.
    /// </summary>
    public static void RunUntilSettled(DatabaseSystem system, double horizonSeconds)
    {
        var simulation = system.Simulation;
        while (simulation.ScheduledEventCount > 0 && simulation.PeekTime < horizonSeconds)
        {
            simulation.Step();
        }

        if (simulation.ScheduledEventCount > 0)
        {
            simulation.Run(horizonSeconds);
        }

        system.Finish();
    }
}
