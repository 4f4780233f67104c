using HaSim.Kernel;
using HaSim.Kernel.Distributions;
using HaSim.Model.Parameters;

namespace HaSim.Model.Architectures.Servers;

/// <summary>Recovery without a usable standby (replacement or restore from backup) and standby rebuilds.</summary>
public sealed partial class ServerClusterSystem
{
    /// <summary>
    /// No standby can take over: attach the surviving remote storage to a new VM (no data lost),
    /// or, when the storage is gone or its zone is down, restore from the latest backup in a
    /// healthy zone. If the zone returns first, its storage is used instead (a race).
    /// </summary>
    private IEnumerable<Event> RecoverWithoutStandby(double failedAt)
    {
        bool storageSurvives = Parameters.Flag("storage.survives_server_loss");
        int zone = Primary.Zone;
        if (storageSurvives && Region.IsZoneUp(zone))
        {
            foreach (var e in ReplaceServerKeepingStorage())
            {
                yield return e;
                if (Interrupted(null))
                {
                    yield break;
                }
            }

            yield break;
        }

        var restore = Simulation.Process(RestoreFromBackup(failedAt), "restore from backup");
        if (storageSurvives && !Region.IsZoneUp(zone))
        {
            // Whichever comes first: the restore in another zone, or the zone (and its storage) returning.
            yield return Simulation.AnyOf(restore, Region.WhenZoneReturns(zone));
            if (Interrupted(null))
            {
                restore.Interrupt("recovery abandoned");
                yield break;
            }

            if (!restore.IsTriggered)
            {
                restore.Interrupt("the zone returned first");
                if (Tracing)
                {
                    Trace("note", $"az-{zone + 1}", "zone returned before the restore finished: recovering on the original storage");
                }
                foreach (var e in ReplaceServerKeepingStorage())
                {
                    yield return e;
                    if (Interrupted(null))
                    {
                        yield break;
                    }
                }
            }
        }
        else
        {
            yield return restore;
            if (Interrupted(null))
            {
                restore.Interrupt("recovery abandoned");
                yield break;
            }
        }
    }

    private IEnumerable<Event> ReplaceServerKeepingStorage() => RunWorkflow(
        new WorkflowRun(),
        _random,
        [
            WorkflowStep.Timed("provision a new VM", Parameters.Duration("replacement.provision")),
            WorkflowStep.Timed("attach the remote storage to the new VM", Parameters.Duration("replacement.storage_attach")),
            .. RestartInPlaceSteps(),
            WorkflowStep.Do(() => Primary.IsUp = true),
            DnsUpdate("update DNS to the new VM"),
        ]);

    private IEnumerable<Event> RestoreFromBackup(double failedAt)
    {
        double lastBackup = _backups.LastBackupAt(failedAt);
        bool archiving = Parameters.Flag("backup.wal_archiving");
        double lag = archiving ? Parameters.Duration("backup.archive_lag").Sample(_random) : 0;
        double archivedUntil = failedAt - lag;
        double archivedSinceBackup = archiving && archivedUntil > lastBackup ? WalBytesBefore(archivedUntil, archivedUntil - lastBackup) : 0;
        double since = failedAt - lastBackup;
        var steps = new List<WorkflowStep>
        {
            WorkflowStep.Timed("start a restore from backup", Parameters.Duration("restore.operator_reaction")),
            WorkflowStep.Timed("provision a new server in a healthy zone", Parameters.Duration("replacement.provision")),
            WorkflowStep.Timed("restore the latest backup", new Constant(Workload.DatabaseBytes / Parameters.ByteRate("restore.rate"))),
        };
        if (archiving)
        {
            steps.Add(WorkflowStep.Timed("replay archived WAL since the backup", new Constant(archivedSinceBackup / Parameters.ByteRate("restore.wal_replay_rate"))));
            steps.Add(WorkflowStep.Do(() => DataLost(WalBytesBefore(failedAt, lag), lag, "WAL not yet archived when the primary was lost")));
        }
        else
        {
            steps.Add(WorkflowStep.Do(() => DataLost(WalBytesBefore(failedAt, since), since, $"writes since the latest snapshot, taken {Units.FormatSeconds(since)} before the failure")));
        }

        steps.Add(WorkflowStep.Do(() =>
        {
            Primary.Zone = Region.FirstHealthyZone();
            Primary.IsUp = true;
        }));
        steps.Add(DnsUpdate("update DNS to the restored server"));
        foreach (var e in RunWorkflow(new WorkflowRun(), _random, [.. steps]))
        {
            yield return e;
        }
    }

