using HaSim.Kernel;
using HaSim.Kernel.Random;
using HaSim.Model.Faults;
using HaSim.Model.Topology;

namespace HaSim.Model.Architectures.Servers;

/// <summary>
/// A primary database server with zero or more standbys (seeds 001 and 002). With standbys it
/// is the sync-standby architecture: the health monitor detects a lost primary, fences it, the
/// standby replays its residual WAL, is promoted, DNS is updated and clients reconnect, while a
/// new standby is built in the background. With none it is node replacement: a new VM with
/// the remote storage reattached and crash recovery, or a restore from the latest backup.
/// </summary>
public sealed partial class ServerClusterSystem : DatabaseSystem
{
    private readonly RandomStream _random;
    private readonly Server[] _servers;
    private readonly IReadOnlyList<TargetInfo> _targets;
    private readonly BackupSchedule _backups;
    private readonly bool _synchronous;
    private readonly double _replayRate;
    private int _primary;
    private bool _primaryUp = true;
    private bool _switching;
    private Process? _primaryRecovery;
    private Event? _primaryBack;

    /// <summary>Builds the deployment: the primary in az-1, standbys in az-2 and az-3 (or az-1 for same-zone HA).</summary>
    public ServerClusterSystem(SystemContext context)
        : base(context)
    {
        _random = Stream("servers/recovery");
        HasStandbyParameters = Parameters.Catalog.Find("standby.count") is not null;
        int standbys = HasStandbyParameters ? Parameters.Count("standby.count") : 0;
        bool sameZone = standbys > 0 && Parameters.Flag("standby.same_zone");
        _synchronous = standbys > 0 && Parameters.Choice("replication.mode") == "synchronous";
        _replayRate = standbys > 0 ? Parameters.ByteRate("replication.replay_rate") : 0;
        _servers = new Server[standbys + 1];
        for (int i = 0; i <= standbys; i++)
        {
            _servers[i] = new Server(i, sameZone ? 0 : i % RegionState.ZoneCount);
        }

        double interval = Parameters.Duration("backup.snapshot_interval").Mean;
        _backups = new BackupSchedule(interval, Stream("backup/schedule").NextDouble() * interval);

        _targets = TargetsByStandbyCount.GetOrAdd(standbys, BuildTargets);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TargetInfo> Targets => _targets;

    // The target list depends only on the standby count; Monte Carlo runs build thousands of systems.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<TargetInfo>> TargetsByStandbyCount = new();

    private static IReadOnlyList<TargetInfo> BuildTargets(int standbys)
    {
        var targets = new List<TargetInfo>
        {
            Target("primary", ComponentKind.Server, "the current primary server: crash (engine), fail (VM or node lost)" + (standbys > 0 ? ", planned-failover, forced-failover" : ""),
                standbys > 0
                    ? [FaultKind.Crash, FaultKind.Fail, FaultKind.PlannedFailover, FaultKind.ForcedFailover]
                    : [FaultKind.Crash, FaultKind.Fail]),
            Target("primary-storage", ComponentKind.Server, "one copy of the primary's locally redundant storage", FaultKind.Fail),
            Target("region", ComponentKind.Region, "the whole region", FaultKind.Outage),
        };
        for (int i = 1; i <= standbys; i++)
        {
            string name = standbys == 1 ? "standby" : $"standby-{i}";
            targets.Add(Target(name, ComponentKind.Server, $"standby {i}", FaultKind.Fail));
        }

        for (int z = 0; z < RegionState.ZoneCount; z++)
        {
            targets.Add(Target($"az-{z + 1}", ComponentKind.AvailabilityZone, $"availability zone {z + 1}", FaultKind.Outage));
        }

        return targets;
    }

    private bool HasStandbyParameters { get; }

    private Server Primary => _servers[_primary];

    private Workloads.WalSchedule Wal => Workload.Wal;

    /// <inheritdoc/>
    protected override bool ComputeServing() => Region.IsUp && _primaryUp && !_switching;

    /// <inheritdoc/>
    protected override void Apply(Fault fault)
    {
        string cause = fault.Describe();
        switch (fault.Target, fault.Kind)
        {
            case ("primary", FaultKind.Crash):
                PrimaryEngineCrashed(cause);
                break;
            case ("primary", FaultKind.Fail):
                PrimaryLost("primary failure", cause);
                break;
            case ("primary", FaultKind.PlannedFailover):
                StartPlannedFailover(cause);
                break;
            case ("primary", FaultKind.ForcedFailover):
                Simulation.Process(ForcedFailover(cause), "forced failover");
                break;
            case ("primary-storage", FaultKind.Fail):
                StorageCopyLost();
                break;
            case ("region", FaultKind.Outage):
                RegionOutage(cause, fault.DurationSeconds);
                break;
            case (var t, FaultKind.Outage) when t.StartsWith("az-", StringComparison.Ordinal):
                ZoneOutage(int.Parse(t.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) - 1, cause, fault.DurationSeconds);
                break;
            case (var t, FaultKind.Fail) when t.StartsWith("standby", StringComparison.Ordinal):
                int n = t == "standby" ? 1 : int.Parse(t.AsSpan(8), System.Globalization.CultureInfo.InvariantCulture);
                StandbyLost(StandbyByOrdinal(n), cause);
                break;
            default:
                throw new InvalidOperationException($"Unhandled fault {cause}.");
        }
    }

    /// <summary>The n-th standby (1-based) in server order, skipping the current primary.</summary>
    private Server StandbyByOrdinal(int n) => _servers.Where(s => s.Index != _primary).ElementAt(n - 1);

    private void StorageCopyLost()
    {
        // Seed 002: data is kept in three copies; a lost copy is rebuilt with no impact on applications.
        BeginDegraded("storage copy being rebuilt");
        Simulation.Process(RebuildStorageCopy(), "storage copy rebuild");
    }

    private IEnumerable<Event> RebuildStorageCopy()
    {
        var stage = BeginStage("rebuild the lost storage copy", background: true);
        yield return Simulation.Timeout(Parameters.Duration("storage.copy_rebuild").Sample(_random));
        EndStage(stage);
        EndDegraded("storage copy being rebuilt");
    }

    private void ZoneOutage(int zone, string cause, double? duration)
    {
        using var mode = FailureModeScope("AZ outage");
        ZoneDown(zone, duration, "every server in the zone is down");
        foreach (var server in _servers)
        {
            if (server.Zone == zone && server.Index != _primary)
            {
                StandbyLost(server, cause);
            }
        }

        if (Primary.Zone == zone)
        {
            PrimaryLost("AZ outage", cause);
        }

    }

    private void RegionOutage(string cause, double? duration)
    {
        RegionDown(duration);
        _primaryUp = false;
        _primaryRecovery?.Interrupt(cause);
        UpdateService("region outage", cause);
        _primaryRecovery = Simulation.Process(RecoverAfterRegionOutage(), "recovery after region outage");
    }

    private IEnumerable<Event> RecoverAfterRegionOutage() => RestartPrimaryAfter(
        WorkflowStep.WaitFor("wait for the region to return", Region.WhenRegionReturns),
        WorkflowStep.Do(() => Detected("health monitor")));
}
