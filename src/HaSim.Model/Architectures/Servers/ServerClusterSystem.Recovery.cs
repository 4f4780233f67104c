using HaSim.Model.Workflows;

namespace HaSim.Model.Architectures.Servers;

/// <summary>Reconciliation: which recovery the current state of the servers calls for.</summary>
public sealed partial class ServerClusterSystem
{
    private const string ZoneReturnedFirst = "the zone returned before the restore finished";
    private const int CacheWarmTimer = 1;
    private readonly ServerWorkflows _workflows;
    private RunHandle _primaryRun;
    private RunHandle _forcedRun;
    private RunHandle _copyRun;
    private (Server? Server, int Generation, int Incarnation) _warming;

    /// <summary>The run on the primary's path (detection, restart, failover, replacement, restore, waiting), if one is going.</summary>
    public WorkflowRun? PrimaryRun => _primaryRun.Live;

    /// <inheritdoc/>
    protected override void Reconcile()
    {
        PreemptRestoreWhenStorageReturns();
        ReleaseIdleLeases();
        if (PrimaryRun is null)
        {
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
        var w = _workflows;
        if (!RegionUp)
        {
            _primaryRun = StartRun(w.WaitForRegion, p);
            return;
        }

        switch (p.State)
        {
            case ServerState.Serving:
                if (!_endpoint.PointsAt(p))
                {
                    // A switch left the endpoint behind (its DNS step was interrupted): finish the move.
                    _primaryRun = StartRun(w.MoveEndpoint, p, p.Generation);
                }

                break;
            case ServerState.WritesBlocked:
                // A planned failover ended without switching: the primary resumes writes.
                p.UnblockWrites();
                Changed();
                break;
            case ServerState.Crashed:
            case ServerState.Restarting:
                _primaryRun = StartRun(w.Restart, p, p.Generation);
                break;
            case ServerState.Building:
                // Its build was cancelled: the slot is lost again and recovery chooses afresh.
                p.AbandonBuild();
                Changed();
                break;
            default:
                if (!p.LossDetected)
                {
                    _primaryRun = StartRun(w.DetectPrimaryLoss, p, p.Generation);
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
        var w = _workflows;
        if (BestStandby() is { } standby)
        {
            w.Promoting = standby;
            w.FailedPrimary = p;
            _primaryRun = StartRun(w.Failover, standby, standby.Generation);
            return;
        }

        if (Infrastructure.AvailableZones == 0)
        {
            _primaryRun = StartRun(w.WaitForAnyZone, p);
            return;
        }

        if (StorageUsable(p.Storage))
        {
            _primaryRun = StartRun(w.Replace, p, p.Generation);
            return;
        }

        // No standby and no reachable storage: restore from backup in an available zone. If the
        // storage survives in a zone that is down, its return preempts the restore.
        int zone = PlaceRestore(p);
        w.PlanRestore(p, zone);
        _primaryRun = StartRun(_s.WalArchiving ? w.RestoreWithArchive : w.RestoreSnapshot, p, p.Generation, zone);
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
        }
    }

    private void ReconcileStandbySlot(Server s)
    {
        switch (s.State)
        {
            case ServerState.Standby when PlacementAllows(s.Zone) || !Primary.IsWritablePrimaryState:
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

        if (_rebuildRuns[s.Index].IsRunning)
        {
            return;
        }

        if (s.State == ServerState.Building)
        {
            s.AbandonBuild();
            Changed();
        }

        s.PlanZone(StandbyZone(s));
        _rebuildRuns[s.Index] = StartRun(_workflows.Rebuild[s.Index], s, s.Generation);
    }

    /// <summary>A rebuild holds while the slot is placed as the architecture requires and, once building, its zone and a primary to copy from are there.</summary>
    private bool RebuildStillValid(Server s) =>
        s.State is ServerState.Lost or ServerState.Fenced or ServerState.Building
        && PlacementAllows(s.Zone)
        && (s.State != ServerState.Building || (ZoneAvailable(s.Zone) && PrimaryCanSeed()));

    /// <summary>A new standby is copied from a primary that serves clients again (seed 001: once promoted, "a new node is scheduled to become the standby").</summary>
    private bool PrimaryCanSeed() => IsServing;

    private void ReconcileStorageCopies()
    {
        var volume = Primary.Storage;
        if (volume.CopiesLost > 0 && !volume.IsDestroyed && ZoneAvailable(volume.Zone) && !_copyRun.IsRunning)
        {
            _copyRun = StartRun(_workflows.RebuildStorageCopy, volume);
        }
    }

    /// <summary>
    /// Caches fill while the primary serves: a warm-up timer, void if the server fails or is replaced
    /// meanwhile (cold cache is degraded time, not a recovery stage).
    /// </summary>
    private void ReconcileCache()
    {
        var p = Primary;
        if (p.CacheWarm || !IsServing || _warming == (p, p.Generation, p.Incarnation))
        {
            return;
        }

        if (_s.CacheWarmsAtOnce)
        {
            p.CacheWarm = true;
            Changed();
            return;
        }

        _warming = (p, p.Generation, p.Incarnation);
        After(_s.CacheWarmup.Sample(Random), CacheWarmTimer, 0);
    }

    /// <inheritdoc/>
    protected override void OnTimer(int kind, int argument)
    {
        var p = Primary;
        if (kind == CacheWarmTimer && _warming == (p, p.Generation, p.Incarnation) && p.State == ServerState.Serving)
        {
            p.CacheWarm = true;
            _warming = default;
        }
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
            if (_s.SameZone || !AnyOtherSlotIn(p, z))
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

    private bool OtherStandbyIn(Server s, int zone)
    {
        foreach (var o in _servers)
        {
            if (o.Index != s.Index && o.Index != _primary && o.Zone == zone)
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyOtherSlotIn(Server p, int zone)
    {
        foreach (var o in _servers)
        {
            if (o.Index != p.Index && o.Zone == zone)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the architecture's placement rule allows a standby in <paramref name="zone"/>: same-zone HA wants the primary's, zone-redundant any other.</summary>
    private bool PlacementAllows(int zone) => _s.SameZone ? zone == Primary.Zone : zone != Primary.Zone;
}
