using HaSim.Kernel;
using HaSim.Model.Architectures;
using HaSim.Model.Clients;
using HaSim.Model.Faults;
using HaSim.Model.Incidents;
using HaSim.Model.Presets;
using HaSim.Model.Workloads;

namespace HaSim.Model.Tests;

/// <summary>Runs a preset with scripted faults directly on the model, for behaviour tests.</summary>
internal static class ModelRun
{
    public static RunRecorder Run(string preset, ulong seed, params Fault[] faults) => Run(preset, seed, null, faults);

    public static RunRecorder Run(string preset, ulong seed, Workload? workload, params Fault[] faults)
    {
        var p = PresetCatalog.Find(preset) ?? throw new ArgumentException(preset);
        var sim = new Simulation(seed);
        var recorder = new RunRecorder();
        var system = SystemFactory.Create(p.Model, new SystemContext(sim, p.Parameters, workload ?? p.Workload, ClientPolicy.Default, recorder));
        foreach (var f in faults)
        {
            system.Inject(f);
        }

        sim.Run(30 * 86400);
        system.Finish();
        return recorder;
    }
}
