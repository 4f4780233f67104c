using HaSim.Model.Incidents;
using HaSim.Model.Workflows;
using static HaSim.Model.Workflows.WorkflowStep;
using S = HaSim.Model.Architectures.Servers.ServerStages;

namespace HaSim.Model.Architectures.Servers;

/// <summary>The recovery workflows of the server architectures, as data (seed 002's step tables, seed 001's replacement).</summary>
public sealed partial class ServerClusterSystem
{
    /// <summary>
    /// The workflows of one deployment, built once: each step reads the deployment's state when it
    /// runs. The server a failover promotes and the plan of a restore are held here while their
    /// (single) primary-path run goes.
    /// </summary>
    private sealed class ServerWorkflows
    {
        private readonly ServerClusterSystem _d;
        private readonly ServerSettings _s;
        private double _restoreCopyBytes;
        private double _restoreReplaySeconds;
        private double _restoreLossBytes;
        private double _restoreLossSeconds;

        public ServerWorkflows(ServerClusterSystem d)
        {
            _d = d;
            _s = d._s;
            DetectPrimaryLoss = new Workflow("detect the lost primary", StageScope.Incident,
            [
                Detect(S.HealthDetection, _s.HealthDetection, "health monitor"),
                Do(() => _d.Primary.LossDetected = true),
            ], requires: run => _d.RegionUp && Unchanged(run));
            Restart = new Workflow("restart the engine in place", StageScope.Incident,
            [
                Detect(S.DetectEngineCrash, _s.CrashDetection, "service supervisor"),
                Do(() => _d.Primary.BeginRestartIfCrashed()),
                Stage(S.StartEngine, _s.EngineRestart),
                Computed(S.CrashRecovery, () => CrashRecoverySeconds(_d.Primary)),
                Do(() => _d.Primary.BecomeServing()),
            ], requires: run => _d.RegionUp && Unchanged(run) && _d.ZoneAvailable(Of(run).Zone));
            Failover = new Workflow("fail over to the standby", StageScope.Incident,
            [
                .. d.HoldControlPlane(),
                Stage(S.FalsePositiveGuard, _s.FalsePositiveGuard),
                Stage(S.Fence, _s.Fence),
                Do(() => Promoting!.BeginPromotion()),
                Computed(S.ReplayResidualWal, ResidualReplaySeconds),
                Do(LoseAsynchronousTail),
                Stage(S.Promote, _s.Promote),
                Do(() => _d.SwapTo(Promoting!)),
                Stage(S.UpdateDns, _s.DnsUpdate),
                Do(() => _d.MoveEndpointTo(Promoting!)),
                .. d.Free(d._controlPlane),
            ], _s.Synchronous ? null : DataLossCause.AsynchronousFailover, run => _d.RegionUp && Unchanged(run) && _d.ZoneAvailable(Of(run).Zone));
            Replace = new Workflow("replace the VM, keeping its storage", StageScope.Incident,
            [
                .. d.HoldVm(d._primaryVm, () => _d.Primary.Storage.Zone),
                Do(() => _d.Primary.BeginBuild(_d.Primary.Storage.Zone, _d.Primary.Storage)),
                Stage(S.ProvisionVm, _s.Provision),
                .. d.Free(d._primaryVm),
                Stage(S.AttachStorage, _s.StorageAttach),
                Stage(S.StartEngine, _s.EngineRestart),
                Computed(S.CrashRecovery, () => CrashRecoverySeconds(_d.Primary)),
                Do(() => _d.Primary.BecomeServing()),
                Stage(S.UpdateDnsNewVm, _s.DnsUpdate),
                Do(() => _d.MoveEndpointTo(_d.Primary)),
            ], requires: run => _d.RegionUp && Unchanged(run) && _d.StorageUsable(Of(run).Storage));
            RestoreWithArchive = RestoreWorkflow(archived: true);
            RestoreSnapshot = RestoreWorkflow(archived: false);
            WaitForRegion = new Workflow("wait for the region", StageScope.Incident,
            [
                WaitUntil(S.WaitForRegion, () => _d.RegionUp),
                Do(() =>
                {
                    _d.MarkDetected("health monitor");
                    _d.Primary.LossDetected = true;
                }),
            ]);
            WaitForAnyZone = new Workflow("wait for a zone", StageScope.Incident,
            [
                WaitUntil(S.WaitForZone, () => _d.Infrastructure.AvailableZones > 0),
            ]);
            MoveEndpoint = new Workflow("move the endpoint", StageScope.Incident,
            [
                Stage(S.UpdateDns, _s.DnsUpdate),
                Do(() => _d.MoveEndpointTo(_d.Primary)),
            ], requires: run => _d.RegionUp && Unchanged(run) && Of(run).State == ServerState.Serving);
            Rebuild = [.. d._servers.Select(RebuildWorkflow)];
            RebuildStorageCopy = new Workflow("rebuild a storage copy", StageScope.Background,
            [
                Stage(S.RebuildStorageCopy, _s.CopyRebuild),
                Do(() => _d.Primary.Storage.CopyRebuilt()),
            ], requires: run => run.Subject is StorageVolume v && !v.IsDestroyed && _d.ZoneAvailable(v.Zone) && ReferenceEquals(v, _d.Primary.Storage));
            var planned = new Workflow("planned failover: catch up", StageScope.Background,
            [
                Computed(S.WaitForCatchUp, CatchUpSeconds),
            ]);
            PlannedFailover = new Workflow("planned failover", StageScope.Incident,
            [
                Nested(planned),
                Do(() =>
                {
                    Promoting!.CaughtUp(_d.Now);
                    _d.Primary.BlockWrites(_d.Now);
                }),
                Do(() => _d.MarkDetected("planned failover workflow")),
                Stage(S.BlockWrites, _s.WriteBlock),
                Do(() => Promoting!.BeginPromotion()),
                Stage(S.Promote, _s.Promote),
                Do(() =>
                {
                    _d.Primary.Fence();
                    _d.SwapTo(Promoting!);
                }),
                Stage(S.UpdateDns, _s.DnsUpdate),
                Do(() => _d.MoveEndpointTo(Promoting!)),
            ], requires: PlannedFailoverHolds);
            ForcedFailover = new Workflow("forced failover: stop the primary", StageScope.Background,
            [
                Stage(S.StopPrimary, _s.ForcedStopDelay),
                Do(() =>
                {
                    _d.Trace("note", "primary", "stopped by the forced failover");
                    _d.Primary.Lose(_d.Now);
                }),
            ], requires: run => ReferenceEquals(Of(run), _d.Primary) && Unchanged(run));
        }

