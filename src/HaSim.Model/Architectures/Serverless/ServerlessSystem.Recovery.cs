using HaSim.Model.Workflows;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>Reconciliation: which recovery the state of the compute, pageservers and safekeepers calls for.</summary>
public sealed partial class ServerlessSystem
{
    private readonly ServerlessWorkflows _workflows;
    private readonly WorkflowRun?[] _safekeeperRuns;
    private WorkflowRun? _computeRun;
    private WorkflowRun? _pageserverRun;
    private WorkflowRun? _secondaryRun;
    private WorkflowRun? _walRun;
    private WorkflowRun? _warmRun;

    /// <summary>The run recovering the compute, if one is going.</summary>
    public WorkflowRun? ComputeRun => Live(_computeRun);

    /// <summary>The run recovering the attached pageserver, if one is going.</summary>
    public WorkflowRun? PageserverRun => Live(_pageserverRun);

    /// <summary>The run rebuilding the secondary pageserver, if one is going.</summary>
    public WorkflowRun? SecondaryRun => Live(_secondaryRun);

    /// <summary>The run restoring WAL writes after a quorum loss, if one is going.</summary>
    public WorkflowRun? WalRun => Live(_walRun);

    /// <summary>The run replacing safekeeper <paramref name="index"/>, if one is going.</summary>
    public WorkflowRun? SafekeeperRun(int index) => Live(_safekeeperRuns[index]);

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

    private static WorkflowRun? Live(WorkflowRun? run) => run is { IsRunning: true } ? run : null;

    private void ReconcileCompute()
    {
        var c = _compute;
        if (c.State == ComputeState.Running || ComputeRun is not null)
        {
            return;
        }

        int generation = c.Generation;
        bool Same() => c.Generation == generation;
        var w = _workflows;
        switch (c.State)
        {
            case ComputeState.RegionLost:
                _computeRun = StartRun(w.WaitForRegion, Same, c);
                return;
            case ComputeState.ZoneLost:
                if (!RegionUp)
                {
                    return;
                }

                if (!c.Detected)
                {
                    _computeRun = StartRun(w.DetectNodeNotReady, () => Same() && RegionUp, c);
                }
                else if (AvailableZoneOtherThan(c.Zone) < 0)
                {
                    _computeRun = StartRun(w.WaitForOtherZone, () => Same() && RegionUp, c);
                }
                else
                {
                    _computeRun = StartRun(w.RescheduleToZone, () => Same() && AvailableZoneOtherThan(c.Zone) >= 0, c);
                }

                return;
        }

        if (!ZoneAvailable(c.Zone))
        {
            // Its zone is down but the compute has not yet been told (a lesser failure was being handled): wait for the zone handler.
            return;
        }

        bool InZone() => Same() && ZoneAvailable(c.Zone);
        _computeRun = c.State switch
        {
            ComputeState.Crashed => StartRun(w.RestartPostgres, InZone, c),
            ComputeState.Unresponsive => StartRun(w.UnresponsiveCheck, InZone, c),
            ComputeState.VmLost when !c.Detected => StartRun(w.DetectVmLoss, InZone, c),
            ComputeState.VmLost => StartRun(_warmPool.TryTake() ? w.StartFromPool : w.ColdStart, InZone, c),
            ComputeState.NodeLost when !c.Detected => StartRun(w.DetectNodeNotReady, InZone, c),
            ComputeState.NodeLost => StartRun(w.RescheduleToNode, InZone, c),
            _ => throw new InvalidOperationException($"No compute recovery for state {c.State}."),
        };
    }

    private void ReconcilePageserver()
    {
        var a = _attached;
        if (a.State == PageserverState.Attached || PageserverRun is not null || !RegionUp)
        {
            return;
        }

        int generation = a.Generation;
        var w = _workflows;
        if (a.State == PageserverState.Attaching)
        {
            _pageserverRun = StartRun(w.RepointCompute, () => a.Generation == generation && ZoneAvailable(a.Zone), a);
        }
        else if (!a.LossDetected)
        {
            _pageserverRun = StartRun(w.DetectPageserverOffline, () => a.Generation == generation && RegionUp, a);
        }
        else if (_secondary.State == PageserverState.Warm && ZoneAvailable(_secondary.Zone))
        {
            var secondary = _secondary;
            int secondaryGeneration = secondary.Generation;
            _pageserverRun = StartRun(w.PromoteSecondary, () => secondary.Generation == secondaryGeneration && ZoneAvailable(secondary.Zone), secondary);
        }
        else
        {
            w.AttachZone = -1;
            _pageserverRun = StartRun(w.AttachFromObjectStorage, () => a.Generation == generation && RegionUp && (w.AttachZone < 0 || ZoneAvailable(w.AttachZone)), a);
        }
    }

    private void ReconcileSecondary()
    {
        var s = _secondary;
        if (s.State is PageserverState.Warm or PageserverState.Attached or PageserverState.Attaching || SecondaryRun is not null)
        {
            return;
        }

        if (s.State == PageserverState.Building)
        {
            s.AbandonBuild();
            Changed();
        }

        int generation = s.Generation;
        _secondaryRun = StartRun(_workflows.RebuildSecondary, () => s.Generation == generation && ReferenceEquals(s, _secondary)
            && (s.State != PageserverState.Building || (ZoneAvailable(s.Zone) && s.Zone != _attached.Zone)), s);
    }

    private void ReconcileSafekeepers()
    {
        foreach (var sk in _safekeepers)
        {
            if (sk.State == SafekeeperState.Lost && SafekeeperRun(sk.Index) is null)
            {
                int generation = sk.Generation;
                _safekeeperRuns[sk.Index] = StartRun(_workflows.ReplaceSafekeeper[sk.Index], () => sk.Generation == generation && sk.State == SafekeeperState.Lost, sk);
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
        if (!_walWritable && WalRun is null)
        {
            int generation = _walGeneration;
            _walRun = StartRun(_workflows.RestoreWrites, () => _walGeneration == generation, this);
        }
    }

    private void ReconcileCache()
    {
        var c = _compute;
        if (c.CacheWarm || !IsServing || Live(_warmRun) is not null)
        {
            return;
        }

        if (_s.CacheWarmup.Quantile(1) <= 0)
        {
            c.CacheWarm = true;
            Changed();
            return;
        }

        int generation = c.Generation;
        _warmRun = StartRun(_workflows.WarmCache, () => c.Generation == generation && c.State == ComputeState.Running, c);
    }
}
