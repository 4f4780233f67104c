using HaSim.Model.Capacity;
using HaSim.Model.Names;
using HaSim.Model.Topology;
using HaSim.Model.Workflows;

namespace HaSim.Model.Architectures.Servers;

/// <summary>
/// A primary database server with zero or more standbys (seeds 001 and 002). With standbys it is
/// the sync-standby architecture: the health monitor detects a lost primary, the standby replays
/// its residual WAL, is promoted and DNS moves to it, while a new standby is built in the
/// background. With none it is node replacement: a new VM with the remote storage attached and
/// crash recovery, or a restore from the latest backup.
/// </summary>
/// <remarks>
/// Every server is a <see cref="Server"/> state machine; the endpoint is an <see cref="Endpoint"/>.
/// Serving is derived from them and from the zones. Recovery is reconciliation: whenever anything
/// changes, <see cref="Reconcile"/> looks at the states and starts the workflow they call for
/// (restart, failover, replacement, restore, waiting for the region, rebuilding standbys), and a
/// workflow whose dependencies fail is cancelled by the runner, so recovery takes the next path.
/// </remarks>
public sealed partial class ServerClusterSystem : DatabaseSystem
{
    private readonly ServerSettings _s;
    private readonly Server[] _servers;
    private readonly Endpoint _endpoint;
    private readonly BackupSchedule _backups;
    private const int MaxRetiredVolumes = 4;
    private readonly RunHandle[] _rebuildRuns;
    private readonly List<StorageVolume> _retiredVolumes = [];
    private readonly int _coldCacheBit;
    private readonly int _noStandbyBit;
    private readonly int _storageCopyBit;
    private int _primary;

    /// <summary>
    /// Builds the deployment: the primary in the placement's zone (az-1 alone), standbys in the other
    /// zones in turn (or the primary's for same-zone HA), all caught up. In a fleet, builds, failovers
    /// and restores take their share of the fleet's shared pools.
    /// </summary>
    public ServerClusterSystem(SystemContext context, ArchitectureDescriptor architecture)
        : base(context, architecture, "servers/recovery")
    {
        _s = ServerSettings.For(Parameters);
        _coldCacheBit = DegradedBit(ServerNames.ColdCache);
        _noStandbyBit = DegradedBit(ServerNames.NoStandby);
        _storageCopyBit = DegradedBit(ServerNames.StorageCopyRebuilding);
        _servers = new Server[_s.Standbys + 1];
        int primaryZone = Placement.Zone;
        for (int i = 0; i <= _s.Standbys; i++)
        {
            // Zone-redundant standbys go round the zones other than the primary's (az-2, az-3, az-2, ... for a primary in az-1).
            int zone = _s.SameZone || i == 0 ? primaryZone : (primaryZone + 1 + ((i - 1) % (Infrastructure.ZoneCount - 1))) % Infrastructure.ZoneCount;
            _servers[i] = new Server(i, zone, new StorageVolume(zone, _s.StorageSurvives), i == 0 ? ServerState.Serving : ServerState.Standby);
        }

        _endpoint = new Endpoint(_servers[0]);
        _rebuildRuns = new RunHandle[_servers.Length];
        _pools = Capacity is { ControlPlane: not null } shared ? shared : null;
        _wake = () => After(0, CapacityGrantedTimer, 0);
        _primaryVm = new CapacityLease(_wake);
        _controlPlane = new CapacityLease(_wake);
        _bandwidth = new CapacityLease(_wake);
        _rebuildVms = [.. _servers.Select(_ => new CapacityLease(_wake))];
        _backups = new BackupSchedule(_s.SnapshotInterval, Stream("backup/schedule").NextDouble() * _s.SnapshotInterval);
        _workflows = new ServerWorkflows(this);
        Start();
    }

    /// <summary>The servers, in slot order (the primary is <see cref="Primary"/>).</summary>
    public IReadOnlyList<Server> Servers => _servers;

    /// <summary>The server in the primary's slot.</summary>
    public Server Primary => _servers[_primary];

    /// <summary>The connection endpoint.</summary>
    public Endpoint Endpoint => _endpoint;

    /// <summary>True for same-zone HA (standbys belong in the primary's zone); false for zone-redundant.</summary>
    public bool SameZonePlacement => _s.SameZone;

    /// <summary>The standbys the architecture should have.</summary>
    public int ConfiguredStandbys => _s.Standbys;

    /// <summary>The run rebuilding <paramref name="server"/>'s slot as a standby, if one is going.</summary>
    public WorkflowRun? RebuildRun(Server server) => _rebuildRuns[server.Index].Live;

    private bool RegionUp => Infrastructure.Region.IsUp;

    /// <inheritdoc/>
    protected override bool ComputeServing()
    {
        var p = Primary;
        return p.State == ServerState.Serving && ZoneAvailable(p.Zone) && StorageUsable(p.Storage) && _endpoint.PointsAt(p);
    }

    /// <inheritdoc/>
    protected override bool LossAbortsTransactions() => Primary.State != ServerState.WritesBlocked;

    /// <inheritdoc/>
    protected override int DegradedNow()
    {
        var p = Primary;
        int now = p.CacheWarm ? 0 : _coldCacheBit;
        if (_s.Standbys > 0 && !HasReadyStandby())
        {
            now |= _noStandbyBit;
        }

        return p.Storage.CopiesLost > 0 ? now | _storageCopyBit : now;
    }

    /// <inheritdoc/>
    protected override void OnInfrastructure(InfrastructureChange change, int zone)
    {
        switch (change)
        {
            case InfrastructureChange.ZoneDown:
                // A zone outage takes every VM in it: they are replaced, not revived. Remote storage waits for the zone.
                foreach (var server in _servers)
                {
                    if (server.Zone == zone)
                    {
                        server.Lose(Now);
                    }
                }

                break;
            case InfrastructureChange.RegionDown:
                foreach (var server in _servers)
                {
                    server.Lose(Now);
                }

                break;
            default:
                // Zones and the region returning only make storage reachable again: recovery reacts in Reconcile.
                break;
        }
    }

    private bool StorageUsable(StorageVolume volume) => !volume.IsDestroyed && ZoneAvailable(volume.Zone);

    private bool HasReadyStandby()
    {
        foreach (var s in _servers)
        {
            if (s.State == ServerState.Standby)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The usable standby with the least apply backlog (latest caught up; the lowest slot on a tie), or null.</summary>
    private Server? BestStandby()
    {
        Server? best = null;
        foreach (var s in _servers)
        {
            if (s.Index != _primary && s.State == ServerState.Standby && ZoneAvailable(s.Zone)
                && (best is null || s.CaughtUpAtSeconds > best.CaughtUpAtSeconds))
            {
                best = s;
            }
        }

        return best;
    }

    /// <summary>The n-th standby slot (1-based) in slot order, skipping the primary's.</summary>
    private Server StandbySlot(int ordinal)
    {
        int seen = 0;
        foreach (var s in _servers)
        {
            if (s.Index != _primary && ++seen == ordinal)
            {
                return s;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"There are {_servers.Length - 1} standby slots.");
    }
}
