using System.Globalization;
using HaSim.Kernel;
using HaSim.Kernel.Random;
using HaSim.Model.Capacity;
using HaSim.Model.Clients;
using HaSim.Model.Faults;
using HaSim.Model.Incidents;
using HaSim.Model.Invariants;
using HaSim.Model.Names;
using HaSim.Model.Parameters;
using HaSim.Model.Topology;
using HaSim.Model.Workflows;
using HaSim.Model.Workloads;

namespace HaSim.Model.Architectures;

/// <summary>
/// One simulated database of some architecture, placed on shared infrastructure. Subclasses hold
/// the components (each a state machine that owns its transitions), say when the service is
/// serving, and reconcile: start the recovery workflow the current state calls for. This base turns
/// those states into incidents, degraded time and data loss, routes faults, and keeps one rule:
/// after every change (a fault, a stage ending, a zone returning) the system <em>settles</em>:
/// work whose dependencies are gone is cancelled, the service is re-evaluated, recovery reacts, and
/// the invariant checkers look at the result.
/// </summary>
public abstract class DatabaseSystem : IStageHost, IInfrastructureTenant, IScheduledCallback
{
    private const int ScriptedFaultTimer = 0;
    private const int MaxSettleRounds = 1000;

    private readonly IRunObserver _observer;
    private readonly RandomStreams _streams;
    private readonly ModelChecker[] _checkers;
    private readonly RandomStream _transactions;
    private readonly RandomStream _dnsCache;
    private readonly List<Fault> _scripted = [];
    private readonly DegradedKind[] _degradedKinds;
    private readonly double[] _degradedSince; // valid for the kinds in _degradedOpen
    private int _degradedOpen; // the degraded kinds open now, one bit each (see DegradedBit)
    private readonly bool _reuseRecords;
    private Incident? _open;
    private Incident? _spareIncident;
    private DegradedInterval? _degradedRecord;
    private int _incidentCount;
    private bool _serving = true;
    private double? _dnsChangedAt;
    private double _dnsStaleSeconds;
    private bool _settling;
    private bool _again;
    private Fault? _currentFault;
    private FailureMode? _currentMode;
    private WorkflowRun? _currentRun;
    private double _committedBytes;
    private double _accruedAt;
    private double _lastEntry;
    private int _lastClosedIncident;
    private double _lastClosedAt = double.NaN;

    /// <summary>Creates the system; subclasses build their components in their constructor and then call <see cref="Start"/>.</summary>
    protected DatabaseSystem(SystemContext context, ArchitectureDescriptor architecture, string recoveryStream)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        Architecture = architecture;
        Infrastructure = context.Infrastructure;
        Simulation = context.Simulation;
        Parameters = context.Parameters;
        Workload = context.Workload;
        Client = context.Client;
        _observer = context.Observer;
        _streams = context.Streams ?? context.Simulation.Streams;
        Name = context.Name;
        Placement = context.Placement;
        Capacity = context.Capacity;
        _checkers = [.. context.Checkers ?? []];
        Tracing = _observer.WantsTrace;

        // Checkers may keep what they are shown; an observer that keeps nothing lets records be reused.
        _reuseRecords = !_observer.RetainsRecords && _checkers.Length == 0;
        Random = Stream(recoveryStream);
        _transactions = Stream("workload/transactions");
        _dnsCache = Stream("client/dns-cache");
        Runner = new StageRunner(this);
        _degradedKinds = [.. architecture.DegradedKinds.All];
        if (_degradedKinds.Length > 31)
        {
            throw new ArgumentException($"{architecture.Kind} declares {_degradedKinds.Length} degraded kinds; at most 31 fit the set {nameof(DegradedNow)} returns.", nameof(architecture));
        }

