using System.Globalization;
using System.Text;
using HaSim.Model.Faults;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Storms;

/// <summary>
/// One fault storm: a preset with some parameters varied (swarm testing), and a timeline of
/// overlapping faults on random targets. It is a scenario, and prints as a scenario file.
/// </summary>
/// <param name="Seed">The seed it was generated from (and runs with).</param>
/// <param name="Preset">The preset.</param>
/// <param name="Overrides">The parameters the swarm varied, as scenario-file text by key.</param>
/// <param name="Parameters">The preset's parameters with the overrides.</param>
/// <param name="Faults">The timeline, in time order.</param>
public sealed record Storm(ulong Seed, Preset Preset, IReadOnlyDictionary<string, string> Overrides, ParameterSet Parameters, IReadOnlyList<Fault> Faults)
{
    /// <summary>The storm as a scenario to run.</summary>
    public Scenario ToScenario() => new(
        $"storm-{Seed}", "a generated fault storm", $"storm-{Seed}.yaml", Preset, Parameters, [.. Overrides.Keys],
        Preset.Workload, Model.Clients.ClientPolicy.Default, Faults, Seed, FaultStorm.HorizonSeconds, []);

    /// <summary>The same storm with only <paramref name="faults"/>.</summary>
    public Storm With(IReadOnlyList<Fault> faults) => this with { Faults = faults };

    /// <summary>A scenario file that replays this storm: <c>hasim run FILE --check-invariants</c>.</summary>
    public string ToYaml()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"# fault storm {Seed}: hasim run <this file> --check-invariants\n");
        sb.Append(c, $"name: storm-{Seed}\npreset: {Preset.Name}\nseed: {Seed}\nhorizon: {FaultStorm.HorizonSeconds.ToString("R", c)} s\n");
        if (Overrides.Count > 0)
        {
            sb.Append("parameters:\n");
            foreach (var (key, value) in Overrides)
            {
                sb.Append(c, $"  {key}: {value}\n");
            }
        }

        sb.Append("timeline:\n");
        foreach (var f in Faults)
        {
            sb.Append(c, $"  - {{at: {f.AtSeconds.ToString("R", c)} s, target: {f.Target.Label}, fault: {f.Kind.FileName}");
            if (f.DurationSeconds is { } d)
            {
                sb.Append(c, $", duration: {d.ToString("R", c)} s");
            }

            sb.Append("}\n");
        }

        return sb.ToString();
    }
}
