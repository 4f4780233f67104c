using HaSim.Kernel;
using HaSim.Kernel.Distributions;
using HaSim.Kernel.Random;
using HaSim.Model.Clients;
using HaSim.Model.Faults;
using HaSim.Model.Incidents;
using HaSim.Model.Parameters;
using HaSim.Model.Topology;
using HaSim.Model.Workloads;

namespace HaSim.Model.Architectures;

/// <summary>
/// A simulated database deployment of one architecture: its components, their failure
/// handling and recovery workflows. Subclasses say when the service is serving; this base
/// turns changes of that into incidents, stages, degraded time and data loss.
/// </summary>
public abstract class DatabaseSystem
{
    private const string ColdCacheKind = "cold cache";
    private readonly IRunObserver _observer;
    private readonly bool _trace;
    private readonly Dictionary<string, (double Start, int? Incident)> _degraded = new(StringComparer.Ordinal);
    private readonly RandomStream _transactions;
    private readonly RandomStream _dnsCache;
    private Incident? _open;
    private int _cacheEpoch;
    private string? _modeOverride;
    private int _incidentCount;
    private bool _serving = true;
    private double? _dnsChangedAt;
    private double _dnsStaleSeconds;

    /// <summary>Creates the system; subclasses build their topology in their constructor.</summary>
    protected DatabaseSystem(SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Simulation = context.Simulation;
        Parameters = context.Parameters;
        Workload = context.Workload;
        Client = context.Client;
        _observer = context.Observer;
        _trace = _observer.WantsTrace;
        Region = new RegionState(Simulation);
        _transactions = Stream("workload/transactions");
        _dnsCache = Stream("client/dns-cache");
    }

    /// <summary>The simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>The region and its zones.</summary>
    public RegionState Region { get; }

    /// <summary>The architecture's parameters.</summary>
    protected ParameterSet Parameters { get; }

    /// <summary>The workload.</summary>
    protected Workload Workload { get; }

    /// <summary>The client policy.</summary>
    protected ClientPolicy Client { get; }

    /// <summary>True if trace lines are wanted: guard trace calls whose text costs something to build.</summary>
    protected bool Tracing => _trace;

    /// <summary>The current time.</summary>
    protected double Now => Simulation.Now;

    /// <summary>True while clients can use the database (server side).</summary>
    public bool IsServing => _serving;

    /// <summary>The incident in progress, if any.</summary>
    public Incident? OpenIncident => _open;

    /// <summary>The targets a scenario may inject faults into.</summary>
    public abstract IReadOnlyList<TargetInfo> Targets { get; }

    /// <summary>Schedules <paramref name="fault"/> at its time.</summary>
    /// <exception cref="ArgumentException">The target is unknown or the fault kind does not apply to it.</exception>
    public void Inject(Fault fault)
    {
        CheckApplies(fault);
        Simulation.Process(Deliver(fault), "fault delivery");
    }

    /// <summary>
    /// Applies <paramref name="fault"/> at the current time, from inside a running process (the
    /// random failure processes use this: no extra process per fault).
    /// </summary>
    /// <exception cref="ArgumentException">The target is unknown or the fault kind does not apply to it.</exception>
    public void InjectNow(Fault fault)
    {
        CheckApplies(fault);
        ApplyAndTrace(fault);
    }

    /// <summary>Closes what is still open at the end of the run.</summary>
    public void Finish()
    {
        if (_open is not null)
        {
            CloseIncident(null);
        }

        foreach (var kind in _degraded.Keys.Order(StringComparer.Ordinal).ToList())
        {
            EndDegraded(kind);
        }
    }

    /// <summary>Applies <paramref name="fault"/> now.</summary>
    protected abstract void Apply(Fault fault);

    /// <summary>Whether the service is serving in the current component state.</summary>
    protected abstract bool ComputeServing();

