using HaSim.Model.Parameters;
using HaSim.Model.Topology;

namespace HaSim.Model.Architectures.Servers;

/// <summary>The fault targets of the server-based architectures, by family.</summary>
public static class ServerTargets
{
    /// <summary>The current primary server.</summary>
    public static TargetFamily PrimaryFamily { get; } = new("primary", "primary", ComponentKind.Server);

    /// <summary>One copy of the primary's locally redundant storage.</summary>
    public static TargetFamily PrimaryStorageFamily { get; } = new("primary_storage", "primary-storage", ComponentKind.Storage);

    /// <summary>The standbys, by position.</summary>
    public static TargetFamily StandbyFamily { get; } = new("standby", "standby", ComponentKind.Server);

    /// <summary>The targets of a server-based database with <paramref name="parameters"/>: the primary, its storage, the standbys, the zones and the region.</summary>
    public static IReadOnlyList<Target> For(ParameterSet parameters)
    {
        int standbys = parameters.Has(ServerParameters.StandbyCount) ? parameters.Get(ServerParameters.StandbyCount) : 0;
        var targets = new List<Target>
        {
            new(PrimaryFamily, 0, "primary", "primary", "the current primary server: crash (engine), fail (VM or node lost)" + (standbys > 0 ? ", planned-failover, forced-failover" : "")),
            new(PrimaryStorageFamily, 0, "primary_storage", "primary-storage", "one copy of the primary's locally redundant storage"),
            InfrastructureTargets.Region("the whole region"),
        };
        for (int i = 1; i <= standbys; i++)
        {
            string key = standbys == 1 ? "standby" : $"standby_{i}";
            string label = standbys == 1 ? "standby" : $"standby-{i}";
            targets.Add(new Target(StandbyFamily, i, key, label, $"standby {i} (whichever server holds that standby position)"));
        }

        targets.AddRange(InfrastructureTargets.Zones());
        return targets;
    }
}
