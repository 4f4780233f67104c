using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// When a budget looks at its evidence and at what confidence: replications double from
/// <see cref="First"/> (look 1) up to <see cref="Cap"/>, and look k judges the interval at level
/// 1 − α / 2^k, where α = 1 − <see cref="Confidence"/>.
/// </summary>
/// <remarks>
/// <para>This is alpha spending with a geometric spending sequence: the looks spend α/2, α/4, α/8, …,
/// which add up to less than α however many looks there are. A verdict is wrong only if the interval
/// at the look that gave it misses the true value, so by the union bound the chance that any look
/// gives a wrong pass or fail is at most α: repeated looks do not inflate the error rate, and a
/// verdict needs no correction for having stopped early. The level of look k depends only on k, not on
/// the cap, so raising the cap never changes a verdict reached before it.</para>
/// <para>Each interval's own coverage is that of its method: exact for quantiles (order statistics)
/// and sample maxima, asymptotic for means (Student t) and proportions (Wilson).</para>
/// </remarks>
/// <param name="First">Replications at the first look (at least 1).</param>
/// <param name="Cap">The most replications to escalate to (at least <paramref name="First"/>); the last look is the largest First·2^k not above it.</param>
/// <param name="Confidence">The overall confidence 1 − α, strictly between 0 and 1.</param>
public sealed record SequentialPlan(long First, long Cap, double Confidence)
{
    /// <summary>How many looks the plan has.</summary>
    public int Looks
    {
        get
        {
            int looks = 1;
            for (long n = First; n <= Cap / 2; n *= 2)
            {
                looks++;
            }

            return looks;
        }
    }

    /// <summary>The replications at look <paramref name="look"/> (1-based).</summary>
    public long ReplicationsAt(int look) => First << (look - 1);

    /// <summary>The confidence level of the interval judged at look <paramref name="look"/> (1-based): 1 − α/2^look.</summary>
    public double LevelAt(int look) => 1 - ((1 - Confidence) / Math.Pow(2, look));

    /// <summary>
    /// Roughly how many replications would decide a figure whose interval at look <paramref name="look"/>
    /// has half-width <paramref name="halfWidth"/> and whose estimate lies <paramref name="margin"/> from the
    /// limit: the first point of the doubling schedule at which the half-width, shrinking as 1/√n and
    /// growing with the later looks' levels, falls below the margin. Null if the estimate sits on the limit.
    /// </summary>
    public long? ReplicationsToDecide(int look, double halfWidth, double margin)
    {
        if (!(margin > 0) || !double.IsFinite(halfWidth) || !(halfWidth > 0))
        {
            return null;
        }

        double zNow = Z(look);
        long n = ReplicationsAt(look);
        for (int k = look + 1; k < 62; k++)
        {
            long at = First << (k - 1);
            double width = halfWidth * (Z(k) / zNow) * Math.Sqrt((double)n / at);
            if (width < margin)
            {
                return at;
            }

            if (at > long.MaxValue / 4)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// Roughly how many replications give a quantile at probability <paramref name="p"/> an upper bound
    /// at all, when it has none at look <paramref name="look"/>: the first point of the schedule whose
    /// expected sample (<paramref name="perReplication"/> observations per replication) has an order
    /// statistic above the quantile with the look's confidence, n ≥ ln(tail) / ln(p).
    /// </summary>
    public long? ReplicationsToBound(int look, double p, double perReplication)
    {
        if (!(perReplication > 0) || !(p > 0 && p < 1))
        {
            return null;
        }

        for (int k = look + 1; k < 62; k++)
        {
            long at = First << (k - 1);
            double tail = (1 - LevelAt(k)) / 2;
            if (perReplication * at >= Math.Log(tail) / Math.Log(p))
            {
                return at;
            }

            if (at > long.MaxValue / 4)
            {
                break;
            }
        }

        return null;
    }

    private double Z(int look) => Normal.InvCDF(0, 1, 1 - ((1 - LevelAt(look)) / 2));
}
