using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Scenarios.Fleet;

namespace HaSim.Analysis.Fleet;

/// <summary>
/// The report figures of a fleet run, computed from a <see cref="FleetAccumulator"/> alone (a merged
/// accumulator gives exactly the same summary). Fleet-level figures rest on replications (or fleet
/// months, or events) as their independent samples; per-database distributions pool every database of
/// every replication, so their intervals (which treat databases as independent) are narrower than the
/// fleet-level ones: databases of one replication share its zone events and queues.
/// </summary>
/// <param name="Scenario">Which fleet ran.</param>
/// <param name="Settings">Years (or replays of the timeline), replications, seed, level.</param>
/// <param name="Replications">Replications.</param>
/// <param name="Databases">Databases per replication.</param>
/// <param name="Groups">Per group: its per-database figures.</param>
/// <param name="PeakDatabasesDown">Per replication: the most databases down at once.</param>
/// <param name="DowntimeSecondsPerReplication">Per replication: the fleet's client downtime (database-seconds).</param>
/// <param name="Monthly">With random failures over whole months: the fleet's downtime per month and the share of databases meeting their SLA; otherwise null.</param>
/// <param name="Events">Per kind of fleet event: how the databases it took down came back.</param>
/// <param name="Pools">Per shared pool: its peak use and queueing.</param>
public sealed record FleetSummary(
    FleetIdentity Scenario,
    FleetSettings Settings,
    long Replications,
    int Databases,
    IReadOnlyList<FleetGroupSummary> Groups,
    StatisticSummary PeakDatabasesDown,
    StatisticSummary DowntimeSecondsPerReplication,
    FleetMonthlySummary? Monthly,
    IReadOnlyList<FleetEventSummary> Events,
    IReadOnlyList<PoolSummary> Pools)
{
    /// <summary>The recovery curve of <paramref name="kind"/> events (e.g. <see cref="FleetEventKind.ZoneOutage"/>), or null if none happened.</summary>
    public FleetRecoveryCurve? Curve(FleetEventKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Events.FirstOrDefault(e => e.Kind == kind.Key)?.Curve;
    }

    /// <summary>The figures of <paramref name="kind"/> events, or null if none happened.</summary>
    public FleetEventSummary? Event(FleetEventKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Events.FirstOrDefault(e => e.Kind == kind.Key);
    }

    /// <summary>Summarises <paramref name="a"/>.</summary>
    public static FleetSummary From(FleetIdentity scenario, FleetAccumulator a)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(a);
        double level = a.Settings.Level;
        long n = a.Replications;
        var groups = a.Groups.Select((g, k) =>
        {
            var id = scenario.Groups[k];
            var identity = new ScenarioIdentity($"{scenario.Name}/{g.Name}", id.Preset, id.Model, scenario.Hash);
            return new FleetGroupSummary(g.Name, id.Preset, id.Model, g.Count, a.PerDatabase[k].Summarise(identity));
        }).ToList();

        FleetMonthlySummary? monthly = null;
        if (a.Settings.MonthsPerReplication > 0)
        {
            monthly = new FleetMonthlySummary(
                a.MonthDowntime.Count,
                Estimate.Mean(a.MonthDowntimePerReplication, n, level, 1 / 60.0, nonNegative: true),
                a.MonthDowntime.Summarise(level),
                Clamp01(Estimate.Mean(a.ShareMetPerReplication, n, level)),
                a.MonthShareMet.Summarise(level),
                a.MonthShareMet.Sketch.QuantileConfidenceInterval(0.01, level));
        }

        var events = MonteCarloAccumulator.Sorted(a.Events).Select(kv =>
        {
            var e = kv.Value;
            string label = FleetEventKind.All.ByKey(kv.Key)?.Label ?? kv.Key;
            var shares = EventAccumulator.Shares.Select((share, q) => new RecoveryShareSummary(share, e.TimeTo[q].Summarise(level), e.Incomplete[q])).ToList();
            var points = RecoveryCurveGrid.Seconds.Select((t, i) => new RecoveryCurvePoint(
                t,
                Estimate.Mean(e.Down[i], e.CurveEvents, level, nonNegative: true),
                Clamp01(Estimate.Mean(e.DownShare[i], e.CurveEvents, level, nonNegative: true)))).ToList();
            var curve = new FleetRecoveryCurve(kv.Key, label, e.CurveEvents, e.Affected.Moments.Mean, points);
            return new FleetEventSummary(kv.Key, label, e.Events, e.Affected.Summarise(level), shares, ByReplication(e.Rto.Summarise(level), e.RtoByReplication), e.Unrecovered, curve)
            {
                AffectedRtoReplications = e.RtoByReplication[0].Count,
            };
        }).ToList();

        var pools = MonteCarloAccumulator.Sorted(a.Pools).Select(kv =>
        {
            var p = kv.Value;
            return new PoolSummary(
                kv.Key,
                p.Label,
                p.Unit,
                p.Capacity,
                p.PeakInUse.Summarise(level),
                (long)Math.Round(p.Requests.Sum),
                (long)Math.Round(p.Waited.Sum),
                (long)Math.Round(p.Misses.Sum),
                Estimate.Mean(p.Requests, n, level, nonNegative: true),
                Estimate.Mean(p.Waited, n, level, nonNegative: true),
                Clamp01(Estimate.Mean(p.MissShare, p.MissShare.Count, level, nonNegative: true)),
                Estimate.Of(new ProportionEstimate((long)Math.Round(p.Misses.Sum), (long)Math.Round(p.Requests.Sum)), level),
                p.WaitSeconds.Summarise(level),
                p.MaxWaitSeconds.Summarise(level),
                p.PeakWaiting.Summarise(level));
        }).ToList();

        return new FleetSummary(scenario, a.Settings, n, a.Databases, groups, a.PeakDown.Summarise(level), a.DowntimeSeconds.Summarise(level), monthly, events, pools);
    }

    /// <summary><paramref name="pooled"/> with each interval widened by the spread of the statistic over replications (<see cref="ReplicationInterval"/>).</summary>
    private static StatisticSummary ByReplication(StatisticSummary pooled, Moments[] by) => pooled.Count == 0 ? pooled : pooled with
    {
        MeanInterval = ReplicationInterval.Widen(pooled.MeanInterval, by[0], 0),
        P50 = ReplicationInterval.Widen(pooled.P50, by[1], 0),
        P90 = ReplicationInterval.Widen(pooled.P90, by[2], 0),
        P99 = ReplicationInterval.Widen(pooled.P99, by[3], 0),
        P999 = ReplicationInterval.Widen(pooled.P999, by[4], 0),
    };

    private static Estimate Clamp01(Estimate e) => e.Map(x => double.IsNaN(x) ? x : Math.Clamp(x, 0, 1));
}

