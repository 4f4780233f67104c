using HaSim.Model.Capacity;
using HaSim.Model.Names;
using HaSim.Model.Topology;
using HaSim.Model.Workflows;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>
/// Serverless Postgres with separated storage and compute (seed 000): stateless compute in a VM on a
/// Kubernetes node in one zone, safekeepers (one per zone) holding the WAL quorum, an attached and a
/// secondary pageserver in different zones, and the region's object storage behind them. No standby
/// compute: compute failures are handled by restarting or rescheduling it.
/// </summary>
/// <remarks>
/// The compute, the pageservers and the safekeepers are state machines; whether the WAL path can
/// write is the one piece of state that belongs to the connection between them. Serving is derived
/// from those states and the zones; <see cref="Reconcile"/> starts the recovery each broken part
/// calls for, and the runner cancels recovery whose dependencies fail.
/// </remarks>
public sealed partial class ServerlessSystem : DatabaseSystem
{
    private const int HangEndTimer = 1;
    private const int SafekeeperReturnTimer = 2;
    private const int CacheWarmTimer = 3;
    private const int CapacityGrantedTimer = 4;
    private readonly ServerlessSettings _s;
    private readonly Compute _compute;
    private readonly Safekeeper[] _safekeepers;
    private readonly WarmPool? _warmPool;
    private readonly ComputeCapacity? _fleet;
    private readonly CapacityLease _lease;
    private Pageserver _attached;
    private Pageserver _secondary;
    private bool _walWritable = true;
    private int _walGeneration;
    private bool _quorumWasAvailable = true;
    private readonly int _coldCacheBit;
    private readonly int _noSecondaryBit;
    private readonly int _quorumAtMinimumBit;
    private readonly int _objectStorageBit;

    /// <summary>
    /// Builds the deployment: compute and the attached pageserver in the placement's zone (az-1 alone),
    /// the secondary pageserver in the next zone, safekeepers spread over the zones. In a fleet the
    /// compute draws on the fleet's shared compute capacity; alone, on a warm pool of its parameters.
    /// </summary>
    public ServerlessSystem(SystemContext context, ArchitectureDescriptor architecture)
        : base(context, architecture, "serverless/recovery")
    {
        _s = ServerlessSettings.For(Parameters);
        _coldCacheBit = DegradedBit(ServerlessNames.ColdCache);
        _noSecondaryBit = DegradedBit(ServerlessNames.NoSecondary);
        _quorumAtMinimumBit = DegradedBit(ServerlessNames.QuorumAtMinimum);
        _objectStorageBit = DegradedBit(ServerlessNames.ObjectStorageUnavailable);
        int zone = Placement.Zone;
        _compute = new Compute(zone) { NodeIndex = Placement.Node };
        _attached = new Pageserver(zone, PageserverState.Attached);
        _secondary = new Pageserver((zone + 1) % Infrastructure.ZoneCount, PageserverState.Warm);
        _safekeepers = [.. Enumerable.Range(0, _s.SafekeeperCount).Select(i => new Safekeeper(i, i % Infrastructure.ZoneCount))];
        _fleet = Capacity?.Compute;
        _warmPool = _fleet is null ? Infrastructure.Shared("serverless/warm-pool", () => new WarmPool(Simulation, _s.WarmPoolSize, _s.WarmPoolRefill)) : null;
        _lease = new CapacityLease(() => After(0, CapacityGrantedTimer, 0));
        _workflows = new ServerlessWorkflows(this);
        _safekeeperRuns = new RunHandle[_safekeepers.Length];
        Start();
    }

    /// <summary>The compute endpoint.</summary>
    public Compute Compute => _compute;

    /// <summary>The pageserver the compute reads from (or is being re-pointed at).</summary>
    public Pageserver AttachedPageserver => _attached;

    /// <summary>The secondary pageserver.</summary>
    public Pageserver SecondaryPageserver => _secondary;

    /// <summary>The safekeepers.</summary>
    public IReadOnlyList<Safekeeper> Safekeepers => _safekeepers;

