using HaSim.Kernel;
using HaSim.Model.Architectures;
using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Capacity;
using HaSim.Model.Faults;
using HaSim.Model.Incidents;
using HaSim.Model.Invariants;
using HaSim.Model.Topology;

namespace HaSim.Scenarios.Fleet;

/// <summary>
/// One simulation holding every database of a fleet on one shared infrastructure and shared capacity:
/// the one place fleet runs build them. Database <c>k</c> of the fleet is the groups' databases
/// counted in file order; each draws from its own streams (<c>db/{group}/{index}</c>), so adding a
/// database or a group never shifts another's draws, and the same zone events hit every configuration
/// run with the same seed (common random numbers across a sweep).
/// </summary>
public sealed class FleetSimulation : IScheduledCallback
{
    private readonly FleetScenario _scenario;
    private readonly IFleetObserver _observer;
    private readonly DatabaseSystem[] _databases;
    private readonly int[] _groupOf;
    private readonly int[] _firstOf;
    private readonly Target?[] _nodeTargets;
    private int _events;

    /// <summary>Builds the fleet of <paramref name="scenario"/> in a new simulation seeded with <paramref name="seed"/> and schedules its timeline.</summary>
    /// <param name="scenario">The fleet.</param>
    /// <param name="seed">The simulation's root seed.</param>
    /// <param name="observer">Receives every database's incidents and degraded time, and the fleet events.</param>
    /// <param name="checkInvariants">Run every database's invariant checkers and the capacity checker.</param>
    public FleetSimulation(FleetScenario scenario, ulong seed, IFleetObserver observer, bool checkInvariants = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(observer);
        _scenario = scenario;
        _observer = observer;
        Simulation = new Simulation(seed);
        Infrastructure = new Infrastructure(Simulation);
        Capacity = SharedCapacity.Create(Infrastructure, scenario.Capacity, scenario.HasServerless, scenario.HasServers, checkInvariants);
        int n = scenario.DatabaseCount;
        _databases = new DatabaseSystem[n];
        _groupOf = new int[n];
        _firstOf = new int[scenario.Groups.Count];
        _nodeTargets = new Target?[scenario.Groups.Count];
        int k = 0;
        for (int g = 0; g < scenario.Groups.Count; g++)
        {
            var group = scenario.Groups[g];
            var architecture = group.Preset.Architecture;
            _firstOf[g] = k;
            _nodeTargets[g] = group.IsServerless ? architecture.Targets(group.Parameters).First(t => t.Kind == ComponentKind.Node) : null;
            for (int i = 0; i < group.Count; i++, k++)
            {
                var context = new SystemContext(Infrastructure, group.Parameters, group.Workload, group.Client, new Member(observer, k), checkInvariants ? Checkers.For(architecture) : null)
                {
                    Placement = group.PlacementOf(i),
                    Streams = Simulation.Streams.Child($"db/{group.Name}/{i}"),
                    Capacity = Capacity,
                    Name = group.DatabaseName(i),
                };
                _databases[k] = architecture.Create(context);
                _groupOf[k] = g;
            }
        }

        for (int f = 0; f < scenario.Timeline.Count; f++)
        {
            var fault = scenario.Timeline[f];
            if (fault.Scope == FleetFaultScope.Database)
            {
                var db = _databases[_firstOf[fault.Group] + fault.Database];
                var target = db.FindTarget(fault.Fault.Target.Key) ?? throw new InvalidOperationException($"{db.Name} has no target '{fault.Fault.Target.Key}'.");
                db.Inject(fault.Fault with { Target = target });
            }
            else
            {
                Simulation.ScheduleCallback(Math.Max(0, fault.AtSeconds), this, f);
            }
        }
    }

    /// <summary>The scenario.</summary>
    public FleetScenario Scenario => _scenario;

    /// <summary>The simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>The shared region, zones and object storage.</summary>
    public Infrastructure Infrastructure { get; }

    /// <summary>The shared capacity pools.</summary>
    public SharedCapacity Capacity { get; }

    /// <summary>Every database, in fleet order.</summary>
    public IReadOnlyList<DatabaseSystem> Databases => _databases;

    /// <summary>Invariant checker observations that held (every database's and the capacity checker's).</summary>
    public long InvariantChecks => _databases.Sum(d => d.InvariantChecks) + (Capacity.Checker?.Checks ?? 0);

    /// <summary>The group (index) database <paramref name="database"/> belongs to.</summary>
    public int GroupOf(int database) => _groupOf[database];