/// <summary>One group's per-database figures: every database of the group in every replication is one sample.</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Preset">Its preset.</param>
/// <param name="Model">Its architecture.</param>
/// <param name="Count">Its databases.</param>
/// <param name="PerDatabase">RTO and RPO distributions by failure mode, availability, monthly uptime, stages and degraded time of one database.</param>
public sealed record FleetGroupSummary(string Name, string Preset, string Model, int Count, MonteCarloSummary PerDatabase);

/// <summary>The fleet's months (random failures over whole months only).</summary>
/// <param name="Months">Fleet months observed (replications x whole months).</param>
/// <param name="DowntimeMinutesPerMonth">The fleet's downtime per month, database-minutes (mean over replications of their monthly mean; n = replications).</param>
/// <param name="DowntimeSecondsByMonth">The distribution of the fleet's downtime per month, database-seconds, over fleet months.</param>
/// <param name="ShareMeetingSla">The share of databases whose month met their SLA (mean over replications; n = replications).</param>
/// <param name="ShareMeetingSlaByMonth">Its distribution over fleet months.</param>
/// <param name="ShareMeetingSlaP1">Its 1st percentile over fleet months: the share in the worst 1% of months.</param>
public sealed record FleetMonthlySummary(long Months, Estimate DowntimeMinutesPerMonth, StatisticSummary DowntimeSecondsByMonth, Estimate ShareMeetingSla, StatisticSummary ShareMeetingSlaByMonth, ConfidenceInterval ShareMeetingSlaP1);

/// <summary>How the databases one kind of fleet event took down came back, over every event of that kind.</summary>
/// <param name="Kind">The event kind's key (<c>az_outage</c>, <c>node_failure</c>, ...).</param>
/// <param name="Label">Its display label.</param>
/// <param name="Events">Events of this kind.</param>
/// <param name="Affected">Per event: databases it took down.</param>
/// <param name="TimeToRecover">Per event: seconds until 50%, 90%, 99% and all of them had clients back.</param>
/// <param name="AffectedRto">Every affected database's client RTO, pooled over events; the mean's and quantiles' intervals rest on replications (see <see cref="AffectedRtoReplications"/>).</param>
/// <param name="Unrecovered">Affected databases not back by the end of their replication.</param>
/// <param name="Curve">Databases still down over time after the event.</param>
public sealed record FleetEventSummary(string Kind, string Label, long Events, StatisticSummary Affected, IReadOnlyList<RecoveryShareSummary> TimeToRecover, StatisticSummary AffectedRto, long Unrecovered, FleetRecoveryCurve Curve)
{
    /// <summary>
    /// Replications in which databases taken down came back: the independent unit of <see cref="AffectedRto"/>'s
    /// intervals, each widened to at least the pooled estimate ± the t half-width of the statistic computed
    /// within each replication (databases of one replication share its outage and queues).
    /// </summary>
    public long AffectedRtoReplications { get; init; }

