namespace HaSim.Analysis.Statistics;

/// <summary>
/// Intervals for statistics pooled over the databases of a fleet, with replications as the independent
/// unit: the databases of one replication share its outage and its queues, so their values are not
/// independent samples. The statistic is also computed within each replication (its own mean, quantile
/// or proportion over its databases), and the pooled estimate's interval is widened to at least
/// estimate ± t(level, R − 1) · s / √R, with s the standard deviation of those R per-replication values
/// (batch means with one replication per batch). It is never narrower than the pooled interval; with
/// fewer than two replications it is unbounded.
/// </summary>
public static class ReplicationInterval
{
    /// <summary>Widens <paramref name="pooled"/> by the spread of the per-replication values in <paramref name="perReplication"/>.</summary>
    /// <param name="pooled">The estimate over the pooled values, with the interval that takes them as independent.</param>
    /// <param name="perReplication">The statistic computed within each replication that had values.</param>
    /// <param name="lowerBound">The least value the statistic can take (0 for durations and shares), or −∞.</param>
    /// <param name="upperBound">The greatest (1 for shares), or +∞.</param>
    public static ConfidenceInterval Widen(ConfidenceInterval pooled, Moments perReplication, double lowerBound = double.NegativeInfinity, double upperBound = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(perReplication);
        double half = perReplication.Count < 2 ? double.PositiveInfinity : perReplication.MeanConfidenceInterval(pooled.Level).Width / 2;
        return WidenBy(pooled, half, lowerBound, upperBound);
    }

    /// <summary>Widens <paramref name="pooled"/> to at least its estimate ± <paramref name="half"/> (the t half-width over replications; +∞ with fewer than two), within the bounds.</summary>
    public static ConfidenceInterval WidenBy(ConfidenceInterval pooled, double half, double lowerBound = double.NegativeInfinity, double upperBound = double.PositiveInfinity)
    {
        double estimate = pooled.Estimate;
        if (double.IsNaN(estimate))
        {
            return pooled;
        }

        if (!double.IsFinite(half))
        {
            return pooled with { Lower = double.NegativeInfinity, Upper = double.PositiveInfinity };
        }

        double lower = Math.Max(lowerBound, Math.Min(pooled.Lower, estimate - half));
        double upper = Math.Min(upperBound, Math.Max(pooled.Upper, estimate + half));
        return pooled with { Lower = lower, Upper = upper };
    }

    /// <summary>The <paramref name="p"/> quantile of <paramref name="values"/> (sorted in place): the ⌈p·n⌉-th smallest, NaN if empty.</summary>
    public static double Quantile(List<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        int rank = Math.Clamp((int)Math.Ceiling((p * values.Count) - 1e-9), 1, values.Count);
        return values[rank - 1];
    }

    /// <summary>The mean of <paramref name="values"/>, NaN if empty.</summary>
    public static double Mean(List<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? double.NaN : values.Average();
    }
}
