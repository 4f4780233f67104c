using HaSim.Analysis.MonteCarlo;
using HaSim.Kernel.Random;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// Chooses the biasing for an accelerated run, on seeds of its own (never the main run's replications):
/// <list type="number">
/// <item>unbiased replications measure the vulnerable episodes: how many, how long;</item>
/// <item>for each candidate time scale τ (10 s, 100 s, 1000 s and the mean episode) the strength θ is set so
/// that a replication gets about one extra failure and an episode at most about a half;</item>
/// <item>a short biased run per candidate estimates the event's relative error, and the candidate with the
/// smallest wins (one with fewer than 3 replications reaching the event cannot win; if none reaches it, the
/// mean episode does).</item>
/// </list>
/// The choice changes only how fast the estimate converges, never what it converges to.
/// </summary>
public static class BiasingPilot
{
    /// <summary>The fixed candidate time scales, in seconds (the mean episode is added).</summary>
    public static IReadOnlyList<double> TimeScales { get; } = [10, 100, 1000];

    /// <summary>Extra failures an episode gets at most, on average.</summary>
    public const double PerEpisode = 0.5;

    /// <summary>Runs the pilot for <paramref name="settings"/> (its given τ or θ, if any, are kept).</summary>
    public static PilotResult Run(Scenario scenario, RareEventSettings settings, int threads, CancellationToken cancellation, bool checkInvariants)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        int n = settings.PilotReplications;
        ulong seed = SeedMixer.Derive(settings.Seed, "rare-event pilot");
        var first = Measure(scenario, settings, seed, FailureBiasing.DefaultTimeScaleSeconds, threads, cancellation, checkInvariants);
        double meanEpisode = first.Episodes > 0 ? Math.Max(1, first.Seconds / first.Episodes) : FailureBiasing.DefaultTimeScaleSeconds;
        var scales = settings.TimeScaleSeconds is { } given ? [given] : TimeScales.Append(meanEpisode).Distinct().ToList();

        var candidates = new List<PilotCandidate>();
        foreach (double tau in scales)
        {
            var m = tau == FailureBiasing.DefaultTimeScaleSeconds ? first : Measure(scenario, settings, seed, tau, threads, cancellation, checkInvariants);
            double theta = settings.Strength ?? Strength(m, n);
            candidates.Add(new PilotCandidate(tau, theta, 0, double.NaN));
        }

        int chosen = candidates.Count - 1;
        if (candidates.Count > 1)
        {
            long trial = Math.Clamp(settings.Replications / 20, 200, 5000);
            double best = double.PositiveInfinity;
            for (int k = 0; k < candidates.Count; k++)
            {
                var c = candidates[k];
                var biasing = new FailureBiasing(settings.Event.Importance, c.Strength, c.TimeScaleSeconds);
                var a = RareEventRunner.Biased(scenario, settings, biasing, SeedMixer.Derive(seed, $"time scale {k}"), trial, i => i, threads, null, cancellation, checkInvariants);
                var estimate = RareEventEstimate.From(new RareEventRun(settings, c.Strength, c.TimeScaleSeconds, null, a));
                candidates[k] = c with { Hits = a.Hits, RelativeError = estimate.RelativeError };
                if (a.Hits >= 3 && estimate.RelativeError < best)
                {
                    best = estimate.RelativeError;
                    chosen = k;
                }
            }
        }

        var pick = candidates[chosen];
        return new PilotResult(n, (double)first.Episodes / n, meanEpisode, pick.TimeScaleSeconds, pick.Strength, candidates);
    }

    /// <summary>θ = min(1 / span per replication, <see cref="PerEpisode"/> / span per episode); 0 if no episode was seen (the run is then naive).</summary>
    private static double Strength(Measured m, int n)
    {
        if (m.Episodes == 0 || m.Span <= 0)
        {
            return 0;
        }

        return Math.Min(n / m.Span, PerEpisode * m.Episodes / m.Span);
    }

    private static Measured Measure(Scenario scenario, RareEventSettings settings, ulong seed, double tau, int threads, CancellationToken cancellation, bool checkInvariants)
    {
        int n = settings.PilotReplications;
        var outcomes = new BiasedOutcome[n];
        var none = FailureBiasing.None(settings.Event.Importance, tau);
        var monteCarlo = MonteCarloSettings.For(scenario, settings.Years, n, seed);
        MonteCarloRunner.StartWorkers(n, threads, cancellation, () =>
        {
            var observer = new RareEventObserver(settings, monteCarlo);
            return (0, (Action<long>)(k =>
            {
                observer.Begin();
                outcomes[k] = BiasedReplicationRunner.Run(scenario, seed, k, settings.Years, observer, none, checkInvariants);
                observer.Complete();
            }));
        });

        // Summed in index order: the same whatever thread ran which replication.
        double span = 0, seconds = 0;
        long episodes = 0;
        foreach (var o in outcomes)
        {
            span += o.LogSpan;
            seconds += o.VulnerableSeconds;
            episodes += o.Episodes;
        }

        return new Measured(episodes, seconds, span);
    }

    private readonly record struct Measured(long Episodes, double Seconds, double Span);
}

/// <summary>One candidate biasing the pilot tried.</summary>
/// <param name="TimeScaleSeconds">τ.</param>
/// <param name="Strength">θ for that τ.</param>
/// <param name="Hits">Replications of its short biased run that reached the event.</param>
/// <param name="RelativeError">The relative error of its short run (NaN if it was the only candidate).</param>
public sealed record PilotCandidate(double TimeScaleSeconds, double Strength, long Hits, double RelativeError);

/// <summary>What the pilot found and chose.</summary>
/// <param name="Replications">Unbiased replications per measurement.</param>
/// <param name="EpisodesPerReplication">Vulnerable episodes per replication.</param>
/// <param name="MeanEpisodeSeconds">The mean vulnerable episode.</param>
/// <param name="TimeScaleSeconds">The τ chosen.</param>
/// <param name="Strength">The θ chosen.</param>
/// <param name="Candidates">Every candidate tried, in order.</param>
public sealed record PilotResult(int Replications, double EpisodesPerReplication, double MeanEpisodeSeconds, double TimeScaleSeconds, double Strength, IReadOnlyList<PilotCandidate> Candidates);