        public Workflow DetectPrimaryLoss { get; }

        public Workflow Restart { get; }

        public Workflow Failover { get; }

        public Workflow Replace { get; }

        public Workflow RestoreWithArchive { get; }

        public Workflow RestoreSnapshot { get; }

        public Workflow WaitForRegion { get; }

        public Workflow WaitForAnyZone { get; }

        public Workflow MoveEndpoint { get; }

        public Workflow[] Rebuild { get; }

        public Workflow RebuildStorageCopy { get; }

        public Workflow PlannedFailover { get; }

        public Workflow ForcedFailover { get; }

        /// <summary>The standby a failover (planned or not) promotes.</summary>
        public Server? Promoting { get; set; }

        /// <summary>The primary whose loss the failover answers.</summary>
        public Server? FailedPrimary { get; set; }

        /// <summary>The zone the restore in progress rebuilds the primary in.</summary>
        public int RestoreZone { get; private set; }

        /// <summary>While a restore has not yet replaced the data: the storage it would abandon.</summary>
        public StorageVolume? RestoreFrom { get; private set; }

        public bool IsRestore(Workflow w) => ReferenceEquals(w, RestoreWithArchive) || ReferenceEquals(w, RestoreSnapshot);

        /// <summary>The server a run works on.</summary>
        private static Server Of(WorkflowRun run) => (Server)run.Subject!;

        /// <summary>No failure has struck the run's server since the run began.</summary>
        private static bool Unchanged(WorkflowRun run) => Of(run).Generation == run.SubjectGeneration;

        /// <summary>
        /// A planned failover needs, until the switch, both servers (no new failure of either, both zones
        /// up); after it, only the promoted one.
        /// </summary>
        private bool PlannedFailoverHolds(WorkflowRun run)
        {
            var standby = Of(run);
            var old = FailedPrimary!;
            return _d.RegionUp && Unchanged(run) && _d.ZoneAvailable(standby.Zone)
                && (ReferenceEquals(_d.Primary, standby) || (old.Generation == run.Argument && _d.ZoneAvailable(old.Zone)));
        }

