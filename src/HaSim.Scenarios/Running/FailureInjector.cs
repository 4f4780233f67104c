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
    /// <summary>Starts the failure processes of <paramref name="specs"/> on <paramref name="system"/>.</summary>
    public static void Start(DatabaseSystem system, ParameterSet parameters, IEnumerable<FailureProcessSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(system);
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
                    system.Simulation.Process(Failures(system, spec, target.Name, interval, duration), spec.Name);
                }
            }
        }
    }

    private static IEnumerable<Event> Failures(DatabaseSystem system, FailureProcessSpec spec, string target, Distribution interval, Distribution? duration)
    {
        var sim = system.Simulation;
        var random = sim.Streams.Get($"failures/{spec.Name}/{target}");
        string origin = "random " + spec.Name;
        while (true)
        {
            yield return sim.Timeout(interval.Sample(random));
            system.Inject(new Fault(sim.Now, target, spec.Kind, duration?.Sample(random), origin));
        }
    }
}
