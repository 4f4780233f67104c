using HaSim.Scenarios.Fleet;

namespace HaSim.Scenarios.Grammar;

/// <summary>
/// The fields of a fleet scenario file (one with a <c>fleet:</c> section). <see cref="FleetScenarioLoader"/>
/// accepts exactly these keys; <c>hasim schema fleet</c> writes its JSON Schema from them.
/// </summary>
public static class FleetGrammar
{
    /// <summary>A group's name: lower-case letters, digits, '_' and '-', starting with a letter.</summary>
    public const string GroupNamePattern = "^[a-z][a-z0-9_-]*$";

    /// <summary>How a group's databases are spread.</summary>
    public static FileSection Placement { get; } = new("placement", "Where a group's databases run.",
    [
        new("zones", "the zones its databases are spread over, round robin (default az-1, az-2, az-3)", ValueShape.List(ValueShape.Of(ValueKind.Zone), minItems: 1, maxItems: Model.Topology.Infrastructure.ZoneCount)),
        new("computes_per_node", "serverless computes packed on one node (default 30; serverless groups only)", ValueShape.Count(1, 100_000)),
    ]);

    /// <summary>One group of identical databases.</summary>
    public static FileSection Group { get; } = new("group", "Databases of one preset, sharing the region's capacity with the other groups.",
    [
        new("name", "the group's name, used in targets (GROUP/INDEX/COMPONENT)", ValueShape.Name(GroupNamePattern), Required: true),
        new("preset", "the seed system its databases run", ValueShape.Of(ValueKind.Preset), Required: true),
        new("count", "how many databases", ValueShape.Count(1, FleetScenarioLoader.MaxGroupCount), Required: true),
        new("placement", Placement.Description, ValueShape.Map(Placement)),
        new("parameters", "overrides of single preset parameters for every database of the group", ValueShape.Of(ValueKind.PresetParameters)),
        new("workload", ScenarioGrammar.Workload.Description, ValueShape.Map(ScenarioGrammar.Workload)),
        new("client", ScenarioGrammar.Client.Description, ValueShape.Map(ScenarioGrammar.Client)),
    ]);

    /// <summary>The <c>fleet:</c> section.</summary>
    public static FileSection Fleet { get; } = new("fleet", "The databases of the fleet and the capacity they share.",
    [
        new("groups", "the groups of databases (at most 40,000 databases in all)", ValueShape.List(ValueShape.Map(Group), minItems: 1), Required: true),
        new("capacity", "overrides of the shared capacity (control plane, VM provisioning, restore bandwidth, warm pools)", ValueShape.Of(ValueKind.CapacityParameters)),
    ]);

    /// <summary>One fault of a fleet's <c>timeline:</c>.</summary>
    public static FileSection Fault { get; } = new("fleet_fault", "A fault injected at a time into shared infrastructure, one database's component or a serverless node.",
    [
        new("at", "when the fault strikes, from the start of the run", ValueShape.Of(ValueKind.Duration), Required: true),
        new("target", "az-N, region or object-storage (outage only), GROUP/INDEX/COMPONENT (one database's component) or GROUP/ZONE/node-N (a serverless node)", ValueShape.Of(ValueKind.Target), Required: true),
        new("fault", "what happens to it", ValueShape.Of(ValueKind.FaultKind), Required: true),
        new("duration", "how long an outage or hang lasts", ValueShape.Of(ValueKind.Duration)),
    ]);

    /// <summary>The root of a fleet scenario file.</summary>
    public static FileSection Root { get; } = new("fleet_scenario", "A HaSim fleet scenario: groups of databases sharing one region's infrastructure and capacity, and a timeline of faults.",
    [
        new("name", "the scenario's name in reports (default: the file name)", ValueShape.Of(ValueKind.Text)),
        new("description", "what the scenario shows", ValueShape.Of(ValueKind.Text)),
        new("seed", "the root seed of every random stream (default 1)", ValueShape.Of(ValueKind.Seed)),
        new("horizon", "how long a scripted run lasts (default 30 d)", ValueShape.Of(ValueKind.Duration)),
        new("fleet", Fleet.Description, ValueShape.Map(Fleet), Required: true),
        new("timeline", "the faults injected, in any order", ValueShape.List(ValueShape.Map(Fault))),
        new(Cost.CostLoader.Field, CostGrammar.Cost.Description, ValueShape.Map(CostGrammar.Cost)),
    ]);
}
