namespace HaSim.Analysis.Statistics;

/// <summary>
/// A point estimate with a two-sided confidence interval at a stated level.
/// </summary>
/// <remarks>
/// A bound that the data cannot support is infinite: the mean interval of a single observation is
/// (-infinity, +infinity), and the upper bound of a high quantile estimated from too few
/// observations is +infinity. With no observations the estimate and both bounds are NaN, except for
/// proportions, whose interval is then [0, 1].
/// </remarks>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The nominal coverage probability, for example 0.95.</param>
public readonly record struct ConfidenceInterval(double Estimate, double Lower, double Upper, double Level)
{
    /// <summary>The distance between the bounds (infinite if a bound is infinite).</summary>
    public double Width => Upper - Lower;

    /// <summary>Whether <paramref name="value"/> lies within the closed interval [Lower, Upper].</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Throws unless <paramref name="level"/> lies strictly between 0 and 1.</summary>
    internal static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1.");
        }
    }
}
