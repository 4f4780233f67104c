using HaSim.Model.Clients;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Model.Topology;
using HaSim.Model.Workloads;

namespace HaSim.Scenarios.Fleet;

/// <summary>
/// One group of a fleet: <see cref="Count"/> databases of one preset, spread round-robin over
/// <see cref="Zones"/> and, within a zone, round-robin over the group's nodes (serverless computes
/// share Kubernetes nodes, <see cref="ComputesPerNode"/> to a node).
/// </summary>
/// <param name="Name">The group's name (lower case, digits, '_' and '-'); its databases are <c>name/0</c>, <c>name/1</c>, ...</param>
/// <param name="Preset">The preset every database of the group runs.</param>
/// <param name="Count">How many databases.</param>
/// <param name="Parameters">The preset's parameters with the group's overrides.</param>
/// <param name="Overrides">The keys the group overrode.</param>
/// <param name="Workload">Each database's workload.</param>
/// <param name="Client">Each database's clients.</param>
/// <param name="Zones">The zones (0-based) its databases go round, in order.</param>
/// <param name="ComputesPerNode">Serverless: computes of the group a node hosts.</param>
public sealed record FleetGroup(
    string Name,
    Preset Preset,
    int Count,
    ParameterSet Parameters,
    IReadOnlyList<string> Overrides,
    Workload Workload,
    ClientPolicy Client,
    IReadOnlyList<int> Zones,
    int ComputesPerNode)
{
    /// <summary>True if the group runs the serverless architecture (computes on shared nodes).</summary>
    public bool IsServerless => Preset.Model == ModelKind.Serverless;

    /// <summary>The group's nodes in each zone: enough for the busiest zone at <see cref="ComputesPerNode"/> (at least 1).</summary>
    public int NodesPerZone
    {
        get
        {
            int busiest = (Count + Zones.Count - 1) / Math.Max(1, Zones.Count);
            return Math.Max(1, (busiest + ComputesPerNode - 1) / ComputesPerNode);
        }
    }

    /// <summary>Where database <paramref name="index"/> goes: zone <c>Zones[index mod zones]</c>, then round-robin over the nodes there.</summary>
    public DatabasePlacement PlacementOf(int index)
    {
        int zone = Zones[index % Zones.Count];
        int inZone = index / Zones.Count;
        int nodes = NodesPerZone;
        return new DatabasePlacement(zone, inZone % nodes, nodes);
    }

    /// <summary>The display name of database <paramref name="index"/>: "name/index".</summary>
    public string DatabaseName(int index) => $"{Name}/{index}";
}
