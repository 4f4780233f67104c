using HaSim.Model.Faults;

namespace HaSim.Scenarios.Fleet;

/// <summary>What a fleet fault strikes.</summary>
public enum FleetFaultScope
{
    /// <summary>The shared infrastructure: a zone, the region or object storage; every database on it is told.</summary>
    Infrastructure,

    /// <summary>One Kubernetes node of a serverless group in one zone: every compute it hosts then.</summary>
    Node,

    /// <summary>One component of one database.</summary>
    Database,
}

/// <summary>One scripted fault of a fleet timeline.</summary>
/// <param name="Scope">What it strikes.</param>
/// <param name="Fault">The fault: time, kind, duration and origin; its target is the fleet's zone, region or object-storage target, or the database group's own target (for node and database faults).</param>
/// <param name="Group">For node and database faults: the group's index.</param>
/// <param name="Database">For database faults: the database's index within its group.</param>
/// <param name="Zone">For node faults: the zone (0-based).</param>
/// <param name="Node">For node faults: the node (0-based) within the group and zone.</param>
public sealed record FleetFault(FleetFaultScope Scope, Fault Fault, int Group = -1, int Database = -1, int Zone = -1, int Node = -1)
{
    /// <summary>When it happens.</summary>
    public double AtSeconds => Fault.AtSeconds;
}
