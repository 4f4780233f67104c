using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Fleet;

namespace HaSim.Analysis.Fleet;

/// <summary>
/// Runs fleet replications on several threads, each worker with its own <see cref="FleetTally"/> and
/// <see cref="FleetAccumulator"/>, merged at the end: the result is the same for any thread count and
/// any split into shards. The entry point for code (a sweep) as much as for the CLI.
/// </summary>
public static class FleetRunner
{
    /// <summary>Runs the replications of <paramref name="shard"/> of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The fleet.</param>
    /// <param name="settings">Years (or null: replays of the timeline), replications, seed (see <see cref="FleetSettings.For"/>).</param>
    /// <param name="shard">Which replications to run (<see cref="ShardSpec.Whole"/> for all).</param>
    /// <param name="threads">Worker threads (at least 1).</param>
    /// <param name="progress">Counts completed replications, if given.</param>
    /// <param name="cancellation">Stops the workers between replications; the run then throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="checkInvariants">Check every database's invariants and the capacity invariants on every change.</param>
    public static FleetAccumulator Run(FleetScenario scenario, FleetSettings settings, ShardSpec shard, int threads, RunProgress? progress = null, CancellationToken cancellation = default, bool checkInvariants = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var groups = FleetAccumulator.GroupSettings(scenario, settings);
        long count = shard.ReplicationsOf(settings.Replications);
        var workers = MonteCarloRunner.StartWorkers(count, threads, cancellation, () =>
        {
            var accumulator = new FleetAccumulator(settings, groups);
            var tally = new FleetTally(accumulator, scenario) { Cancellation = cancellation };
            return (accumulator, (Action<long>)(k =>
            {
                tally.Run(shard.ReplicationIndex(k), checkInvariants);
                progress?.Increment();
            }));
        });
        var total = new FleetAccumulator(settings, groups);
        foreach (var w in workers)
        {
            total.Merge(w);
        }

        return total;
    }

    /// <summary>
    /// Replays the fleet's timeline once (replication 0 of <paramref name="seed"/>, default the
    /// scenario's) and keeps every incident and the exact recovery steps of every fleet event;
    /// <paramref name="cancellation"/> stops it within a few thousand events.
    /// </summary>
    public static FleetReplay Replay(FleetScenario scenario, ulong? seed = null, bool checkInvariants = false, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var settings = FleetSettings.For(scenario, null, 1, seed ?? scenario.Seed);
        var accumulator = new FleetAccumulator(settings, FleetAccumulator.GroupSettings(scenario, settings));
        var tally = new FleetTally(accumulator, scenario) { Cancellation = cancellation };
        var rows = new List<FleetIncidentRow>();
        var groupOf = scenario.Groups.SelectMany((g, k) => Enumerable.Range(0, g.Count).Select(i => (Group: k, Index: i))).ToArray();
        tally.IncidentHook = (db, incident) =>
        {
            var (g, i) = groupOf[db];
            var group = scenario.Groups[g];
            rows.Add(new FleetIncidentRow(db, group.Name, i, group.PlacementOf(i).Zone, incident.FailureMode.Key, incident.StartSeconds, incident.DetectedSeconds,
                incident.ServerRestoredSeconds, incident.ClientRestoredSeconds, incident.RpoBytes, tally.EventOf(incident)));
        };
        long checks = tally.Run(0, checkInvariants);
        var events = tally.Events.ToList();
        var steps = events.Select((e, k) => RecoverySteps(e, rows.Where(r => r.Event == k).ToList())).ToList();
        return new FleetReplay(settings.ReplicationSeed(0), accumulator, rows, steps, checks);
    }

    private static FleetEventSteps RecoverySteps(FleetEvent e, List<FleetIncidentRow> affected)
    {
        var back = affected.Where(r => r.ClientRestoredSeconds is not null).Select(r => r.ClientRestoredSeconds!.Value - e.AtSeconds).Order().ToList();
        var steps = new List<RecoveryStep> { new(0, affected.Count) };
        for (int i = 0; i < back.Count; i++)
        {
            int down = affected.Count - i - 1;
            if (steps[^1].SecondsAfterEvent == back[i])
            {
                steps[^1] = new RecoveryStep(back[i], down);
            }
            else
            {
                steps.Add(new RecoveryStep(back[i], down));
            }
        }

        return new FleetEventSteps(e, affected.Count, steps);
    }
}

/// <summary>A replay of a fleet's timeline, with every incident and the exact recovery steps of every fleet event.</summary>
/// <param name="Seed">The seed the replay ran with.</param>
/// <param name="Accumulator">The replay as one replication (summarise it for the fleet figures).</param>
/// <param name="Incidents">Every database's incidents, in the order they closed.</param>
/// <param name="Events">Every fleet event and its recovery steps.</param>
/// <param name="InvariantChecks">Invariant checker observations that held (0 without checking).</param>
public sealed record FleetReplay(ulong Seed, FleetAccumulator Accumulator, IReadOnlyList<FleetIncidentRow> Incidents, IReadOnlyList<FleetEventSteps> Events, long InvariantChecks);

/// <summary>One incident of one database of a fleet replay.</summary>
/// <param name="Database">The database's index in the fleet.</param>
/// <param name="Group">Its group.</param>
/// <param name="Index">Its index in the group.</param>
/// <param name="Zone">The zone (0-based) it was placed in.</param>
/// <param name="FailureMode">The failure mode's key.</param>
/// <param name="StartSeconds">When it stopped serving.</param>
/// <param name="DetectedSeconds">When the failure was detected.</param>
/// <param name="ServerRestoredSeconds">When the server side served again.</param>
/// <param name="ClientRestoredSeconds">When clients were back.</param>
/// <param name="RpoBytes">Committed data lost.</param>
/// <param name="Event">The fleet event (index in <see cref="FleetReplay.Events"/>) that opened it, or −1.</param>
public sealed record FleetIncidentRow(int Database, string Group, int Index, int Zone, string FailureMode, double StartSeconds, double? DetectedSeconds, double? ServerRestoredSeconds, double? ClientRestoredSeconds, double RpoBytes, int Event)
{
    /// <summary>Client RTO, if clients came back.</summary>
    public double? RtoSeconds => ClientRestoredSeconds - StartSeconds;
}

/// <summary>The exact recovery of one fleet event of a replay: databases still down after each return.</summary>
/// <param name="Event">The event.</param>
/// <param name="Affected">Databases it took down.</param>
/// <param name="Steps">From (0, affected): after each time, how many were still down.</param>
public sealed record FleetEventSteps(FleetEvent Event, int Affected, IReadOnlyList<RecoveryStep> Steps);

/// <summary>A step of an exact recovery curve.</summary>
/// <param name="SecondsAfterEvent">Time after the event.</param>
/// <param name="DatabasesDown">Databases still down from then on.</param>
public readonly record struct RecoveryStep(double SecondsAfterEvent, int DatabasesDown);
