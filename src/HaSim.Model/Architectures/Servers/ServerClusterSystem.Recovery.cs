using HaSim.Model.Workflows;

namespace HaSim.Model.Architectures.Servers;

/// <summary>Reconciliation: which recovery the current state of the servers calls for.</summary>
public sealed partial class ServerClusterSystem
{
    private const string ZoneReturnedFirst = "the zone returned before the restore finished";
    private readonly ServerWorkflows _workflows;
    private WorkflowRun? _primaryRun;
    private WorkflowRun? _forcedRun;
    private WorkflowRun? _copyRun;
    private WorkflowRun? _warmRun;

    /// <summary>The run on the primary's path (detection, restart, failover, replacement, restore, waiting), if one is going.</summary>
    public WorkflowRun? PrimaryRun => _primaryRun is { IsRunning: true } run ? run : null;

    /// <inheritdoc/>
    protected override void Reconcile()
    {
        PreemptRestoreWhenStorageReturns();
        if (PrimaryRun is null)
        {
            _primaryRun = null;
            ReconcilePrimary();
        }

        for (int i = 0; i < _servers.Length; i++)
        {
            if (i != _primary)
            {
                ReconcileStandbySlot(_servers[i]);
            }
        }

        ReconcileStorageCopies();
        ReconcileCache();
    }

    private void ReconcilePrimary()
    {
        var p = Primary;
        if (!RegionUp)
        {
            _primaryRun = StartRun(_workflows.WaitForRegion, null, p);
            return;
        }

        switch (p.State)
        {
            case ServerState.Serving:
                if (!_endpoint.PointsAt(p))
                {
                    // A switch left the endpoint behind (its DNS step was interrupted): finish the move.
                    _primaryRun = StartRun(_workflows.MoveEndpoint, () => RegionUp && p.State == ServerState.Serving, p);
                }

                break;
            case ServerState.WritesBlocked:
                // A planned failover ended without switching: the primary resumes writes.
                p.UnblockWrites();
                Changed();
                break;
            case ServerState.Crashed:
            case ServerState.Restarting:
                _primaryRun = StartRun(_workflows.Restart, Guard(p, () => ZoneAvailable(p.Zone)), p);
                break;
            case ServerState.Building:
                // Its build was cancelled: the slot is lost again and recovery chooses afresh.
                p.AbandonBuild();
                Changed();
                break;
            default:
                if (!p.LossDetected)
                {
                    _primaryRun = StartRun(_workflows.DetectPrimaryLoss, Guard(p, () => RegionUp), p);
                }
                else
                {
                    ChooseRecoveryPath(p);
                }

                break;
        }
    }

    /// <summary>The primary is lost and detected: fail over, replace the VM keeping its storage, or restore, in that order.</summary>
    private void ChooseRecoveryPath(Server p)
    {
        if (BestStandby() is { } standby)
        {
            _workflows.Promoting = standby;
            _workflows.FailedPrimary = p;
            _primaryRun = StartRun(_workflows.Failover, Guard(standby, () => RegionUp && ZoneAvailable(standby.Zone)), standby);
            return;
        }

        if (Infrastructure.AvailableZones == 0)
        {
            _primaryRun = StartRun(_workflows.WaitForAnyZone, null, p);
            return;
        }

        if (!p.Storage.IsDestroyed && ZoneAvailable(p.Storage.Zone))
        {
            var volume = p.Storage;
            _primaryRun = StartRun(_workflows.Replace, Guard(p, () => StorageUsable(volume)), p);
            return;
        }

        // No standby and no reachable storage: restore from backup in an available zone. If the
        // storage survives in a zone that is down, its return preempts the restore.
        _workflows.PlanRestore(p, PlaceRestore(p));
        int zone = _workflows.RestoreZone;
        _primaryRun = StartRun(_s.WalArchiving ? _workflows.RestoreWithArchive : _workflows.RestoreSnapshot, Guard(p, () => ZoneAvailable(zone)), p);
    }

    private void PreemptRestoreWhenStorageReturns()
    {
        if (PrimaryRun is { } run && _workflows.IsRestore(run.Workflow) && _workflows.RestoreFrom is { } from && StorageUsable(from))
        {
            Cancel(run, ZoneReturnedFirst);
            if (Tracing)
            {
                Trace("note", "primary", "the zone returned before the restore finished: recovering on the original storage");
            }

            var p = Primary;
            if (p.State == ServerState.Building)
            {
                p.AbandonBuild(from);
            }

            _primaryRun = null;
        }
    }

