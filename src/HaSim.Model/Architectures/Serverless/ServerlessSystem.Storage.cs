using HaSim.Kernel;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>Storage failures: pageserver failover to its secondary, and the safekeeper WAL quorum.</summary>
public sealed partial class ServerlessSystem
{
    private const string NoSecondary = "no secondary pageserver";
    private const string QuorumAtMinimum = "safekeeper quorum at minimum";
    private bool _pageserverServing = true;
    private bool _secondaryReady = true;
    private int _pageserverZone;
    private int _secondaryZone;
    private Process? _pageserverFailover;
    private Process? _secondaryRebuild;
    private Event? _objectStorageReturned;
    private bool _walWritable = true;
    private Process? _writeResume;

    private void PageserverLost(string cause)
    {
        if (!_pageserverServing)
        {
            UpdateService("pageserver failure", cause, abortsInFlight: false);
            return;
        }

        _pageserverServing = false;

        // Compute keeps retrying the pageserver (libpagestore) rather than failing queries: reads stall.
        UpdateService("pageserver failure", cause, abortsInFlight: false);
        _pageserverFailover = Simulation.Process(FailOverPageserver(), "pageserver failover");
    }

    private IEnumerable<Event> FailOverPageserver()
    {
        var stage = BeginStage("storage controller marks the pageserver offline");
        yield return Simulation.Timeout(Parameters.Duration("pageserver.detection").Sample(_random));
        EndStage(stage);
        Detected("storage controller heartbeat");
        if (_secondaryReady && Region.IsZoneUp(_secondaryZone))
        {
            stage = BeginStage("promote the secondary pageserver");
            yield return Simulation.Timeout(Parameters.Duration("pageserver.promotion").Sample(_random));
            EndStage(stage);
            _pageserverZone = _secondaryZone;
            _secondaryReady = false;
            BeginDegraded(NoSecondary);
        }
        else
        {
            if (!_objectStorageUp)
            {
                stage = BeginStage("wait for object storage");
                _objectStorageReturned ??= Simulation.Event();
                yield return _objectStorageReturned;
                EndStage(stage);
            }

            stage = BeginStage("attach the tenant to a new pageserver from object storage");
            yield return Simulation.Timeout(Parameters.Duration("pageserver.restore_from_object_storage").Sample(_random));
            EndStage(stage);
            _pageserverZone = Region.FirstHealthyZone();
        }

        stage = BeginStage("re-point compute at the new pageserver");
        yield return Simulation.Timeout(Parameters.Duration("pageserver.compute_repoint").Sample(_random));
        EndStage(stage);
        _pageserverServing = true;
        StartSecondaryRebuild();
        RecheckService();
    }

    private void SecondaryLost(string cause)
    {
        if (!_secondaryReady)
        {
            return;
        }

        _secondaryReady = false;
        if (Tracing)
        {
            Trace("note", "pageserver-secondary", $"secondary lost ({cause})");
        }
        BeginDegraded(NoSecondary);
        StartSecondaryRebuild();
    }

    private void StartSecondaryRebuild()
    {
        if (_secondaryReady || _secondaryRebuild is { IsAlive: true })
        {
            return;
        }

        _secondaryRebuild = Simulation.Process(RebuildSecondary(), "secondary pageserver rebuild");
    }

    private IEnumerable<Event> RebuildSecondary()
    {
        var stage = BeginStage("build and warm a new secondary pageserver", background: true);
        yield return Simulation.Timeout(Parameters.Duration("pageserver.secondary_rebuild").Sample(_random));
        EndStage(stage);
        _secondaryZone = Region.FirstHealthyZone(avoid: _pageserverZone);
        _secondaryReady = true;
        EndDegraded(NoSecondary);
    }

    private void SafekeeperLost(int index, string cause, double? returnsAfterSeconds, bool replace)
    {
        if (!_safekeeperUp[index])
        {
            return;
        }

        _safekeeperUp[index] = false;
        if (Tracing)
        {
            Trace("note", $"safekeeper-{index + 1}", $"down ({cause}); {SafekeepersUp} of {_safekeeperUp.Length} up, quorum {_quorum}");
        }
        UpdateQuorumDegraded();
        if (_walWritable && SafekeepersUp < _quorum)
        {
            // Commits wait for a majority: with fewer up, writes stall (they are not aborted).
            _walWritable = false;
            _writeResume?.Interrupt("quorum lost again");
            UpdateService("WAL quorum lost", cause, abortsInFlight: false);
        }

        if (replace)
        {
            Simulation.Process(ReplaceSafekeeper(index), "replace safekeeper");
        }
        else if (returnsAfterSeconds is { } d)
        {
            Simulation.Process(SafekeeperReturns(index, d), "safekeeper returns");
        }
    }

    private IEnumerable<Event> ReplaceSafekeeper(int index)
    {
        var stage = BeginStage("replace safekeeper", background: true);
        yield return Simulation.Timeout(Parameters.Duration("safekeeper.replacement").Sample(_random));
        EndStage(stage);
        SafekeeperBack(index);
    }

    private IEnumerable<Event> SafekeeperReturns(int index, double afterSeconds)
    {
        yield return Simulation.Timeout(afterSeconds);
        SafekeeperBack(index);
    }

    private void SafekeeperBack(int index)
    {
        if (_safekeeperUp[index] || !Region.IsZoneUp(_safekeeperZone[index]) || !Region.IsUp)
        {
            return;
        }

        _safekeeperUp[index] = true;
        if (Tracing)
        {
            Trace("note", $"safekeeper-{index + 1}", $"back; {SafekeepersUp} of {_safekeeperUp.Length} up");
        }
        UpdateQuorumDegraded();
        if (!_walWritable && SafekeepersUp >= _quorum && _writeResume is not { IsAlive: true })
        {
            _writeResume = Simulation.Process(ResumeWrites(), "resume writes");
        }
    }

    private IEnumerable<Event> ResumeWrites()
    {
        var stage = BeginStage("compute reconnects to the safekeeper quorum");
        yield return Simulation.Timeout(Parameters.Duration("safekeeper.reconnect").Sample(_random));
        if (Interrupted(stage))
        {
            yield break;
        }

        EndStage(stage);
        Detected("walproposer");
        _walWritable = true;
        RecheckService();
    }

    private void UpdateQuorumDegraded()
    {
        int up = SafekeepersUp;
        if (up == _quorum && up < _safekeeperUp.Length)
        {
            BeginDegraded(QuorumAtMinimum);
        }
        else
        {
            EndDegraded(QuorumAtMinimum);
        }
    }
}
