using HaSim.Model.Invariants;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>
/// The service serves only through a running compute in an available zone, an attached pageserver
/// in an available zone, and a quorum of available safekeepers, all checked against the zones directly.
/// </summary>
internal sealed class ServerlessServingPathChecker : ModelChecker
{
    public override string Name => "serving path (serverless)";

    public override void OnSettled(DatabaseSystem system)
    {
        if (!system.IsServing)
        {
            return;
        }

        var d = (ServerlessSystem)system;
        var infra = system.Infrastructure;
        if (!infra.Region.IsUp)
        {
            Violation(system, "serving while the region is down");
        }

        if (d.Compute.State != ComputeState.Running || !infra.Zones[d.Compute.Zone].IsUp)
        {
            Violation(system, $"serving while the compute is {d.Compute.State} in az-{d.Compute.Zone + 1} (zone up: {infra.Zones[d.Compute.Zone].IsUp})");
        }

        var p = d.AttachedPageserver;
        if (p.State != PageserverState.Attached || !infra.Zones[p.Zone].IsUp)
        {
            Violation(system, $"serving while the attached {p} is not serving (zone up: {infra.Zones[p.Zone].IsUp})");
        }

        int up = d.Safekeepers.Count(s => s.State == SafekeeperState.Up && infra.Zones[s.Zone].IsUp);
        if (up < d.Quorum)
        {
            Violation(system, $"serving with {up} safekeepers available, fewer than the quorum of {d.Quorum}");
        }
    }
}

/// <summary>Whatever is broken is being repaired: a lost safekeeper is being replaced, a missing secondary pageserver rebuilt.</summary>
internal sealed class ServerlessRepairChecker : ModelChecker
{
    public override string Name => "lost storage components are replaced";

    public override void OnSettled(DatabaseSystem system)
    {
        var d = (ServerlessSystem)system;
        foreach (var sk in d.Safekeepers)
        {
            if (sk.State == SafekeeperState.Lost && d.SafekeeperRun(sk.Index) is null)
            {
                Violation(system, $"safekeeper-{sk.Index + 1} is lost and nothing replaces it");
            }
        }

        if (d.SecondaryPageserver.State is PageserverState.Lost or PageserverState.Building && d.SecondaryRun is null)
        {
            Violation(system, "the secondary pageserver is missing and nothing rebuilds it");
        }

        if (d.CapacityLease.IsActive && (d.Compute.State == ComputeState.Running || d.ComputeRun is null))
        {
            Violation(system, $"the compute ({d.Compute.State}) holds a {d.CapacityLease.State} capacity claim that no recovery uses");
        }

        if (!d.WalWritable && d.WalRun is null)
        {
            Violation(system, "WAL writes are stalled and nothing waits for the quorum");
        }
    }
}
