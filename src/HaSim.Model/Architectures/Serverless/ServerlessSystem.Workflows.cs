using HaSim.Kernel.Distributions;
using HaSim.Model.Workflows;
using static HaSim.Model.Workflows.WorkflowStep;
using S = HaSim.Model.Architectures.Serverless.ServerlessStages;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>The recovery workflows of the serverless architecture, as data (seed 000's recovery tables).</summary>
public sealed partial class ServerlessSystem
{
    /// <summary>The workflows of one deployment, built once; each step reads the deployment's state when it runs.</summary>
    private sealed class ServerlessWorkflows
    {
        private readonly ServerlessSystem _d;
        private readonly ServerlessSettings _s;

        public ServerlessWorkflows(ServerlessSystem d)
        {
            _d = d;
            _s = d._s;
            var c = d._compute;
            RestartPostgres = ComputeWorkflow("restart Postgres", InZone,
                Detect(S.DetectPostgresExit, _s.CrashDetection, "compute supervisor"),
                Stage(S.RestartPostgres, _s.PostgresRestart),
                Do(() => c.Recovered(c.Zone, newNode: false)));
            UnresponsiveCheck = ComputeWorkflow("replace the unresponsive compute", InZone,
                Detect(S.UnresponsiveCheck, _s.UnresponsiveDetection, "endpoint health check"),
                Do(c.ReplaceUnresponsive));
            DetectVmLoss = ComputeWorkflow("detect the VM loss", InZone,
                Detect(S.DetectVmLoss, _s.VmDetection, "control plane"),
                Do(() => c.Detected = true));
            StartFromPool = ComputeWorkflow("start compute from the warm pool", InZone,
                Stage(S.StartFromPool, _s.StartFromPool),
                Stage(S.ReattachEndpoint, _s.EndpointReattach),
                Do(() => c.Recovered(c.Zone, newNode: false)));
            ColdStart = ComputeWorkflow("cold-start compute", InZone,
                Stage(S.ColdStart, _s.ColdStart),
                Stage(S.ReattachEndpoint, _s.EndpointReattach),
                Do(() => c.Recovered(c.Zone, newNode: false)));
            DetectNodeLoss = ComputeWorkflow("detect the node loss", InZone,
                Detect(S.DetectNodeNotReady, _s.NodeDetection, "Kubernetes node controller"),
                Do(() => c.Detected = true));
            DetectZoneLoss = ComputeWorkflow("detect the zone loss", run => UnchangedCompute(run) && _d.RegionUp,
                Detect(S.DetectNodeNotReady, _s.NodeDetection, "Kubernetes node controller"),
                Do(() => c.Detected = true));
            RescheduleToNode = ComputeWorkflow("reschedule compute to another node", InZone,
                Stage(S.RescheduleToNode, _s.Reschedule),
                Do(() => c.Recovered(c.Zone, newNode: true)));
            RescheduleToZone = ComputeWorkflow("reschedule compute to another zone", run => UnchangedCompute(run) && _d.AvailableZoneOtherThan(c.Zone) >= 0,
                Computed(S.WaitForCapacity, CapacityWaitSeconds),
                Stage(S.RescheduleToZone, _s.Reschedule),
                Do(() => c.Recovered(_d.AvailableZoneOtherThan(c.Zone), newNode: true)));
            WaitForOtherZone = ComputeWorkflow("wait for a zone to reschedule to", run => UnchangedCompute(run) && _d.RegionUp,
                WaitUntil(S.WaitForZone, () => _d.AvailableZoneOtherThan(c.Zone) >= 0));
            WaitForAnyZone = ComputeWorkflow("wait for a zone to move to", run => UnchangedCompute(run) && _d.RegionUp,
                WaitUntil(S.WaitForZone, () => _d.Infrastructure.AvailableZones > 0));
            AcquireCapacity = ComputeWorkflow("wait for compute capacity", run => UnchangedCompute(run) && _d.Infrastructure.AvailableZones > 0,
                Do(d.RequestCapacity),
                WaitUntil(S.WaitForCapacity, () => _d._lease.IsGranted));
            StartOnWarmVm = ComputeWorkflow("start compute on a warm VM elsewhere", InGrantedZone,
                Stage(S.StartFromPool, _s.StartFromPool),
                Stage(S.ReattachEndpoint, _s.EndpointReattach),
                Do(d.StartedInGrantedCapacity));
            StartOnSlotInZone = ComputeWorkflow("reschedule compute to a free slot in its zone", InGrantedZone,
                Stage(S.RescheduleToNode, _s.Reschedule),
                Do(d.StartedInGrantedCapacity));
            StartOnSlotElsewhere = ComputeWorkflow("reschedule compute to a free slot in another zone", InGrantedZone,
                Stage(S.RescheduleToZone, _s.Reschedule),
                Do(d.StartedInGrantedCapacity));
            WaitForRegion = ComputeWorkflow("wait for the region", UnchangedCompute,
                WaitUntil(S.WaitForRegion, () => _d.RegionUp && _d.Infrastructure.AvailableZones > 0),
                Do(() => _d.MarkDetected("control plane")),
                Stage(S.StartAfterRegion, _s.ColdStart).While(() => _d.Infrastructure.AvailableZones > 0),
                Do(() => c.Recovered(_d.ZoneAvailable(c.Zone) ? c.Zone : _d.AvailableZoneOtherThan(c.Zone), newNode: true)));
            DetectPageserverOffline = Incident("detect the pageserver loss", run => UnchangedPageserver(run) && _d.RegionUp,
                Detect(S.DetectPageserverOffline, _s.PageserverDetection, "storage controller heartbeat"),
                Do(() => _d._attached.LossDetected = true));
            PromoteSecondary = Incident("promote the secondary pageserver", run => UnchangedPageserver(run) && _d.ZoneAvailable(((Pageserver)run.Subject!).Zone),
                Stage(S.PromoteSecondary, _s.PageserverPromotion),
                Do(_d.PromoteSecondaryPageserver),
                Stage(S.RepointCompute, _s.ComputeRepoint),
                Do(() => _d._attached.Repointed()));
            AttachFromObjectStorage = Incident("attach from object storage", run => UnchangedPageserver(run) && _d.RegionUp && (AttachZone < 0 || _d.ZoneAvailable(AttachZone)),
                WaitUntil(S.WaitForObjectStorage, () => _d.Infrastructure.ObjectStorage.IsUp && _d.Infrastructure.AvailableZones > 0),
                Do(() => AttachZone = _d.AvailableZoneOtherThan(_d._secondary.Zone) is var z and >= 0 ? z : _d.AvailableZoneOtherThan(-1)),
                Stage(S.AttachFromObjectStorage, _s.RestoreFromObjectStorage),
                Do(() => _d._attached.AttachFromObjectStorage(AttachZone)),
                Stage(S.RepointCompute, _s.ComputeRepoint),
                Do(() => _d._attached.Repointed()));
            RepointCompute = Incident("re-point compute", run => UnchangedPageserver(run) && _d.ZoneAvailable(((Pageserver)run.Subject!).Zone),
                Stage(S.RepointCompute, _s.ComputeRepoint),
                Do(() => _d._attached.Repointed()));
            RebuildSecondary = new Workflow("build a new secondary pageserver", StageScope.Background,
            [
                WaitUntil(S.WaitForZone, () => _d.AvailableZoneOtherThan(_d._attached.Zone) >= 0),
                Do(() => _d._secondary.BeginBuild(_d.AvailableZoneOtherThan(_d._attached.Zone))),
                Stage(S.RebuildSecondary, _s.SecondaryRebuild),
                Do(() => _d._secondary.Warmed()),
            ], requires: run => UnchangedPageserver(run) && ReferenceEquals(run.Subject, _d._secondary)
                && (_d._secondary.State != PageserverState.Building || (_d.ZoneAvailable(_d._secondary.Zone) && _d._secondary.Zone != _d._attached.Zone)));
            ReplaceSafekeeper = [.. d._safekeepers.Select(sk => new Workflow($"replace safekeeper-{sk.Index + 1}", StageScope.Background,
            [
                WaitUntil(S.WaitForSafekeeperZone, () => _d.ZoneAvailable(sk.Zone)),
                Stage(S.ReplaceSafekeeper, _s.SafekeeperReplacement),
                Do(sk.Replaced),
            ], requires: run => sk.Generation == run.SubjectGeneration && sk.State == SafekeeperState.Lost))];
            RestoreWrites = Incident("resume WAL writes", run => _d._walGeneration == run.SubjectGeneration,
                WaitUntil(S.WaitForQuorum, () => _d.QuorumAvailable),
                Stage(S.ReconnectQuorum, _s.SafekeeperReconnect),
                Do(() =>
                {
                    _d._walWritable = true;
                    _d.MarkDetected("walproposer");
                }));
        }

        public Workflow RestartPostgres { get; }

        public Workflow UnresponsiveCheck { get; }

        public Workflow DetectVmLoss { get; }

        public Workflow StartFromPool { get; }

        public Workflow ColdStart { get; }

        public Workflow DetectNodeLoss { get; }

        public Workflow DetectZoneLoss { get; }

        public Workflow RescheduleToNode { get; }

        public Workflow RescheduleToZone { get; }

        public Workflow WaitForOtherZone { get; }

        public Workflow WaitForRegion { get; }

        public Workflow WaitForAnyZone { get; }

        public Workflow AcquireCapacity { get; }

        public Workflow StartOnWarmVm { get; }

        public Workflow StartOnSlotInZone { get; }

        public Workflow StartOnSlotElsewhere { get; }

        public Workflow DetectPageserverOffline { get; }

        public Workflow PromoteSecondary { get; }

        public Workflow AttachFromObjectStorage { get; }

        public Workflow RepointCompute { get; }

        public Workflow RebuildSecondary { get; }

        public Workflow[] ReplaceSafekeeper { get; }

        public Workflow RestoreWrites { get; }

        /// <summary>The zone a pageserver is attached in from object storage (−1 until chosen).</summary>
        public int AttachZone { get; set; } = -1;

        private static Workflow ComputeWorkflow(string name, Func<WorkflowRun, bool> requires, params WorkflowStep[] steps) => new(name, StageScope.Incident, steps, requires: requires);

        private static Workflow Incident(string name, Func<WorkflowRun, bool> requires, params WorkflowStep[] steps) => new(name, StageScope.Incident, steps, requires: requires);

        private static bool UnchangedCompute(WorkflowRun run) => ((Compute)run.Subject!).Generation == run.SubjectGeneration;

        private static bool UnchangedPageserver(WorkflowRun run) => ((Pageserver)run.Subject!).Generation == run.SubjectGeneration;

        /// <summary>No new failure of the compute, and the capacity it was granted is still there.</summary>
        private bool InGrantedZone(WorkflowRun run) => UnchangedCompute(run) && _d._lease.IsGranted && _d.ZoneAvailable(_d._lease.Zone);

        /// <summary>No new failure of the compute, and its zone can run it.</summary>
        private bool InZone(WorkflowRun run) => UnchangedCompute(run) && _d.ZoneAvailable(((Compute)run.Subject!).Zone);

        /// <summary>
        /// When a zone fails, all its computes (every tenant's) need slots in the surviving zones. Ours
        /// takes a random place in that queue: spare slots serve the first; newly provisioned nodes,
        /// several at a time, serve the rest. This is what makes zone-failure recovery 1-10 minutes.
        /// </summary>
        private double CapacityWaitSeconds()
        {
            var random = _d.Random;
            int surviving = _d.Infrastructure.AvailableZones;
            long spare = (long)_s.SpareSlotsPerZone * surviving;
            long ahead = random.Next(Math.Max(1, _s.ComputesPerZone));
            long needed = ahead + 1 - spare;
            if (_d.Tracing)
            {
                _d.Trace("note", "kubernetes", $"{ahead} computes ahead, {spare} spare slots{(needed > 0 ? ": provisioning nodes" : "")}");
            }

            if (needed <= 0)
            {
                return 0;
            }

            long nodes = (needed + _s.SlotsPerNewNode - 1) / _s.SlotsPerNewNode;
            return ProvisioningTime(nodes, _s.MaxConcurrentProvisioning, _s.NodeProvisioning, random);
        }

        /// <summary>When the <paramref name="nodes"/>-th node is ready, with <paramref name="parallel"/> provisioners each bringing up one node after another.</summary>
        private static double ProvisioningTime(long nodes, int parallel, Distribution provisioning, System.Random random)
        {
            var ready = new PriorityQueue<int, double>(parallel);
            for (int i = 0; i < parallel; i++)
            {
                ready.Enqueue(i, provisioning.Sample(random));
            }

            for (long n = 1; ; n++)
            {
                ready.TryDequeue(out int provisioner, out double at);
                if (n == nodes)
                {
                    return at;
                }

                ready.Enqueue(provisioner, at + provisioning.Sample(random));
            }
        }
    }

    /// <summary>The secondary pageserver takes over: it is attached (compute still to be re-pointed); the lost one becomes the secondary to rebuild.</summary>
    private void PromoteSecondaryPageserver()
    {
        _secondary.Promote();
        (_attached, _secondary) = (_secondary, _attached);
    }
}
