using System.Runtime.CompilerServices;
using HaSim.Kernel;
using HaSim.Kernel.Distributions;
using HaSim.Model.Architectures;
using HaSim.Model.Failures;
using HaSim.Model.Faults;
using HaSim.Model.Parameters;

namespace HaSim.Scenarios.Running;

/// <summary>
/// The random-failure half of the injection engine: one renewal process per failure class and
/// component, each drawing from its own named stream (<c>failures/{name}/{target}</c>), so that
/// two architectures run with the same seed see the same zone and region events (common random numbers).
/// </summary>
public static class FailureInjector
{
    // The plan (which process on which target, with which distributions) depends only on the
    // parameters; Monte Carlo runs reuse it across thousands of replications.
    private static readonly ConditionalWeakTable<ParameterSet, Planned[]> Plans = new();

    /// <summary>Starts the failure processes of <paramref name="specs"/> on <paramref name="system"/>.</summary>
    public static void Start(DatabaseSystem system, ParameterSet parameters, IEnumerable<FailureProcessSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(parameters);
        var plan = Plans.GetValue(parameters, p => Plan(system, p, specs));
        foreach (var planned in plan)
        {
            system.Simulation.Process(Failures(system, planned), planned.Spec.Name);
        }
    }

    private static Planned[] Plan(DatabaseSystem system, ParameterSet parameters, IEnumerable<FailureProcessSpec> specs)
    {
        var plan = new List<Planned>();
        foreach (var spec in specs)
        {
            if (parameters.Catalog.Find(spec.IntervalKey) is null)
            {
                continue;
            }

            var interval = parameters.Duration(spec.IntervalKey);
            if (interval.Mean <= 0)
            {
                continue;
            }

            var duration = spec.HasDuration ? parameters.Duration(spec.DurationKey) : null;
            foreach (var target in system.Targets)
            {
                if (spec.Matches(target.Name) && target.Faults.Contains(spec.Kind))
                {
                    plan.Add(new Planned(spec, target.Name, interval, duration, $"failures/{spec.Name}/{target.Name}", "random " + spec.Name));
                }
            }
        }

        return [.. plan];
    }

    private static IEnumerable<Event> Failures(DatabaseSystem system, Planned planned)
    {
        var sim = system.Simulation;
        var random = sim.Streams.Get(planned.StreamName);
        while (true)
        {
            yield return sim.Timeout(planned.Interval.Sample(random));
            system.InjectNow(new Fault(sim.Now, planned.Target, planned.Spec.Kind, planned.Duration?.Sample(random), planned.Origin));
        }
    }

    private sealed record Planned(FailureProcessSpec Spec, string Target, Distribution Interval, Distribution? Duration, string StreamName, string Origin);
}
