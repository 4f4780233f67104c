using System.Text.RegularExpressions;
using HaSim.Model.Architectures;
using HaSim.Model.Capacity;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Cost;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Fleet;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;

namespace HaSim.Analysis.Sweeps;

/// <summary>One configuration of a sweep: a point and the scenario (or fleet) it makes.</summary>
/// <param name="Point">The point.</param>
/// <param name="Scenario">The single database's scenario, or null for a fleet.</param>
/// <param name="Fleet">The fleet, or null for a single database.</param>
public sealed record SweepConfiguration(SweepPointSpec Point, Scenario? Scenario, FleetScenario? Fleet)
{
    /// <summary>Databases in one replication.</summary>
    public int Databases => Fleet?.DatabaseCount ?? 1;

    /// <summary>What the configuration keeps running all month (for its cost).</summary>
    public MonthlyResources Resources => Fleet is not null ? MonthlyResources.Of(Fleet) : MonthlyResources.Of(Scenario!);
}

/// <summary>
/// What a sweep varies: a scenario file (a single database, or a file naming only its preset) or a
/// fleet file, with its <c>cost:</c> prices if any. Keys: a single database's parameters (those
/// <c>hasim presets --show</c> lists) and <c>preset</c> (the file read again with another preset); a
/// fleet's capacity keys (<c>compute.spare_slots_per_az</c>, <c>control_plane.concurrency</c>, ...),
/// <c>GROUP.count</c> and <c>GROUP.KEY</c> for a parameter of one group's preset.
/// </summary>
public sealed partial class SweepSubject
{
    private SweepSubject(string path, Scenario? scenario, FleetScenario? fleet, CostModel? cost)
    {
        FilePath = path;
        Scenario = scenario;
        Fleet = fleet;
        Cost = cost;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>The single database's scenario as the file has it, or null.</summary>
    public Scenario? Scenario { get; }

    /// <summary>The fleet as the file has it, or null.</summary>
    public FleetScenario? Fleet { get; }

    /// <summary>The file's prices, or null.</summary>
    public CostModel? Cost { get; }

    /// <summary>The scenario's name.</summary>
    public string Name => Fleet?.Name ?? Scenario!.Name;

    /// <summary>The root seed the file states.</summary>
    public ulong Seed => Fleet?.Seed ?? Scenario!.Seed;

    /// <summary>The architecture goals and figures are read against (a fleet's first group's).</summary>
    public ArchitectureDescriptor Architecture => Fleet?.Groups[0].Preset.Architecture ?? Scenario!.Preset.Architecture;

    /// <summary>Loads the file at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file is missing or invalid.</exception>
    public static SweepSubject Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fleet = FleetScenarioLoader.TryLoad(path);
        var scenario = fleet is null ? ScenarioLoader.Load(path) : null;
        return new SweepSubject(path, scenario, fleet, CostLoader.Load(path));
    }

    /// <summary>Makes every point's configuration, collecting every bad key or value before any runs.</summary>
    /// <exception cref="ScenarioException">A key is unknown (with a did-you-mean) or a value invalid for its parameter.</exception>
    public IReadOnlyList<SweepConfiguration> Configure(IReadOnlyList<SweepPointSpec> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var bag = new DiagnosticBag();
        var configurations = new List<SweepConfiguration>();
        foreach (var point in points)
        {
            int before = bag.Diagnostics.Count;
            var made = Fleet is not null
                ? new SweepConfiguration(point, null, ApplyFleet(point, bag))
                : new SweepConfiguration(point, ApplyScenario(point, bag), null);
            if (bag.Diagnostics.Count == before)
            {
                configurations.Add(made);
            }
        }

        // The same bad value recurs at many grid points: report each problem once.
        var distinct = bag.Diagnostics.DistinctBy(d => d.ToString()).ToList();
        if (distinct.Count > 0)
        {
            throw new ScenarioException(distinct);
        }

        return configurations;
    }

    private Scenario ApplyScenario(SweepPointSpec point, DiagnosticBag bag)
    {
        var scenario = Scenario!;
        if (point.Settings.FirstOrDefault(s => s.Key == "preset") is { Key: not null } preset)
        {
            scenario = bag.Capture(() => WithPreset(scenario, preset.Value)) ?? scenario;
        }

        foreach (var (key, value) in point.Settings.Where(s => s.Key != "preset"))
        {
            if (scenario.Parameters.Catalog.Find(key) is null)
            {
                bag.Add(Unknown(key, [.. scenario.Parameters.Catalog.Definitions.Select(d => d.Key), "preset"], $"'{key}' is not a parameter of the {scenario.Parameters.Catalog.Name} model", "'hasim presets --show <preset>' lists the parameters"));
                continue;
            }

            var parameters = Override(scenario.Parameters, key, value, bag);
            scenario = scenario with { Parameters = parameters, Overrides = [.. scenario.Overrides.Append(key).Distinct(StringComparer.Ordinal)] };
        }

        return ReboundTimeline(scenario, point, bag);
    }

