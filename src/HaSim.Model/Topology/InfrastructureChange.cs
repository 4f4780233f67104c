namespace HaSim.Model.Topology;

/// <summary>A change of the shared infrastructure that every database on it reacts to.</summary>
public enum InfrastructureChange
{
    /// <summary>An availability zone went down.</summary>
    ZoneDown,

    /// <summary>An availability zone came back.</summary>
    ZoneUp,

    /// <summary>The region went down (every zone with it).</summary>
    RegionDown,

    /// <summary>The region came back.</summary>
    RegionUp,

    /// <summary>Object storage became unavailable.</summary>
    ObjectStorageDown,

    /// <summary>Object storage came back.</summary>
    ObjectStorageUp,
}
