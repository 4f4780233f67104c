using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.Statistics;

/// <summary>
/// Ranks of the order statistics that bracket a population quantile with a given confidence
/// (the distribution-free interval built on the binomial distribution).
/// </summary>
internal static class OrderStatisticRanks
{
    /// <summary>Above this many values the binomial CDF is replaced by a normal approximation with
    /// continuity correction (the incomplete beta function loses accuracy; the difference is a few ranks).</summary>
    private const long ExactLimit = 1_000_000_000;

    /// <summary>
    /// Zero-based ranks (l, u) with P(X(l) ≤ ξp ≤ X(u)) ≥ level, each tail at most (1 − level)/2.
    /// l = −1 means no order statistic qualifies as a lower bound; u = n means none qualifies as an upper one.
    /// </summary>
    public static (long Lower, long Upper) Compute(long n, double p, double level)
    {
        var tail = (1 - level) / 2;

        // B ~ Bin(n, p) counts the values below ξp. X(j+1) (one-based) is ≤ ξp with probability P(B ≥ j + 1),
        // so zero-based rank j is a valid lower bound if P(B ≤ j) ≤ tail, a valid upper bound if P(B ≤ j) ≥ 1 − tail.
        // Largest j in [0, n - 1] with Cdf(j) <= tail.
        long lower;
        if (Cdf(n, p, 0) > tail)
        {
            lower = -1;
        }
        else
        {
            long lo = 0, hi = n - 1;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo + 1) / 2);
                if (Cdf(n, p, mid) <= tail)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            lower = lo;
        }

        // Smallest j in [0, n - 1] with Cdf(j) >= 1 - tail.
        long upper;
        if (Cdf(n, p, n - 1) < 1 - tail)
        {
            upper = n;
        }
        else
        {
            long lo = 0, hi = n - 1;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (Cdf(n, p, mid) >= 1 - tail)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            upper = lo;
        }

        return (lower, upper);
    }

    /// <summary>P(B ≤ j) for B ~ Bin(n, p) and 0 ≤ j ≤ n − 1.</summary>
    internal static double Cdf(long n, double p, long j)
    {
        if (p <= 0)
        {
            return 1;
        }

        if (p >= 1)
        {
            return 0;
        }

        if (n <= ExactLimit)
        {
            return SpecialFunctions.BetaRegularized(n - j, j + 1, 1 - p);
        }

        var mean = n * p;
        var sd = Math.Sqrt(mean * (1 - p));
        return Normal.CDF(0, 1, (j + 0.5 - mean) / sd);
    }
}
