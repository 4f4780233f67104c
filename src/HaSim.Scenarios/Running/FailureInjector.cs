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
        ArgumentNullException.ThrowIfNull(parameters);
        new Renewals(system, PlanFor(system, parameters), system.Simulation.Streams).Start();
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
        new Renewals(system, [.. PlanFor(system, parameters).Where(p => include(p.Process))], streams).Start();
    }

    /// <summary>The renewal processes <see cref="Start(DatabaseSystem, ParameterSet)"/> runs (for injectors that run some of them differently).</summary>
    internal static Planned[] PlanFor(DatabaseSystem system, ParameterSet parameters) => Plans.GetValue(parameters, p => Plan(system.Architecture, p));

    /// <summary>Starts one planned renewal process, drawing from the system's own streams.</summary>
    internal static void Start(DatabaseSystem system, Planned planned) => new Renewals(system, [planned], system.Simulation.Streams).Start();

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

    /// <summary>
    /// The renewal processes of one run, as scheduled callbacks (token = the planned process): no
    /// process, iterator or timeout per failure, and the same draws at the same times as one process per
    /// failure process and target would make.
    /// </summary>
    private sealed class Renewals : IScheduledCallback
    {
        private readonly DatabaseSystem _system;
        private readonly Planned[] _plan;
        private readonly RandomStreams _streams;
        private readonly RandomStream[] _random;
        private readonly Fault?[] _last;

        public Renewals(DatabaseSystem system, Planned[] plan, RandomStreams streams)
        {
            _system = system;
            _plan = plan;
            _streams = streams;
            _random = new RandomStream[plan.Length];
            _last = new Fault?[plan.Length];
        }

        public void Start()
        {
            var sim = _system.Simulation;
            for (int k = 0; k < _plan.Length; k++)
            {
                _random[k] = _streams.Get(_plan[k].StreamName);

                // The first failure comes after the forward recurrence time, not a whole interval: the
                // process is then stationary from time zero, so a 1-year replication sees the same
                // failure rate as a year in the middle of a 100-year one (periodic maintenance would
                // otherwise come about half an event a year short in short runs).
                sim.ScheduleCallback(_plan[k].Interval.SampleForwardRecurrence(_random[k]), this, k);
            }
        }

        void IScheduledCallback.OnCallback(long token)
        {
            int k = (int)token;
            var planned = _plan[k];
            var random = _random[k];
            var process = planned.Process;
            _last[k] = _system.InjectOccurrence(_last[k], planned.Route, planned.Target, process.Kind, planned.Duration?.Sample(random), planned.Origin, process.Mode);
            _system.Simulation.ScheduleCallback(planned.Interval.Sample(random), this, k);
        }
    }

    /// <summary>One failure process on one target, with its distributions, stream and origin text.</summary>
    internal sealed record Planned(FailureProcess Process, Target Target, FaultRoute Route, Distribution Interval, Distribution? Duration, string StreamName, string Origin);
}
