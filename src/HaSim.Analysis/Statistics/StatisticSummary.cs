namespace HaSim.Analysis.Statistics;

/// <summary>
/// A report-ready summary of one quantity: sample size, mean with its confidence interval, and the
/// median, p90, p99 and p99.9 each with a confidence interval, plus the exact extremes.
/// </summary>
/// <remarks>
/// Bounds the data cannot support are infinite (see <see cref="ConfidenceInterval"/>); serialisers must
/// allow named floating-point literals or map them to null. The quantile estimates and intervals come
/// from a <see cref="QuantileSketch"/> and carry its relative error <see cref="RelativeAccuracy"/>; their
/// intervals already include it.
/// </remarks>
/// <param name="Count">How many values were observed.</param>
/// <param name="Mean">The mean, or NaN if there were none.</param>
/// <param name="StandardDeviation">The sample standard deviation, or NaN with fewer than two values.</param>
/// <param name="MeanInterval">The Student t interval for the mean.</param>
/// <param name="P50">The median with its distribution-free interval.</param>
/// <param name="P90">The 90th percentile with its interval.</param>
/// <param name="P99">The 99th percentile with its interval.</param>
/// <param name="P999">The 99.9th percentile with its interval.</param>
/// <param name="Min">The exact minimum (positive infinity if there were no values).</param>
/// <param name="Max">The exact maximum (negative infinity if there were no values).</param>
/// <param name="Level">The confidence level of every interval.</param>
/// <param name="RelativeAccuracy">The relative error bound of the quantile sketch.</param>
public sealed record StatisticSummary(
    long Count,
    double Mean,
    double StandardDeviation,
    ConfidenceInterval MeanInterval,
    ConfidenceInterval P50,
    ConfidenceInterval P90,
    ConfidenceInterval P99,
    ConfidenceInterval P999,
    double Min,
    double Max,
    double Level,
    double RelativeAccuracy)
{
    /// <summary>The distribution function at <see cref="EmpiricalCdf.ReportProbabilities"/>, each
    /// probability exact (see <see cref="QuantileSketch.CdfPoints"/>); empty when there were no values.</summary>
    public EmpiricalCdf Cdf { get; init; } = EmpiricalCdf.Empty;

    /// <summary>Summarises values recorded in both <paramref name="moments"/> and <paramref name="sketch"/>.</summary>
    /// <param name="moments">The moments of the values.</param>
    /// <param name="sketch">The quantile sketch of the same values.</param>
    /// <param name="level">The confidence level of every interval, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentException">The two hold different numbers of values.</exception>
    public static StatisticSummary From(Moments moments, QuantileSketch sketch, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(moments);
        ArgumentNullException.ThrowIfNull(sketch);
        ConfidenceInterval.CheckLevel(level);
        if (moments.Count != sketch.Count)
        {
            throw new ArgumentException($"The moments hold {moments.Count} values but the sketch {sketch.Count}; they must summarise the same values.", nameof(sketch));
        }

        return new StatisticSummary(
            moments.Count,
            moments.Mean,
            moments.StandardDeviation,
            moments.MeanConfidenceInterval(level),
            sketch.QuantileConfidenceInterval(0.5, level),
            sketch.QuantileConfidenceInterval(0.9, level),
            sketch.QuantileConfidenceInterval(0.99, level),
            sketch.QuantileConfidenceInterval(0.999, level),
            moments.Min,
            moments.Max,
            level,
            sketch.RelativeAccuracy)
        {
            Cdf = sketch.CdfPoints(EmpiricalCdf.ReportProbabilities),
        };
    }
}
