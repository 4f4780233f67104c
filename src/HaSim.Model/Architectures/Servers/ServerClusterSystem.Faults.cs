using HaSim.Model.Faults;
using HaSim.Model.Parameters;
using HaSim.Model.Topology;
using static HaSim.Model.Architectures.Servers.ServerTargets;

namespace HaSim.Model.Architectures.Servers;

/// <summary>Which faults the server-based architectures accept, and how each changes the servers.</summary>
public sealed partial class ServerClusterSystem
{
    /// <summary>Every fault a server-based database accepts: target family and kind, failure mode, handler.</summary>
    internal static IReadOnlyList<FaultRoute> Routes { get; } =
    [
        new(PrimaryFamily, FaultKind.Crash, ServerNames.EngineCrash, (s, f) => ((ServerClusterSystem)s).PrimaryCrashed(f)),
        new(PrimaryFamily, FaultKind.Fail, ServerNames.PrimaryFailure, (s, f) => ((ServerClusterSystem)s).PrimaryFailed(f)),
        new(PrimaryFamily, FaultKind.PlannedFailover, ServerNames.PlannedFailover, (s, f) => ((ServerClusterSystem)s).StartPlannedFailover(f), HasStandbys),
        new(PrimaryFamily, FaultKind.ForcedFailover, ServerNames.ForcedFailover, (s, f) => ((ServerClusterSystem)s).StartForcedFailover(f), HasStandbys),
        new(PrimaryStorageFamily, FaultKind.Fail, ServerNames.StorageFailure, (s, f) => ((ServerClusterSystem)s).StorageCopyLost(f)),
        new(StandbyFamily, FaultKind.Fail, ServerNames.StandbyFailure, (s, f) => ((ServerClusterSystem)s).StandbyFailed(f), HasStandbys),
        new(InfrastructureTargets.ZoneFamily, FaultKind.Outage, ServerNames.ZoneOutage, (s, f) => ((ServerClusterSystem)s).ZoneOutage(f)),
        new(InfrastructureTargets.RegionFamily, FaultKind.Outage, ServerNames.RegionOutage, (s, f) => ((ServerClusterSystem)s).RegionOutage(f)),
    ];

    private static bool HasStandbys(ParameterSet p) => p.Has(ServerParameters.StandbyCount);

    /// <summary>The primary's engine crashes: restarted in place, unless the primary is not running.</summary>
    internal void PrimaryCrashed(Fault fault) => Primary.Crash(Now);

    /// <summary>The primary's VM or node is lost.</summary>
    internal void PrimaryFailed(Fault fault) => Primary.Lose(Now);

    /// <summary>A standby is lost; the primary carries on.</summary>
    internal void StandbyFailed(Fault fault)
    {
        var standby = StandbySlot(fault.Target.Index);
        if (standby.Lose(Now) && Tracing)
        {
            Trace("note", fault.Target.Label, "lost; the primary carries on");
        }
    }

    /// <summary>One copy of the primary's locally redundant storage is lost; with the last, the data is gone and the primary with it.</summary>
    internal void StorageCopyLost(Fault fault)
    {
        var p = Primary;
        if (p.Storage.LoseCopy())
        {
            Trace("note", "primary-storage", "every copy of the primary's storage is lost");
            p.Lose(Now);
        }
    }

    /// <summary>Seed 002's planned failover: starts unless the primary is not serving, no standby is ready, or recovery is busy.</summary>
    internal void StartPlannedFailover(Fault fault)
    {
        var standby = BestStandby();
        var p = Primary;
        if (p.State != ServerState.Serving || !IsServing || standby is null || PrimaryRun is not null)
        {
            if (Tracing)
            {
                Trace("note", "primary", $"planned failover not started: {(standby is null ? "no standby is ready" : "the primary is not serving, or recovery is in progress")}");
            }

            return;
        }

        _workflows.Promoting = standby;
        _workflows.FailedPrimary = p;
        _primaryRun = StartRun(_workflows.PlannedFailover, standby, standby.Generation, p.Generation);
    }

    /// <summary>Seed 002's forced failover: the primary is stopped shortly after the request, then fails over as in an unplanned outage.</summary>
    internal void StartForcedFailover(Fault fault)
    {
        if (!_forcedRun.IsRunning)
        {
            _forcedRun = StartRun(_workflows.ForcedFailover, Primary, Primary.Generation);
        }
    }

    /// <summary>An availability zone goes down for the fault's duration.</summary>
    internal void ZoneOutage(Fault fault) => Infrastructure.ZoneOutage(fault.Target.Index, fault.DurationSeconds, fault);

    /// <summary>The region goes down for the fault's duration.</summary>
    internal void RegionOutage(Fault fault) => Infrastructure.RegionOutage(fault.DurationSeconds, fault);
}
