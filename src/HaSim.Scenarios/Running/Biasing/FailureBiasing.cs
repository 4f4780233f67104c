using HaSim.Model.Architectures;

namespace HaSim.Scenarios.Running.Biasing;

/// <summary>One time scale of the extra failure rate: θ / (τ + s) at episode time s.</summary>
/// <param name="TimeScaleSeconds">τ, in seconds (positive).</param>
/// <param name="Strength">θ, the extra failures per e-fold of episode time beyond τ (0: none).</param>
public readonly record struct BiasComponent(double TimeScaleSeconds, double Strength)
{
    /// <summary>ln(1 + S/τ): the extra failures an episode of <paramref name="seconds"/> expects per unit of strength.</summary>
    public double LogSpan(double seconds) => Math.Log(1 + (Math.Max(0, seconds) / TimeScaleSeconds));
}

/// <summary>
/// Balanced failure biasing of the exponential failure processes. While at least <see cref="Threshold"/>
/// units of the database's redundancy are down (<see cref="Redundancy.Down"/>: a vulnerable episode), extra
/// failures come at total rate b(s) = Σ_c θ_c / (τ_c + s), s being the time since the episode began, each
/// striking one of the N exponential processes and targets chosen uniformly (balanced); every process also
/// keeps failing at its own rate λ. Process j's rate is then λ_j + b(s) / N.
/// </summary>
/// <remarks>
/// <para>Each component decays like 1/s so that an episode of any length, a 40-second failover or a day-long
/// zone outage, gets θ·ln(1 + S/τ) extra failures: failures come early in short episodes and are spread over
/// long ones, and an episode of length S multiplies the likelihood ratio of a run without a hit by only
/// (1 + S/τ)^θ. Several time scales together (a defensive mixture) keep the weights bounded whether the
/// dangerous moment is the first seconds of an episode or its whole length.</para>
/// </remarks>
/// <param name="Importance">What the redundancy level counts (copies of the data, or serving paths too).</param>
/// <param name="Components">The time scales and strengths of the extra rate (none, or all strengths 0: no biasing).</param>
/// <param name="Threshold">The redundancy level from which failures are biased (at least 1).</param>
public sealed record FailureBiasing(RedundancyKind Importance, IReadOnlyList<BiasComponent> Components, int Threshold = 1)
{
    /// <summary>The time scale used when there is nothing better: a minute, the scale of a failover.</summary>
    public const double DefaultTimeScaleSeconds = 60;

    /// <summary>No biasing: the run has the model's own law (its likelihood ratio is 1); episodes are measured against <paramref name="timeScales"/>.</summary>
    public static FailureBiasing None(RedundancyKind importance, params double[] timeScales) =>
        new(importance, [.. (timeScales.Length == 0 ? [DefaultTimeScaleSeconds] : timeScales).Select(t => new BiasComponent(t, 0))]);

    /// <summary>One time scale <paramref name="timeScaleSeconds"/> with strength <paramref name="strength"/>.</summary>
    public static FailureBiasing Single(RedundancyKind importance, double strength, double timeScaleSeconds) => new(importance, [new BiasComponent(timeScaleSeconds, strength)]);

    /// <summary>Throws unless the settings are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Components);
        foreach (var c in Components)
        {
            if (!(c.Strength >= 0) || !double.IsFinite(c.Strength))
            {
                throw new ArgumentOutOfRangeException(nameof(Components), c.Strength, "A biasing strength must be a non-negative finite number.");
            }

            if (!(c.TimeScaleSeconds > 0) || !double.IsFinite(c.TimeScaleSeconds))
            {
                throw new ArgumentOutOfRangeException(nameof(Components), c.TimeScaleSeconds, "A biasing time scale must be a positive number of seconds.");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Threshold, 1);
    }
}
