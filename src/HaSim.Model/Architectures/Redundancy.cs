using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Architectures.Servers;

namespace HaSim.Model.Architectures;

/// <summary>What a redundancy level counts.</summary>
public enum RedundancyKind
{
    /// <summary>Copies of the committed data that are down: servers or volumes holding it, safekeepers, pageservers, object storage.</summary>
    Data,

    /// <summary>As <see cref="Data"/>, plus one while the service itself is down (the serving path).</summary>
    Service,
}

/// <summary>
/// How much of a database's redundancy is down right now, read from its components' states: 0 when
/// everything is up, one more for each copy of the committed data (or serving path) that is down.
/// It is the importance function of the rare-event estimators: the states from which a data loss
/// or an outage is one failure closer.
/// </summary>
public static class Redundancy
{
    /// <summary>The redundancy of <paramref name="system"/> that is down now, counted as <paramref name="kind"/> says.</summary>
    public static int Down(DatabaseSystem system, RedundancyKind kind)
    {
        ArgumentNullException.ThrowIfNull(system);
        int down = system switch
        {
            ServerClusterSystem servers => ServerCopiesDown(servers),
            ServerlessSystem serverless => ServerlessCopiesDown(serverless),
            _ => 0,
        };
        return kind == RedundancyKind.Service && !system.IsServing ? down + 1 : down;
    }

    /// <summary>Servers without a reachable copy (the primary writable on intact storage, standbys streaming), plus lost local copies of the primary's volume.</summary>
    private static int ServerCopiesDown(ServerClusterSystem system)
    {
        var infrastructure = system.Infrastructure;
        var primary = system.Primary;
        int down = 0;
        foreach (var server in system.Servers)
        {
            bool holdsCopy = ReferenceEquals(server, primary)
                ? server.IsWritablePrimaryState && !server.Storage.IsDestroyed
                : server.State == ServerState.Standby;
            if (!holdsCopy || !infrastructure.IsZoneAvailable(server.Zone))
            {
                down++;
            }
        }

        return down + primary.Storage.CopiesLost;
    }

    /// <summary>Safekeepers that cannot take WAL, pageservers not holding a usable copy, and object storage when it is down.</summary>
    private static int ServerlessCopiesDown(ServerlessSystem system)
    {
        var infrastructure = system.Infrastructure;
        int down = system.Safekeepers.Count - system.SafekeepersAvailable;
        var attached = system.AttachedPageserver;
        if (attached.State != PageserverState.Attached || !infrastructure.IsZoneAvailable(attached.Zone))
        {
            down++;
        }

        var secondary = system.SecondaryPageserver;
        if (secondary.State != PageserverState.Warm || !infrastructure.IsZoneAvailable(secondary.Zone))
        {
            down++;
        }

        return infrastructure.ObjectStorage.IsUp ? down : down + 1;
    }
}
