using HaSim.Model.Topology;

namespace HaSim.Scenarios.Fleet;

/// <summary>The fleet's own targets for faults of the shared infrastructure: the zones, the region and object storage.</summary>
public static class FleetTargets
{
    /// <summary>The zones, az-1 first.</summary>
    public static IReadOnlyList<Target> Zones { get; } = [.. InfrastructureTargets.Zones()];

    /// <summary>The region.</summary>
    public static Target Region { get; } = InfrastructureTargets.Region("the whole region: every database of the fleet");

    /// <summary>The region's object storage.</summary>
    public static Target ObjectStorage { get; } = InfrastructureTargets.ObjectStorage();

    /// <summary>Every infrastructure target.</summary>
    public static IReadOnlyList<Target> All { get; } = [.. Zones, Region, ObjectStorage];
}