    /// <summary>The workflow step that points the endpoint's DNS record at the new server.</summary>
    private WorkflowStep DnsUpdate(string name) => WorkflowStep.Nested(() => UpdateDns(name));

    private IEnumerable<Event> UpdateDns(string name)
    {
        var run = new WorkflowRun();
        foreach (var e in RunWorkflow(run, _random, WorkflowStep.Timed(name, Parameters.Duration("endpoint.dns_update"))))
        {
            yield return e;
        }

        if (!run.Aborted)
        {
            EndpointMoved(Parameters.Duration("endpoint.dns_ttl").Sample(_random));
        }
    }

    private void StandbyLost(Server standby, string cause)
    {
        if (!standby.IsUp && !standby.IsRebuilding)
        {
            return;
        }

        bool wasRebuilding = standby.IsRebuilding;
        standby.IsUp = false;
        if (Tracing)
        {
            Trace("note", standby.Name(_primary), $"lost ({cause}); the primary carries on");
        }
        if (!wasRebuilding)
        {
            StartRebuild(standby);
        }
    }

    private void StartRebuild(Server server)
    {
        if (_servers.Length == 1 || server.IsRebuilding)
        {
            return;
        }

        server.IsRebuilding = true;
        server.IsUp = false;
        UpdateStandbyDegraded();
        Simulation.Process(RebuildStandby(server), "rebuild standby");
    }

    private IEnumerable<Event> RebuildStandby(Server server)
    {
        // Seed 002: a new standby is established in the old primary's zone (5-10 min), then replays the WAL it missed.
        if (!Region.IsZoneUp(server.Zone))
        {
            var wait = BeginStage($"wait for az-{server.Zone + 1} to host a new standby", background: true);
            yield return Region.WhenZoneReturns(server.Zone);
            EndStage(wait);
        }

        while (!_primaryUp)
        {
            // A standby is copied from the primary: with none serving, the build waits.
            var waitPrimary = BeginStage("wait for a primary to copy a new standby from", background: true);
            yield return _primaryBack ??= Simulation.Event();
            EndStage(waitPrimary);
        }

        double start = Now;
        var stage = BeginStage("build a new standby", background: true);
        yield return Simulation.Timeout(Parameters.Duration("standby.rebuild").Sample(_random));
        EndStage(stage);
        double missed = Wal.BytesBetween(start, Now);
        double caughtUp = Wal.CatchUpTime(Now, missed, _replayRate);
        stage = BeginStage("new standby replays the WAL it missed", background: true);
        if (double.IsPositiveInfinity(caughtUp))
        {
            EndStage(stage, "cannot catch up: WAL rate exceeds replay rate");
            yield break;
        }

        yield return Simulation.Timeout(caughtUp - Now);
        EndStage(stage);
        server.CaughtUpAtSeconds = Now;
        server.IsRebuilding = false;
        server.IsUp = Region.IsZoneUp(server.Zone);
        if (!server.IsUp)
        {
            StartRebuild(server);
            yield break;
        }

        UpdateStandbyDegraded();
    }

    private void MarkPrimaryUp()
    {
        _primaryUp = true;
        var back = _primaryBack;
        _primaryBack = null;
        back?.Succeed();
    }

    private void UpdateStandbyDegraded()
    {
        bool anyStandby = _servers.Any(s => s.Index != _primary && s.IsUp && !s.IsRebuilding);
        if (anyStandby)
        {
            EndDegraded(NoStandby);
        }
        else if (_servers.Length > 1)
        {
            BeginDegraded(NoStandby);
        }
    }
}