        /// <summary>Plans a restore of <paramref name="p"/> into <paramref name="zone"/>: which backup, what it loses, how long its steps take.</summary>
        public void PlanRestore(Server p, int zone)
        {
            RestoreZone = zone;
            RestoreFrom = p.Storage.IsDestroyed ? null : p.Storage;
            double stopped = p.StoppedAtSeconds;
            double lastBackup = _d._backups.LastBackupAt(stopped);
            double since = stopped - lastBackup;
            _restoreReplaySeconds = 0;
            if (since > _s.Retention)
            {
                // No snapshot is retained: nothing to restore, the whole database is gone.
                _restoreCopyBytes = 0;
                _restoreLossBytes = _d.Workload.DatabaseBytes + _d.WalBytesBefore(stopped, since);
                _restoreLossSeconds = since;
                return;
            }

            _restoreCopyBytes = _d.Workload.DatabaseBytes;
            if (_s.WalArchiving)
            {
                double lag = Math.Min(_s.ArchiveLag.Sample(_d.Random), since);
                double archivedUntil = stopped - lag;
                _restoreReplaySeconds = _d.WalBytesBefore(archivedUntil, archivedUntil - lastBackup) / _s.RestoreWalReplayRate;
                _restoreLossBytes = _d.WalBytesBefore(stopped, lag);
                _restoreLossSeconds = lag;
            }
            else
            {
                _restoreLossBytes = _d.WalBytesBefore(stopped, since);
                _restoreLossSeconds = since;
            }
        }

        private Workflow RestoreWorkflow(bool archived)
        {
            var steps = new List<WorkflowStep> { Stage(S.StartRestore, _s.OperatorReaction) };

            // The control plane orchestrates the new server once the restore is started (by an operator where it is not automatic).
            steps.AddRange(_d.HoldControlPlane());
            steps.AddRange(_d.HoldVm(_d._primaryVm, () => RestoreZone));
            steps.Add(Do(() => _d.Rebuild(_d.Primary, RestoreZone)));
            steps.Add(Stage(S.ProvisionRestoreServer, _s.Provision));
            steps.AddRange(_d.Free(_d._primaryVm));

            // The copy itself is bound by the bandwidth, not the control plane.
            steps.AddRange(_d.Free(_d._controlPlane));
            steps.AddRange(_d.HoldBandwidth());
            steps.Add(Computed(S.RestoreBackup, () => _restoreCopyBytes / _d.RestoreCopyRate));
            if (archived)
            {
                steps.Add(Computed(S.ReplayArchivedWal, () => _restoreReplaySeconds));
            }

            steps.AddRange(_d.Free(_d._bandwidth));
            steps.Add(Do(() =>
            {
                RestoreFrom = null;
                _d.LoseCommittedData(_restoreLossBytes, _restoreLossSeconds, DataLossCause.RestoreFromBackup);
                _d.Primary.BecomeServing();
            }));
            steps.Add(Stage(S.UpdateDnsRestored, _s.DnsUpdate));
            steps.Add(Do(() => _d.MoveEndpointTo(_d.Primary)));
            return new Workflow(archived ? "restore from backup and archived WAL" : "restore from the latest snapshot", StageScope.Incident, steps, DataLossCause.RestoreFromBackup,
                run => _d.RegionUp && Unchanged(run) && _d.ZoneAvailable(run.Argument));
        }

        private Workflow RebuildWorkflow(Server slot)
        {
            double buildStart = 0;
            return new Workflow($"build a new standby for server {slot.Index + 1}", StageScope.Background,
            [
                WaitUntil(S.WaitForStandbyZone, () => _d.ZoneAvailable(slot.Zone)),
                WaitUntil(S.WaitForPrimaryToCopy, _d.PrimaryCanSeed),
                .. _d.HoldVm(_d._rebuildVms[slot.Index], () => slot.Zone, RebuildPriority),
                Do(() =>
                {
                    _d.Rebuild(slot, slot.Zone);
                    buildStart = _d.Now;
                }),
                Stage(S.BuildStandby, _s.StandbyRebuild),
                .. _d.Free(_d._rebuildVms[slot.Index]),
                Computed(S.StandbyCatchUp, () =>
                {
                    double missed = _d.Workload.Wal.BytesBetween(buildStart, _d.Now);
                    return _d.Workload.Wal.CatchUpTime(_d.Now, missed, _s.ReplayRate) - _d.Now;
                }),
                Do(() => slot.BecomeStandby(_d.Now)),
            ], requires: run => Unchanged(run) && _d.RebuildStillValid(slot));
        }

