using System.Numerics;
using HaSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>A point estimate with its confidence interval and the sample size it rests on.</summary>
/// <param name="Interval">The estimate and its interval (bounds the data cannot support are infinite, see <see cref="ConfidenceInterval"/>).</param>
/// <param name="SampleSize">How many independent observations (replications, months, batches, trials) it rests on.</param>
public sealed record Estimate(ConfidenceInterval Interval, long SampleSize)
{
    /// <summary>The point estimate.</summary>
    public double Value => Interval.Estimate;

    /// <summary>This estimate with every figure mapped by the increasing function <paramref name="map"/>.</summary>
    public Estimate Map(Func<double, double> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new Estimate(new ConfidenceInterval(map(Interval.Estimate), map(Interval.Lower), map(Interval.Upper), Interval.Level), SampleSize);
    }

    /// <summary>This estimate with every figure mapped by the decreasing function <paramref name="map"/> (the bounds swap).</summary>
    public Estimate MapDecreasing(Func<double, double> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new Estimate(new ConfidenceInterval(map(Interval.Estimate), map(Interval.Upper), map(Interval.Lower), Interval.Level), SampleSize);
    }

    /// <summary>A Wilson interval for a proportion, with the number of trials as the sample size.</summary>
    public static Estimate Of(ProportionEstimate proportion, double level)
    {
        ArgumentNullException.ThrowIfNull(proportion);
        return new Estimate(proportion.WilsonInterval(level), proportion.Trials);
    }

    /// <summary>
    /// The Student t interval for the mean of <paramref name="n"/> observations, of which those in
    /// <paramref name="sum"/> were added and the rest were zero (so a per-replication total that most
    /// replications never touch costs nothing to collect). The variance is computed exactly from the
    /// integer sums, so the result does not depend on how the observations were grouped or merged.
    /// </summary>
    /// <param name="sum">The non-zero observations (any zeros added too are harmless).</param>
    /// <param name="n">The number of observations, at least <c>sum.Count</c>.</param>
    /// <param name="level">The confidence level.</param>
    /// <param name="scale">A factor applied to the mean and bounds (for example 1/years for a per-year rate).</param>
    /// <param name="nonNegative">True for a quantity that cannot be negative (a duration, a count): the lower bound is then at least 0.</param>
    public static Estimate Mean(ExactSum sum, long n, double level, double scale = 1, bool nonNegative = false)
    {
        ArgumentNullException.ThrowIfNull(sum);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, sum.Count);
        if (n == 0)
        {
            return new Estimate(new ConfidenceInterval(double.NaN, double.NaN, double.NaN, level), 0);
        }

        double mean = (double)sum.SumQuanta / n / sum.QuantaPerUnit;
        if (n == 1)
        {
            return new Estimate(new ConfidenceInterval(mean * scale, nonNegative ? 0 : double.NegativeInfinity, double.PositiveInfinity, level), 1);
        }

        var numerator = (new BigInteger(n) * sum.SumOfSquaresQuanta) - BigInteger.Pow((BigInteger)sum.SumQuanta, 2);
        double variance = (double)numerator / n / (n - 1) / sum.QuantaPerUnit / sum.QuantaPerUnit;
        double half = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2)) * Math.Sqrt(Math.Max(0, variance) / n);
        double lower = nonNegative ? Math.Max(0, mean - half) : mean - half;
        return new Estimate(new ConfidenceInterval(mean * scale, lower * scale, (mean + half) * scale, level), n);
    }

    /// <summary>The Student t interval for the mean of a few values computed at summary time (batch statistics).</summary>
    public static Estimate MeanOf(IReadOnlyList<double> values, double level)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        if (n == 0)
        {
            return new Estimate(new ConfidenceInterval(double.NaN, double.NaN, double.NaN, level), 0);
        }

        double mean = 0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= n;
        if (n == 1)
        {
            return new Estimate(new ConfidenceInterval(mean, double.NegativeInfinity, double.PositiveInfinity, level), 1);
        }

        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        double half = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2)) * Math.Sqrt(squares / (n - 1) / n);
        return new Estimate(new ConfidenceInterval(mean, mean - half, mean + half, level), n);
    }
}
