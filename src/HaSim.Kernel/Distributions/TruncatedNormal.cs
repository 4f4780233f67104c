using System.Globalization;
using MathNet.Numerics.Distributions;

namespace HaSim.Kernel.Distributions;

/// <summary>
/// A normal distribution restricted to [min, max] (by default min 0, so durations stay
/// non-negative), sampled by inverting the CDF: one uniform draw per sample, no rejection loop.
/// </summary>
public sealed record TruncatedNormal : Distribution
{
    private readonly double _cdfMin;
    private readonly double _cdfMax;

    /// <summary>A normal with <paramref name="mean"/> and <paramref name="stdDev"/> before truncation to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public TruncatedNormal(double mean, double stdDev, double min = 0, double max = double.PositiveInfinity)
    {
        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "mean must be finite.");
        }

        MeanBeforeTruncation = mean;
        StdDev = Check(stdDev, nameof(stdDev));
        if (!(max > min) || double.IsNaN(min))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "max must be greater than min.");
        }

        Min = min;
        Max = max;
        _cdfMin = Normal.CDF(mean, stdDev, min);
        _cdfMax = Normal.CDF(mean, stdDev, max);
        if (!(_cdfMax > _cdfMin))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "The interval [min, max] has no probability mass under this normal.");
        }
    }

    /// <summary>The mean of the normal before truncation.</summary>
    public double MeanBeforeTruncation { get; }

    /// <summary>The standard deviation of the normal before truncation.</summary>
    public double StdDev { get; }

    /// <summary>The lower bound.</summary>
    public double Min { get; }

    /// <summary>The upper bound.</summary>
    public double Max { get; }

    /// <inheritdoc/>
    public override double Mean
    {
        get
        {
            double a = (Min - MeanBeforeTruncation) / StdDev;
            double b = (Max - MeanBeforeTruncation) / StdDev;
            double pdfA = double.IsInfinity(a) ? 0 : Normal.PDF(0, 1, a);
            double pdfB = double.IsInfinity(b) ? 0 : Normal.PDF(0, 1, b);
            return MeanBeforeTruncation + (StdDev * (pdfA - pdfB) / (_cdfMax - _cdfMin));
        }
    }

    /// <inheritdoc/>
    public override double Sample(System.Random random) => Quantile(random.NextDouble());

    /// <inheritdoc/>
    public override double Quantile(double p)
    {
        CheckProbability(p);
        double u = _cdfMin + (p * (_cdfMax - _cdfMin));
        double x = Normal.InvCDF(MeanBeforeTruncation, StdDev, u);
        return Math.Clamp(x, Min, Max);
    }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"normal mean {MeanBeforeTruncation:G6}, sd {StdDev:G4}, truncated to [{Min:G6}, {Max:G6}]");
}