    /// <summary>The timeline's faults on the targets the changed parameters give (a target is one parameter set's), refusing a point that removes a target the timeline uses.</summary>
    private static Scenario ReboundTimeline(Scenario scenario, SweepPointSpec point, DiagnosticBag bag)
    {
        var targets = scenario.Preset.Architecture.Targets(scenario.Parameters);
        var timeline = new List<Model.Faults.Fault>();
        foreach (var fault in scenario.Timeline)
        {
            var target = targets.FirstOrDefault(t => t.Key == fault.Target.Key);
            if (target is null)
            {
                bag.Add(new ScenarioDiagnostic("--param", 1, 1, point.Label, $"at {point.Label} the timeline's target '{fault.Target.Key}' does not exist", "sweep values that keep every target the timeline names"));
                return scenario;
            }

            timeline.Add(fault with { Target = target });
        }

        return scenario with { Timeline = timeline };
    }

    private FleetScenario ApplyFleet(SweepPointSpec point, DiagnosticBag bag)
    {
        var fleet = Fleet!;
        foreach (var (key, value) in point.Settings)
        {
            if (CapacityParameters.Catalog.Find(key) is not null)
            {
                fleet = fleet with { Capacity = Override(fleet.Capacity, key, value, bag) };
                continue;
            }

            int dot = key.IndexOf('.', StringComparison.Ordinal);
            var group = dot > 0 ? fleet.Group(key[..dot]) : null;
            string field = dot > 0 ? key[(dot + 1)..] : "";
            if (group is not null && field == "count")
            {
                if (bag.Capture(() => Node(key, value).AsScalar().AsCount(min: 1, max: FleetScenarioLoader.MaxGroupCount)) is int count and > 0)
                {
                    fleet = fleet.WithGroup(group.Name, g => g with { Count = count });
                }
            }
            else if (group is not null && group.Parameters.Catalog.Find(field) is not null)
            {
                var parameters = Override(group.Parameters, field, value, bag);
                fleet = fleet.WithGroup(group.Name, g => g with { Parameters = parameters, Overrides = [.. g.Overrides.Append(field).Distinct(StringComparer.Ordinal)] });
            }
            else
            {
                var candidates = CapacityParameters.Catalog.Definitions.Select(d => d.Key)
                    .Concat(fleet.Groups.SelectMany(g => g.Parameters.Catalog.Definitions.Select(d => $"{g.Name}.{d.Key}").Prepend($"{g.Name}.count")));
                bag.Add(Unknown(key, [.. candidates], $"'{key}' is not a capacity key or group field of this fleet",
                    "sweep a capacity key (compute.spare_slots_per_az, ...), GROUP.count, or GROUP.KEY for a parameter of that group's preset"));
            }
        }

        return fleet;
    }

    private static ParameterSet Override(ParameterSet parameters, string key, string value, DiagnosticBag bag)
    {
        if (bag.Capture(() => Map(key, value)) is not { } map)
        {
            return parameters;
        }

        return ParameterOverrides.Apply(parameters, map, bag, []);
    }

    private static Scenario WithPreset(Scenario scenario, string preset)
    {
        if (PresetCatalog.Find(preset) is null)
        {
            throw new ScenarioException(Unknown(preset, [.. PresetCatalog.All.Select(p => p.Name)], $"unknown preset '{preset}'", "presets: " + string.Join(", ", PresetCatalog.All.Select(p => p.Name))));
        }

        string text = scenario.SourceText ?? throw new ScenarioException(new ScenarioDiagnostic(scenario.FilePath, 0, 0, "preset", "this scenario was not read from a file, so its preset cannot be swept"));
        string changed = PresetLine().Replace(text, "preset: " + preset, 1);
        return ScenarioLoader.Parse(changed, scenario.FilePath);
    }

    /// <summary>The value as a scenario file would hold it under <paramref name="key"/>; errors name the option.</summary>
    private static ScenarioNode Node(string key, string value) =>
        Map(key, value).Get(key) ?? throw new ScenarioException(new ScenarioDiagnostic("--param", 1, 1, key, $"'{value}' is not a value"));

    private static MapNode Map(string key, string value) => YamlDocumentReader.Parse($"\"{key}\": {value}\n", $"--param {key}={value}");

    private static ScenarioDiagnostic Unknown(string key, string[] candidates, string message, string fallback) =>
        new("--param", 1, 1, key, message, DidYouMean.Phrase(key, candidates) ?? fallback);

    [GeneratedRegex(@"^preset:.*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PresetLine();
}
