namespace HaSim.Model.Presets;

/// <summary>The three HA architectures HaSim models.</summary>
public enum ModelKind
{
    /// <summary>Separated storage and stateless compute, no standby compute (seed 000).</summary>
    Serverless,

    /// <summary>A primary with one or more standbys and automatic failover (seeds 001 and 002).</summary>
    SyncStandby,

    /// <summary>A single server rebuilt or restored on failure (seeds 001 and 002).</summary>
    NodeReplacement,
}

/// <summary>Names of model kinds as written in files and reports.</summary>
public static class ModelKindNames
{
    /// <summary>"serverless", "sync-standby" or "node-replacement".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not one of the three.</exception>
    public static string Name(this ModelKind kind) => kind switch
    {
        ModelKind.Serverless => "serverless",
        ModelKind.SyncStandby => "sync-standby",
        ModelKind.NodeReplacement => "node-replacement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
    };
}
