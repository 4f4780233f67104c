using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Model.Faults;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Fleet;

namespace HaSim.Analysis.Fleet;

/// <summary>
/// Follows one fleet replication at a time and adds its figures to a <see cref="FleetAccumulator"/>
/// when it completes. One tally per worker, reused: each database has its own
/// <see cref="ReplicationTally"/> feeding its group's per-database accumulator, and the tally keeps the
/// replication's client-downtime intervals (database, start, end, the fleet event that opened it) to
/// compute the fleet figures at the end: memory grows with the incidents of one replication, not with
/// the number of replications.
/// </summary>
public sealed class FleetTally : IFleetObserver
{
    private readonly FleetAccumulator _target;
    private readonly FleetScenario _scenario;
    private readonly FleetSettings _settings;
    private readonly ReplicationTally[] _tallies;
    private readonly int[] _groupOf;
    private readonly List<Down> _down = [];
    private readonly List<FleetEvent> _events = [];
    private readonly Dictionary<string, List<double>> _rtoByKind = new(StringComparer.Ordinal);
    private readonly Dictionary<Fault, int> _eventOf = new(ReferenceEqualityComparer.Instance);
    private readonly double _horizon;
    private readonly long _eventLimit;
    private bool _active;

    /// <summary>Creates a tally of <paramref name="scenario"/>'s replications that adds them to <paramref name="target"/>.</summary>
    public FleetTally(FleetAccumulator target, FleetScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(scenario);
        _target = target;
        _scenario = scenario;
        _settings = target.Settings;
        _horizon = _settings.RunSeconds;
        _eventLimit = FleetWorkEstimate.EventLimit(scenario, _settings.RandomFailures ? _horizon : 0);
        int n = scenario.DatabaseCount;
        if (n != target.Databases)
        {
            throw new ArgumentException("The accumulator is for another fleet.", nameof(target));
        }

        _tallies = new ReplicationTally[n];
        _groupOf = new int[n];
        int k = 0;
        for (int g = 0; g < scenario.Groups.Count; g++)
        {
            for (int i = 0; i < scenario.Groups[g].Count; i++, k++)
            {
                _tallies[k] = new ReplicationTally(target.PerDatabase[g]);
                _groupOf[k] = g;
            }
        }
    }

    /// <summary>The fleet events of the replication in progress (or the last one).</summary>
    public IReadOnlyList<FleetEvent> Events => _events;

    /// <summary>Called with every incident as it is recorded, and the database it belongs to (for the rows of a scripted replay).</summary>
    public Action<int, Incident>? IncidentHook { get; set; }

    /// <summary>Stops a replication within a few thousand events (it then throws <see cref="OperationCanceledException"/>): one replication of a large fleet is long.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Runs replication <paramref name="index"/> of the fleet and adds it; returns the invariant checks that held.</summary>
    public long Run(long index, bool checkInvariants = false)
    {
        var fleet = new FleetSimulation(_scenario, _settings.ReplicationSeed(index), this, checkInvariants);
        fleet.Simulation.EventLimit = _eventLimit;
        fleet.Simulation.Cancellation = Cancellation;
        Begin();
        try
        {
            if (_settings.RandomFailures)
            {
                fleet.StartRandomFailures();
                fleet.Simulation.Run(_horizon);
            }
            else
            {
                fleet.RunUntilSettled(_horizon);
            }

            fleet.Finish();
        }
        finally
        {
            fleet.RecordWork();
        }

        Complete(fleet);
        return fleet.InvariantChecks;
    }

    /// <summary>Starts a replication.</summary>
    /// <exception cref="InvalidOperationException">The previous one was not completed.</exception>
    public void Begin()
    {
        if (_active)
        {
            throw new InvalidOperationException("The previous fleet replication was not completed.");
        }

        _active = true;
        _down.Clear();
        _events.Clear();
        _eventOf.Clear();
        foreach (var t in _tallies)
        {
            t.Begin();
        }
    }

    /// <summary>The index in <see cref="Events"/> of the fleet event that opened <paramref name="incident"/>, or −1.</summary>
    public int EventOf(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Faults.Count > 0 && _eventOf.TryGetValue(incident.Faults[0], out int e) && incident.StartSeconds == _events[e].AtSeconds ? e : -1;
    }

