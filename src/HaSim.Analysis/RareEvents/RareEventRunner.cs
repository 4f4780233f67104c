using HaSim.Analysis.MonteCarlo;
using HaSim.Kernel.Random;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// The accelerated estimator: importance sampling with balanced failure biasing (<see cref="FailureBiasing"/>).
/// A pilot of unbiased replications measures the vulnerable episodes and sets the strength so that a
/// replication gets about one extra failure; then every replication runs biased, and its count of the event
/// is weighted by its exact likelihood ratio. Replication i is seeded from (seed, i) only and the sums are
/// exact, so the result is the same for any thread count and shard split.
/// </summary>
public static class RareEventRunner
{
    /// <summary>Runs the pilot (unless the strength is given) and the biased replications of <paramref name="shard"/>.</summary>
    public static RareEventRun Run(Scenario scenario, RareEventSettings settings, ShardSpec shard, int threads, RunProgress? progress = null, CancellationToken cancellation = default, bool checkInvariants = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var monteCarlo = MonteCarloSettings.For(scenario, settings.Years, settings.Replications, settings.Seed);
        var pilot = settings.Strength is null ? Pilot(scenario, settings, threads, cancellation, checkInvariants) : null;
        double strength = settings.Strength ?? pilot!.Strength;
        var biasing = new FailureBiasing(settings.Event.Importance, strength, settings.TimeScaleSeconds);
        long count = shard.ReplicationsOf(settings.Replications);
        var workers = MonteCarloRunner.StartWorkers(count, threads, cancellation, () =>
        {
            var accumulator = new RareEventAccumulator();
            var observer = new RareEventObserver(settings, monteCarlo);
            return (accumulator, (Action<long>)(k =>
            {
                observer.Begin();
                var outcome = BiasedReplicationRunner.Run(scenario, settings.Seed, shard.ReplicationIndex(k), settings.Years, observer, biasing, checkInvariants);
                accumulator.Add(observer.Complete(), outcome);
                progress?.Increment();
            }));
        });
        var total = new RareEventAccumulator();
        foreach (var w in workers)
        {
            total.Merge(w);
        }

        return new RareEventRun(settings, strength, pilot, total);
    }

    /// <summary>
    /// Unbiased replications on seeds of their own (so they are not the main run's): the mean over them of
    /// Σ ln(1 + S/τ) per replication, and the strength that gives one extra failure per replication.
    /// </summary>
    private static PilotResult Pilot(Scenario scenario, RareEventSettings settings, int threads, CancellationToken cancellation, bool checkInvariants)
    {
        int n = settings.PilotReplications;
        ulong seed = SeedMixer.Derive(settings.Seed, "rare-event pilot");
        var none = FailureBiasing.None(settings.Event.Importance, settings.TimeScaleSeconds);
        var spans = new double[n];
        var episodes = new long[n];
        MonteCarloRunner.StartWorkers(n, threads, cancellation, () =>
        {
            var observer = new RareEventObserver(settings, MonteCarloSettings.For(scenario, settings.Years, n, seed));
            return (0, (Action<long>)(k =>
            {
                observer.Begin();
                var outcome = BiasedReplicationRunner.Run(scenario, seed, k, settings.Years, observer, none, checkInvariants);
                observer.Complete();
                spans[k] = outcome.LogSpan;
                episodes[k] = outcome.Episodes;
            }));
        });

        // Summed in index order: the same whatever thread ran which replication.
        double span = 0;
        long total = 0;
        for (int k = 0; k < n; k++)
        {
            span += spans[k];
            total += episodes[k];
        }

        double mean = span / n;
        return new PilotResult(n, (double)total / n, mean, mean > 0 ? 1 / mean : 0);
    }
}

/// <summary>What the pilot found.</summary>
/// <param name="Replications">Unbiased replications run.</param>
/// <param name="EpisodesPerReplication">Vulnerable episodes per replication.</param>
/// <param name="LogSpanPerReplication">Σ ln(1 + S/τ) over a replication's episodes, on average.</param>
/// <param name="Strength">The strength chosen, 1 / <paramref name="LogSpanPerReplication"/> (0 if no episode was seen: the run is then naive).</param>
public sealed record PilotResult(int Replications, double EpisodesPerReplication, double LogSpanPerReplication, double Strength);

/// <summary>A finished (or partial) accelerated run.</summary>
/// <param name="Settings">Its settings.</param>
/// <param name="Strength">The biasing strength θ used.</param>
/// <param name="Pilot">The pilot, if the strength came from one.</param>
/// <param name="Accumulator">What the biased replications collected.</param>
public sealed record RareEventRun(RareEventSettings Settings, double Strength, PilotResult? Pilot, RareEventAccumulator Accumulator)
{
    /// <summary>The estimate and its diagnostics.</summary>
    public RareEventEstimate Summarise() => RareEventEstimate.From(this);
}
