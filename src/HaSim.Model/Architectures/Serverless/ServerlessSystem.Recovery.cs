using HaSim.Model.Capacity;
using HaSim.Model.Workflows;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>Reconciliation: which recovery the state of the compute, pageservers and safekeepers calls for.</summary>
public sealed partial class ServerlessSystem
{
    private readonly ServerlessWorkflows _workflows;
    private readonly RunHandle[] _safekeeperRuns;
    private RunHandle _computeRun;
    private RunHandle _pageserverRun;
    private RunHandle _secondaryRun;
    private RunHandle _walRun;
    private int _warmingGeneration = -1;
    private bool _slotVacated;

    /// <summary>The run recovering the compute, if one is going.</summary>
    public WorkflowRun? ComputeRun => _computeRun.Live;

    /// <summary>The run recovering the attached pageserver, if one is going.</summary>
    public WorkflowRun? PageserverRun => _pageserverRun.Live;

    /// <summary>The run rebuilding the secondary pageserver, if one is going.</summary>
    public WorkflowRun? SecondaryRun => _secondaryRun.Live;

    /// <summary>The run restoring WAL writes after a quorum loss, if one is going.</summary>
    public WorkflowRun? WalRun => _walRun.Live;

    /// <summary>The run replacing safekeeper <paramref name="index"/>, if one is going.</summary>
    public WorkflowRun? SafekeeperRun(int index) => _safekeeperRuns[index].Live;

    /// <inheritdoc/>
    protected override void Reconcile()
    {
        ReconcileCompute();
        ReconcilePageserver();
        ReconcileSecondary();
        ReconcileSafekeepers();
        ReconcileWal();
        ReconcileCache();
    }

    private void ReconcileCompute()
    {
        var c = _compute;
        if (_fleet is not null)
        {
            ReleaseStaleCapacity();
        }

        if (c.State == ComputeState.Running || _computeRun.IsRunning)
        {
            return;
        }

        var w = _workflows;
        if (c.State == ComputeState.RegionLost)
        {
            _computeRun = StartRun(w.WaitForRegion, c, c.Generation);
            return;
        }

        if (_fleet is not null && c.State is ComputeState.ZoneLost or ComputeState.NodeLost && (c.State == ComputeState.ZoneLost || ZoneAvailable(c.Zone)))
        {
            _computeRun = StartRun(FleetMove(c), c, c.Generation);
            return;
        }

        if (c.State == ComputeState.ZoneLost)
        {
            var next = !c.Detected ? w.DetectZoneLoss : AvailableZoneOtherThan(c.Zone) < 0 ? w.WaitForOtherZone : w.RescheduleToZone;
            _computeRun = StartRun(next, c, c.Generation);
            return;
        }

        if (!ZoneAvailable(c.Zone))
        {
            // Its zone is down but the compute has not yet been told (a lesser failure was being handled): wait for the zone handler.
            return;
        }

        var workflow = c.State switch
        {
            ComputeState.Crashed => w.RestartPostgres,
            ComputeState.Unresponsive => w.UnresponsiveCheck,
            ComputeState.VmLost when !c.Detected => w.DetectVmLoss,
            ComputeState.VmLost => (_fleet?.TryTakeWarmVm(c.Zone) ?? _warmPool!.TryTake()) ? w.StartFromPool : w.ColdStart,
            ComputeState.NodeLost when !c.Detected => w.DetectNodeLoss,
            ComputeState.NodeLost => w.RescheduleToNode,
            _ => throw new InvalidOperationException($"No compute recovery for state {c.State}."),
        };
        _computeRun = StartRun(workflow, c, c.Generation);
    }

    /// <summary>
    /// In a fleet, a compute whose node or zone is lost moves through the shared capacity: detect the
    /// loss, wait for a zone if none is up, ask for a warm VM or a slot, then start in what it was granted.
    /// </summary>
    private Workflow FleetMove(Compute c)
    {
        var w = _workflows;
        if (!c.Detected)
        {
            return c.State == ComputeState.ZoneLost ? w.DetectZoneLoss : w.DetectNodeLoss;
        }

        if (Infrastructure.AvailableZones == 0)
        {
            return w.WaitForAnyZone;
        }

        if (!_lease.IsGranted)
        {
            return w.AcquireCapacity;
        }

        return _lease.WarmVm ? w.StartOnWarmVm : _lease.Zone == c.Zone ? w.StartOnSlotInZone : w.StartOnSlotElsewhere;
    }

