using HaSim.Kernel;
using HaSim.Model.Parameters;

namespace HaSim.Model.Architectures.Servers;

/// <summary>Losing the primary: restart in place, unplanned failover to a standby, planned and forced failover.</summary>
public sealed partial class ServerClusterSystem
{
    private const string NoStandby = "running without a standby";

    private void PrimaryEngineCrashed(string cause)
    {
        if (!_primaryUp || _primaryRecovery is { IsAlive: true })
        {
            UpdateService("engine crash", cause);
            return;
        }

        _primaryUp = false;
        UpdateService("engine crash", cause);
        _primaryRecovery = Simulation.Process(RestartAfterCrash(), "engine restart");
    }

    private IEnumerable<Event> RestartAfterCrash() => RestartPrimaryAfter(
        WorkflowStep.Timed("detect the engine crash", Parameters.Duration("engine.crash_detection"), detectedBy: "service supervisor"));

    /// <summary>Runs <paramref name="before"/>, then restarts the engine in place; the primary serves again unless interrupted.</summary>
    private IEnumerable<Event> RestartPrimaryAfter(params WorkflowStep[] before)
    {
        var run = new WorkflowRun();
        foreach (var e in RunWorkflow(run, _random, [.. before, .. RestartInPlaceSteps()]))
        {
            yield return e;
        }

        if (!run.Aborted)
        {
            MarkPrimaryUp();
            StartColdCache(Parameters.Duration("cache.warmup"), _random);
            RecheckService();
        }
    }

    /// <summary>Starts the engine on the same storage and replays the WAL written since the last checkpoint.</summary>
    private WorkflowStep[] RestartInPlaceSteps() =>
    [
        WorkflowStep.Timed("start the engine", Parameters.Duration("engine.restart")),
        WorkflowStep.Computed("crash recovery: replay WAL since the last checkpoint", CrashRecoverySeconds),
    ];

    private double CrashRecoverySeconds()
    {
        // The last checkpoint happened a uniformly random time within the checkpoint interval.
        double sinceCheckpoint = _random.NextDouble() * Parameters.Duration("crash_recovery.checkpoint_interval").Mean;
        double bytes = Math.Min(Parameters.Bytes("crash_recovery.max_wal"), WalBytesBefore(Now, sinceCheckpoint));
        return bytes / Parameters.ByteRate("crash_recovery.replay_rate");
    }

    private void PrimaryLost(string mode, string cause)
    {
        if (!_primaryUp && _primaryRecovery is { IsAlive: true })
        {
            UpdateService(mode, cause);
            return;
        }

        _primaryRecovery?.Interrupt(cause);
        _primaryUp = false;
        _switching = false;
        CacheLost();
        Primary.IsUp = false;
        UpdateService(mode, cause);
        _primaryRecovery = Simulation.Process(RecoverPrimary(Now, mode), "primary recovery");
    }

    private IEnumerable<Event> RecoverPrimary(double failedAt, string mode)
    {
        var stage = BeginStage("health monitor detects the primary is unreachable");
        yield return Simulation.Timeout(Parameters.Duration("health.detection").Sample(_random));
        if (Interrupted(stage))
        {
            yield break;
        }

        EndStage(stage);
        Detected("health monitor");
        var standby = BestStandby();
        if (standby is null)
        {
            foreach (var e in RecoverWithoutStandby(failedAt))
            {
                yield return e;
                if (Interrupted(null))
                {
                    yield break;
                }
            }

            MarkPrimaryUp();
            StartColdCache(Parameters.Duration("cache.warmup"), _random);
            RecheckService();
            yield break;
        }

        stage = BeginStage("false-positive guard");
        yield return Simulation.Timeout(Parameters.Duration("health.false_positive_guard").Sample(_random));
        if (Interrupted(stage))
        {
            yield break;
        }

        EndStage(stage);
        stage = BeginStage("fence the old primary and sever replication");
        yield return Simulation.Timeout(Parameters.Duration("failover.fence").Sample(_random));
        if (Interrupted(stage))
        {
            yield break;
        }

        EndStage(stage);
        if (!standby.IsUp)
        {
            // The chosen standby was lost meanwhile: start over with what is left.
            foreach (var e in RecoverPrimary(failedAt, mode))
            {
                yield return e;
                if (Interrupted(null))
                {
                    yield break;
                }
            }

            yield break;
        }

        foreach (var e in PromoteStandby(standby, failedAt, planned: false))
        {
            yield return e;
            if (Interrupted(null))
            {
                yield break;
            }
        }
    }

