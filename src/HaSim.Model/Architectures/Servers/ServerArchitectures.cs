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
    /// <summary>The current primary server.</summary>
    public static TargetFamily PrimaryFamily { get; } = new("primary", "primary", ComponentKind.Server);

    /// <summary>One copy of the primary's locally redundant storage.</summary>
    public static TargetFamily PrimaryStorageFamily { get; } = new("primary_storage", "primary-storage", ComponentKind.Storage);

    /// <summary>The standbys, by position.</summary>
    public static TargetFamily StandbyFamily { get; } = new("standby", "standby", ComponentKind.Server);

    /// <summary>Engine crashes on the primary.</summary>
    public static FailureProcess EngineCrashes { get; } = new("engine_crash", "database engine process crash on the primary", FaultKind.Crash, [PrimaryFamily], false);

    /// <summary>Loss of the primary's VM or node.</summary>
    public static FailureProcess ServerFailures { get; } = new("server_failure", "primary server (VM or node) lost", FaultKind.Fail, [PrimaryFamily], false);

    /// <summary>Loss of a standby's VM or node.</summary>
    public static FailureProcess StandbyFailures { get; } = new("standby_failure", "standby server (VM or node) lost", FaultKind.Fail, [StandbyFamily], false);

    /// <summary>Loss of one storage copy.</summary>
    public static FailureProcess StorageCopyFailures { get; } = new("storage_copy_failure", "one copy of the primary's storage lost", FaultKind.Fail, [PrimaryStorageFamily], false);

    /// <summary>Planned maintenance with a standby: a planned failover.</summary>
    public static FailureProcess PlannedMaintenance { get; } = new("maintenance", "planned maintenance: patch the standby, then a planned failover", FaultKind.PlannedFailover, [PrimaryFamily], false);

    /// <summary>Planned maintenance without a standby: a restart, modelled as an engine restart with crash recovery.</summary>
    public static FailureProcess MaintenanceRestarts { get; } = new("maintenance", "planned maintenance restart (modelled as an engine restart)", FaultKind.Crash, [PrimaryFamily], false, ServerNames.Maintenance);

    private static readonly IReadOnlyList<FaultRoute> Routes =
    [
        new(PrimaryFamily, FaultKind.Crash, ServerNames.EngineCrash, (s, f) => Cluster(s).PrimaryCrashed(f)),
        new(PrimaryFamily, FaultKind.Fail, ServerNames.PrimaryFailure, (s, f) => Cluster(s).PrimaryFailed(f)),
        new(PrimaryFamily, FaultKind.PlannedFailover, ServerNames.PlannedFailover, (s, f) => Cluster(s).StartPlannedFailover(f)),
        new(PrimaryFamily, FaultKind.ForcedFailover, ServerNames.ForcedFailover, (s, f) => Cluster(s).StartForcedFailover(f)),
        new(PrimaryStorageFamily, FaultKind.Fail, ServerNames.StorageFailure, (s, f) => Cluster(s).StorageCopyLost(f)),
        new(StandbyFamily, FaultKind.Fail, ServerNames.StandbyFailure, (s, f) => Cluster(s).StandbyFailed(f)),
        new(InfrastructureTargets.ZoneFamily, FaultKind.Outage, ServerNames.ZoneOutage, (s, f) => Cluster(s).ZoneOutage(f)),
        new(InfrastructureTargets.RegionFamily, FaultKind.Outage, ServerNames.RegionOutage, (s, f) => Cluster(s).RegionOutage(f)),
    ];

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

    private static ServerClusterSystem Cluster(Architectures.DatabaseSystem system) => (ServerClusterSystem)system;

    private static ArchitectureDescriptor Describe(ModelKind kind, string title, IReadOnlyList<Parameter> parameters, IReadOnlyList<FailureProcess> failures, IReadOnlyList<ParameterRule> rules)
    {
        var catalog = new ParameterCatalog(kind.Name(), [.. parameters, .. failures.SelectMany(f => f.Parameters)], rules);
        ArchitectureDescriptor? self = null;
        self = new ArchitectureDescriptor(
            kind,
            title,
            catalog,
            Targets,
            Routes,
            _ => failures,
            ServerStages.All,
            ServerNames.Modes,
            ServerNames.Degraded,
            context => new ServerClusterSystem(context, self!),
            () => [new SinglePrimaryChecker(), new ServerServingPathChecker(), new PlacementChecker(), new StandbyRebuildChecker()]);
        return self;
    }

    private static IReadOnlyList<Target> Targets(ParameterSet parameters)
    {
        int standbys = parameters.Has(ServerParameters.StandbyCount) ? parameters.Get(ServerParameters.StandbyCount) : 0;
        var primaryFaults = standbys > 0
            ? new[] { FaultKind.Crash, FaultKind.Fail, FaultKind.PlannedFailover, FaultKind.ForcedFailover }
            : [FaultKind.Crash, FaultKind.Fail];
        var targets = new List<Target>
        {
            new(PrimaryFamily, 0, "primary", "primary", "the current primary server: crash (engine), fail (VM or node lost)" + (standbys > 0 ? ", planned-failover, forced-failover" : ""), primaryFaults),
            new(PrimaryStorageFamily, 0, "primary_storage", "primary-storage", "one copy of the primary's locally redundant storage", [FaultKind.Fail]),
            InfrastructureTargets.Region("the whole region"),
        };
        for (int i = 1; i <= standbys; i++)
        {
            string key = standbys == 1 ? "standby" : $"standby_{i}";
            string label = standbys == 1 ? "standby" : $"standby-{i}";
            targets.Add(new Target(StandbyFamily, i, key, label, $"standby {i} (whichever server holds that standby position)", [FaultKind.Fail]));
        }

        targets.AddRange(InfrastructureTargets.Zones());
        return targets;
    }
}
