using HaSim.Kernel;
using HaSim.Model.Architectures;
using HaSim.Model.Clients;
using HaSim.Model.Faults;
using HaSim.Model.Incidents;
using HaSim.Model.Invariants;
using HaSim.Model.Presets;
using HaSim.Model.Workloads;

namespace HaSim.Model.Tests;

/// <summary>Runs a preset with scripted faults directly on the model, with every invariant checker on.</summary>
internal static class ModelRun
{
    /// <summary>A scripted fault: at a time, on a target named as a scenario file names it.</summary>
    public sealed record F(double At, string Target, FaultKind Kind, double? Duration = null);

    public static RunRecorder Run(string preset, ulong seed, params F[] faults) => Run(preset, seed, null, faults);

    public static RunRecorder Run(string preset, ulong seed, Workload? workload, params F[] faults)
    {
        var p = PresetCatalog.Find(preset) ?? throw new ArgumentException(preset);
        var sim = new Simulation(seed);
        var recorder = new RunRecorder();
        var context = SystemContext.Alone(sim, p.Parameters, workload ?? p.Workload, ClientPolicy.Default, recorder, Checkers.For(p.Architecture));
        var system = p.Architecture.Create(context);
        foreach (var f in faults)
        {
            var target = system.FindTarget(f.Target) ?? throw new ArgumentException($"{preset} has no target '{f.Target}'.");
            system.Inject(new Fault(f.At, target, f.Kind, f.Duration));
        }

        sim.Run(30 * 86400);
        system.Finish();
        return recorder;
    }
}