    /// <summary>Replays the standby's residual WAL, promotes it and updates DNS; then rebuilds a standby in the background.</summary>
    private IEnumerable<Event> PromoteStandby(Server standby, double primaryStoppedAt, bool planned)
    {
        double backlog = _servers.Length > 1 ? Wal.BacklogAt(standby.CaughtUpAtSeconds, 0, _replayRate, primaryStoppedAt) : 0;
        var stage = BeginStage("standby replays residual WAL");
        if (Tracing)
        {
            Trace("note", "standby", $"{Units.FormatBytes(backlog)} of WAL to replay at {Units.FormatByteRate(_replayRate)}");
        }
        yield return Simulation.Timeout(backlog / _replayRate);
        EndStage(stage);
        if (!planned && !_synchronous)
        {
            double lag = Parameters.Duration("replication.async_lag").Sample(_random);
            DataLost(WalBytesBefore(primaryStoppedAt, lag), lag, "asynchronous replication: WAL the standby had not received");
        }

        stage = BeginStage("promote the standby to primary");
        yield return Simulation.Timeout(Parameters.Duration("failover.promote").Sample(_random));
        EndStage(stage);
        var old = Primary;
        _primary = standby.Index;
        old.IsUp = false;
        stage = BeginStage("update DNS to the new primary");
        yield return Simulation.Timeout(Parameters.Duration("endpoint.dns_update").Sample(_random));
        EndStage(stage);
        EndpointMoved(Parameters.Duration("endpoint.dns_ttl").Sample(_random));
        MarkPrimaryUp();
        _switching = false;
        StartColdCache(Parameters.Duration("cache.warmup"), _random);
        RecheckService();
        StartRebuild(old);
    }

    private Server? BestStandby()
    {
        Server? best = null;
        foreach (var s in _servers)
        {
            if (s.Index != _primary && s.IsUp && !s.IsRebuilding && Region.IsZoneUp(s.Zone) && (best is null || s.CaughtUpAtSeconds < best.CaughtUpAtSeconds))
            {
                best = s;
            }
        }

        return best;
    }

    private void StartPlannedFailover(string cause)
    {
        var standby = BestStandby();
        if (!_primaryUp || standby is null || _switching)
        {
            if (Tracing)
            {
                Trace("note", "primary", $"planned failover not started: {(standby is null ? "no standby is ready" : "the primary is not serving")}");
            }
            return;
        }

        _primaryRecovery = Simulation.Process(PlannedFailover(standby, cause), "planned failover");
    }

    private IEnumerable<Event> PlannedFailover(Server standby, string cause)
    {
        // Seed 002, planned failover steps 1-2: no downtime while the standby catches up.
        var stage = BeginStage("wait for the standby to catch up");
        double backlog = Wal.BacklogAt(standby.CaughtUpAtSeconds, 0, _replayRate, Now);
        double caughtUp = Wal.CatchUpTime(Now, backlog, _replayRate);
        if (double.IsPositiveInfinity(caughtUp))
        {
            EndStage(stage, "standby cannot catch up: WAL rate exceeds replay rate");
            yield break;
        }

        yield return Simulation.Timeout(caughtUp - Now);
        if (Interrupted(stage))
        {
            yield break;
        }

        EndStage(stage);
        standby.CaughtUpAtSeconds = Now;

        // Steps 3-5: writes blocked (downtime) until DNS points at the promoted standby.
        _switching = true;
        UpdateService("planned failover", cause, abortsInFlight: false);
        Detected("planned failover workflow");
        stage = BeginStage("block writes while the standby reaches the primary's LSN");
        yield return Simulation.Timeout(Parameters.Duration("planned.write_block").Sample(_random));
        if (Interrupted(stage))
        {
            yield break;
        }

        EndStage(stage);
        foreach (var e in PromoteStandby(standby, Now, planned: true))
        {
            yield return e;
            if (Interrupted(null))
            {
                yield break;
            }
        }
    }

    private IEnumerable<Event> ForcedFailover(string cause)
    {
        // Seed 002, forced failover step 1: the primary is stopped shortly after the request.
        yield return Simulation.Timeout(Parameters.Duration("forced.stop_delay").Sample(_random));
        Trace("note", "primary", "stopped by the forced failover");
        PrimaryLost("forced failover", cause);
    }

}
