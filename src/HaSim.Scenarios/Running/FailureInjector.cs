using System.Runtime.CompilerServices;
using HaSim.Kernel;
using HaSim.Kernel.Distributions;
using HaSim.Kernel.Random;
using HaSim.Model.Architectures;
using HaSim.Model.Failures;
using HaSim.Model.Faults;
using HaSim.Model.Parameters;
using HaSim.Model.Topology;

namespace HaSim.Scenarios.Running;

/// <summary>
/// The random-failure half of the injection engine: one renewal process per failure process and
/// target, each drawing from its own named stream (<c>failures/{process}/{target}</c>), so that two
/// architectures run with the same seed see the same zone and region events (common random numbers).
/// </summary>
public static class FailureInjector
{
    // The plan (which process on which target, with which distributions) depends only on the
    // parameters; Monte Carlo runs reuse it across thousands of replications.
    private static readonly ConditionalWeakTable<ParameterSet, Planned[]> Plans = new();

    /// <summary>Starts the random failure processes of <paramref name="system"/>'s architecture.</summary>
    public static void Start(DatabaseSystem system, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(system);
        Start(system, parameters, system.Simulation.Streams, _ => true);
    }

    /// <summary>
    /// Starts those random failure processes of <paramref name="system"/>'s architecture that
    /// <paramref name="include"/> accepts, drawing from <paramref name="streams"/> (a fleet runs the
    /// processes of the shared infrastructure and nodes once, and each database's own on its streams).
    /// </summary>
    public static void Start(DatabaseSystem system, ParameterSet parameters, RandomStreams streams, Func<FailureProcess, bool> include)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(include);
        foreach (var planned in PlanFor(system, parameters))
        {
            if (include(planned.Process))
            {
                Start(system, planned, streams);
            }
        }
    }

    /// <summary>The renewal processes <see cref="Start(DatabaseSystem, ParameterSet)"/> runs (for injectors that run some of them differently).</summary>
    internal static Planned[] PlanFor(DatabaseSystem system, ParameterSet parameters) => Plans.GetValue(parameters, p => Plan(system.Architecture, p));

    /// <summary>Starts one planned renewal process, drawing from the system's own streams.</summary>
    internal static void Start(DatabaseSystem system, Planned planned) => Start(system, planned, system.Simulation.Streams);

    private static void Start(DatabaseSystem system, Planned planned, RandomStreams streams) => system.Simulation.Process(Failures(system, planned, streams), planned.Process.Key);

    private static Planned[] Plan(ArchitectureDescriptor architecture, ParameterSet parameters)
    {
        var plan = new List<Planned>();
        var targets = architecture.Targets(parameters);
        foreach (var process in architecture.FailureProcesses(parameters))
        {
            var interval = parameters.Get(process.Interval);
            if (interval.Mean <= 0)
            {
                continue;
            }

            var duration = process.Duration is { } d ? parameters.Get(d) : null;
            foreach (var target in targets)
            {
                if (process.Strikes(target))
                {
                    var route = architecture.Route(target, process.Kind)!;
                    plan.Add(new Planned(process, target, route, interval, duration, $"failures/{process.Key}/{target.Label}", "random " + process.Key));
                }
            }
        }

        return [.. plan];
    }

    private static IEnumerable<Event> Failures(DatabaseSystem system, Planned planned, RandomStreams streams)
    {
        var sim = system.Simulation;
        var random = streams.Get(planned.StreamName);

        // The first failure comes after the forward recurrence time, not a whole interval: the
        // process is then stationary from time zero, so a 1-year replication sees the same
        // failure rate as a year in the middle of a 100-year one (periodic maintenance would
        // otherwise come about half an event a year short in short runs).
        double wait = planned.Interval.SampleForwardRecurrence(random);
        while (true)
        {
            yield return sim.Timeout(wait);
            system.InjectNow(new Fault(sim.Now, planned.Target, planned.Process.Kind, planned.Duration?.Sample(random), planned.Origin, planned.Process.Mode), planned.Route);
            wait = planned.Interval.Sample(random);
        }
    }

    /// <summary>One failure process on one target, with its distributions, stream and origin text.</summary>
    internal sealed record Planned(FailureProcess Process, Target Target, FaultRoute Route, Distribution Interval, Distribution? Duration, string StreamName, string Origin);
}