    /// <summary>Gives back capacity asked for an earlier failure, or for a move that no longer goes on.</summary>
    private void ReleaseStaleCapacity()
    {
        var lease = _lease;
        if (!lease.IsActive)
        {
            return;
        }

        var c = _compute;
        bool stale = c.State == ComputeState.Running || lease.Tag != c.Generation
            || (lease.State == LeaseState.Waiting && !_computeRun.IsRunning)
            || (lease.IsGranted && !ZoneAvailable(lease.Zone));
        if (stale)
        {
            _fleet!.Release(lease);
            Changed();
        }
    }

    /// <summary>Asks the fleet for a warm VM or a slot; a compute whose zone failed leaves its slot there for good.</summary>
    private void RequestCapacity()
    {
        var c = _compute;
        bool zoneLost = c.State == ComputeState.ZoneLost;
        int vacates = zoneLost && !_slotVacated ? c.Zone : -1;
        _slotVacated |= zoneLost;
        _fleet!.Request(_lease, c.Generation, preferZone: zoneLost ? -1 : c.Zone, vacatesZone: vacates);
    }

    /// <summary>The compute runs in the capacity it was granted, on a new node: the next of its group's in the same zone, or the same number in another.</summary>
    private void StartedInGrantedCapacity()
    {
        var c = _compute;
        int zone = _lease.Zone;
        int nodes = Math.Max(1, Placement.NodesPerZone);
        int node = zone == c.Zone ? (c.NodeIndex + 1) % nodes : c.NodeIndex % nodes;
        _fleet!.Consume(_lease);
        _slotVacated = false;
        c.Recovered(zone, newNode: true);
        c.NodeIndex = node;
    }

    private void ReconcilePageserver()
    {
        var a = _attached;
        if (a.State == PageserverState.Attached || _pageserverRun.IsRunning || !RegionUp)
        {
            return;
        }

        var w = _workflows;
        if (a.State == PageserverState.Attaching)
        {
            _pageserverRun = StartRun(w.RepointCompute, a, a.Generation);
        }
        else if (!a.LossDetected)
        {
            _pageserverRun = StartRun(w.DetectPageserverOffline, a, a.Generation);
        }
        else if (_secondary.State == PageserverState.Warm && ZoneAvailable(_secondary.Zone))
        {
            _pageserverRun = StartRun(w.PromoteSecondary, _secondary, _secondary.Generation);
        }
        else
        {
            w.AttachZone = -1;
            _pageserverRun = StartRun(w.AttachFromObjectStorage, a, a.Generation);
        }
    }

    private void ReconcileSecondary()
    {
        var s = _secondary;
        if (s.State is PageserverState.Warm or PageserverState.Attached or PageserverState.Attaching || _secondaryRun.IsRunning)
        {
            return;
        }

        if (s.State == PageserverState.Building)
        {
            s.AbandonBuild();
            Changed();
        }

        _secondaryRun = StartRun(_workflows.RebuildSecondary, s, s.Generation);
    }

    private void ReconcileSafekeepers()
    {
        foreach (var sk in _safekeepers)
        {
            if (sk.State == SafekeeperState.Lost && !_safekeeperRuns[sk.Index].IsRunning)
            {
                _safekeeperRuns[sk.Index] = StartRun(_workflows.ReplaceSafekeeper[sk.Index], sk, sk.Generation);
            }
        }
    }

    private void ReconcileWal()
    {
        bool quorum = QuorumAvailable;
        if (_quorumWasAvailable && !quorum)
        {
            // Commits wait for a majority: with fewer available, writes stall (they are not aborted).
            _walWritable = false;
            _walGeneration++;
            Changed();
        }

        _quorumWasAvailable = quorum;
        if (!_walWritable && !_walRun.IsRunning)
        {
            _walRun = StartRun(_workflows.RestoreWrites, this, _walGeneration);
        }
    }

    /// <summary>The local file cache fills while the compute serves: a warm-up timer, void if the compute fails meanwhile.</summary>
    private void ReconcileCache()
    {
        var c = _compute;
        if (c.CacheWarm || !IsServing || _warmingGeneration == c.Generation)
        {
            return;
        }

        if (_s.CacheWarmsAtOnce)
        {
            c.CacheWarm = true;
            Changed();
            return;
        }

        _warmingGeneration = c.Generation;
        After(_s.CacheWarmup.Sample(Random), CacheWarmTimer, c.Generation);
    }
}
