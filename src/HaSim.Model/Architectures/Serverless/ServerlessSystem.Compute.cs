using HaSim.Kernel;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>Compute failures and their recovery: restart, recreate from the warm pool, reschedule.</summary>
public sealed partial class ServerlessSystem
{
    private bool _computeUp = true;
    private bool _hung;
    private int _computeZone;
    private int _warmPool;
    private int _hangEpoch;
    private Process? _computeRecovery;
    private ComputeFailure _recoveringFrom;

    /// <summary>Compute failures, from least to most severe: a more severe one takes over a recovery in progress.</summary>
    private enum ComputeFailure
    {
        PostgresCrash = 1,
        Unresponsive = 2,
        VmFailure = 3,
        NodeFailure = 4,
        ZoneOutage = 5,
        RegionOutage = 6,
    }

    private static string ModeName(ComputeFailure failure) => failure switch
    {
        ComputeFailure.PostgresCrash => "Postgres crash",
        ComputeFailure.Unresponsive => "unresponsive endpoint",
        ComputeFailure.VmFailure => "VM failure",
        ComputeFailure.NodeFailure => "node failure",
        ComputeFailure.ZoneOutage => "AZ outage",
        _ => "region outage",
    };

    private void ComputeLost(ComputeFailure failure, string cause)
    {
        if (_computeRecovery is { IsAlive: true } && failure < _recoveringFrom)
        {
            // Already recovering from something at least as severe.
            UpdateService(ModeName(failure), cause);
            return;
        }

        _computeUp = false;
        _hung = false;
        CacheLost();
        _computeRecovery?.Interrupt(cause);
        UpdateService(ModeName(failure), cause);
        StartComputeRecovery(failure);
    }

    private void ComputeHung(string cause, double? duration)
    {
        if (!_computeUp || _hung)
        {
            UpdateService(ModeName(ComputeFailure.Unresponsive), cause);
            return;
        }

        _hung = true;
        int epoch = ++_hangEpoch;
        UpdateService(ModeName(ComputeFailure.Unresponsive), cause);
        StartComputeRecovery(ComputeFailure.Unresponsive);
        if (duration is { } d)
        {
            Simulation.Process(HangEnds(epoch, d), "hang ends");
        }
    }

    private IEnumerable<Event> HangEnds(int epoch, double afterSeconds)
    {
        yield return Simulation.Timeout(afterSeconds);
        if (_hung && epoch == _hangEpoch && _recoveringFrom == ComputeFailure.Unresponsive)
        {
            // The endpoint answered again before the watchdog replaced it: intermittent connectivity only.
            _hung = false;
            _computeRecovery?.Interrupt("endpoint responsive again");
            Trace("note", "compute", "endpoint responsive again before reattachment");
            RecheckService();
        }
    }

    private void StartComputeRecovery(ComputeFailure failure)
    {
        _recoveringFrom = failure;
        _computeRecovery = Simulation.Process(RecoverCompute(failure), "compute recovery");
    }

    private IEnumerable<Event> RecoverCompute(ComputeFailure failure)
    {
        var run = new WorkflowRun();
        foreach (var e in RunWorkflow(run, _random, RecoverySteps(failure)))
        {
            yield return e;
        }

        if (run.Aborted)
        {
            yield break;
        }

        _computeUp = true;
        _hung = false;
        StartColdCache(Parameters.Duration("compute.cache_warmup"), _random);
        RecheckService();
    }

