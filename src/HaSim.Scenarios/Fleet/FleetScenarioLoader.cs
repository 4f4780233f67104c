using System.Globalization;
using System.Text.RegularExpressions;
using HaSim.Model.Capacity;
using HaSim.Model.Clients;
using HaSim.Model.Faults;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Model.Topology;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Grammar;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Fleet;

/// <summary>
/// Reads a fleet scenario (a file with a <c>fleet:</c> section) into a validated <see cref="FleetScenario"/>.
/// Every problem is reported as a diagnostic naming the file, line and field; several are collected
/// before failing.
/// </summary>
public static partial class FleetScenarioLoader
{
    /// <summary>The most databases one group may have.</summary>
    public const int MaxGroupCount = 40_000;

    /// <summary>The most databases a fleet may have.</summary>
    public const int MaxFleetCount = 40_000;

    // The keys each section accepts are declared once, with the JSON Schema (Grammar/FleetGrammar.cs).
    private static readonly string[] RootKeys = FleetGrammar.Root.KeyNames;
    private static readonly string[] FleetKeys = FleetGrammar.Fleet.KeyNames;
    private static readonly string[] GroupKeys = FleetGrammar.Group.KeyNames;
    private static readonly string[] PlacementKeys = FleetGrammar.Placement.KeyNames;
    private static readonly string[] FaultKeys = FleetGrammar.Fault.KeyNames;

    /// <summary>True if the root of the scenario document has a <c>fleet:</c> section.</summary>
    public static bool IsFleet(MapNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.ContainsKey("fleet");
    }

