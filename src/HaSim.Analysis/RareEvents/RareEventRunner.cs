using HaSim.Analysis.MonteCarlo;
using HaSim.Kernel.Random;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// The accelerated estimator: importance sampling with balanced failure biasing (<see cref="FailureBiasing"/>).
/// A pilot (<see cref="BiasingPilot"/>) chooses the biasing's time scale and strength; then every replication
/// runs biased and its count of the event is weighted by its exact likelihood ratio. Replication i is seeded
/// from (seed, i) only, the pilot from seeds of its own, and the sums are exact, so the result is the same for
/// any thread count and shard split.
/// </summary>
public static class RareEventRunner
{
    /// <summary>Runs the pilot (unless the biasing is given) and the biased replications of <paramref name="shard"/>.</summary>
    public static RareEventRun Run(Scenario scenario, RareEventSettings settings, ShardSpec shard, int threads, RunProgress? progress = null, CancellationToken cancellation = default, bool checkInvariants = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var pilot = settings.Biasing is null ? BiasingPilot.Run(scenario, settings, threads, cancellation, checkInvariants) : null;
        var biasing = settings.Biasing ?? pilot!.Biasing;
        var total = Biased(scenario, settings, biasing, settings.Seed, shard.ReplicationsOf(settings.Replications), shard.ReplicationIndex, threads, progress, cancellation, checkInvariants);
        return new RareEventRun(settings, biasing, pilot, total);
    }

    /// <summary>Runs <paramref name="count"/> biased replications (indices from <paramref name="index"/>) and merges what they collected.</summary>
    private static RareEventAccumulator Biased(Scenario scenario, RareEventSettings settings, FailureBiasing biasing, ulong seed, long count, Func<long, long> index,
        int threads, RunProgress? progress, CancellationToken cancellation, bool checkInvariants)
    {
        var monteCarlo = MonteCarloSettings.For(scenario, settings.Years, settings.Replications, settings.Seed);
        var workers = MonteCarloRunner.StartWorkers(count, threads, cancellation, () =>
        {
            var accumulator = new RareEventAccumulator();
            var observer = new RareEventObserver(settings, monteCarlo);
            return (accumulator, (Action<long>)(k =>
            {
                observer.Begin();
                var outcome = BiasedReplicationRunner.Run(scenario, seed, index(k), settings.Years, observer, biasing, checkInvariants);
                var (events, weight) = observer.Complete(outcome.LogLikelihoodRatio);
                accumulator.Add(events, weight, outcome);
                progress?.Increment();
            }));
        });
        var total = new RareEventAccumulator();
        foreach (var w in workers)
        {
            total.Merge(w);
        }

        return total;
    }
}

/// <summary>A finished accelerated run.</summary>
/// <param name="Settings">Its settings.</param>
/// <param name="Biasing">The biasing used.</param>
/// <param name="Pilot">The pilot, if the biasing came from one.</param>
/// <param name="Accumulator">What the biased replications collected.</param>
public sealed record RareEventRun(RareEventSettings Settings, FailureBiasing Biasing, PilotResult? Pilot, RareEventAccumulator Accumulator)
{
    /// <summary>The estimate and its diagnostics.</summary>
    public RareEventEstimate Summarise() => RareEventEstimate.From(this);
}
