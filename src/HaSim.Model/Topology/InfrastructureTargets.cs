namespace HaSim.Model.Topology;

/// <summary>The targets every architecture shares because they belong to the infrastructure: the zones, the region, object storage.</summary>
public static class InfrastructureTargets
{
    /// <summary>The availability zones.</summary>
    public static TargetFamily ZoneFamily { get; } = new("zone", "availability zone", ComponentKind.AvailabilityZone);

    /// <summary>The region.</summary>
    public static TargetFamily RegionFamily { get; } = new("region", "region", ComponentKind.Region);

    /// <summary>The region's object storage.</summary>
    public static TargetFamily ObjectStorageFamily { get; } = new("object_storage", "object-storage", ComponentKind.ObjectStorage);

    /// <summary>The region target.</summary>
    public static Target Region(string description) => new(RegionFamily, 0, "region", "region", description);

    /// <summary>The object-storage target.</summary>
    public static Target ObjectStorage() => new(ObjectStorageFamily, 0, "object_storage", "object-storage", "the region's object storage");

    /// <summary>One target per availability zone (az-1 to az-3).</summary>
    public static IEnumerable<Target> Zones()
    {
        for (int z = 0; z < Infrastructure.ZoneCount; z++)
        {
            yield return new Target(ZoneFamily, z, $"az_{z + 1}", Infrastructure.ZoneName(z), $"availability zone {z + 1}");
        }
    }
}
