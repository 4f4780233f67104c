using HaSim.Analysis.MonteCarlo;
using HaSim.Kernel.Random;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// Sets the biasing of an accelerated run from unbiased replications on seeds of their own (never the
/// main run's): the first measures the vulnerable episodes (how many, how long); the second measures, for
/// each time scale τ_c (10 s, 100 s, 1000 s and the mean episode, unless given), the spans Σ ln(1 + S/τ_c).
/// Each of the K components then gets 1/K of the strength that would give a replication about one extra
/// failure, and an episode at most about <see cref="PerEpisode"/>. The strengths change only how fast the
/// estimate converges, never what it converges to.
/// </summary>
public static class BiasingPilot
{
    /// <summary>The fixed time scales, in seconds (the mean episode is added).</summary>
    public static IReadOnlyList<double> TimeScales { get; } = [10, 100, 1000];

    /// <summary>Extra failures an episode gets at most, on average.</summary>
    public const double PerEpisode = 0.5;

    /// <summary>Runs the pilot for <paramref name="settings"/>.</summary>
    public static PilotResult Run(Scenario scenario, RareEventSettings settings, int threads, CancellationToken cancellation, bool checkInvariants)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        int n = settings.PilotReplications;
        ulong seed = SeedMixer.Derive(settings.Seed, "rare-event pilot");
        var scales = settings.TimeScales;
        var measured = Measure(scenario, settings, seed, [.. scales ?? TimeScales], threads, cancellation, checkInvariants);
        double meanEpisode = measured.Episodes > 0 ? Math.Max(1, measured.Seconds / measured.Episodes) : FailureBiasing.DefaultTimeScaleSeconds;
        if (scales is null && !TimeScales.Any(t => Math.Abs(Math.Log(t / meanEpisode)) < 0.5))
        {
            scales = [.. TimeScales, meanEpisode];
            measured = Measure(scenario, settings, seed, [.. scales], threads, cancellation, checkInvariants);
        }

        scales ??= TimeScales;
        var components = scales.Select((tau, c) => new BiasComponent(tau, Strength(measured, c, n) / scales.Count)).ToList();
        return new PilotResult(n, (double)measured.Episodes / n, meanEpisode, new FailureBiasing(settings.ImportanceKind, components));
    }

    /// <summary>θ_c = min(1 / span per replication, <see cref="PerEpisode"/> / span per episode); 0 if no episode was seen (the run is then naive).</summary>
    private static double Strength(Measured m, int c, int n)
    {
        double span = m.Spans[c];
        return m.Episodes == 0 || span <= 0 ? 0 : Math.Min(n / span, PerEpisode * m.Episodes / span);
    }

    private static Measured Measure(Scenario scenario, RareEventSettings settings, ulong seed, double[] scales, int threads, CancellationToken cancellation, bool checkInvariants)
    {
        int n = settings.PilotReplications;
        var outcomes = new BiasedOutcome[n];
        var none = FailureBiasing.None(settings.ImportanceKind, scales);
        var monteCarlo = MonteCarloSettings.For(scenario, settings.Years, n, seed);
        MonteCarloRunner.StartWorkers(n, threads, cancellation, () =>
        {
            var observer = new RareEventObserver(settings, monteCarlo);
            return (0, (Action<long>)(k =>
            {
                observer.Begin();
                outcomes[k] = BiasedReplicationRunner.Run(scenario, seed, k, settings.Years, observer, none, checkInvariants);
                observer.Complete(0);
            }));
        });

        // Summed in index order: the same whatever thread ran which replication.
        var spans = new double[scales.Length];
        double seconds = 0;
        long episodes = 0;
        foreach (var o in outcomes)
        {
            for (int c = 0; c < spans.Length; c++)
            {
                spans[c] += o.LogSpans[c];
            }

            seconds += o.VulnerableSeconds;
            episodes += o.Episodes;
        }

        return new Measured(episodes, seconds, spans);
    }

    private sealed record Measured(long Episodes, double Seconds, double[] Spans);
}

/// <summary>What the pilot found and chose.</summary>
/// <param name="Replications">Unbiased replications per measurement.</param>
/// <param name="EpisodesPerReplication">Vulnerable episodes per replication.</param>
/// <param name="MeanEpisodeSeconds">The mean vulnerable episode.</param>
/// <param name="Biasing">The biasing chosen.</param>
public sealed record PilotResult(int Replications, double EpisodesPerReplication, double MeanEpisodeSeconds, FailureBiasing Biasing);