    /// <summary>The time until <paramref name="share"/> (0.5, 0.9, 0.99 or 1) of the affected databases were back.</summary>
    /// <exception cref="ArgumentException">No such share is tracked.</exception>
    public RecoveryShareSummary TimeTo(double share) =>
        TimeToRecover.FirstOrDefault(t => Math.Abs(t.Share - share) < 1e-12) ?? throw new ArgumentException($"The share {share} is not tracked; use 0.5, 0.9, 0.99 or 1.", nameof(share));
}

/// <summary>The time until a share of an event's affected databases were back.</summary>
/// <param name="Share">The share (0.5 is half of them).</param>
/// <param name="Seconds">Per event: seconds from the event until that share had clients back.</param>
/// <param name="Incomplete">Events for which that share was not back by the end of the replication (not in <paramref name="Seconds"/>).</param>
public sealed record RecoveryShareSummary(double Share, StatisticSummary Seconds, long Incomplete);

/// <summary>
/// The fleet recovery curve: databases still down at fixed times after a kind of fleet event, averaged
/// over the events that took any down, for a chart (x: <see cref="RecoveryCurvePoint.SecondsAfterEvent"/>,
/// y: <see cref="RecoveryCurvePoint.DatabasesDown"/> or <see cref="RecoveryCurvePoint.ShareDown"/>, band: their intervals).
/// </summary>
/// <param name="EventKind">The event kind's key.</param>
/// <param name="Label">Its display label.</param>
/// <param name="Events">Events averaged over (those that took down at least one database).</param>
/// <param name="MeanAffected">Databases an event took down, on average.</param>
/// <param name="Points">The curve at <see cref="RecoveryCurveGrid.Seconds"/>.</param>
public sealed record FleetRecoveryCurve(string EventKind, string Label, long Events, double MeanAffected, IReadOnlyList<RecoveryCurvePoint> Points);

/// <summary>One point of a fleet recovery curve.</summary>
/// <param name="SecondsAfterEvent">Time after the event.</param>
/// <param name="DatabasesDown">Databases the event took down whose clients were not yet back (mean over events, t interval).</param>
/// <param name="ShareDown">The same as a share of the databases it took down.</param>
public sealed record RecoveryCurvePoint(double SecondsAfterEvent, Estimate DatabasesDown, Estimate ShareDown);

/// <summary>One shared pool's use, over replications.</summary>
/// <param name="Key">The pool's stable key (<c>warm_pool_az_1</c>, <c>spare_slots_az_2</c>, <c>node_provisioning</c>, <c>compute_capacity</c>, <c>vm_provisioning_az_1</c>, <c>control_plane</c>, <c>restore_bandwidth</c>).</param>
/// <param name="Label">Its display label.</param>
/// <param name="Unit">What it holds.</param>
/// <param name="Capacity">Its capacity (the largest in any replication, for pools that grow with new nodes).</param>
/// <param name="PeakInUse">Per replication: the most in use at once.</param>
/// <param name="Requests">Requests over all replications.</param>
/// <param name="Waited">Requests that queued, over all replications.</param>
/// <param name="Misses">Requests the pool could not serve (a warm pool found empty: a cold start), over all replications.</param>
/// <param name="RequestsPerReplication">Requests per replication.</param>
/// <param name="WaitedPerReplication">Requests that queued per replication.</param>
/// <param name="MissShare">The share of requests not served, mean over replications with requests (t interval; n = those replications).</param>
/// <param name="MissShareOfRequests">The same pooled over requests (Wilson interval, requests taken as independent).</param>
/// <param name="WaitSecondsPerReplication">Per replication: seconds requests spent queued, summed over requests.</param>
/// <param name="MaxWaitSeconds">Per replication: the longest queue wait.</param>
/// <param name="PeakWaiting">Per replication: the most requests queued at once.</param>
public sealed record PoolSummary(
    string Key,
    string Label,
    string Unit,
    double Capacity,
    StatisticSummary PeakInUse,
    long Requests,
    long Waited,
    long Misses,
    Estimate RequestsPerReplication,
    Estimate WaitedPerReplication,
    Estimate MissShare,
    Estimate MissShareOfRequests,
    StatisticSummary WaitSecondsPerReplication,
    StatisticSummary MaxWaitSeconds,
    StatisticSummary PeakWaiting);