    /// <summary>The fleet scenario at <paramref name="path"/>, or null if the file is a single database's scenario.</summary>
    /// <exception cref="ScenarioException">The file is missing, malformed or an invalid fleet scenario.</exception>
    public static FleetScenario? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioException(new ScenarioDiagnostic(path, 0, 0, "", "file not found", null));
        }

        var root = YamlDocumentReader.Load(path);
        return IsFleet(root) ? Bind(root, path) : null;
    }

    /// <summary>Loads and validates the fleet scenario at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file is missing, malformed, not a fleet scenario or invalid.</exception>
    public static FleetScenario Load(string path) =>
        TryLoad(path) ?? throw new ScenarioException(new ScenarioDiagnostic(path, 1, 1, "fleet", "missing required field 'fleet'", "a fleet scenario declares 'fleet: {groups: [...]}'"));

    /// <summary>Parses and validates fleet scenario text (for tests and tools); <paramref name="displayPath"/> names it in errors.</summary>
    public static FleetScenario Parse(string text, string displayPath) => Bind(YamlDocumentReader.Parse(text, displayPath), displayPath);

    private static FleetScenario Bind(MapNode root, string path)
    {
        var bag = new DiagnosticBag();
        bag.AddRange(root.FindUnknownKeys(RootKeys));
        Cost.CostLoader.Read(root, bag); // checked here so 'hasim validate' reports it; sweeps read it again
        string name = root.OptionalScalar("name")?.Value ?? Path.GetFileNameWithoutExtension(path);
        string description = root.OptionalScalar("description")?.Value ?? "";
        var (seed, horizon) = ScenarioLoader.ReadSeedAndHorizon(root, bag);
        var fleet = root.RequiredMap("fleet");
        bag.AddRange(fleet.FindUnknownKeys(FleetKeys));
        var groups = new List<FleetGroup>();
        var groupsNode = fleet.RequiredSeq("groups").RequireCount(1);
        foreach (var item in groupsNode)
        {
            if (bag.Capture(() => item.AsMap()) is { } map && ReadGroup(map, groups, bag) is { } group)
            {
                groups.Add(group);
            }
        }

        if (groups.Sum(g => (long)g.Count) > MaxFleetCount)
        {
            bag.Add(groupsNode.Diagnostic($"the fleet has {groups.Sum(g => (long)g.Count)} databases; at most {MaxFleetCount} are allowed", "split the question into smaller fleets"));
        }

        var capacityOverrides = new List<string>();
        var capacity = CapacityParameters.Defaults;
        if (fleet.Get("capacity") is { } capacityNode && bag.Capture(() => capacityNode.AsMap()) is { } capacityMap)
        {
            capacity = ParameterOverrides.Apply(capacity, capacityMap, bag, capacityOverrides);
        }

        bag.ThrowIfAny();
        var timeline = new List<FleetFault>();
        if (root.Get("timeline") is { } timelineNode && bag.Capture(() => timelineNode.AsSeq()) is { } seq)
        {
            foreach (var item in seq)
            {
                if (bag.Capture(() => item.AsMap()) is { } map && ReadFault(map, groups, bag) is { } fault)
                {
                    timeline.Add(fault);
                }
            }
        }

        bag.ThrowIfAny();
        return new FleetScenario(name, description, path, groups, capacity, capacityOverrides, [.. timeline.OrderBy(f => f.AtSeconds)], seed, horizon);
    }

    private static FleetGroup? ReadGroup(MapNode map, List<FleetGroup> earlier, DiagnosticBag bag)
    {
        int before = bag.Diagnostics.Count;
        bag.AddRange(map.FindUnknownKeys(GroupKeys));
        var nameNode = bag.Capture(() => map.RequiredScalar("name"));
        if (nameNode is not null && !GroupName().IsMatch(nameNode.Value))
        {
            bag.Add(nameNode.Diagnostic($"'{nameNode.Value}' is not a group name", "use lower-case letters, digits, '_' and '-', starting with a letter"));
        }
        else if (nameNode is not null && earlier.Any(g => g.Name == nameNode.Value))
        {
            bag.Add(nameNode.Diagnostic($"two groups are named '{nameNode.Value}'", "give each group its own name"));
        }

        var presetNode = bag.Capture(() => map.RequiredScalar("preset"));
        Preset? preset = null;
        if (presetNode is not null)
        {
            preset = PresetCatalog.Find(presetNode.Value);
            if (preset is null)
            {
                bag.Add(presetNode.Diagnostic(
                    $"unknown preset '{presetNode.Value}'",
                    DidYouMean.Phrase(presetNode.Value, PresetCatalog.All.Select(p => p.Name)) ?? "presets: " + string.Join(", ", PresetCatalog.All.Select(p => p.Name))));
            }
        }

        int count = bag.Capture(() => map.RequiredScalar("count").AsCount(min: 1, max: MaxGroupCount));
        IReadOnlyList<int> zones = [0, 1, 2];
        int perNode = 30;
        if (map.Get("placement") is { } placementNode && bag.Capture(() => placementNode.AsMap()) is { } placement)
        {
            bag.AddRange(placement.FindUnknownKeys(PlacementKeys));
            if (placement.Get("zones") is { } zonesNode && bag.Capture(() => zonesNode.AsSeq().RequireCount(1, Infrastructure.ZoneCount)) is { } zoneSeq)
            {
                var read = new List<int>();
                foreach (var z in zoneSeq)
                {
                    if (bag.Capture(() => z.AsScalar()) is { } zs)
                    {
                        int zone = FleetTargets.Zones.ToList().FindIndex(t => t.IsNamedBy(zs.Value));
                        if (zone < 0)
                        {
                            bag.Add(zs.Diagnostic($"'{zs.Value}' is not a zone", "zones: " + string.Join(", ", FleetTargets.Zones.Select(t => t.Label))));
                        }
                        else if (read.Contains(zone))
                        {
                            bag.Add(zs.Diagnostic($"{zs.Value} is listed twice"));
                        }
                        else
                        {
                            read.Add(zone);
                        }
                    }
                }

                zones = read;
            }

            if (placement.OptionalScalar("computes_per_node") is { } perNodeNode)
            {
                perNode = bag.Capture(() => perNodeNode.AsCount(min: 1, max: 100_000));
                if (preset is { Model: not ModelKind.Serverless })
                {
                    bag.Add(perNodeNode.Diagnostic($"computes_per_node applies to serverless groups; the {preset.Name} preset runs one server per VM", "remove 'computes_per_node'"));
                }
            }
        }

        if (preset is null || nameNode is null || bag.Diagnostics.Count > before)
        {
            return null;
        }

        var overrides = new List<string>();
        var parameters = preset.Parameters;
        if (map.Get("parameters") is { } paramNode && bag.Capture(() => paramNode.AsMap()) is { } paramMap)
        {
            parameters = ParameterOverrides.Apply(parameters, paramMap, bag, overrides);
        }

        var workload = preset.Workload;
        if (map.Get("workload") is { } workloadNode && bag.Capture(() => workloadNode.AsMap()) is { } workloadMap)
        {
            workload = ScenarioLoader.ReadWorkload(workloadMap, workload, bag);
        }

        var client = ClientPolicy.Default;
        if (map.Get("client") is { } clientNode && bag.Capture(() => clientNode.AsMap()) is { } clientMap)
        {
            client = ScenarioLoader.ReadClient(clientMap, client, bag);
        }

        return bag.Diagnostics.Count > before ? null : new FleetGroup(nameNode.Value, preset, count, parameters, overrides, workload, client, zones, perNode);
    }

    private static FleetFault? ReadFault(MapNode map, List<FleetGroup> groups, DiagnosticBag bag)
    {
        int before = bag.Diagnostics.Count;
        bag.AddRange(map.FindUnknownKeys(FaultKeys));
        double at = bag.Capture(() => map.RequiredScalar("at").AsSeconds());
        var targetNode = bag.Capture(() => map.RequiredScalar("target"));
        var faultNode = bag.Capture(() => map.RequiredScalar("fault"));
        double? duration = null;
        if (map.OptionalScalar("duration") is { } durationNode)
        {
            duration = bag.Capture(() => ScenarioLoader.Positive(durationNode, durationNode.AsSeconds()));
        }

        if (targetNode is null || faultNode is null || bag.Diagnostics.Count > before)
        {
            return null;
        }

        var kind = FaultKind.All.Find(faultNode.Value);
        if (kind is null)
        {
            bag.Add(faultNode.Diagnostic(
                $"unknown fault '{faultNode.Value}'",
                DidYouMean.Phrase(faultNode.Value, FaultKind.All.All.Select(k => k.FileName)) ?? "faults: " + string.Join(", ", FaultKind.All.All.Select(k => k.FileName))));
            return null;
        }

        if (duration is not null && !kind.TakesDuration)
        {
            bag.Add(map.KeyNode("duration")!.Diagnostic($"a '{kind.FileName}' fault has no duration: the component is replaced by its recovery workflow", "remove 'duration', or use an 'outage'"));
            return null;
        }

        string origin = $"{map.FilePath}:{map.Line}";
        string text = targetNode.Value;
        if (FleetTargets.All.FirstOrDefault(t => t.IsNamedBy(text)) is { } infrastructure)
        {
            if (kind != FaultKind.Outage)
            {
                bag.Add(faultNode.Diagnostic($"fault '{faultNode.Value}' does not apply to {infrastructure.Label} ({infrastructure.Description})", "use 'outage'"));
                return null;
            }

            return new FleetFault(FleetFaultScope.Infrastructure, new Fault(at, infrastructure, kind, duration, origin));
        }

        var parts = text.Split('/');
        int group = parts.Length == 3 ? groups.FindIndex(g => g.Name == parts[0]) : -1;
        if (group < 0)
        {
            var examples = groups.Count == 0 ? "" : $"{groups[0].Name}/0/{groups[0].Preset.Architecture.Targets(groups[0].Parameters)[0].Label}" + (groups[0].IsServerless ? $", {groups[0].Name}/az-1/node-0" : "");
            bag.Add(targetNode.Diagnostic(
                parts.Length == 3 ? $"'{text}' names no group of this fleet (groups: {string.Join(", ", groups.Select(g => g.Name))})" : $"'{text}' is not a target of a fleet",
                $"targets: {string.Join(", ", FleetTargets.All.Select(t => t.Label))}, GROUP/INDEX/COMPONENT (one database's component) or GROUP/ZONE/node-N (a serverless node)" + (examples.Length > 0 ? $", e.g. {examples}" : "")));
            return null;
        }

        var g = groups[group];
        int zone = FleetTargets.Zones.ToList().FindIndex(t => t.IsNamedBy(parts[1]));
        if (zone >= 0)
        {
            return ReadNodeFault(targetNode, faultNode, kind, g, group, zone, parts[2], at, origin, bag);
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= g.Count)
        {
            bag.Add(targetNode.Diagnostic($"'{parts[1]}' in '{text}' is neither a zone nor a database of group {g.Name}", $"use an index from 0 to {g.Count - 1}, or a zone (az-1, az-2, az-3) and node-N"));
            return null;
        }

        var targets = g.Preset.Architecture.Targets(g.Parameters);
        var target = targets.FirstOrDefault(t => t.IsNamedBy(parts[2]));
        if (target is null || FleetTargets.All.Any(t => ReferenceEquals(t.Family, target.Family)))
        {
            bag.Add(targetNode.Diagnostic(
                target is null ? $"'{parts[2]}' is not a component of the {g.Preset.Name} preset" : $"{target.Label} is shared by the whole fleet: write 'target: {target.Label}'",
                "components: " + string.Join(", ", targets.Where(t => !FleetTargets.All.Any(f => ReferenceEquals(f.Family, t.Family))).Select(t => t.Label))));
            return null;
        }

        if (!target.Faults.Contains(kind))
        {
            bag.Add(faultNode.Diagnostic($"fault '{faultNode.Value}' does not apply to {target.Label} ({target.Description})", "use " + string.Join(" or ", target.Faults.Select(f => $"'{f.FileName}'"))));
            return null;
        }

        return new FleetFault(FleetFaultScope.Database, new Fault(at, target, kind, duration, origin), group, index);
    }

    private static FleetFault? ReadNodeFault(ScalarNode targetNode, ScalarNode faultNode, FaultKind kind, FleetGroup g, int group, int zone, string nodeText, double at, string origin, DiagnosticBag bag)
    {
        if (!g.IsServerless)
        {
            bag.Add(targetNode.Diagnostic($"group {g.Name} runs {g.Preset.Name}, whose servers do not share nodes", $"fail one server instead, e.g. {g.Name}/0/primary"));
            return null;
        }

        var match = NodeName().Match(nodeText);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int node) || node >= g.NodesPerZone)
        {
            bag.Add(targetNode.Diagnostic($"'{nodeText}' is not a node of group {g.Name} in {FleetTargets.Zones[zone].Label}", $"the group has node-0 to node-{g.NodesPerZone - 1} in each zone ({g.ComputesPerNode} computes per node)"));
            return null;
        }

        if (kind != FaultKind.Fail)
        {
            bag.Add(faultNode.Diagnostic($"fault '{faultNode.Value}' does not apply to a node", "use 'fail': every compute on the node is rescheduled"));
            return null;
        }

        var target = g.Preset.Architecture.Targets(g.Parameters).First(t => t.Kind == ComponentKind.Node);
        return new FleetFault(FleetFaultScope.Node, new Fault(at, target, kind, null, origin), group, -1, zone, node);
    }

    [GeneratedRegex(FleetGrammar.GroupNamePattern)]
    private static partial Regex GroupName();

    [GeneratedRegex("^node-([0-9]+)$")]
    private static partial Regex NodeName();
}
