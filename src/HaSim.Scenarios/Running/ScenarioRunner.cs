using HaSim.Kernel;
using HaSim.Model.Architectures;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running;

/// <summary>Replays a scenario's scripted timeline and checks its expectations.</summary>
public static class ScenarioRunner
{
    /// <summary>Runs <paramref name="scenario"/> with its own seed, or <paramref name="seed"/> if given.</summary>
    public static ScenarioResult Run(Scenario scenario, ulong? seed = null, bool keepTrace = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ulong rootSeed = seed ?? scenario.Seed;
        var simulation = new Simulation(rootSeed);
        var recorder = new RunRecorder(keepTrace);
        var system = SystemFactory.Create(scenario.Preset.Model, new SystemContext(simulation, scenario.Parameters, scenario.Workload, scenario.Client, recorder));
        foreach (var fault in scenario.Timeline)
        {
            system.Inject(fault);
        }

        // Run until everything has settled; a fault that never ends stops at the horizon.
        while (simulation.ScheduledEventCount > 0 && simulation.PeekTime < scenario.HorizonSeconds)
        {
            simulation.Step();
        }

        if (simulation.ScheduledEventCount > 0)
        {
            simulation.Run(scenario.HorizonSeconds);
        }

        system.Finish();
        var expectations = scenario.Expectations.Select(e => Check(e, recorder)).ToList();
        return new ScenarioResult(scenario, rootSeed, simulation.Now, recorder.Incidents, recorder.Degraded, recorder.Trace, expectations);
    }

    private static ExpectationResult Check(Expectation e, RunRecorder run)
    {
        var incident = run.Incidents.FirstOrDefault(i => i.Number == e.Incident);
        double? actual = e.Metric switch
        {
            ExpectedMetric.Rto => incident?.RtoSeconds,
            ExpectedMetric.ServerRto => incident?.ServerRtoSeconds,
            ExpectedMetric.Detection => incident?.DetectionSeconds,
            ExpectedMetric.RpoBytes => incident?.RpoBytes,
            ExpectedMetric.RpoSeconds => incident?.RpoSeconds,
            ExpectedMetric.Incidents => run.Incidents.Count,
            ExpectedMetric.Degraded => run.Degraded.Where(d => d.Kind == e.Subject).Sum(d => d.DurationSeconds),
            ExpectedMetric.Stage => StageSeconds(incident, e.Subject),
            _ => null,
        };
        bool passed = actual is { } a && (e.Min is not { } min || a >= min - 1e-9) && (e.Max is not { } max || a <= max + 1e-9);
        return new ExpectationResult(e, actual, passed);
    }

    private static double? StageSeconds(Incident? incident, string? stage)
    {
        var stages = incident?.Stages.Where(s => s.Name == stage).ToList();
        return stages is { Count: > 0 } ? stages.Sum(s => s.DurationSeconds) : null;
    }
}
