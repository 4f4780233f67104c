using HaSim.Model.Architectures;

namespace HaSim.Scenarios.Running.Biasing;

/// <summary>
/// Balanced failure biasing of the exponential failure processes. While at least <see cref="Threshold"/>
/// units of the database's redundancy are down (<see cref="Redundancy.Down"/>: a vulnerable episode), extra
/// failures come at total rate θ / (τ + s), s being the time since the episode began, each striking one of
/// the N exponential processes and targets chosen uniformly (balanced); every process also keeps failing at
/// its own rate λ. Process j's rate is then λ_j + b_j(s) with b_j = θ / (N (τ + s)).
/// </summary>
/// <remarks>
/// <para>The extra rate decays like 1/s so that an episode of any length, a 40-second failover or a day-long
/// zone outage, gets about θ·ln(1 + S/τ) extra failures: a second failure is likely early in short episodes
/// and spread over long ones, and an episode of length S multiplies the likelihood ratio of a run without a
/// hit by only (1 + S/τ)^θ, so long episodes do not make the weights heavy-tailed.</para>
/// </remarks>
/// <param name="Importance">What the redundancy level counts (copies of the data, or serving paths too).</param>
/// <param name="Strength">θ, the extra failures per e-fold of episode time (0 turns biasing off).</param>
/// <param name="TimeScaleSeconds">τ, the time scale of the first extra failures of an episode, in seconds.</param>
/// <param name="Threshold">The redundancy level from which failures are biased (at least 1).</param>
public sealed record FailureBiasing(RedundancyKind Importance, double Strength, double TimeScaleSeconds = FailureBiasing.DefaultTimeScaleSeconds, int Threshold = 1)
{
    /// <summary>The default τ: a minute, the scale of a failover.</summary>
    public const double DefaultTimeScaleSeconds = 60;

    /// <summary>No biasing: the run has the model's own law (its likelihood ratio is 1), but vulnerable episodes are still measured.</summary>
    public static FailureBiasing None(RedundancyKind importance, double timeScaleSeconds = DefaultTimeScaleSeconds) => new(importance, 0, timeScaleSeconds);

    /// <summary>The expected extra failures of an episode of <paramref name="seconds"/> per unit of strength: ln(1 + S/τ).</summary>
    public double LogSpan(double seconds) => Math.Log(1 + (Math.Max(0, seconds) / TimeScaleSeconds));

    /// <summary>Throws unless the settings are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(Strength >= 0) || !double.IsFinite(Strength))
        {
            throw new ArgumentOutOfRangeException(nameof(Strength), Strength, "The biasing strength must be a non-negative finite number.");
        }

        if (!(TimeScaleSeconds > 0) || !double.IsFinite(TimeScaleSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(TimeScaleSeconds), TimeScaleSeconds, "The biasing time scale must be a positive number of seconds.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Threshold, 1);
    }
}