        _degradedSince = new double[_degradedKinds.Length];
        Targets = architecture.Targets(Parameters);
        _lastEntry = Simulation.Now;
        _accruedAt = Simulation.Now;
    }

    /// <summary>The architecture this database is.</summary>
    public ArchitectureDescriptor Architecture { get; }

    /// <summary>The infrastructure the database is placed on (region, zones, shared capacity).</summary>
    public Infrastructure Infrastructure { get; }

    /// <summary>The simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>The database's name in a fleet (e.g. "web/17"), or null alone.</summary>
    public string? Name { get; }

    /// <summary>Where the database was placed.</summary>
    public DatabasePlacement Placement { get; }

    /// <summary>Capacity shared with the rest of a fleet, or null for a database alone.</summary>
    public SharedCapacity? Capacity { get; }

    /// <summary>How many checker observations have run (each checker called at each change point), for reports of what was checked.</summary>
    public long InvariantChecks { get; private set; }

    /// <summary>How many times the system settled (re-evaluated after a change), for benchmarks of the work per simulated year.</summary>
    public long Settles { get; private set; }

    /// <summary>How many rounds those settles took: a round that changed something is followed by another.</summary>
    public long SettleRounds { get; private set; }

    /// <summary>
    /// True if incidents, degraded intervals and the faults of recurring failures are reused once
    /// reported (the observer keeps none of them and no checker watches): a long run then allocates
    /// nothing per incident.
    /// </summary>
    public bool ReusesRecords => _reuseRecords;

    /// <summary>The runner of this database's recovery workflows.</summary>
    public StageRunner Runner { get; }

    /// <summary>The targets a scenario may inject faults into.</summary>
    public IReadOnlyList<Target> Targets { get; }

    /// <summary>True while clients can use the database (server side).</summary>
    public bool IsServing => _serving;

    /// <summary>The incident in progress, if any.</summary>
    public Incident? OpenIncident => _open;

    /// <summary>
    /// The position of the database's committed WAL, in bytes since the start of the run (history before
    /// it is not counted, so it can be negative after a loss reaching back before the start): it grows
    /// while the service accepts writes and falls only by a recorded data loss.
    /// </summary>
    public double CommittedWalBytes => _committedBytes + (_serving ? Workload.Wal.BytesBetween(_accruedAt, Now) : 0);

    /// <summary>The stream recovery durations are drawn from.</summary>
    public RandomStream Random { get; }

    /// <summary>The architecture's parameters.</summary>
    protected ParameterSet Parameters { get; }

    /// <summary>The workload.</summary>
    protected Workload Workload { get; }

    /// <summary>The client policy.</summary>
    protected ClientPolicy Client { get; }

    /// <summary>True if trace lines are wanted: guard trace calls whose text costs something to build.</summary>
    protected bool Tracing { get; }

    /// <summary>The current time.</summary>
    protected double Now => Simulation.Now;

    /// <inheritdoc/>
    Fault? IStageHost.CurrentFault => _currentFault;

    /// <summary>The zone (0-based) a component must be in to serve, and whether it can run now.</summary>
    protected bool ZoneAvailable(int zone) => Infrastructure.IsZoneAvailable(zone);

    /// <summary>Schedules <paramref name="fault"/> at its time.</summary>
    /// <exception cref="ArgumentException">The target is not this database's, or the fault kind does not apply to it.</exception>
    public void Inject(Fault fault)
    {
        RouteOf(fault);
        _scripted.Add(fault);
        After(Math.Max(0, fault.AtSeconds - Now), ScriptedFaultTimer, _scripted.Count - 1);
    }

    /// <summary>Applies <paramref name="fault"/> now.</summary>
    /// <exception cref="ArgumentException">The target is not this database's, or the fault kind does not apply to it.</exception>
    public void InjectNow(Fault fault) => ApplyFault(fault, RouteOf(fault));

    /// <summary>
    /// Applies <paramref name="fault"/> now through <paramref name="route"/>, found once with
    /// <see cref="ArchitectureDescriptor.Route"/> for this database's targets (the random failure
    /// processes resolve it when they are planned, not at every fault).
    /// </summary>
    public void InjectNow(Fault fault, FaultRoute route)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(route);
        System.Diagnostics.Debug.Assert(ReferenceEquals(route, RouteOf(fault)), "The route is the fault's.");
        ApplyFault(fault, route);
    }

    /// <summary>
    /// Applies the next occurrence of a recurring fault (a random failure process) now, through
    /// <paramref name="route"/> (see <see cref="InjectNow(Fault, FaultRoute)"/>), and returns the fault
    /// applied. Pass the fault this returned for the previous occurrence as <paramref name="previous"/>:
    /// when the system reuses records (<see cref="ReusesRecords"/>) it is renewed instead of allocating one.
    /// </summary>
    public Fault InjectOccurrence(Fault? previous, FaultRoute route, Target target, FaultKind kind, double? durationSeconds, string? origin, FailureMode? mode)
    {
        ArgumentNullException.ThrowIfNull(route);
        Fault fault;
        if (_reuseRecords && previous is not null && ReferenceEquals(previous.Target, target) && ReferenceEquals(previous.Kind, kind)
            && ReferenceEquals(previous.Origin, origin) && ReferenceEquals(previous.Mode, mode))
        {
            previous.Renew(Now, durationSeconds);
            fault = previous;
        }
        else
        {
            fault = new Fault(Now, target, kind, durationSeconds, origin, mode);
        }

        InjectNow(fault, route);
        return fault;
    }

    /// <summary>The target named <paramref name="text"/> (key or label), or null.</summary>
    public Target? FindTarget(string text)
    {
        foreach (var t in Targets)
        {
            if (t.IsNamedBy(text))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>Ends the run: open stages end as unfinished, an open incident closes unrecovered, degraded intervals close.</summary>
    public void Finish()
    {
        Enter();
        Runner.FinishAll();
        if (_open is not null)
        {
            CloseIncident(null);
        }

        for (int k = 0; k < _degradedKinds.Length; k++)
        {
            EndDegraded(k);
        }

        InvariantChecks += _checkers.Length;

        foreach (var c in _checkers)
        {
            c.OnFinished(this);
        }
    }

    /// <inheritdoc/>
    void IInfrastructureTenant.OnInfrastructureChange(InfrastructureChange change, int zone, Fault? cause)
    {
        Enter();
        var (fault, mode, run) = (_currentFault, _currentMode, _currentRun);
        if (cause is not null)
        {
            // A fleet's zone fault names the fleet's zone target, not this database's: route by family.
            _currentFault = cause;
            _currentMode = cause.Mode ?? Architecture.RouteFor(cause.Target.Family, cause.Kind)?.Mode ?? mode;
        }

        if (Tracing)
        {
            TraceInfrastructure(change, zone);
        }

        OnInfrastructure(change, zone);
        Settle();
        (_currentFault, _currentMode, _currentRun) = (fault, mode, run);
    }

    /// <inheritdoc/>
    void IScheduledCallback.OnCallback(long token)
    {
        Enter();
        int kind = (int)(token >> 32);
        int arg = (int)(token & 0xFFFFFFFF);
        if (kind == ScriptedFaultTimer)
        {
            var fault = _scripted[arg];
            ApplyFault(fault, RouteOf(fault));
            return;
        }

        OnTimer(kind, arg);
        Settle();
    }

    /// <summary>Starts the database: places it on the infrastructure and settles once (call at the end of the subclass constructor).</summary>
    protected void Start()
    {
        Infrastructure.Attach(this);
        Settle();
    }

    /// <summary>Whether the service is serving in the current component state.</summary>
    protected abstract bool ComputeServing();

    /// <summary>Whether losing the service now aborts the transactions in flight (false for drained switches and stalled writes).</summary>
    protected abstract bool LossAbortsTransactions();

    /// <summary>Starts whatever recovery the current state calls for and is not yet running; must be idempotent.</summary>
    protected abstract void Reconcile();

    /// <summary>
    /// The degraded kinds that hold now, as the union of their <see cref="DegradedBit"/>s (the base
    /// counts them only while the service is serving). One call for all kinds: it is asked after every change.
    /// </summary>
    protected abstract int DegradedNow();

    /// <summary>The bit of <paramref name="kind"/> in the set <see cref="DegradedNow"/> returns (look it up once, in the constructor).</summary>
    /// <exception cref="ArgumentException">The architecture does not declare <paramref name="kind"/>.</exception>
    protected int DegradedBit(DegradedKind kind)
    {
        int k = Array.IndexOf(_degradedKinds, kind);
        return k >= 0 ? 1 << k : throw new ArgumentException($"{Architecture.Kind} does not declare the degraded kind '{kind.Key}'.", nameof(kind));
    }

    /// <summary>Applies a zone, region or object-storage change to the components (the base settles afterwards).</summary>
    protected abstract void OnInfrastructure(InfrastructureChange change, int zone);

    /// <summary>A timer set with <see cref="After"/> fired (the base settles afterwards).</summary>
    protected virtual void OnTimer(int kind, int argument)
    {
    }

    /// <summary>Calls <see cref="OnTimer"/> with <paramref name="kind"/> (1 or more) and <paramref name="argument"/> after <paramref name="delaySeconds"/>.</summary>
    protected void After(double delaySeconds, int kind, int argument) =>
        Simulation.ScheduleCallback(delaySeconds, this, ((long)kind << 32) | (uint)argument);

    /// <summary>
    /// Starts <paramref name="workflow"/> on <paramref name="subject"/> (whose failure count is
    /// <paramref name="subjectGeneration"/>), cancelled as soon as the workflow's requirement stops
    /// holding; its cause is the change being handled.
    /// </summary>
    protected RunHandle StartRun(Workflow workflow, object? subject = null, int subjectGeneration = 0, int argument = 0)
    {
        _again = true;
        if (Tracing)
        {
            Trace("workflow", workflow.Name, "started");
        }

        return Runner.Start(workflow, subject, subjectGeneration, argument, _currentFault, _currentMode);
    }

    /// <summary>Cancels <paramref name="run"/> now, its open stages ending interrupted for <paramref name="reason"/>.</summary>
    protected void Cancel(WorkflowRun run, string reason)
    {
        ArgumentNullException.ThrowIfNull(run);
        Runner.Cancel(run, _currentFault, reason);
        _again = true;
    }

    /// <summary>Asks for another settle round: something changed that recovery may react to.</summary>
    protected void Changed() => _again = true;

    /// <summary>Marks the open incident detected now by <paramref name="detector"/> (the first detection counts).</summary>
    protected void MarkDetected(string detector)
    {
        if (_open is { DetectedSeconds: null } incident)
        {
            incident.DetectedSeconds = Now;
        }

        Trace("detected", detector, "failure detected");
    }

    /// <summary>Records that the endpoint's DNS record now points at a new address; clients see it once their cached entry expires.</summary>
    protected void EndpointMoved(double recordTtlSeconds)
    {
        _dnsChangedAt = Now;
        _dnsStaleSeconds = Client.DnsStaleSeconds(recordTtlSeconds);
        Trace("dns-update", "endpoint", "DNS record points at the new server");
    }

    /// <summary>Records committed data the recovered database no longer has (only a restore or an asynchronous failover may).</summary>
    protected void LoseCommittedData(double bytes, double seconds, DataLossCause cause)
    {
        AccrueWal();
        bytes = Math.Max(0, bytes);
        _committedBytes -= bytes;
        var loss = new DataLoss(Now, bytes, Math.Max(0, seconds), cause);
        if (_open is not null && bytes > _open.RpoBytes)
        {
            _open.RpoBytes = bytes;
            _open.RpoSeconds = loss.Seconds;
            _open.DataLossCause = cause;
        }

        InvariantChecks += _checkers.Length;

        foreach (var c in _checkers)
        {
            c.OnDataLost(this, loss, _currentRun);
        }

        if (Tracing)
        {
            Trace("data-loss", "wal", $"{Units.FormatBytes(bytes)} ({Units.FormatSeconds(loss.Seconds)} of commits) lost by {(cause == DataLossCause.RestoreFromBackup ? "the restore from backup" : "the asynchronous failover")}");
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

        // A window of (almost) no length can come out a rounding error below zero.
        return Math.Max(0, beforeStart + Workload.Wal.BytesBetween(Math.Max(0, from), timeSeconds));
    }

    /// <summary>The named random stream <paramref name="name"/> of this run.</summary>
    protected RandomStream Stream(string name) => _streams.Get(name);

    /// <summary>Writes a trace line if the observer wants them.</summary>
    protected void Trace(string kind, string subject, string detail)
    {
        if (Tracing)
        {
            _observer.OnTrace(new TraceRecord(Now, kind, subject, detail, _open?.Number));
        }
    }

    /// <summary>Re-evaluates the service, cancels work whose dependencies are gone and lets recovery react, until nothing changes.</summary>
    protected void Settle()
    {
        if (_settling)
        {
            _again = true;
            return;
        }

        _settling = true;
        Settles++;
        try
        {
            int rounds = 0;
            do
            {
                _again = false;
                SettleRounds++;
                if (Runner.CancelInvalid())
                {
                    _again = true;
                }

                UpdateService();
                if (Runner.CheckConditions())
                {
                    _again = true;
                }

                Reconcile();
                UpdateService();
                if (++rounds > MaxSettleRounds)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Architecture.Kind} did not settle at t={Now} s: recovery keeps changing state."));
                }
            }
            while (_again);

            UpdateDegraded();
        }
        finally
        {
            _settling = false;
        }

        InvariantChecks += _checkers.Length;

        foreach (var c in _checkers)
        {
            c.OnSettled(this);
        }
    }

    private FaultRoute RouteOf(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!Targets.Contains(fault.Target))
        {
            throw new ArgumentException($"'{fault.Target.Label}' is not a target of this {Architecture.Kind} database.", nameof(fault));
        }

        return Architecture.Route(fault.Target, fault.Kind)
            ?? throw new ArgumentException($"Fault '{fault.Kind.FileName}' does not apply to {fault.Target.Label}.", nameof(fault));
    }

    private void ApplyFault(Fault fault, FaultRoute route)
    {
        Enter();
        if (Tracing)
        {
            _observer.OnTrace(new TraceRecord(Now, "fault", fault.Target.Label, fault.Describe() + (fault.Origin is null ? "" : $" ({fault.Origin})"), _open?.Number,
                fault.DurationSeconds, fault.Target.Key, fault.Kind.FileName));
        }

        var (previousFault, previousMode, previousRun) = (_currentFault, _currentMode, _currentRun);
        _currentFault = fault;
        _currentMode = fault.Mode ?? route.Mode;
        _currentRun = null;
        _open?.AddFault(fault);
        route.Apply(this, fault);
        Settle();
        _open?.AddFault(fault);
        (_currentFault, _currentMode, _currentRun) = (previousFault, previousMode, previousRun);
    }

    /// <summary>Called first at every entry from the event loop: tells the checkers that time moved on.</summary>
    private void Enter()
    {
        double now = Now;
        if (now > _lastEntry)
        {
            InvariantChecks += _checkers.Length;
            foreach (var c in _checkers)
            {
                c.OnTimeAdvancing(this, _lastEntry, now);
            }

            _lastEntry = now;
        }
    }

    private void UpdateService()
    {
        bool serving = ComputeServing();
        if (serving == _serving)
        {
            return;
        }

        AccrueWal();
        _serving = serving;
        if (serving)
        {
            Trace("service-up", "server", "serving again");
            CloseIncident(Now);
        }
        else
        {
            OpenNewIncident();
        }
    }

    private void OpenNewIncident()
    {
        var mode = _currentMode ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The {Architecture.Kind} service stopped serving at t={Now} s with no fault or workflow behind it."));
        Incident incident;
        if (_spareIncident is { } spare)
        {
            _spareIncident = null;
            spare.Reset(++_incidentCount, Now, mode, _currentFault);
            incident = spare;
        }
        else
        {
            incident = new Incident(++_incidentCount, Now, mode, _currentFault);
        }

        if (LossAbortsTransactions() && Workload.MeanTransactionsInFlight > 0)
        {
            incident.TransactionsAborted = MathNet.Numerics.Distributions.Poisson.Sample(_transactions, Workload.MeanTransactionsInFlight);
        }

        _open = incident;
        _dnsChangedAt = null;
        _again = true;
        Trace("service-down", mode.Key, "");
        InvariantChecks += _checkers.Length;
        foreach (var c in _checkers)
        {
            c.OnIncidentOpened(this, incident);
        }
    }

    private void CloseIncident(double? serverRestored)
    {
        var incident = _open!;
        _open = null;
        _again = true;
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
            _lastClosedIncident = incident.Number;
            _lastClosedAt = restored;
            if (Tracing)
            {
                _observer.OnTrace(new TraceRecord(Now, "client-up", "clients", $"clients reconnect at {Units.FormatClock(incident.ClientRestoredSeconds.Value)}; RTO {Units.FormatSeconds(incident.RtoSeconds!.Value)}", incident.Number));
            }
        }

        InvariantChecks += _checkers.Length;

        foreach (var c in _checkers)
        {
            c.OnIncidentClosed(this, incident);
        }

        _observer.OnIncidentClosed(incident);
        if (_reuseRecords)
        {
            _spareIncident = incident;
        }
    }

    private void AccrueWal()
    {
        double now = Now;
        if (_serving)
        {
            _committedBytes += Workload.Wal.BytesBetween(_accruedAt, now);
        }

        _accruedAt = now;
    }

    private void UpdateDegraded()
    {
        int holds = _serving ? DegradedNow() : 0;
        int changed = holds ^ _degradedOpen;
        for (int k = 0; changed != 0; k++, changed >>= 1)
        {
            if ((changed & 1) == 0)
            {
                continue;
            }

            if ((holds & (1 << k)) != 0)
            {
                _degradedSince[k] = Now;
                _degradedOpen |= 1 << k;
                Trace("degraded-start", _degradedKinds[k].Key, "");
            }
            else
            {
                EndDegraded(k);
            }
        }
    }

    private void EndDegraded(int k)
    {
        if ((_degradedOpen & (1 << k)) == 0)
        {
            return;
        }

        double since = _degradedSince[k];
        _degradedOpen &= ~(1 << k);
        int? incident = since == _lastClosedAt ? _lastClosedIncident : null;
        DegradedInterval record;
        if (_reuseRecords && _degradedRecord is { } reused)
        {
            reused.Renew(_degradedKinds[k], since, Now, incident);
            record = reused;
        }
        else
        {
            record = new DegradedInterval(_degradedKinds[k], since, Now, incident);
            _degradedRecord = _reuseRecords ? record : null;
        }

        _observer.OnDegraded(record);
        if (Tracing)
        {
            _observer.OnTrace(new TraceRecord(Now, "degraded-end", _degradedKinds[k].Key, "", incident, Now - since));
        }
    }

    private void TraceInfrastructure(InfrastructureChange change, int zone)
    {
        switch (change)
        {
            case InfrastructureChange.ZoneDown:
                Trace("zone-down", Infrastructure.ZoneName(zone), "zone is down");
                break;
            case InfrastructureChange.ZoneUp:
                Trace("zone-up", Infrastructure.ZoneName(zone), "zone is back");
                break;
            case InfrastructureChange.RegionDown:
                Trace("region-down", "region", "region is down");
                break;
            case InfrastructureChange.RegionUp:
                Trace("region-up", "region", "region is back");
                break;
            case InfrastructureChange.ObjectStorageDown:
                Trace("object-storage-down", "object storage", "object storage is unavailable");
                break;
            case InfrastructureChange.ObjectStorageUp:
                Trace("object-storage-up", "object storage", "object storage is back");
                break;
        }
    }

    // IStageHost: how the runner reports to this database.
    Simulation IStageHost.Simulation => Simulation;

    RandomStream IStageHost.Random => Random;

    Incident? IStageHost.OpenIncident => _open;

    void IStageHost.StageBegan(WorkflowRun run, in ActiveStage stage)
    {
        if (Tracing)
        {
            _observer.OnTrace(new TraceRecord(Now, "stage-start", stage.Stage.Key, stage.Scope == StageScope.Background ? "background" : "", stage.Incident is null ? null : stage.IncidentNumber));
        }

        InvariantChecks += _checkers.Length;

        foreach (var c in _checkers)
        {
            c.OnStageBegan(this, run, stage);
        }
    }

    void IStageHost.StageEnded(WorkflowRun run, in ActiveStage active, in RecoveryStage stage)
    {
        InvariantChecks += _checkers.Length;
        foreach (var c in _checkers)
        {
            c.OnStageEnded(this, run, active, stage);
        }

        active.OpenIncident?.AddStage(stage);

        if (Tracing)
        {
            _observer.OnTrace(new TraceRecord(Now, "stage-end", stage.Stage.Key, stage.OutcomeText + (active.Scope == StageScope.Background ? " (background)" : ""), active.Incident is null ? null : active.IncidentNumber, stage.DurationSeconds));
        }
    }

    void IStageHost.Detected(WorkflowRun run, string detector)
    {
        if (_open is { DetectedSeconds: null } incident && run.Workflow.Scope == StageScope.Incident)
        {
            incident.DetectedSeconds = Now;
        }

        Trace("detected", detector, "failure detected");
    }

    void IStageHost.RunAction(WorkflowRun run, Action action)
    {
        var (fault, mode, previous) = (_currentFault, _currentMode, _currentRun);
        (_currentFault, _currentMode, _currentRun) = (run.Cause ?? fault, run.Mode ?? mode, run);
        action();
        _again = true;
        UpdateService();
        (_currentFault, _currentMode, _currentRun) = (fault, mode, previous);
    }

    void IStageHost.Enter() => Enter();

    void IStageHost.RunEnded(WorkflowRun run)
    {
        _again = true;
        if (Tracing)
        {
            Trace("workflow", run.Workflow.Name, run.State == RunState.Completed ? "completed" : "cancelled");
        }
    }

    void IStageHost.Settle(WorkflowRun? cause)
    {
        Enter();
        var (fault, mode, previous) = (_currentFault, _currentMode, _currentRun);
        if (cause is not null)
        {
            (_currentFault, _currentMode, _currentRun) = (cause.Cause ?? fault, cause.Mode ?? mode, cause);
        }

        Settle();
        (_currentFault, _currentMode, _currentRun) = (fault, mode, previous);
    }
}