    /// <summary>In a fleet: the compute's claim on the shared compute capacity (idle unless it is moving).</summary>
    public CapacityLease CapacityLease => _lease;

    /// <summary>Safekeepers that must hold WAL before a commit is acknowledged.</summary>
    public int Quorum => _s.SafekeeperQuorum;

    /// <summary>True while the compute can write WAL to a quorum (false from a quorum loss until it has reconnected).</summary>
    public bool WalWritable => _walWritable;

    /// <summary>Safekeepers that can take WAL now (running, with their zone and the region up).</summary>
    public int SafekeepersAvailable
    {
        get
        {
            int n = 0;
            foreach (var sk in _safekeepers)
            {
                if (SafekeeperAvailable(sk))
                {
                    n++;
                }
            }

            return n;
        }
    }

    private bool RegionUp => Infrastructure.Region.IsUp;

    private bool QuorumAvailable => SafekeepersAvailable >= _s.SafekeeperQuorum;

    /// <inheritdoc/>
    protected override bool ComputeServing() =>
        _compute.State == ComputeState.Running && ZoneAvailable(_compute.Zone)
        && _attached.State == PageserverState.Attached && ZoneAvailable(_attached.Zone)
        && QuorumAvailable && _walWritable;

    /// <inheritdoc/>
    protected override bool LossAbortsTransactions() => _compute.State != ComputeState.Running;

    /// <inheritdoc/>
    protected override int DegradedNow()
    {
        int now = _compute.CacheWarm ? 0 : _coldCacheBit;
        if (!(_secondary.State == PageserverState.Warm && ZoneAvailable(_secondary.Zone)))
        {
            now |= _noSecondaryBit;
        }

        int up = SafekeepersAvailable;
        if (up == _s.SafekeeperQuorum && up < _safekeepers.Length)
        {
            now |= _quorumAtMinimumBit;
        }

        return Infrastructure.ObjectStorage.IsUp ? now : now | _objectStorageBit;
    }

    /// <inheritdoc/>
    protected override void OnInfrastructure(InfrastructureChange change, int zone)
    {
        switch (change)
        {
            case InfrastructureChange.ZoneDown:
                if (_compute.Zone == zone)
                {
                    _compute.Fail(ComputeState.ZoneLost);
                }

                if (_attached.Zone == zone)
                {
                    _attached.Lose();
                }

                if (_secondary.Zone == zone)
                {
                    _secondary.Lose();
                }

                // Safekeepers keep their WAL on disk: they are unavailable until the zone returns.
                break;
            case InfrastructureChange.RegionDown:
                // Seed 000: no cross-region replication; availability depends on the region returning.
                _compute.RegionLost();
                break;
            default:
                break;
        }
    }

    /// <inheritdoc/>
    protected override void OnTimer(int kind, int argument)
    {
        switch (kind)
        {
            case HangEndTimer:
                if (_compute.Answers(argument))
                {
                    Trace("note", "compute", "the endpoint answers again before it was replaced");
                }

                break;
            case SafekeeperReturnTimer:
                _safekeepers[argument].ReturnIfDue(Now);
                break;
            case CacheWarmTimer:
                if (_compute.Generation == argument && _compute.State == ComputeState.Running)
                {
                    _compute.CacheWarm = true;
                }

                break;
            case CapacityGrantedTimer:
                // A queued request was granted: the settle that follows moves the waiting run on.
                break;
        }
    }

    private bool SafekeeperAvailable(Safekeeper sk) => sk.State == SafekeeperState.Up && ZoneAvailable(sk.Zone);

    /// <summary>An available zone other than <paramref name="avoid"/> (the lowest), or −1.</summary>
    private int AvailableZoneOtherThan(int avoid)
    {
        for (int z = 0; z < Infrastructure.ZoneCount; z++)
        {
            if (z != avoid && ZoneAvailable(z))
            {
                return z;
            }
        }

        return -1;
    }
}