    /// <summary>
    /// Re-evaluates whether the service is serving and opens or closes an incident.
    /// <paramref name="failureMode"/> names the incident if one opens; <paramref name="abortsInFlight"/>
    /// says whether transactions in flight were aborted (false for drained planned switches and write stalls).
    /// </summary>
    protected void UpdateService(string failureMode, string cause, bool abortsInFlight = true)
    {
        bool serving = ComputeServing();
        if (serving == _serving)
        {
            if (!serving)
            {
                _open?.AddFault(cause);
            }

            return;
        }

        _serving = serving;
        if (!serving)
        {
            failureMode = _modeOverride ?? failureMode;
            _open = new Incident(++_incidentCount, Now, failureMode, cause);
            if (abortsInFlight && Workload.MeanTransactionsInFlight > 0)
            {
                _open.TransactionsAborted = MathNet.Numerics.Distributions.Poisson.Sample(_transactions, Workload.MeanTransactionsInFlight);
            }

            _dnsChangedAt = null;
            Trace("service-down", failureMode, cause);
        }
        else
        {
            Trace("service-up", "server", "serving again");
            CloseIncident(Now);
        }
    }

    /// <summary>
    /// While a container failure (zone, region) takes down several components, names any
    /// incident it opens after the container rather than the first component to fall.
    /// Dispose the returned scope when the fault has been applied.
    /// </summary>
    protected IDisposable FailureModeScope(string failureMode)
    {
        _modeOverride = failureMode;
        return new ModeScope(this);
    }

    /// <summary>
    /// After a recovery step: closes the incident if the service is serving again. Unlike
    /// <see cref="UpdateService"/> it never opens one and records no fault.
    /// </summary>
    protected void RecheckService()
    {
        if (!_serving && ComputeServing())
        {
            _serving = true;
            Trace("service-up", "server", "serving again");
            CloseIncident(Now);
        }
    }

    /// <summary>Marks the open incident detected now (the first detection counts).</summary>
    protected void Detected(string what)
    {
        if (_open is { DetectedSeconds: null })
        {
            _open.DetectedSeconds = Now;
        }

        Trace("detected", what, "failure detected");
    }

    /// <summary>Records that the endpoint's DNS record now points at a new address; clients see it once their cached entry expires.</summary>
    protected void EndpointMoved(double recordTtlSeconds)
    {
        _dnsChangedAt = Now;
        _dnsStaleSeconds = Client.DnsStaleSeconds(recordTtlSeconds);
        Trace("dns-update", "endpoint", "DNS record points at the new server");
    }

    /// <summary>Records committed data the recovered database no longer has.</summary>
    protected void DataLost(double bytes, double seconds, string why)
    {
        if (_open is not null && bytes > _open.RpoBytes)
        {
            _open.RpoBytes = bytes;
            _open.RpoSeconds = seconds;
        }

        if (Tracing)
        {
            Trace("data-loss", "wal", $"{Units.FormatBytes(bytes)} ({Units.FormatSeconds(seconds)} of commits) lost: {why}");
        }
    }

    /// <summary>
    /// Bytes of WAL written in the <paramref name="seconds"/> before <paramref name="timeSeconds"/>;
    /// before the run started the workload is taken to have run at its initial rate.
    /// </summary>
    protected double WalBytesBefore(double timeSeconds, double seconds)
    {
        double from = timeSeconds - seconds;
        double beforeStart = from < 0 ? -from * Workload.Wal.RateAt(0) : 0;
        return beforeStart + Workload.Wal.BytesBetween(Math.Max(0, from), timeSeconds);
    }

    /// <summary>
    /// Starts a recovery stage; end it with <see cref="EndStage"/>. A stage on the path back to
    /// service belongs to the open incident; a <paramref name="background"/> stage (rebuilding a
    /// standby, replacing a safekeeper) belongs to none, so it never counts as downtime.
    /// </summary>
    protected StageHandle BeginStage(string name, bool background = false)
    {
        Trace("stage-start", name, background ? "background" : "");
        return new StageHandle(name, Now, background ? null : _open);
    }

    /// <summary>Ends a stage and attaches it to the incident that was open when it started.</summary>
    protected void EndStage(StageHandle stage, string outcome = "done")
    {
        var record = new RecoveryStage(stage.Name, stage.StartSeconds, Now, outcome);
        stage.Incident?.AddStage(record);
        if (Tracing)
        {
            Trace("stage-end", stage.Name, outcome == "done" ? Units.FormatSeconds(record.DurationSeconds) : outcome);
        }
    }

