using HaSim.Model.Invariants;

namespace HaSim.Model.Architectures.Servers;

/// <summary>At most one writable primary, and only in the primary's slot.</summary>
internal sealed class SinglePrimaryChecker : ModelChecker
{
    public override string Name => "single writable primary";

    public override void OnSettled(DatabaseSystem system)
    {
        var d = (ServerClusterSystem)system;
        int serving = 0;
        foreach (var s in d.Servers)
        {
            if (s.State is ServerState.Serving or ServerState.WritesBlocked)
            {
                serving++;
                if (!ReferenceEquals(s, d.Primary))
                {
                    Violation(system, $"{s} accepts writes but is not in the primary's slot ({d.Primary})");
                }
            }
        }

        if (serving > 1)
        {
            Violation(system, $"{serving} servers accept writes");
        }
    }
}

/// <summary>The service serves only through a serving primary in an available zone, on intact storage there, that the endpoint points at.</summary>
internal sealed class ServerServingPathChecker : ModelChecker
{
    public override string Name => "serving path (servers)";

    public override void OnSettled(DatabaseSystem system)
    {
        if (!system.IsServing)
        {
            return;
        }

        var d = (ServerClusterSystem)system;
        var p = d.Primary;
        var infra = system.Infrastructure;
        if (!infra.Region.IsUp)
        {
            Violation(system, "serving while the region is down");
        }

        if (p.State != ServerState.Serving)
        {
            Violation(system, $"serving while the primary is {p.State}");
        }

        if (!infra.Zones[p.Zone].IsUp)
        {
            Violation(system, $"serving from {p} while its zone is down");
        }

        if (p.Storage.IsDestroyed || p.Storage.Zone != p.Zone || !infra.Zones[p.Storage.Zone].IsUp)
        {
            Violation(system, $"serving from {p} without its storage (zone {p.Storage.Zone + 1}, destroyed: {p.Storage.IsDestroyed})");
        }

        if (!d.Endpoint.PointsAt(p))
        {
            Violation(system, $"serving while the endpoint points at server {d.Endpoint.Target.Index + 1}");
        }
    }
}

/// <summary>Same-zone HA keeps its standbys in the primary's zone; zone-redundant HA keeps them elsewhere, whenever both exist.</summary>
internal sealed class PlacementChecker : ModelChecker
{
    public override string Name => "standby placement";

    public override void OnSettled(DatabaseSystem system)
    {
        var d = (ServerClusterSystem)system;
        var p = d.Primary;
        if (p.State is not (ServerState.Serving or ServerState.WritesBlocked))
        {
            return;
        }

        foreach (var s in d.Servers)
        {
            if (ReferenceEquals(s, p) || s.State != ServerState.Standby)
            {
                continue;
            }

            if (d.SameZonePlacement && s.Zone != p.Zone)
            {
                Violation(system, $"same-zone HA: {s} is not in the primary's zone ({p})");
            }

            if (!d.SameZonePlacement && s.Zone == p.Zone)
            {
                Violation(system, $"zone-redundant HA: {s} shares the primary's zone ({p})");
            }
        }
    }
}

/// <summary>Whenever a standby slot has no ready standby, one is being rebuilt (or waits for its zone or a primary to copy from).</summary>
internal sealed class StandbyRebuildChecker : ModelChecker
{
    public override string Name => "standby rebuilt when missing";

    public override void OnSettled(DatabaseSystem system)
    {
        var d = (ServerClusterSystem)system;
        foreach (var s in d.Servers)
        {
            if (ReferenceEquals(s, d.Primary) || s.State == ServerState.Standby)
            {
                continue;
            }

            if (s.State == ServerState.Promoting ? d.PrimaryRun is null : d.RebuildRun(s) is null)
            {
                Violation(system, $"{s} is neither a ready standby nor being rebuilt or promoted");
            }
        }
    }
}

/// <summary>In a fleet: a claim on a shared pool is held only while the run that asked for it goes.</summary>
internal sealed class CapacityClaimChecker : ModelChecker
{
    public override string Name => "capacity held only by running recovery";

    public override void OnSettled(DatabaseSystem system)
    {
        var d = (ServerClusterSystem)system;
        if (!d.SharesCapacity)
        {
            return;
        }

        if (d.PrimaryRun is null && d.PrimaryPathLeases.Any(l => l.IsActive))
        {
            Violation(system, "the primary's path holds or waits for shared capacity with no recovery running");
        }

        foreach (var s in d.Servers)
        {
            if (d.RebuildLease(s).IsActive && d.RebuildRun(s) is null)
            {
                Violation(system, $"{s} holds or waits for VM provisioning with no rebuild running");
            }
        }
    }
}