    /// <inheritdoc/>
    public void OnIncidentClosed(int database, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        _tallies[database].Record(incident);
        int ev = EventOf(incident);
        double start = Math.Clamp(incident.StartSeconds, 0, _horizon);
        double end = Math.Clamp(incident.ClientRestoredSeconds ?? _horizon, start, _horizon);
        _down.Add(new Down(database, start, end, incident.ClientRestoredSeconds is not null, ev));
        IncidentHook?.Invoke(database, incident);
    }

    /// <inheritdoc/>
    public void OnDegraded(int database, DegradedInterval interval) => _tallies[database].OnDegraded(interval);

    /// <inheritdoc/>
    public void OnFleetEvent(FleetEvent fleetEvent)
    {
        ArgumentNullException.ThrowIfNull(fleetEvent);
        int index = _events.Count;
        _events.Add(fleetEvent);
        foreach (var f in fleetEvent.Faults)
        {
            _eventOf[f] = index;
        }
    }

    /// <summary>Ends the replication of <paramref name="fleet"/> (finished) and adds its figures.</summary>
    public void Complete(FleetSimulation fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        if (!_active)
        {
            throw new InvalidOperationException("Call Begin() before completing a fleet replication.");
        }

        _active = false;
        foreach (var t in _tallies)
        {
            t.Complete();
        }

        var a = _target;
        a.Replications++;
        var merged = MergedPerDatabase();
        a.PeakDown.Add(PeakDown(merged));
        AddMonths(merged);
        AddEvents();
        AddPools(fleet);
    }

    /// <summary>Each database's client downtime as disjoint intervals, by database then time.</summary>
    private List<(int Db, double Start, double End)> MergedPerDatabase()
    {
        var sorted = _down.Select((d, i) => (d, i)).OrderBy(x => x.d.Db).ThenBy(x => x.d.Start).ThenBy(x => x.i).Select(x => x.d).ToList();
        var merged = new List<(int Db, double Start, double End)>(sorted.Count);
        double total = 0;
        foreach (var d in sorted)
        {
            if (merged.Count > 0 && merged[^1].Db == d.Db && d.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = (last.Db, last.Start, Math.Max(last.End, d.End));
            }
            else
            {
                merged.Add((d.Db, d.Start, d.End));
            }
        }

        foreach (var m in merged)
        {
            total += m.End - m.Start;
        }

        _target.DowntimeSeconds.Add(total);
        return merged;
    }

    /// <summary>The most databases down at once (an end and a start at the same moment do not overlap).</summary>
    private static int PeakDown(List<(int Db, double Start, double End)> merged)
    {
        var starts = merged.Select(m => m.Start).Order().ToArray();
        var ends = merged.Select(m => m.End).Order().ToArray();
        int down = 0, peak = 0, e = 0;
        foreach (double s in starts)
        {
            while (e < ends.Length && ends[e] <= s)
            {
                e++;
                down--;
            }

            down++;
            peak = Math.Max(peak, down);
        }

        return peak;
    }

    /// <summary>Per fleet month: the fleet's downtime and the share of databases whose month met their SLA.</summary>
    private void AddMonths(List<(int Db, double Start, double End)> merged)
    {
        long months = _settings.MonthsPerReplication;
        if (months == 0)
        {
            return;
        }

        const double m = MonteCarloSettings.MonthSeconds;
        var fleetDown = new double[months];
        var missed = new long[months];
        var dbMonth = new Dictionary<long, double>();
        int i = 0;
        while (i < merged.Count)
        {
            int db = merged[i].Db;
            dbMonth.Clear();
            for (; i < merged.Count && merged[i].Db == db; i++)
            {
                var (_, start, end) = merged[i];
                for (long month = (long)Math.Floor(start / m); month < months && month * m < end; month++)
                {
                    double overlap = Math.Min(end, (month + 1) * m) - Math.Max(start, month * m);
                    if (overlap > 0)
                    {
                        dbMonth[month] = dbMonth.GetValueOrDefault(month) + overlap;
                    }
                }
            }

            double sla = _target.SlaTarget(_groupOf[db]);
            foreach (var (month, down) in dbMonth)
            {
                fleetDown[month] += down;
                if (1 - (Math.Min(down, m) / m) < sla)
                {
                    missed[month]++;
                }
            }
        }

        double n = _target.Databases;
        double downSum = 0, shareSum = 0;
        for (long month = 0; month < months; month++)
        {
            double share = 1 - (missed[month] / n);
            _target.MonthDowntime.Add(fleetDown[month]);
            _target.MonthShareMet.Add(share);
            downSum += fleetDown[month];
            shareSum += share;
        }

        _target.MonthDowntimePerReplication.Add(downSum / months);
        _target.ShareMetPerReplication.Add(shareSum / months);
    }

