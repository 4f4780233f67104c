using HaSim.Kernel;
using HaSim.Kernel.Random;
using HaSim.Model.Faults;
using HaSim.Model.Topology;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>
/// Serverless Postgres with separated storage and compute (seed 000): stateless compute in a
/// VM on a Kubernetes node in one zone, three safekeepers (one per zone) holding the WAL
/// quorum, a primary and a secondary pageserver in different zones, object storage behind them.
/// No standby compute: compute failures are handled by restarting or rescheduling it.
/// </summary>
public sealed partial class ServerlessSystem : DatabaseSystem
{
    private readonly RandomStream _random;
    private readonly bool[] _safekeeperUp;
    private readonly int[] _safekeeperZone;
    private readonly int _quorum;
    private readonly IReadOnlyList<TargetInfo> _targets;
    private bool _objectStorageUp = true;

    /// <summary>Builds the deployment: compute in az-1, pageserver in az-1 with its secondary in az-2, a safekeeper per zone.</summary>
    public ServerlessSystem(SystemContext context)
        : base(context)
    {
        _random = Stream("serverless/recovery");
        int safekeepers = Parameters.Count("safekeeper.count");
        _quorum = Parameters.Count("safekeeper.quorum");
        if (safekeepers < 1 || _quorum < 1 || _quorum > safekeepers)
        {
            throw new ArgumentException($"safekeeper.quorum must be between 1 and safekeeper.count ({safekeepers}).");
        }

        _safekeeperUp = Enumerable.Repeat(true, safekeepers).ToArray();
        _safekeeperZone = Enumerable.Range(0, safekeepers).Select(i => i % RegionState.ZoneCount).ToArray();
        _warmPool = Parameters.Count("compute.warm_pool_size");
        _pageserverZone = 0;
        _secondaryZone = 1;

        _targets = TargetsBySafekeeperCount.GetOrAdd(safekeepers, BuildTargets);
        UpdateQuorumDegraded();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TargetInfo> Targets => _targets;

    // The target list depends only on the safekeeper count; Monte Carlo runs build thousands of systems.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<TargetInfo>> TargetsBySafekeeperCount = new();

    private static IReadOnlyList<TargetInfo> BuildTargets(int safekeepers)
    {
        var targets = new List<TargetInfo>
        {
            Target("compute", ComponentKind.Engine, "the Postgres process of the compute endpoint", FaultKind.Crash, FaultKind.Hang),
            Target("compute-vm", ComponentKind.Vm, "the VM running the compute", FaultKind.Fail),
            Target("compute-node", ComponentKind.Node, "the Kubernetes node hosting the compute VM", FaultKind.Fail),
            Target("pageserver", ComponentKind.Pageserver, "the pageserver the compute reads from", FaultKind.Fail),
            Target("pageserver-secondary", ComponentKind.Pageserver, "the secondary pageserver", FaultKind.Fail),
            Target("object-storage", ComponentKind.ObjectStorage, "the region's object storage", FaultKind.Outage),
            Target("region", ComponentKind.Region, "the whole region (no cross-region replication)", FaultKind.Outage),
        };
        for (int z = 0; z < RegionState.ZoneCount; z++)
        {
            targets.Add(Target($"az-{z + 1}", ComponentKind.AvailabilityZone, $"availability zone {z + 1}", FaultKind.Outage));
        }

        for (int i = 0; i < safekeepers; i++)
        {
            targets.Add(Target($"safekeeper-{i + 1}", ComponentKind.Safekeeper, $"safekeeper {i + 1}, in az-{(i % RegionState.ZoneCount) + 1}", FaultKind.Fail, FaultKind.Outage));
        }

        return targets;
    }

    private int SafekeepersUp => _safekeeperUp.Count(u => u);

    /// <inheritdoc/>
    protected override bool ComputeServing() =>
        Region.IsUp && _computeUp && !_hung && _pageserverServing && _walWritable;

    /// <inheritdoc/>
    protected override void Apply(Fault fault)
    {
        string cause = fault.Describe();
        switch (fault.Target, fault.Kind)
        {
            case ("compute", FaultKind.Crash):
                ComputeLost(ComputeFailure.PostgresCrash, cause);
                break;
            case ("compute", FaultKind.Hang):
                ComputeHung(cause, fault.DurationSeconds);
                break;
            case ("compute-vm", FaultKind.Fail):
                ComputeLost(ComputeFailure.VmFailure, cause);
                break;
            case ("compute-node", FaultKind.Fail):
                ComputeLost(ComputeFailure.NodeFailure, cause);
                break;
            case ("pageserver", FaultKind.Fail):
                PageserverLost(cause);
                break;
            case ("pageserver-secondary", FaultKind.Fail):
                SecondaryLost(cause);
                break;
            case ("object-storage", FaultKind.Outage):
                ObjectStorageOutage(fault.DurationSeconds);
                break;
            case ("region", FaultKind.Outage):
                RegionOutage(cause, fault.DurationSeconds);
                break;
            case (var t, FaultKind.Outage) when t.StartsWith("az-", StringComparison.Ordinal):
                ZoneOutage(int.Parse(t.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) - 1, cause, fault.DurationSeconds);
                break;
            case (var t, _) when t.StartsWith("safekeeper-", StringComparison.Ordinal):
                SafekeeperLost(int.Parse(t.AsSpan(11), System.Globalization.CultureInfo.InvariantCulture) - 1, cause, fault.Kind == FaultKind.Outage ? fault.DurationSeconds : null, fault.Kind == FaultKind.Fail);
                break;
            default:
                throw new InvalidOperationException($"Unhandled fault {cause}.");
        }
    }

    private void ZoneOutage(int zone, string cause, double? duration)
    {
        using var mode = FailureModeScope("AZ outage");
        ZoneDown(zone, duration, "every node in the zone is down");
        if (_computeZone == zone)
        {
            ComputeLost(ComputeFailure.ZoneOutage, cause);
        }

        for (int i = 0; i < _safekeeperUp.Length; i++)
        {
            if (_safekeeperZone[i] == zone)
            {
                SafekeeperLost(i, cause, null, replace: false);
            }
        }

        if (_pageserverZone == zone)
        {
            PageserverLost(cause);
        }
        else if (_secondaryZone == zone)
        {
            SecondaryLost(cause);
        }

    }

    /// <inheritdoc/>
    protected override void OnZoneReturned(int zone)
    {
        for (int i = 0; i < _safekeeperUp.Length; i++)
        {
            if (_safekeeperZone[i] == zone && !_safekeeperUp[i])
            {
                SafekeeperBack(i);
            }
        }
    }

    private void RegionOutage(string cause, double? duration)
    {
        RegionDown(duration);
        UpdateService("region outage", cause);
        ComputeLost(ComputeFailure.RegionOutage, cause);
    }

    /// <inheritdoc/>
    protected override void OnRegionReturned() => RecheckService();

    private void ObjectStorageOutage(double? duration)
    {
        // Seed 000: object storage outages have no impact on availability; pageservers and
        // safekeepers keep serving. Durability then rests on them alone: degraded time.
        _objectStorageUp = false;
        BeginDegraded("object storage unavailable");
        if (duration is { } d)
        {
            Simulation.Process(ObjectStorageReturns(d), "object storage returns");
        }
    }

    private IEnumerable<Event> ObjectStorageReturns(double afterSeconds)
    {
        yield return Simulation.Timeout(afterSeconds);
        _objectStorageUp = true;
        EndDegraded("object storage unavailable");
        _objectStorageReturned?.Succeed();
        _objectStorageReturned = null;
    }
}