    /// <summary>The index in its group of database <paramref name="database"/>.</summary>
    public int IndexInGroup(int database) => database - _firstOf[_groupOf[database]];

    /// <summary>Starts the random failures: the shared infrastructure's and each serverless node's once for the fleet, every database's own on its streams.</summary>
    public void StartRandomFailures() => FleetFailures.Start(this);

    /// <summary>Runs a scripted replay: until nothing is left to happen, or <paramref name="horizonSeconds"/>.</summary>
    public void RunUntilSettled(double horizonSeconds)
    {
        var sim = Simulation;
        while (sim.ScheduledEventCount > 0 && sim.PeekTime < horizonSeconds)
        {
            sim.Step();
        }

        if (sim.ScheduledEventCount > 0)
        {
            sim.Run(horizonSeconds);
        }
    }

    /// <summary>Adds this replication's events to <see cref="Running.WorkCounters"/> (once, when it ends or fails), as every runner does.</summary>
    public void RecordWork() => Running.WorkCounters.Add(Simulation.ProcessedEventCount);

    /// <summary>Ends the run: every database closes what is open, and the pools count the waits still going.</summary>
    public void Finish()
    {
        foreach (var db in _databases)
        {
            db.Finish();
        }

        Capacity.Finish();
    }

    /// <summary>Applies a fault of the shared infrastructure now (scripted or random).</summary>
    internal void InfrastructureFault(Fault fault)
    {
        var target = fault.Target;
        if (ReferenceEquals(target.Family, InfrastructureTargets.ZoneFamily))
        {
            if (Infrastructure.Zones[target.Index].IsUp)
            {
                Announce(FleetEventKind.ZoneOutage, target.Label, [fault]);
                Infrastructure.ZoneOutage(target.Index, fault.DurationSeconds, fault);
            }
        }
        else if (ReferenceEquals(target.Family, InfrastructureTargets.RegionFamily))
        {
            if (Infrastructure.Region.IsUp)
            {
                Announce(FleetEventKind.RegionOutage, target.Label, [fault]);
                Infrastructure.RegionOutage(fault.DurationSeconds, fault);
            }
        }
        else if (Infrastructure.ObjectStorage.IsUp)
        {
            Announce(FleetEventKind.ObjectStorageOutage, target.Label, [fault]);
            Infrastructure.ObjectStorageOutage(fault.DurationSeconds, fault);
        }
    }

    /// <summary>Node <paramref name="node"/> of group <paramref name="group"/> in <paramref name="zone"/> fails now: every compute it hosts is rescheduled.</summary>
    internal void NodeFault(int group, int zone, int node, string origin)
    {
        if (!Infrastructure.IsZoneAvailable(zone))
        {
            return; // a node of a zone that is down is down already
        }

        var target = _nodeTargets[group]!;
        var fault = new Fault(Simulation.Now, target, FaultKind.Fail, null, origin);
        var route = _scenario.Groups[group].Preset.Architecture.Route(target, FaultKind.Fail)!;
        Announce(FleetEventKind.NodeFailure, $"{_scenario.Groups[group].Name}/{Infrastructure.ZoneName(zone)}/node-{node}", [fault]);
        int first = _firstOf[group];
        for (int i = 0; i < _scenario.Groups[group].Count; i++)
        {
            if (_databases[first + i] is ServerlessSystem s && s.Compute.Zone == zone && s.Compute.NodeIndex == node)
            {
                s.InjectNow(fault, route);
            }
        }
    }

    /// <inheritdoc/>
    void IScheduledCallback.OnCallback(long token)
    {
        var scripted = _scenario.Timeline[(int)token];
        var fault = scripted.Fault with { AtSeconds = Simulation.Now };
        if (scripted.Scope == FleetFaultScope.Node)
        {
            NodeFault(scripted.Group, scripted.Zone, scripted.Node, fault.Origin ?? "timeline");
        }
        else
        {
            InfrastructureFault(fault);
        }
    }

    private void Announce(FleetEventKind kind, string subject, IReadOnlyList<Fault> faults) =>
        _observer.OnFleetEvent(new FleetEvent(++_events, kind, Simulation.Now, subject, faults));

    /// <summary>Tells the fleet observer which database an incident or degraded interval belongs to.</summary>
    private sealed class Member(IFleetObserver fleet, int database) : IRunObserver
    {
        public bool WantsTrace => false;

        public void OnIncidentClosed(Incident incident) => fleet.OnIncidentClosed(database, incident);

        public void OnDegraded(DegradedInterval interval) => fleet.OnDegraded(database, interval);

        public void OnTrace(TraceRecord record)
        {
        }
    }
}
