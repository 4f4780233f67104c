using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.Statistics;

/// <summary>Exact (Clopper–Pearson) binomial bounds, for proportions estimated from few successes.</summary>
public static class ClopperPearson
{
    /// <summary>
    /// The one-sided upper confidence bound on a proportion after <paramref name="successes"/> in
    /// <paramref name="trials"/>: the p at which seeing that few or fewer has probability 1 − level,
    /// the (level) quantile of Beta(x + 1, n − x). With no successes it is 1 − (1 − level)^(1/n),
    /// about 3/n at 95% (the rule of three). 1 when every trial succeeded; NaN with no trials.
    /// </summary>
    public static double UpperBound(long successes, long trials, double level)
    {
        ConfidenceInterval.CheckLevel(level);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return double.NaN;
        }

        if (successes == trials)
        {
            return 1;
        }

        if (successes == 0)
        {
            return -MathNet.Numerics.SpecialFunctions.Expm1(Math.Log(1 - level) / trials);
        }

        return Beta.InvCDF(successes + 1, trials - successes, level);
    }
}