    /// <summary>Per fleet event: the databases it took down, when 50%, 90%, 99% and all were back, and the recovery curve.</summary>
    private void AddEvents()
    {
        var byEvent = new List<(double Delay, bool Recovered)>[_events.Count];
        foreach (var d in _down)
        {
            if (d.Event >= 0)
            {
                (byEvent[d.Event] ??= []).Add((d.End - _events[d.Event].AtSeconds, d.Recovered));
            }
        }

        foreach (var list in _rtoByKind.Values)
        {
            list.Clear();
        }

        for (int e = 0; e < _events.Count; e++)
        {
            string kind = _events[e].Kind.Key;
            var acc = _target.Event(kind);
            acc.Events++;
            var delays = byEvent[e];
            acc.Affected.Add(delays?.Count ?? 0);
            if (delays is not null)
            {
                AddEvent(acc, delays);
                if (!_rtoByKind.TryGetValue(kind, out var rtos))
                {
                    rtos = [];
                    _rtoByKind.Add(kind, rtos);
                }

                foreach (var (delay, recovered) in delays)
                {
                    if (recovered)
                    {
                        rtos.Add(delay);
                    }
                }
            }
        }

        // The replication's own RTO statistics per kind: the unit the pooled figures' intervals rest on.
        foreach (var (kind, rtos) in _rtoByKind)
        {
            if (rtos.Count == 0)
            {
                continue;
            }

            var by = _target.Event(kind).RtoByReplication;
            for (int k = 0; k < by.Length; k++)
            {
                double p = EventAccumulator.RtoStatistics[k];
                by[k].Add(double.IsNaN(p) ? ReplicationInterval.Mean(rtos) : ReplicationInterval.Quantile(rtos, p));
            }
        }
    }

    private static void AddEvent(EventAccumulator acc, List<(double Delay, bool Recovered)> delays)
    {
        // Databases not back by the end come last: their return time is unknown.
        delays.Sort((x, y) => (x.Recovered ? x.Delay : double.PositiveInfinity).CompareTo(y.Recovered ? y.Delay : double.PositiveInfinity));
        int n = delays.Count;
        foreach (var (delay, recovered) in delays)
        {
            if (recovered)
            {
                acc.Rto.Add(delay);
            }
            else
            {
                acc.Unrecovered++;
            }
        }

        for (int q = 0; q < EventAccumulator.Shares.Length; q++)
        {
            int rank = Math.Max(1, (int)Math.Ceiling((EventAccumulator.Shares[q] * n) - 1e-9));
            var (delay, recovered) = delays[rank - 1];
            if (recovered)
            {
                acc.TimeTo[q].Add(delay);
            }
            else
            {
                acc.Incomplete[q]++;
            }
        }

        acc.CurveEvents++;
        var grid = RecoveryCurveGrid.Seconds;
        int back = 0;
        for (int i = 0; i < grid.Count; i++)
        {
            while (back < n && delays[back].Recovered && delays[back].Delay <= grid[i])
            {
                back++;
            }

            int down = n - back;
            acc.Down[i].Add(down);
            acc.DownShare[i].Add((double)down / n);
        }
    }

    private void AddPools(FleetSimulation fleet)
    {
        foreach (var usage in fleet.Capacity.Usage)
        {
            var p = _target.Pool(usage.Key);
            if (p.Label.Length == 0)
            {
                p.Label = usage.Label;
                p.Unit = usage.Unit;
            }

            p.Capacity = Math.Max(p.Capacity, usage.Capacity);
            p.PeakInUse.Add(Math.Round(usage.PeakInUse));
            p.Requests.Add(usage.Requests);
            p.Misses.Add(usage.Misses);
            p.Waited.Add(usage.Waited);
            p.WaitSeconds.Add(usage.WaitSeconds);
            p.MaxWaitSeconds.Add(usage.MaxWaitSeconds);
            p.PeakWaiting.Add(usage.PeakWaiting);
            if (usage.Requests > 0)
            {
                p.MissShare.Add((double)usage.Misses / usage.Requests);
            }
        }
    }

    private readonly record struct Down(int Db, double Start, double End, bool Recovered, int Event);
}
