using HaSim.Model.Failures;
using HaSim.Model.Faults;
using HaSim.Model.Invariants;
using HaSim.Model.Names;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Model.Topology;

namespace HaSim.Model.Architectures.Servers;

/// <summary>The descriptors of the two server-based architectures: sync standby and node replacement.</summary>
public static class ServerArchitectures
{
    /// <summary>Engine crashes on the primary.</summary>
    public static FailureProcess EngineCrashes { get; } = new("engine_crash", "database engine process crash on the primary", FaultKind.Crash, [ServerTargets.PrimaryFamily], false);

    /// <summary>Loss of the primary's VM or node.</summary>
    public static FailureProcess ServerFailures { get; } = new("server_failure", "primary server (VM or node) lost", FaultKind.Fail, [ServerTargets.PrimaryFamily], false);

    /// <summary>Loss of a standby's VM or node.</summary>
    public static FailureProcess StandbyFailures { get; } = new("standby_failure", "standby server (VM or node) lost", FaultKind.Fail, [ServerTargets.StandbyFamily], false);

    /// <summary>Loss of one storage copy.</summary>
    public static FailureProcess StorageCopyFailures { get; } = new("storage_copy_failure", "one copy of the primary's storage lost", FaultKind.Fail, [ServerTargets.PrimaryStorageFamily], false);

    /// <summary>Planned maintenance with a standby: a planned failover.</summary>
    public static FailureProcess PlannedMaintenance { get; } = new("maintenance", "planned maintenance: patch the standby, then a planned failover", FaultKind.PlannedFailover, [ServerTargets.PrimaryFamily], false);

    /// <summary>Planned maintenance without a standby: a restart, modelled as an engine restart with crash recovery.</summary>
    public static FailureProcess MaintenanceRestarts { get; } = new("maintenance", "planned maintenance restart (modelled as an engine restart)", FaultKind.Crash, [ServerTargets.PrimaryFamily], false, ServerNames.Maintenance);

    /// <summary>A primary with synchronous or asynchronous standbys and automatic failover (seeds 001 and 002).</summary>
    public static ArchitectureDescriptor SyncStandby { get; } = Describe(
        ModelKind.SyncStandby,
        "a primary with standbys and automatic failover",
        [.. ServerParameters.Common, .. ServerParameters.Standby],
        [EngineCrashes, ServerFailures, StandbyFailures, StorageCopyFailures, InfrastructureFailures.ZoneOutages, InfrastructureFailures.RegionOutages, PlannedMaintenance],
        []);

    /// <summary>A single server rebuilt or restored on failure (seeds 001 and 002).</summary>
    public static ArchitectureDescriptor NodeReplacement { get; } = Describe(
        ModelKind.NodeReplacement,
        "a single server, rebuilt or restored on failure",
        ServerParameters.Common,
        [EngineCrashes, ServerFailures, StorageCopyFailures, InfrastructureFailures.ZoneOutages, InfrastructureFailures.RegionOutages, MaintenanceRestarts],
        []);

    private static ArchitectureDescriptor Describe(ModelKind kind, string title, IReadOnlyList<Parameter> parameters, IReadOnlyList<FailureProcess> failures, IReadOnlyList<ParameterRule> rules)
    {
        var catalog = new ParameterCatalog(kind.Name(), [.. parameters, .. failures.SelectMany(f => f.Parameters)], rules);
        ArchitectureDescriptor? self = null;
        self = new ArchitectureDescriptor(
            kind,
            title,
            catalog,
            ServerTargets.For,
            ServerClusterSystem.Routes,
            _ => failures,
            ServerStages.All,
            ServerNames.Modes,
            ServerNames.Degraded,
            context => new ServerClusterSystem(context, self!),
            () => [new SinglePrimaryChecker(), new ServerServingPathChecker(), new PlacementChecker(), new StandbyRebuildChecker(), new CapacityClaimChecker()]);
        return self;
    }
}