    private void ReconcileStandbySlot(Server s)
    {
        switch (s.State)
        {
            case ServerState.Standby when PlacementAllows(s, s.Zone) || !Primary.IsWritablePrimaryState:
                return;
            case ServerState.Standby:
                // The primary moved into its zone (a failover with more standbys than other zones): it is rebuilt elsewhere.
                s.Retire();
                if (Tracing)
                {
                    Trace("note", $"server {s.Index + 1}", "shares the primary's zone: moved to another zone");
                }

                Changed();
                break;
            case ServerState.Promoting:
                if (PrimaryRun is null)
                {
                    // The failover that was promoting it is gone while it survived: it stays a standby.
                    s.AbortPromotion();
                    Changed();
                }

                return;
        }

        if (RebuildRun(s) is not null)
        {
            return;
        }

        if (s.State == ServerState.Building)
        {
            s.AbandonBuild();
            Changed();
        }

        s.PlanZone(StandbyZone(s));
        int generation = s.Generation;
        _rebuildRuns[s.Index] = StartRun(_workflows.Rebuild[s.Index], () => s.Generation == generation && RebuildStillValid(s), s);
    }

    /// <summary>A rebuild holds while the slot is placed as the architecture requires and, once building, its zone and a primary to copy from are there.</summary>
    private bool RebuildStillValid(Server s)
    {
        if (s.State is not (ServerState.Lost or ServerState.Fenced or ServerState.Building))
        {
            return false;
        }

        if (!PlacementAllows(s, s.Zone))
        {
            return false;
        }

        return s.State != ServerState.Building || (ZoneAvailable(s.Zone) && PrimaryCanSeed());
    }

    /// <summary>A new standby is copied from a primary that serves clients again (seed 001: once promoted, "a new node is scheduled to become the standby").</summary>
    private bool PrimaryCanSeed() => IsServing;

    private void ReconcileStorageCopies()
    {
        var volume = Primary.Storage;
        if (volume.CopiesLost > 0 && !volume.IsDestroyed && ZoneAvailable(volume.Zone) && _copyRun is not { IsRunning: true })
        {
            _copyRun = StartRun(_workflows.RebuildStorageCopy, () => !volume.IsDestroyed && ZoneAvailable(volume.Zone) && ReferenceEquals(volume, Primary.Storage), volume);
        }
    }

    private void ReconcileCache()
    {
        var p = Primary;
        if (p.CacheWarm || !IsServing || _warmRun is { IsRunning: true })
        {
            return;
        }

        if (_s.CacheWarmup.Quantile(1) <= 0)
        {
            p.CacheWarm = true;
            Changed();
            return;
        }

        int generation = p.Generation, incarnation = p.Incarnation;
        _warmRun = StartRun(_workflows.WarmCache, () => ReferenceEquals(p, Primary) && p.State == ServerState.Serving && p.Generation == generation && p.Incarnation == incarnation, p);
    }

    /// <summary>What a run on <paramref name="server"/> depends on: no new failure of it, plus <paramref name="more"/>.</summary>
    private static Func<bool> Guard(Server server, Func<bool> more)
    {
        int generation = server.Generation;
        return () => server.Generation == generation && more();
    }

    /// <summary>
    /// The zone a restored primary goes to: its own if available, else an available zone no other
    /// slot is placed in (zone-redundant HA keeps them apart), else any available zone.
    /// </summary>
    private int PlaceRestore(Server p)
    {
        if (ZoneAvailable(p.Zone))
        {
            return p.Zone;
        }

        int fallback = -1;
        for (int z = 0; z < Topology.Infrastructure.ZoneCount; z++)
        {
            if (!ZoneAvailable(z))
            {
                continue;
            }

            fallback = fallback < 0 ? z : fallback;
            if (_s.SameZone || !Array.Exists(_servers, s => s.Index != p.Index && s.Zone == z))
            {
                return z;
            }
        }

        return fallback;
    }

    /// <summary>
    /// The zone a new standby for slot <paramref name="s"/> is built in. Same-zone HA: the primary's.
    /// Zone-redundant: the slot's own zone (seed 002: "in the same zone as the old primary") unless the
    /// primary or another standby is there, in which case the first zone free of both.
    /// </summary>
    private int StandbyZone(Server s)
    {
        int primaryZone = Primary.Zone;
        if (_s.SameZone)
        {
            return primaryZone;
        }

        if (s.Zone != primaryZone && !OtherStandbyIn(s, s.Zone))
        {
            return s.Zone;
        }

        for (int z = 0; z < Topology.Infrastructure.ZoneCount; z++)
        {
            if (z != primaryZone && !OtherStandbyIn(s, z))
            {
                return z;
            }
        }

        for (int z = 0; z < Topology.Infrastructure.ZoneCount; z++)
        {
            if (z != primaryZone)
            {
                return z;
            }
        }

        return primaryZone;
    }

    private bool OtherStandbyIn(Server s, int zone) => Array.Exists(_servers, o => o.Index != s.Index && o.Index != _primary && o.Zone == zone);

    /// <summary>Whether the architecture's placement rule allows a standby of slot <paramref name="s"/> in <paramref name="zone"/>.</summary>
    private bool PlacementAllows(Server s, int zone) => _s.SameZone ? zone == Primary.Zone : zone != Primary.Zone;
}
