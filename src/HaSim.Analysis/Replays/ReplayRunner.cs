using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Analysis.Replays;

/// <summary>
/// Replays a scenario's scripted timeline over many seeds (no random failures) on several threads:
/// replay i runs with the seed derived from (seed, i), whichever thread runs it, and accumulators
/// merge exactly, so the result is the same for any number of threads.
/// </summary>
public static class ReplayRunner
{
    /// <summary>Replays <paramref name="scenario"/> <paramref name="replications"/> times.</summary>
    /// <param name="scenario">The scenario; its timeline is replayed.</param>
    /// <param name="replications">How many replays.</param>
    /// <param name="seed">The root seed.</param>
    /// <param name="threads">Worker threads.</param>
    /// <param name="progress">Counts completed replays, if given.</param>
    /// <param name="cancellation">Stops the workers between replays.</param>
    /// <param name="checkInvariants">Check the model's invariants on every state change.</param>
    public static ReplayAccumulator Run(Scenario scenario, long replications, ulong seed, int threads, RunProgress? progress = null, CancellationToken cancellation = default, bool checkInvariants = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var workers = MonteCarloRunner.StartWorkers(replications, threads, cancellation, () =>
        {
            var accumulator = new ReplayAccumulator(scenario, replications, seed);
            var observer = new Observer(accumulator);
            return (accumulator, (Action<long>)(i =>
            {
                observer.Begin();
                ScriptedReplicationRunner.Run(scenario, seed, i, observer, checkInvariants);
                observer.Complete();
                progress?.Increment();
            }));
        });
        var total = new ReplayAccumulator(scenario, replications, seed);
        foreach (var w in workers)
        {
            total.Merge(w);
        }

        return total;
    }

    /// <summary>Feeds a replay into the tally, and keeps its incidents and degraded intervals for the expectations.</summary>
    private sealed class Observer(ReplayAccumulator target) : IRunObserver
    {
        private readonly ReplicationTally _tally = new(target.Figures);
        private readonly List<Incident> _incidents = [];
        private readonly List<DegradedInterval> _degraded = [];

        public bool WantsTrace => false;

        public void Begin()
        {
            _tally.Begin();
            _incidents.Clear();
            _degraded.Clear();
        }

        public void OnIncidentClosed(Incident incident)
        {
            _tally.Record(incident);
            _incidents.Add(incident);
        }

        public void OnDegraded(DegradedInterval interval)
        {
            _tally.OnDegraded(interval);
            _degraded.Add(interval);
        }

        public void OnTrace(TraceRecord record)
        {
        }

        public void Complete()
        {
            _tally.Complete();
            var expectations = target.Scenario.Expectations;
            for (int k = 0; k < expectations.Count; k++)
            {
                var value = ExpectationCheck.Measure(expectations[k], _incidents, _degraded);
                target.Expectations[k].Add(value, ExpectationCheck.Holds(expectations[k], value));
            }
        }
    }
}