    /// <summary>
    /// After a yield in a workflow that can be interrupted: if the active process was
    /// interrupted, ends <paramref name="stage"/> as interrupted and returns true (the workflow should stop).
    /// </summary>
    protected bool Interrupted(StageHandle? stage)
    {
        if (Simulation.ActiveProcess is { } process && process.TryTakeInterruption(out var interruption))
        {
            if (stage is not null)
            {
                EndStage(stage, $"interrupted: {interruption.Cause}");
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// Runs <paramref name="steps"/> in order inside the active process, drawing durations from
    /// <paramref name="random"/>. If the process is interrupted (a more severe failure took over)
    /// the current stage ends as interrupted and <paramref name="run"/> is marked aborted: the
    /// caller checks <see cref="WorkflowRun.Aborted"/> after the loop.
    /// </summary>
    protected IEnumerable<Event> RunWorkflow(WorkflowRun run, RandomStream random, params WorkflowStep[] steps)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var step in steps)
        {
            switch (step)
            {
                case WorkflowStep.TimedStep timed:
                    var stage = BeginStage(timed.Name);
                    yield return Simulation.Timeout(timed.Duration.Sample(random));
                    if (Interrupted(stage))
                    {
                        run.Aborted = true;
                        yield break;
                    }

                    EndStage(stage);
                    if (timed.DetectedBy is { } by)
                    {
                        Detected(by);
                    }

                    break;

                case WorkflowStep.ComputedStep computed:
                    var computing = BeginStage(computed.Name);
                    yield return Simulation.Timeout(computed.Seconds());
                    if (Interrupted(computing))
                    {
                        run.Aborted = true;
                        yield break;
                    }

                    EndStage(computing);
                    break;

                case WorkflowStep.WaitStep wait when wait.Wait() is { } ev:
                    var waiting = BeginStage(wait.Name);
                    yield return ev;
                    if (Interrupted(waiting))
                    {
                        run.Aborted = true;
                        yield break;
                    }

                    EndStage(waiting);
                    break;

                case WorkflowStep.NestedStep nested:
                    foreach (var e in nested.Body())
                    {
                        yield return e;
                        if (Interrupted(null))
                        {
                            run.Aborted = true;
                            yield break;
                        }
                    }

                    break;

                case WorkflowStep.ActionStep action:
                    action.Action();
                    break;
            }
        }
    }

    /// <summary>
    /// The engine restarted with empty caches: degraded ("cold cache") until a warm-up drawn from
    /// <paramref name="warmup"/> has passed. A later restart or loss starts a new warm-up.
    /// </summary>
    protected void StartColdCache(Distribution warmup, RandomStream random)
    {
        int epoch = ++_cacheEpoch;
        BeginDegraded(ColdCacheKind);
        Simulation.Process(WarmCache(epoch, warmup.Sample(random)), "cache warm-up");
    }

    /// <summary>The cache is gone with the engine: ends any cold-cache interval and cancels its warm-up.</summary>
    protected void CacheLost()
    {
        _cacheEpoch++;
        EndDegraded(ColdCacheKind);
    }

    /// <summary>Takes zone <paramref name="zone"/> down; it returns after <paramref name="returnsAfterSeconds"/>, or never.</summary>
    protected void ZoneDown(int zone, double? returnsAfterSeconds, string detail)
    {
        Region.SetZone(zone, up: false);
        if (Tracing)
        {
            Trace("zone-down", $"az-{zone + 1}", detail);
        }

        if (returnsAfterSeconds is { } d)
        {
            Simulation.Process(ZoneReturns(zone, d), "zone returns");
        }
    }

    /// <summary>Takes the region down; it returns after <paramref name="returnsAfterSeconds"/>, or never.</summary>
    protected void RegionDown(double? returnsAfterSeconds)
    {
        Region.SetRegion(up: false);
        if (returnsAfterSeconds is { } d)
        {
            Simulation.Process(RegionReturns(d), "region returns");
        }
    }

    /// <summary>Called when a zone is back, after processes waiting for it were released.</summary>
    protected virtual void OnZoneReturned(int zone)
    {
    }

    /// <summary>Called when the region is back, after processes waiting for it were released.</summary>
    protected virtual void OnRegionReturned()
    {
    }

    /// <summary>Starts a degraded interval of <paramref name="kind"/> unless one is already open.</summary>
    protected void BeginDegraded(string kind)
    {
        if (!_degraded.ContainsKey(kind))
        {
            _degraded[kind] = (Now, _open?.Number);
            Trace("degraded-start", kind, "");
        }
    }

    /// <summary>Ends the degraded interval of <paramref name="kind"/>, if open.</summary>
    protected void EndDegraded(string kind)
    {
        if (_degraded.Remove(kind, out var d))
        {
            _observer.OnDegraded(new DegradedInterval(kind, d.Start, Now, d.Incident));
            if (Tracing)
            {
                Trace("degraded-end", kind, Units.FormatSeconds(Now - d.Start));
            }
        }
    }

    /// <summary>The named random stream <paramref name="name"/> of this run.</summary>
    protected RandomStream Stream(string name) => Simulation.Streams.Get(name);

    /// <summary>Writes a trace line if the observer wants them.</summary>
    protected void Trace(string kind, string subject, string detail)
    {
        if (_trace)
        {
            _observer.OnTrace(new TraceRecord(Now, kind, subject, detail));
        }
    }

    /// <summary>A helper target list entry.</summary>
    protected static TargetInfo Target(string name, ComponentKind kind, string description, params FaultKind[] faults) => new(name, kind, faults, description);

    private IEnumerable<Event> ZoneReturns(int zone, double afterSeconds)
    {
        yield return Simulation.Timeout(afterSeconds);
        Region.SetZone(zone, up: true);
        if (Tracing)
        {
            Trace("zone-up", $"az-{zone + 1}", "zone is back");
        }

        OnZoneReturned(zone);
    }

    private IEnumerable<Event> RegionReturns(double afterSeconds)
    {
        yield return Simulation.Timeout(afterSeconds);
        Region.SetRegion(up: true);
        Trace("region-up", "region", "region is back");
        OnRegionReturned();
    }

    private IEnumerable<Event> WarmCache(int epoch, double seconds)
    {
        yield return Simulation.Timeout(seconds);
        if (epoch == _cacheEpoch)
        {
            EndDegraded(ColdCacheKind);
        }
    }

    private void CheckApplies(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        TargetInfo? target = null;
        var targets = Targets;
        for (int i = 0; i < targets.Count; i++)
        {
            if (targets[i].Name == fault.Target)
            {
                target = targets[i];
                break;
            }
        }

        if (target is null)
        {
            throw new ArgumentException($"Unknown target '{fault.Target}'.", nameof(fault));
        }

        if (!target.Faults.Contains(fault.Kind))
        {
            throw new ArgumentException($"Fault '{fault.Kind.Name()}' does not apply to {fault.Target}.", nameof(fault));
        }
    }

    private IEnumerable<Event> Deliver(Fault fault)
    {
        double wait = fault.AtSeconds - Now;
        if (wait > 0)
        {
            yield return Simulation.Timeout(wait);
        }

        ApplyAndTrace(fault);
    }

    private void ApplyAndTrace(Fault fault)
    {
        if (Tracing)
        {
            Trace("fault", fault.Target, fault.Describe() + (fault.Origin is null ? "" : $" ({fault.Origin})"));
        }

        Apply(fault);
    }

    private void CloseIncident(double? serverRestored)
    {
        var incident = _open!;
        _open = null;
        incident.IsClosed = true;
        if (serverRestored is { } restored)
        {
            incident.ServerRestoredSeconds = restored;
            double reachable = restored;
            if (_dnsChangedAt is { } changed)
            {
                incident.EndpointChanged = true;
                reachable = Math.Max(restored, changed + (_dnsCache.NextDouble() * _dnsStaleSeconds));
            }

            incident.ClientRestoredSeconds = Client.ReconnectTime(incident.StartSeconds, reachable, _dnsCache);
            if (Tracing)
            {
                Trace("client-up", "clients", $"clients reconnect at {Units.FormatClock(incident.ClientRestoredSeconds.Value)}; RTO {Units.FormatSeconds(incident.RtoSeconds!.Value)}");
            }
        }

        _observer.OnIncidentClosed(incident);
    }

    private sealed class ModeScope(DatabaseSystem system) : IDisposable
    {
        public void Dispose() => system._modeOverride = null;
    }
}
