using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.RareEvents;

/// <summary>Why an accelerated estimate should not be read as it stands.</summary>
public enum RareEventWarning
{
    /// <summary>No replication reached the event: the estimate 0 says nothing about how rare it is.</summary>
    NoEventReached,

    /// <summary>Fewer than 10 replications reached the event: the interval is not to be trusted.</summary>
    FewHits,

    /// <summary>A few replications carry most of the weight (effective sample size under 10, one over half, or a likelihood ratio too large to sum): the interval is not to be trusted.</summary>
    WeightsCollapsed,

    /// <summary>The likelihood ratios do not average 1 within their interval: the biasing missed part of the model's paths.</summary>
    LikelihoodDrift,
}

/// <summary>
/// The accelerated estimate of a rare event's probability: the weighted mean p̂ = Σ w / (n · trials per
/// replication) with a normal interval from the weights' sample variance, its relative error, the effective
/// sample size (Σw)² / Σw², the mean likelihood ratio (1 in expectation), how many naive replications would
/// give the same interval, and the warnings that say when not to trust it.
/// </summary>
/// <param name="Run">The run.</param>
/// <param name="Probability">p̂ and its interval (n = replications).</param>
/// <param name="RelativeError">Standard error / p̂ (infinite when p̂ = 0).</param>
/// <param name="EffectiveSampleSize">(Σw)² / Σw² over the replications that reached the event.</param>
/// <param name="MeanLikelihoodRatio">The mean likelihood ratio over every replication, with its interval (should contain 1).</param>
/// <param name="NaiveReplications">Replications naive Monte Carlo would need for the same standard error, p̂(1 − p̂) / (trials · se²).</param>
/// <param name="Warnings">What makes the estimate unreliable, if anything.</param>
public sealed record RareEventEstimate(
    RareEventRun Run,
    Estimate Probability,
    double RelativeError,
    double EffectiveSampleSize,
    Estimate MeanLikelihoodRatio,
    double NaiveReplications,
    IReadOnlyList<RareEventWarning> Warnings)
{
    /// <summary>Fewer replications reaching the event than this, or a smaller effective sample size, and the estimate is flagged.</summary>
    public const double MinimumHits = 10;

    /// <summary>True if there is no warning.</summary>
    public bool IsReliable => Warnings.Count == 0;

    /// <summary>Summarises <paramref name="run"/>.</summary>
    public static RareEventEstimate From(RareEventRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var a = run.Accumulator;
        var s = run.Settings;
        long n = a.Replications;
        double trials = s.TrialsPerReplication;
        double z = Normal.InvCDF(0, 1, 1 - ((1 - s.Level) / 2));
        var (mean, se) = MeanAndError(a.Weights.Value, a.SquaredWeights.Value, n);
        double p = mean / trials;
        double pse = se / trials;
        // No event reached: the sample says nothing of how small p is, so no upper bound is claimed.
        var probability = new Estimate(
            a.Hits == 0 ? new ConfidenceInterval(0, 0, double.PositiveInfinity, s.Level) : new ConfidenceInterval(p, Math.Max(0, p - (z * pse)), Math.Min(1, p + (z * pse)), s.Level), n);
        var (ratio, ratioSe) = MeanAndError(a.Ratios.Value, a.SquaredRatios.Value, n);
        var meanRatio = new Estimate(new ConfidenceInterval(ratio, ratio - (z * ratioSe), ratio + (z * ratioSe), s.Level), n);
        double squares = a.SquaredWeights.Value;
        double ess = squares > 0 ? a.Weights.Value * a.Weights.Value / squares : 0;
        double naive = pse > 0 ? p * (1 - p) / (trials * pse * pse) : double.NaN;

        var warnings = new List<RareEventWarning>();
        if (a.Hits == 0)
        {
            warnings.Add(RareEventWarning.NoEventReached);
        }
        else
        {
            if (a.Hits < MinimumHits)
            {
                warnings.Add(RareEventWarning.FewHits);
            }

            if (ess < MinimumHits || a.MaxWeight > 0.5 * a.Weights.Value)
            {
                warnings.Add(RareEventWarning.WeightsCollapsed);
            }
        }

        if (a.OutOfRange > 0 && !warnings.Contains(RareEventWarning.WeightsCollapsed))
        {
            warnings.Add(RareEventWarning.WeightsCollapsed);
        }

        if (n > 1 && Math.Abs(ratio - 1) > 4 * Math.Max(ratioSe, 1e-12))
        {
            warnings.Add(RareEventWarning.LikelihoodDrift);
        }

        return new RareEventEstimate(run, probability, p > 0 ? pse / p : double.PositiveInfinity, ess, meanRatio, naive, warnings);
    }

    /// <summary>The sample mean of n values with sum <paramref name="sum"/> and sum of squares <paramref name="squares"/>, and its standard error.</summary>
    private static (double Mean, double Error) MeanAndError(double sum, double squares, long n)
    {
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        double mean = sum / n;
        if (n == 1)
        {
            return (mean, double.PositiveInfinity);
        }

        double variance = Math.Max(0, (squares - (n * mean * mean)) / (n - 1));
        return (mean, Math.Sqrt(variance / n));
    }
}