    /// <summary>Seed 000's compute failover table, one workflow per failure.</summary>
    private WorkflowStep[] RecoverySteps(ComputeFailure failure) => failure switch
    {
        ComputeFailure.PostgresCrash =>
        [
            WorkflowStep.Timed("detect Postgres exit", Parameters.Duration("compute.crash_detection"), detectedBy: "compute supervisor"),
            WorkflowStep.Timed("restart Postgres in the same VM", Parameters.Duration("compute.postgres_restart")),
        ],
        ComputeFailure.Unresponsive =>
        [
            WorkflowStep.Timed("wait for the unresponsive-endpoint check", Parameters.Duration("compute.unresponsive_detection"), detectedBy: "endpoint health check"),
            WorkflowStep.Nested(StartOnNewVm),
        ],
        ComputeFailure.VmFailure =>
        [
            WorkflowStep.Timed("detect VM loss", Parameters.Duration("compute.vm_detection"), detectedBy: "control plane"),
            WorkflowStep.Nested(StartOnNewVm),
        ],
        ComputeFailure.NodeFailure =>
        [
            WorkflowStep.Timed("detect node NotReady", Parameters.Duration("kubernetes.node_detection"), detectedBy: "Kubernetes node controller"),
            WorkflowStep.Timed("reschedule compute to a healthy node", Parameters.Duration("kubernetes.reschedule")),
        ],
        ComputeFailure.ZoneOutage =>
        [
            WorkflowStep.Timed("detect node NotReady", Parameters.Duration("kubernetes.node_detection"), detectedBy: "Kubernetes node controller"),
            WorkflowStep.Nested(WaitForCapacityInHealthyZones),
            WorkflowStep.Timed("reschedule compute to a healthy zone", Parameters.Duration("kubernetes.reschedule")),
            WorkflowStep.Do(() => _computeZone = Region.FirstHealthyZone()),
        ],
        _ =>
        [
            WorkflowStep.WaitFor("wait for the region to return", Region.WhenRegionReturns),
            WorkflowStep.Do(() => Detected("control plane")),
            WorkflowStep.Timed("start compute after the region returns", Parameters.Duration("compute.cold_start")),
        ],
    };

    /// <summary>Recreates compute on a VM: from the warm pool if it has one, otherwise a cold start; then reattaches the endpoint.</summary>
    private IEnumerable<Event> StartOnNewVm()
    {
        StageHandle stage;
        if (_warmPool > 0)
        {
            _warmPool--;
            Simulation.Process(RefillWarmPool(), "warm pool refill");
            stage = BeginStage("start compute on a VM from the warm pool");
            yield return Simulation.Timeout(Parameters.Duration("compute.start_from_pool").Sample(_random));
        }
        else
        {
            stage = BeginStage("cold-start compute (warm pool empty)");
            yield return Simulation.Timeout(Parameters.Duration("compute.cold_start").Sample(_random));
        }

        EndStage(stage);
        stage = BeginStage("reattach the endpoint to the new compute");
        yield return Simulation.Timeout(Parameters.Duration("compute.endpoint_reattach").Sample(_random));
        EndStage(stage);
    }

    private IEnumerable<Event> RefillWarmPool()
    {
        yield return Simulation.Timeout(Parameters.Duration("compute.warm_pool_refill").Sample(_random));
        _warmPool++;
    }

    /// <summary>
    /// When a zone fails, all its computes (every tenant's) need slots in the surviving zones.
    /// Ours takes a random place in that queue; spare slots serve the first, then newly
    /// provisioned nodes the rest. This is what makes zone-failure recovery 1-10 minutes.
    /// </summary>
    private IEnumerable<Event> WaitForCapacityInHealthyZones()
    {
        var stage = BeginStage("wait for capacity in the surviving zones");
        int surviving = Region.ZonesUp;
        int spare = Parameters.Count("kubernetes.spare_slots_per_az") * surviving;

        // Free slots as a level: the computes ahead of ours take theirs first (one lump, first
        // come first served), then ours; provisioned nodes add slots.
        var slots = new Container(Simulation, double.PositiveInfinity, spare);
        int fleet = Math.Max(1, Parameters.Count("fleet.computes_per_az"));
        int ahead = _random.Next(fleet);
        if (ahead > 0)
        {
            slots.Get(ahead);
        }

        var mine = slots.Get(1);
        if (!mine.IsTriggered)
        {
            int provisioners = Math.Max(1, Parameters.Count("kubernetes.max_concurrent_provisioning"));
            for (int i = 0; i < provisioners; i++)
            {
                Simulation.Process(ProvisionNodes(slots, mine), "node provisioning");
            }

            if (Tracing)
            {
                Trace("note", "kubernetes", $"{ahead} computes ahead, {spare} spare slots: provisioning nodes");
            }
        }

        yield return mine;
        EndStage(stage);
    }

    private IEnumerable<Event> ProvisionNodes(Container slots, Event mine)
    {
        int perNode = Math.Max(1, Parameters.Count("kubernetes.slots_per_new_node"));
        while (!mine.IsTriggered && _computeRecovery is { IsAlive: true })
        {
            yield return Simulation.Timeout(Parameters.Duration("kubernetes.node_provisioning").Sample(_random));
            slots.Put(perNode);
        }
    }
}
