namespace HaSim.Model.Topology;

/// <summary>
/// Where a database of a fleet is placed: the zone its compute or primary runs in and, for
/// architectures on shared Kubernetes nodes, the node. A database alone is placed in az-1, node 0.
/// </summary>
/// <param name="Zone">The zone (0-based) of the compute or primary; standbys, secondaries and safekeepers go round the other zones from it.</param>
/// <param name="Node">The node (0-based, within its group and zone) hosting the compute.</param>
/// <param name="NodesPerZone">How many nodes its group has in each zone: a compute moved to a new node takes the next one.</param>
public readonly record struct DatabasePlacement(int Zone, int Node = 0, int NodesPerZone = 1)
{
    /// <summary>A database alone: az-1, node 0.</summary>
    public static DatabasePlacement Alone { get; } = new(0, 0, 1);
}