        /// <summary>Crash recovery replays the WAL written since the last checkpoint before the engine stopped (at most max_wal).</summary>
        private double CrashRecoverySeconds(Server p)
        {
            // The last checkpoint happened a uniformly random time within the checkpoint interval.
            double sinceCheckpoint = _d.Random.NextDouble() * _s.CheckpointInterval;
            double bytes = Math.Min(_s.MaxWal, _d.WalBytesBefore(p.StoppedAtSeconds, sinceCheckpoint));
            return bytes / _s.CrashReplayRate;
        }

        /// <summary>The WAL the promoted standby had received but not applied when the primary stopped.</summary>
        private double ResidualReplaySeconds()
        {
            var standby = Promoting!;
            double stopped = FailedPrimary?.StoppedAtSeconds ?? _d.Now;
            double backlog = _d.Workload.Wal.BacklogAt(standby.CaughtUpAtSeconds, 0, _s.ReplayRate, stopped);
            if (_d.Tracing)
            {
                _d.Trace("note", "standby", $"{HaSim.Model.Parameters.Units.FormatBytes(backlog)} of WAL to replay at {HaSim.Model.Parameters.Units.FormatByteRate(_s.ReplayRate)}");
            }

            return backlog / _s.ReplayRate;
        }

        private double CatchUpSeconds()
        {
            var standby = Promoting!;
            double now = _d.Now;
            double backlog = _d.Workload.Wal.BacklogAt(standby.CaughtUpAtSeconds, 0, _s.ReplayRate, now);
            return _d.Workload.Wal.CatchUpTime(now, backlog, _s.ReplayRate) - now;
        }

        private void LoseAsynchronousTail()
        {
            if (_s.Synchronous)
            {
                return;
            }

            double lag = _s.AsyncLag.Sample(_d.Random);
            double stopped = FailedPrimary?.StoppedAtSeconds ?? _d.Now;
            _d.LoseCommittedData(_d.WalBytesBefore(stopped, lag), lag, DataLossCause.AsynchronousFailover);
        }
    }

    /// <summary>Builds a new VM with new storage for <paramref name="slot"/> in <paramref name="zone"/>.</summary>
    private void Rebuild(Server slot, int zone)
    {
        var old = slot.Storage;
        slot.BeginBuild(zone, NewVolume(zone));
        if (ReusesRecords && _retiredVolumes.Count < MaxRetiredVolumes && !_retiredVolumes.Contains(old))
        {
            _retiredVolumes.Add(old);
        }
    }

    /// <summary>
    /// New storage in <paramref name="zone"/>: when records are reused (no observer or checker keeps
    /// anything), a retired volume that nothing refers to any more, renewed; else a new one.
    /// </summary>
    private StorageVolume NewVolume(int zone)
    {
        for (int i = 0; i < _retiredVolumes.Count; i++)
        {
            var v = _retiredVolumes[i];
            if (!VolumeInUse(v))
            {
                _retiredVolumes.RemoveAt(i);
                v.Renew(zone);
                return v;
            }
        }

        return new StorageVolume(zone, _s.StorageSurvives);
    }

    private bool VolumeInUse(StorageVolume volume)
    {
        foreach (var s in _servers)
        {
            if (ReferenceEquals(s.Storage, volume))
            {
                return true;
            }
        }

        return ReferenceEquals(_workflows.RestoreFrom, volume) || ReferenceEquals(_copyRun.Live?.Subject, volume);
    }

    /// <summary>The promoted standby takes the primary's slot; the old primary's slot becomes a standby slot to rebuild.</summary>
    private void SwapTo(Server standby)
    {
        standby.CompletePromotion();
        _primary = standby.Index;
    }

    private void MoveEndpointTo(Server server)
    {
        _endpoint.PointAt(server);
        EndpointMoved(_s.DnsTtl.Sample(Random));
    }
}
